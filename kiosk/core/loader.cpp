#include "core/loader.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <set>

#include "core/content_path.hpp"
#include "core/image_header.hpp"
#include "core/json_positions.hpp"
#include "core/reading_budget.hpp"

namespace kiosk::core {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string too_big(std::uintmax_t size, const LoadOptions& options) {
  return "the file is " + std::to_string(size) + " bytes; content files may be at most " +
         std::to_string(options.max_file_bytes) + " bytes, so split it or remove pasted data";
}

// Reads a whole content file into `text`, reading at most max_file_bytes + 1 bytes; "" or why it
// cannot be used. `path` must stay inside `root` (the content folder): links out are not followed.
std::string read_file(const fs::path& path, const fs::path& root, const LoadOptions& options, std::string& text) {
  std::error_code ec;
  if (!is_inside(path, root))
    return "this file is a link that leads outside the content folder; copy the file into the folder instead";
  const fs::file_status status = fs::status(path, ec);
  if (fs::is_directory(status)) return "this is a folder, not a file; rename it so its name does not end in .json";
  if (!fs::exists(status)) return "cannot read this file: it is a link to a file that does not exist";
  if (ec) return "cannot read this file (" + ec.message() + ")";
  if (!fs::is_regular_file(status))
    return "this is not an ordinary file (a pipe, socket or device); remove it from the content folder";
  const auto size = fs::file_size(path, ec);
  if (ec) return "cannot read this file (" + ec.message() + ")";
  if (size > options.max_file_bytes) return too_big(size, options);
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot open this file; check its permissions";
  text.resize(options.max_file_bytes + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return "cannot read this file; check its permissions";
  if (text.size() > options.max_file_bytes) return too_big(text.size(), options);  // grew while being read
  if (text.empty()) return "the file is empty; write one JSON object { ... } in it, or delete it";
  return "";
}

// One content file being read: its text, parsed JSON and a place to report problems.
class FileReader {
 public:
  FileReader(std::string rel_name, std::vector<Diagnostic>& out) : name_(std::move(rel_name)), out_(out) {}

  // Parses the file's text; false (with a diagnostic) when it cannot be used at all.
  bool parse(const std::string& text, const LoadOptions& options) {
    if (text.size() > options.max_file_bytes) return file_error(too_big(text.size(), options));
    text_ = text;
    JsonError error;
    auto parsed = parse_positioned_json(text_, options.max_depth, &error);
    if (!parsed) {
      out_.push_back({name_, error.position.line, error.position.column, "", Severity::error, error.message});
      ++errors_;
      return false;
    }
    json_ = std::move(*parsed);
    if (!json_.value.is_object()) return report("", Severity::error, "the file must hold one JSON object { ... }");
    return true;
  }

  const json& root() const { return json_.value; }
  const std::string& name() const { return name_; }
  int errors() const { return errors_; }

  // Reports a problem; an error also marks the event to be skipped unless `keeps_event`
  // (a broken picture gets a placeholder, not a missing event). Past kMaxReports problems in one
  // file one summary line stands for the rest: a hostile file with half a million wrong entries
  // must not cost half a million line-and-column scans.
  bool report(const std::string& pointer, Severity severity, std::string message, bool keeps_event = false) {
    if (severity == Severity::error && !keeps_event) ++errors_;
    if (++reports_ > kMaxReports) {
      if (reports_ == kMaxReports + 1)
        out_.push_back({name_, 0, 0, "", severity,
                        "more than " + std::to_string(kMaxReports) +
                            " problems in this file; fix those listed, then validate again"});
      return false;
    }
    const TextPosition p = json_.position_of(pointer, text_);
    out_.push_back({name_, p.line, p.column, pointer, severity, std::move(message)});
    return false;
  }

  // A member of `obj` (at `ptr`) or nullptr; reports a missing required member.
  const json* member(const json& obj, const std::string& ptr, const char* key, bool required) {
    if (auto it = obj.find(key); it != obj.end() && !it->is_null()) return &*it;
    if (required) report(ptr, Severity::error, std::string("\"") + key + "\" is missing; it is required here");
    return nullptr;
  }

  std::optional<std::string> string(const json& obj, const std::string& ptr, const char* key, bool required) {
    const json* v = member(obj, ptr, key, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
      report(ptr + "/" + key, Severity::error, std::string("\"") + key + "\" must be a text in quotes, not " + kind(*v));
      return std::nullopt;
    }
    return v->get<std::string>();
  }

  // A visitor-visible text: "plain" (default language) or {"en": "...", "es": "..."}.
  LocalText text(const json& obj, const std::string& ptr, const char* key, bool required,
                 const std::string& default_language) {
    LocalText out;
    const json* v = member(obj, ptr, key, required);
    if (!v) return out;
    const std::string p = ptr + "/" + key;
    if (v->is_string()) {
      out.by_lang[default_language] = v->get<std::string>();
    } else if (v->is_object()) {
      for (const auto& [lang, t] : v->items()) {
        if (!t.is_string()) {
          report(p + "/" + pointer_token(lang), Severity::error,
                 "the \"" + lang + "\" text must be in quotes, not " + kind(t));
          continue;
        }
        out.by_lang[lang] = t.get<std::string>();
      }
    } else {
      report(p, Severity::error, std::string("\"") + key + "\" must be a text, or one text per language like {\"en\": \"...\"}, not " + kind(*v));
    }
    if (required && out.get(default_language, default_language).empty())
      report(p, Severity::error, std::string("\"") + key + "\" is empty; write it at least in \"" + default_language + "\"");
    return out;
  }

  std::vector<std::string> string_list(const json& obj, const std::string& ptr, const char* key) {
    std::vector<std::string> out;
    const json* v = member(obj, ptr, key, false);
    if (!v) return out;
    if (!v->is_array()) {
      report(ptr + "/" + key, Severity::error, std::string("\"") + key + "\" must be a list [\"...\", \"...\"], not " + kind(*v));
      return out;
    }
    for (std::size_t i = 0; i < v->size(); ++i) {
      if ((*v)[i].is_string()) out.push_back((*v)[i].get<std::string>());
      else report(ptr + "/" + key + "/" + std::to_string(i), Severity::error, "each entry must be a text in quotes, not " + kind((*v)[i]));
    }
    return out;
  }

  std::optional<Date> date(const json& obj, const std::string& ptr, const char* key, bool required) {
    const json* v = member(obj, ptr, key, required);
    if (!v) return std::nullopt;
    std::string written;
    if (v->is_string()) written = v->get<std::string>();
    else if (v->is_number_integer()) written = std::to_string(v->get<std::int64_t>());
    else {
      report(ptr + "/" + key, Severity::error, std::string("\"") + key + "\" must be a date in quotes like \"1965-09-08\", not " + kind(*v));
      return std::nullopt;
    }
    std::string error;
    auto d = parse_date(written, &error);
    if (!d) report(ptr + "/" + key, Severity::error, error);
    return d;
  }

  std::optional<Rgba> color(const json& obj, const std::string& ptr, const char* key, bool required) {
    auto s = string(obj, ptr, key, required);
    if (!s) return std::nullopt;
    auto c = parse_color(*s);
    if (!c) report(ptr + "/" + key, Severity::error, "\"" + *s + "\" is not a colour; write \"#RRGGBB\", e.g. \"#B03A2E\"");
    return c;
  }

  static std::string kind(const json& v) {
    switch (v.type()) {
      case json::value_t::null: return "null";
      case json::value_t::boolean: return "true/false";
      case json::value_t::number_integer:
      case json::value_t::number_unsigned:
      case json::value_t::number_float: return "a number";
      case json::value_t::string: return "a text";
      case json::value_t::array: return "a list";
      case json::value_t::object: return "an object";
      default: return "something else";
    }
  }

 private:
  bool file_error(std::string message) {
    out_.push_back({name_, 0, 0, "", Severity::error, std::move(message)});
    ++errors_;
    return false;
  }

  static constexpr int kMaxReports = 100;

  std::string name_;
  std::vector<Diagnostic>& out_;
  std::string text_;
  PositionedJson json_;
  int errors_ = 0;
  int reports_ = 0;
};

bool is_slug(const std::string& id) {
  if (id.empty() || id.size() > 120) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// Image errors keep their event: the visitor sees a placeholder, the curator a precise message.
void check_image(FileReader& f, const std::string& ptr, const std::string& rel, const fs::path& images_root,
                 const LoadOptions& options) {
  fs::path file;
  std::string problem = image_path_problem(rel, images_root, options.max_image_bytes, &file);
  if (problem.empty()) {
    std::string header_error;
    if (auto header = read_image_header(file, &header_error)) {
      const std::string size = std::to_string(header->width) + "x" + std::to_string(header->height);
      // width and height come from the file: compare without multiplying, which could overflow
      if (header->width <= 0 || header->height <= 0)
        problem = quote_text(rel) + " has no pixels (" + size + "); re-export it";
      else if (header->width > options.max_image_pixels / header->height)
        problem = quote_text(rel) + " is " + size + " pixels, over the limit of " +
                  std::to_string(options.max_image_pixels) + " pixels; scale it down to at most " +
                  std::to_string(options.display_width) + " pixels wide";
      else if (!header->complete)
        problem = quote_text(rel) + " is cut off: the " + header->format +
                  " file ends before its end marker; copy or export it again";
      else if (header->width > 2 * options.display_width || header->height > 2 * options.display_height)
        f.report(ptr, Severity::warning,
                 quote_text(rel) + " is " + size +
                     " pixels, far larger than any screen shows; scale it down to at most " +
                     std::to_string(options.display_width) + " pixels wide to load faster");
    } else {
      problem = quote_text(rel) + " " + header_error;
    }
  }
  if (!problem.empty()) f.report(ptr, Severity::error, problem + "; a placeholder is shown", true);
}

// Warns when a visitor reading `lang` would see the default language instead.
void check_translation(FileReader& f, const std::string& pointer, const LocalText& text, const Content& c) {
  if (text.empty()) return;
  for (const auto& lang : c.languages)
    if (lang != c.default_language && !text.has(lang))
      f.report(pointer, Severity::warning, "no \"" + lang + "\" text; visitors reading " + lang + " see the " +
                                               c.default_language + " text instead");
}

// Reads timeline.json; `tour_positions` gets the JSON pointer of each tour, for later checks.
void read_timeline(const std::string& text, Content& c, std::vector<Diagnostic>& out, const LoadOptions& options,
                   std::vector<std::string>& tour_positions) {
  FileReader f("timeline.json", out);
  if (!f.parse(text, options)) return;
  const json& r = f.root();
  if (auto lang = f.string(r, "", "default_language", false)) c.default_language = *lang;
  c.strings.default_language = c.default_language;
  c.title = f.text(r, "", "title", true, c.default_language);
  c.languages = f.string_list(r, "", "languages");
  if (std::find(c.languages.begin(), c.languages.end(), c.default_language) == c.languages.end())
    c.languages.insert(c.languages.begin(), c.default_language);
  check_translation(f, "/title", c.title, c);

  for (auto [key, target] : {std::pair{"style", &c.style}, std::pair{"style_high_contrast", &c.high_contrast}}) {
    const json* style = f.member(r, "", key, false);
    if (!style) continue;
    const std::string ptr = std::string("/") + key;
    if (!style->is_object()) {
      f.report(ptr, Severity::error, "\"" + std::string(key) + "\" must be an object of colours, e.g. {\"background\": \"#F5EEDC\"}");
      continue;
    }
    auto set = [&](const char* name, Rgba& field) {
      if (auto col = f.color(*style, ptr, name, false)) field = *col;
    };
    set("background", target->background);
    set("ink", target->ink);
    set("muted_ink", target->muted_ink);
    set("card", target->card);
    set("accent", target->accent);
    set("accent_ink", target->accent_ink);
  }

  if (const json* themes = f.member(r, "", "themes", false)) {
    if (!themes->is_array()) f.report("/themes", Severity::error, "\"themes\" must be a list of {\"id\", \"title\", \"color\"}");
    for (std::size_t i = 0; themes->is_array() && i < themes->size(); ++i) {
      const std::string ptr = "/themes/" + std::to_string(i);
      const json& t = (*themes)[i];
      if (!t.is_object()) { f.report(ptr, Severity::error, "each theme must be an object {\"id\": ..., \"title\": ..., \"color\": ...}"); continue; }
      Theme theme;
      theme.id = f.string(t, ptr, "id", true).value_or("");
      theme.title = f.text(t, ptr, "title", true, c.default_language);
      theme.color = f.color(t, ptr, "color", true).value_or(c.style.accent);
      check_translation(f, ptr + "/title", theme.title, c);
      if (!theme.id.empty()) c.themes.push_back(std::move(theme));
    }
  }

  if (const json* tours = f.member(r, "", "tours", false)) {
    if (!tours->is_array()) f.report("/tours", Severity::error, "\"tours\" must be a list of {\"id\", \"title\", \"intro\", \"events\"}");
    for (std::size_t i = 0; tours->is_array() && i < tours->size(); ++i) {
      const std::string ptr = "/tours/" + std::to_string(i);
      const json& t = (*tours)[i];
      if (!t.is_object()) { f.report(ptr, Severity::error, "each tour must be an object {\"id\", \"title\", \"intro\", \"events\"}"); continue; }
      Tour tour;
      tour.id = f.string(t, ptr, "id", true).value_or("");
      tour.title = f.text(t, ptr, "title", true, c.default_language);
      tour.intro = f.text(t, ptr, "intro", false, c.default_language);
      tour.events = f.string_list(t, ptr, "events");
      if (tour.events.empty()) f.report(ptr + "/events", Severity::error, "a tour needs \"events\": the ids of its stops, in order");
      check_translation(f, ptr + "/title", tour.title, c);
      if (!tour.id.empty()) {
        c.tours.push_back(std::move(tour));
        tour_positions.push_back(ptr);
      }
    }
  }
  if (const json* attract = f.member(r, "", "attract", false)) {
    if (!attract->is_object()) {
      f.report("/attract", Severity::error, "\"attract\" must be an object {\"highlights\": [...], \"seconds_per_event\": 8}");
    } else {
      c.attract.highlights = f.string_list(*attract, "/attract", "highlights");
      if (auto image = f.string(*attract, "/attract", "image", false)) {
        c.attract.image = *image;
        check_image(f, "/attract/image", *image, c.images_root, options);
      }
      if (const json* s = f.member(*attract, "/attract", "seconds_per_event", false)) {
        if (s->is_number() && s->get<double>() >= 2 && s->get<double>() <= 120) c.attract.seconds_per_event = s->get<double>();
        else f.report("/attract/seconds_per_event", Severity::error, "\"seconds_per_event\" must be a number of seconds from 2 to 120");
      }
    }
  }

  if (const json* eras = f.member(r, "", "eras", false)) {
    if (!eras->is_array()) f.report("/eras", Severity::error, "\"eras\" must be a list of {\"id\", \"title\", \"start\", \"end\", \"color\"}");
    for (std::size_t i = 0; eras->is_array() && i < eras->size(); ++i) {
      const std::string ptr = "/eras/" + std::to_string(i);
      const json& e = (*eras)[i];
      if (!e.is_object()) { f.report(ptr, Severity::error, "each era must be an object {\"id\", \"title\", \"start\", \"end\", \"color\"}"); continue; }
      Era era;
      era.id = f.string(e, ptr, "id", true).value_or("");
      era.title = f.text(e, ptr, "title", true, c.default_language);
      auto start = f.date(e, ptr, "start", true);
      auto end = f.date(e, ptr, "end", true);
      era.color = f.color(e, ptr, "color", true).value_or(Rgba{230, 230, 230, 255});
      check_translation(f, ptr + "/title", era.title, c);
      era.art.image = f.string(e, ptr, "image", false).value_or("");
      era.art.alt = f.text(e, ptr, "alt", false, c.default_language);
      era.art.credit = f.string(e, ptr, "credit", false).value_or("");
      era.art.license = f.string(e, ptr, "license", false).value_or("");
      if (!era.art.image.empty()) {
        check_image(f, ptr + "/image", era.art.image, c.images_root, options);
        if (era.art.alt.empty())
          f.report(ptr, Severity::warning, "the era's image has no \"alt\" text; describe it for visitors who cannot see it");
      }
      if (!start || !end || era.id.empty()) continue;
      era.start = *start;
      era.end = *end;
      era.t0 = period_start(*start);
      era.t1 = period_end(*end);
      if (era.t1 <= era.t0) { f.report(ptr + "/end", Severity::error, "the era ends before it starts; swap \"start\" and \"end\""); continue; }
      c.eras.push_back(std::move(era));
    }
    std::sort(c.eras.begin(), c.eras.end(), [](const Era& a, const Era& b) { return a.t0 < b.t0; });
  }
}

// Reads one UI strings file, i18n/<language>.json, into the table of its language.
void read_strings(const std::string& text, const std::string& rel, Content& c, std::vector<Diagnostic>& out,
                  const LoadOptions& options) {
  FileReader f(rel, out);
  if (!f.parse(text, options)) return;
  auto& table = c.strings.tables[fs::path(rel).stem().string()];
  for (const auto& [key, value] : f.root().items()) {
    if (key == "$schema") continue;
    if (value.is_string()) table[key] = value.get<std::string>();
    else f.report("/" + pointer_token(key), Severity::error, "\"" + key + "\" must be a text in quotes");
  }
}

// Once all UI strings files are read: the default language needs them; gaps in others are warned.
void check_strings(Content& c, std::vector<Diagnostic>& out) {
  const auto base = c.strings.tables.find(c.default_language);
  if (base == c.strings.tables.end()) {
    out.push_back({"i18n/" + c.default_language + ".json", 0, 0, "", Severity::error,
                   "the UI strings of the default language are missing; copy en.json from the kiosk's own content"});
    return;
  }
  for (const auto& lang : c.languages) {
    const auto table = c.strings.tables.find(lang);
    if (table == c.strings.tables.end()) {
      out.push_back({"i18n/" + lang + ".json", 0, 0, "", Severity::warning,
                     "language \"" + lang + "\" is offered but has no UI strings file; visitors will see " + c.default_language + " buttons"});
      continue;
    }
    std::string missing;
    int count = 0;
    for (const auto& [key, text] : base->second)
      if (!table->second.count(key) && ++count <= 3) missing += (missing.empty() ? "\"" : ", \"") + key + "\"";
    if (count > 0)
      out.push_back({"i18n/" + lang + ".json", 0, 0, "", Severity::warning,
                     std::to_string(count) + " UI string(s) missing (" + missing + (count > 3 ? ", ..." : "") +
                         "); visitors see the " + c.default_language + " words there"});
  }
}

void read_event(const std::string& text, const std::string& rel, Content& c, std::vector<Diagnostic>& out,
                const LoadOptions& options, std::set<std::string>& ids) {
  FileReader f(rel, out);
  if (!f.parse(text, options)) return;
  const json& r = f.root();
  const std::string& lang = c.default_language;
  Event e;
  e.file = rel;
  e.id = f.string(r, "", "id", true).value_or("");
  if (!e.id.empty() && !is_slug(e.id))
    f.report("/id", Severity::error,
             quote_text(e.id) +
                 " is not a valid id; use lower-case letters, digits and dashes, e.g. \"delano-grape-strike\"");
  else if (!e.id.empty() && ids.count(e.id))
    f.report("/id", Severity::error, "the id \"" + e.id + "\" is already used by another event; every event needs its own id");
  else if (!e.id.empty() && fs::path(rel).stem().string() != e.id)
    f.report("/id", Severity::warning, "the file name does not match the id; rename the file to \"" + e.id + ".json\"");

  auto start = f.date(r, "", "start_date", true);
  auto end = f.date(r, "", "end_date", false);
  if (start) {
    e.start = *start;
    e.t0 = period_start(*start);
    e.t1 = period_end(*start);
  }
  if (start && end) {
    if (period_end(*end) < e.t0 || period_start(*end) < e.t0)
      f.report("/end_date", Severity::error, "the end date comes before the start date; check both dates");
    else {
      e.end = end;
      e.t1 = period_end(*end);
    }
  }
  e.display_date = f.text(r, "", "display_date", false, lang);
  e.headline = f.text(r, "", "headline", true, lang);
  e.summary = f.text(r, "", "summary", false, lang);
  check_translation(f, "/headline", e.headline, c);
  check_translation(f, "/summary", e.summary, c);
  e.body = f.text(r, "", "body", false, lang);
  e.solidarity = f.text(r, "", "solidarity", false, lang);
  e.themes = f.string_list(r, "", "themes");
  e.people = f.string_list(r, "", "people");
  e.places = f.string_list(r, "", "places");
  e.related = f.string_list(r, "", "related");
  if (const json* imp = f.member(r, "", "importance", false)) {
    if (imp->is_number_integer() && imp->get<std::int64_t>() >= 1 && imp->get<std::int64_t>() <= 5)
      e.importance = imp->get<int>();
    else
      f.report("/importance", Severity::error, "\"importance\" must be a whole number from 1 (most important) to 5");
  }
  for (const auto& theme : e.themes)
    if (!c.theme(theme))
      f.report("/themes", Severity::error, "the theme \"" + theme + "\" is not defined in timeline.json \"themes\"; add it there or fix the spelling");

  if (const json* media = f.member(r, "", "media", false)) {
    if (!media->is_array()) f.report("/media", Severity::error, "\"media\" must be a list of {\"image\": ..., \"alt\": ...}");
    for (std::size_t i = 0; media->is_array() && i < media->size(); ++i) {
      const std::string ptr = "/media/" + std::to_string(i);
      const json& m = (*media)[i];
      if (!m.is_object()) { f.report(ptr, Severity::error, "each media entry must be an object {\"image\": ..., \"alt\": ...}"); continue; }
      Media item;
      item.url = f.string(m, ptr, "url", false).value_or("");
      item.image = f.string(m, ptr, "image", item.url.empty()).value_or("");
      item.alt = f.text(m, ptr, "alt", false, lang);
      item.caption = f.text(m, ptr, "caption", false, lang);
      item.credit = f.string(m, ptr, "credit", false).value_or("");
      item.license = f.string(m, ptr, "license", false).value_or("");
      if (item.alt.empty())
        f.report(ptr, Severity::warning, "the image has no \"alt\" text; describe it for visitors who cannot see it");
      if (!item.image.empty()) check_image(f, ptr + "/image", item.image, c.images_root, options);
      e.media.push_back(std::move(item));
    }
  }
  if (const json* quote = f.member(r, "", "quote", false)) {
    if (quote->is_object()) {
      Quote q;
      q.text = f.text(*quote, "/quote", "text", true, lang);
      q.attribution = f.string(*quote, "/quote", "attribution", true).value_or("");
      e.quote = std::move(q);
    } else {
      f.report("/quote", Severity::error, "\"quote\" must be an object {\"text\": ..., \"attribution\": ...}");
    }
  }
  if (const json* sources = f.member(r, "", "sources", false)) {
    if (!sources->is_array()) f.report("/sources", Severity::error, "\"sources\" must be a list of {\"title\", \"url\", ...}");
    for (std::size_t i = 0; sources->is_array() && i < sources->size(); ++i) {
      const std::string ptr = "/sources/" + std::to_string(i);
      const json& s = (*sources)[i];
      if (!s.is_object()) { f.report(ptr, Severity::error, "each source must be an object {\"title\", \"url\", ...}"); continue; }
      Source src;
      src.title = f.string(s, ptr, "title", true).value_or("");
      src.publisher = f.string(s, ptr, "publisher", false).value_or("");
      src.url = f.string(s, ptr, "url", false).value_or("");
      src.accessed = f.string(s, ptr, "accessed", false).value_or("");
      e.sources.push_back(std::move(src));
    }
  }
  if (e.sources.empty())
    f.report("", Severity::warning, "this event has no \"sources\"; every fact shown needs a source");
  if (const json* questions = f.member(r, "", "questions", false)) {
    if (questions->is_array()) {
      e.questions[lang] = f.string_list(r, "", "questions");
    } else if (questions->is_object()) {
      for (const auto& [code, list] : questions->items()) {
        std::vector<std::string> qs;
        for (const auto& q : list) if (q.is_string()) qs.push_back(q.get<std::string>());
        if (!list.is_array() || qs.size() != list.size())
          f.report("/questions/" + pointer_token(code), Severity::error, "questions must be a list of texts in quotes");
        e.questions[code] = std::move(qs);
      }
    } else {
      f.report("/questions", Severity::error, "\"questions\" must be a list of texts, or one list per language");
    }
  }
  for (const auto& warning : reading_budget_warnings(e, lang)) f.report(warning.pointer, Severity::warning, warning.message);

  if (f.errors() > 0 || e.id.empty() || !start) return;  // skipped: the rest loads
  ids.insert(e.id);
  c.events.push_back(std::move(e));
}

}  // namespace

ContentReader::ContentReader(fs::path content_root, fs::path images_root, const LoadOptions& options)
    : options_(options) {
  result_.content.content_root = std::move(content_root);
  result_.content.images_root = std::move(images_root);
}

void ContentReader::timeline(const std::string& text) {
  read_timeline(text, result_.content, result_.diagnostics, options_, tour_pointers_);
}

void ContentReader::strings(const std::string& text, const std::string& file) {
  read_strings(text, file, result_.content, result_.diagnostics, options_);
}

void ContentReader::check_strings() { core::check_strings(result_.content, result_.diagnostics); }

void ContentReader::event(const std::string& text, const std::string& file) {
  read_event(text, file, result_.content, result_.diagnostics, options_, ids_);
}

void ContentReader::unreadable(const std::string& file, std::string message) {
  result_.diagnostics.push_back({file, 0, 0, "", Severity::error, std::move(message)});
}

LoadResult ContentReader::finish() {
  Content& c = result_.content;
  auto& out = result_.diagnostics;
  for (auto& e : c.events) {
    std::vector<std::string> known;
    for (const auto& rel : e.related) {
      if (ids_.count(rel)) known.push_back(rel);
      else out.push_back({e.file, 0, 0, "/related", Severity::error,
                          "the related event \"" + rel + "\" does not exist; check its id"});
    }
    e.related = std::move(known);
  }
  for (std::size_t t = 0; t < c.tours.size(); ++t) {
    std::vector<std::string> known;
    for (std::size_t k = 0; k < c.tours[t].events.size(); ++k) {
      const std::string& id = c.tours[t].events[k];
      if (ids_.count(id)) known.push_back(id);
      else out.push_back({"timeline.json", 0, 0, tour_pointers_[t] + "/events/" + std::to_string(k), Severity::error,
                          "the tour stop \"" + id + "\" is not an event id; check its spelling"});
    }
    c.tours[t].events = std::move(known);
  }
  for (std::size_t k = 0; k < c.attract.highlights.size(); ++k)
    if (!ids_.count(c.attract.highlights[k]))
      out.push_back({"timeline.json", 0, 0, "/attract/highlights/" + std::to_string(k), Severity::error,
                     "the highlight \"" + c.attract.highlights[k] + "\" is not an event id; check its spelling"});
  std::sort(c.events.begin(), c.events.end(), [](const Event& a, const Event& b) {
    return a.t0 != b.t0 ? a.t0 < b.t0 : a.id < b.id;
  });
  c.reindex();
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.severity == Severity::error && b.severity != Severity::error;
  });
  return std::move(result_);
}

