#include "core/timelinejs.hpp"

#include <cctype>
#include <cmath>
#include <set>

#include "core/date.hpp"
#include "core/html_text.hpp"

namespace kiosk::core {

using nlohmann::json;

namespace {

// A date part as an integer: strings and numbers accepted, "" and null absent.
std::optional<long long> part(const json& obj, const char* key) {
  if (!obj.is_object() || !obj.contains(key)) return std::nullopt;
  const json& v = obj[key];
  if (v.is_number_integer()) return v.get<long long>();
  if (v.is_number_float()) return static_cast<long long>(std::llround(v.get<double>()));
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    while (!s.empty() && s.front() == ' ') s.erase(0, 1);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    if (s.empty()) return std::nullopt;
    try {
      std::size_t used = 0;
      const long long n = std::stoll(s, &used);
      if (used == s.size()) return n;
    } catch (...) {
    }
  }
  return std::nullopt;
}

std::string two(long long n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// "1965", "1965-09" or "1965-09-08", or "" when the object has no usable year.
std::string native_date(const json& d) {
  const auto year = part(d, "year");
  if (!year || std::llabs(*year) > kMaxAbsYear) return "";
  std::string out = std::to_string(*year);
  const auto month = part(d, "month");
  if (!month || *month < 1 || *month > 12) return out;
  out += "-" + two(*month);
  const auto day = part(d, "day");
  if (!day || *day < 1 || *day > days_in_month(*year, static_cast<int>(*month))) return out;
  return out + "-" + two(*day);
}

std::string native_date_of(const Date& d) {
  std::string out = std::to_string(d.year);
  if (d.month) out += "-" + two(d.month);
  if (d.day) out += "-" + two(d.day);
  return out;
}

std::string text_of(const json& obj, const char* key) {
  if (!obj.is_object() || !obj.contains(key) || !obj[key].is_string()) return "";
  return html_to_text(obj[key].get<std::string>());
}

std::string slug(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) && c < 0x80) out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-') out += '-';
    if (out.size() >= 60) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string unique(std::string id, std::set<std::string>& taken) {
  if (id.empty()) id = "event";
  std::string candidate = id;
  for (int n = 2; taken.count(candidate); ++n) candidate = id + "-" + std::to_string(n);
  taken.insert(candidate);
  return candidate;
}

json local(const std::string& text, const std::string& lang) { return json{{lang, text}}; }

bool is_online(const std::string& url) {
  return url.starts_with("http://") || url.starts_with("https://") || url.starts_with("//") || url.starts_with("<");
}

const char* kPalette[] = {"#B03A2E", "#1F618D", "#117864", "#6C3483", "#A04000", "#7D6608", "#C2185B", "#0E7C7B"};
const char* kEraPalette[] = {"#F3E9D2", "#E9E4F0", "#F6E4D9", "#E3EFE6", "#E4ECF5", "#F5E6EC"};

}  // namespace