LoadResult load_content(const fs::path& content_dir, const LoadOptions& options) {
  fs::path images_root = content_dir.parent_path() / "images";
  if (content_dir.filename().empty()) images_root = content_dir.parent_path().parent_path() / "images";
  ContentReader reader(content_dir, images_root, options);
  // Reads one file and hands its text to `use`, or reports why it cannot be read.
  auto read = [&](const fs::path& path, const std::string& rel, auto use) {
    std::string text;
    if (std::string problem = read_file(path, content_dir, options, text); !problem.empty()) reader.unreadable(rel, std::move(problem));
    else use(text);
  };
  try {
    std::error_code ec;
    if (!fs::is_directory(content_dir, ec)) {
      reader.unreadable(content_dir.string(), "this content folder does not exist");
      return reader.finish();
    }
    read(content_dir / "timeline.json", "timeline.json", [&](const std::string& t) { reader.timeline(t); });

    if (!fs::is_directory(content_dir / "i18n", ec)) {
      reader.unreadable("i18n", "the i18n folder with the UI strings (en.json, ...) is missing");
    } else {
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(content_dir / "i18n", ec))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
      std::sort(files.begin(), files.end());
      for (const auto& path : files) {
        const std::string rel = "i18n/" + path.filename().string();
        read(path, rel, [&](const std::string& t) { reader.strings(t, rel); });
      }
      reader.check_strings();
    }

    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(content_dir / "events", ec))
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    if (ec) reader.unreadable("events", "the events folder cannot be read (" + ec.message() + ")");
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      const std::string rel = "events/" + path.filename().string();
      read(path, rel, [&](const std::string& t) { reader.event(t, rel); });
    }
  } catch (const std::exception& ex) {
    reader.unreadable(content_dir.string(), std::string("content could not be read: ") + ex.what());
  }
  return reader.finish();
}

}  // namespace kiosk::core