ImportResult import_timelinejs(const json& tjs, const std::string& lang) {
  ImportResult r;
  if (!tjs.is_object() || !tjs.contains("events") || !tjs["events"].is_array()) {
    r.messages.push_back(tjs.is_object() && tjs.contains("timeline")
                             ? "this is the old TimelineJS 2 format ({\"timeline\": ...}); open and save it in TimelineJS3 first"
                             : "this is not a TimelineJS3 file: it has no \"events\" list");
    return r;
  }
  json timeline = {{"default_language", lang}, {"languages", {lang}}, {"themes", json::array()}, {"eras", json::array()}};
  const std::string title = tjs.contains("title") && tjs["title"].is_object()
                                ? text_of(tjs["title"].value("text", json::object()), "headline")
                                : "";
  timeline["title"] = local(title.empty() ? "Imported timeline" : title, lang);

  std::map<std::string, std::string> theme_of_group;
  std::set<std::string> ids;
  const json& events = tjs["events"];
  for (std::size_t i = 0; i < events.size(); ++i) {
    const json& e = events[i];
    const std::string where = "event " + std::to_string(i + 1);
    if (!e.is_object()) {
      r.messages.push_back(where + ": not an object; skipped");
      ++r.skipped;
      continue;
    }
    const json text = e.value("text", json::object());
    std::string headline = text_of(text, "headline");
    const std::string start = native_date(e.value("start_date", json::object()));
    if (start.empty()) {
      r.messages.push_back(where + (headline.empty() ? "" : " (\"" + headline + "\")") +
                           ": no start date (a year is needed); skipped");
      ++r.skipped;
      continue;
    }
    if (headline.empty()) headline = "Untitled (" + start + ")";
    std::string id = e.contains("unique_id") && e["unique_id"].is_string() ? slug(e["unique_id"].get<std::string>()) : "";
    if (id.empty()) id = slug(headline + " " + start);
    id = unique(id, ids);

    json out = {{"id", id}, {"start_date", start}, {"headline", local(headline, lang)}};
    const std::string end = native_date(e.value("end_date", json::object()));
    if (!end.empty() && end != start) {
      std::string error;
      const auto s = parse_date(start, &error), en = parse_date(end, &error);
      // As the loader checks it: the whole end period lies after the start ("622" does not end "622-08-09").
      if (s && en && period_start(*en) >= period_start(*s) && period_end(*en) >= period_start(*s)) out["end_date"] = end;
      else r.messages.push_back(where + ": end date " + end + " is before the start; dropped");
    }
    std::string display = e.value("display_date", json()).is_string() ? e["display_date"].get<std::string>() : "";
    if (display.empty() && e.contains("start_date") && e["start_date"].is_object())
      display = text_of(e["start_date"], "display_date");
    display = html_to_text(display);
    // "c. 1920" as the shown date marks the date approximate, as the kiosk writes it.
    if (display.starts_with("c. ") || display.starts_with("ca. ") || display.starts_with("circa ")) {
      std::string error;
      if (const auto d = parse_date(display.substr(display.find(' ') + 1), &error); d && native_date_of(*d) == start) {
        out["start_date"] = "c. " + start;
        display.clear();
      }
    }
    if (!display.empty()) out["display_date"] = local(display, lang);
    if (const std::string body = text_of(text, "text"); !body.empty()) out["body"] = local(body, lang);

    if (e.contains("group") && e["group"].is_string() && !html_to_text(e["group"].get<std::string>()).empty()) {
      const std::string group = html_to_text(e["group"].get<std::string>());
      auto [it, fresh] = theme_of_group.emplace(group, "");
      if (fresh) {
        std::string theme_id = slug(group);
        if (theme_id.empty()) theme_id = "group-" + std::to_string(theme_of_group.size());
        it->second = theme_id;
        timeline["themes"].push_back({{"id", theme_id},
                                      {"title", local(group, lang)},
                                      {"color", kPalette[(theme_of_group.size() - 1) % std::size(kPalette)]}});
      }
      out["themes"] = json::array({it->second});
    }
    if (e.contains("media") && e["media"].is_object()) {
      const json& m = e["media"];
      const std::string url = m.value("url", json()).is_string() ? m["url"].get<std::string>() : "";
      json media = json::object();
      if (!url.empty() && is_online(url)) {
        if (!url.starts_with("<")) media["url"] = url;  // raw HTML embeds cannot be shown offline
      } else if (!url.empty()) {
        media["image"] = url;
      }
      if (const std::string c = text_of(m, "caption"); !c.empty()) media["caption"] = local(c, lang);
      if (const std::string c = text_of(m, "credit"); !c.empty()) media["credit"] = c;
      if (const std::string a = text_of(m, "alt"); !a.empty()) media["alt"] = local(a, lang);
      if (media.contains("image") || media.contains("url")) out["media"] = json::array({media});
      else if (!url.empty()) r.messages.push_back(where + ": embedded HTML media cannot be shown offline; dropped");
    }
    r.files["events/" + id + ".json"] = out;
    ++r.imported;
  }
  if (tjs.contains("eras") && tjs["eras"].is_array()) {
    std::set<std::string> era_ids;
    for (std::size_t i = 0; i < tjs["eras"].size(); ++i) {
      const json& era = tjs["eras"][i];
      if (!era.is_object()) {
        r.messages.push_back("era " + std::to_string(i + 1) + ": not an object; skipped");
        continue;
      }
      const std::string start = native_date(era.value("start_date", json::object()));
      const std::string end = native_date(era.value("end_date", json::object()));
      const std::string name = text_of(era.value("text", json::object()), "headline");
      if (start.empty() || end.empty()) {
        r.messages.push_back("era " + std::to_string(i + 1) + ": needs a start and an end date; skipped");
        continue;
      }
      std::string error;  // the loader refuses an era that ends before it starts
      const auto s = parse_date(start, &error), en = parse_date(end, &error);
      if (!s || !en || period_end(*en) <= period_start(*s)) {
        r.messages.push_back("era " + std::to_string(i + 1) + ": ends before it starts; skipped");
        continue;
      }
      timeline["eras"].push_back({{"id", unique(slug(name.empty() ? "era" : name), era_ids)},
                                  {"title", local(name.empty() ? start + "–" + end : name, lang)},
                                  {"start", start},
                                  {"end", end},
                                  {"color", kEraPalette[i % std::size(kEraPalette)]}});
    }
  }
  r.files["timeline.json"] = timeline;
  return r;
}

json export_timelinejs(const Content& c, const std::string& lang) {
  const std::string& def = c.default_language;
  auto date = [](const Date& d) {
    json out = {{"year", d.year}};
    if (d.month) out["month"] = d.month;
    if (d.day) out["day"] = d.day;
    return out;
  };
  auto html = [](const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      if (end > start) out += "<p>" + text_to_html(text.substr(start, end - start)) + "</p>";
      start = end + 1;
    }
    return out;
  };
  json out = {{"title", {{"text", {{"headline", text_to_html(c.title.get(lang, def))}}}}}, {"events", json::array()}};
  for (const Event& e : c.events) {
    json ev = {{"unique_id", e.id}, {"start_date", date(e.start)}};
    if (e.end) ev["end_date"] = date(*e.end);
    const std::string& body = e.body.get(lang, def);
    ev["text"] = {{"headline", text_to_html(e.headline.get(lang, def))},
                  {"text", html(body.empty() ? e.summary.get(lang, def) : body)}};
    if (const std::string& d = e.display_date.get(lang, def); !d.empty()) ev["display_date"] = d;
    else if (e.start.approximate && !e.end) ev["display_date"] = "c. " + native_date_of(e.start);
    if (!e.themes.empty())
      if (const Theme* t = c.theme(e.themes.front())) ev["group"] = t->title.get(lang, def);
    if (!e.media.empty()) {
      const Media& m = e.media.front();
      ev["media"] = {{"url", m.image.empty() ? m.url : m.image},
                     {"caption", text_to_html(m.caption.get(lang, def))},
                     {"credit", text_to_html(m.credit)},
                     {"alt", m.alt.get(lang, def)}};
    }
    out["events"].push_back(ev);
  }
  if (!c.eras.empty()) {
    out["eras"] = json::array();
    for (const Era& era : c.eras)
      out["eras"].push_back({{"start_date", date(era.start)}, {"end_date", date(era.end)},
                             {"text", {{"headline", text_to_html(era.title.get(lang, def))}}}});
  }
  return out;
}

}  // namespace kiosk::core
