#include <catch2/catch.hpp>

#include <algorithm>

#include "core/json_positions.hpp"
#include "core/loader.hpp"

using namespace kiosk::core;

namespace {
const std::string kFixtures = FIXTURES_DIR;

// The diagnostics about one file.
std::vector<Diagnostic> about(const LoadResult& r, const std::string& file) {
  std::vector<Diagnostic> out;
  std::copy_if(r.diagnostics.begin(), r.diagnostics.end(), std::back_inserter(out),
               [&](const Diagnostic& d) { return d.file == file; });
  return out;
}

LoadResult load_bad() {
  LoadOptions o;
  o.max_file_bytes = 2048;
  o.max_depth = 32;
  return load_content(kFixtures + "/bad/content", o);
}
}  // namespace

TEST_CASE("good content loads completely") {
  const LoadResult r = load_content(kFixtures + "/good/content");
  for (const auto& d : r.diagnostics) INFO(format_diagnostic(d));
  CHECK(count_errors(r.diagnostics) == 0);
  const Content& c = r.content;
  CHECK(c.title.get("es", "en") == "Cronología de prueba");
  CHECK(c.languages == std::vector<std::string>{"en", "es"});
  REQUIRE(c.events.size() == 2);
  CHECK(c.events[0].id == "founding");  // sorted by date: c. 1920 before 1965
  CHECK(c.events[0].start.approximate);
  const Event& s = c.events[1];
  CHECK(s.headline.get("es", "en") == "Los trabajadores agrícolas hacen huelga juntos");
  CHECK(s.summary.get("es", "en") == "A short summary.");  // falls back to the default language
  CHECK(s.t0 == Approx(period_start(Date{1965, 9, 8})));
  CHECK(s.t1 == Approx(period_end(Date{1970, 7, 29})));
  CHECK(s.related == std::vector<std::string>{"founding"});
  REQUIRE(s.media.size() == 1);
  CHECK(s.media[0].image == "pic.png");
  CHECK(c.eras.size() == 2);
  CHECK(c.strings.get("es", "button.back") == "Volver a la cronología");
  CHECK(c.strings.get("es", "button.home") == "Whole timeline");  // falls back to English
}

TEST_CASE("a bad event is skipped and the rest loads") {
  const LoadResult r = load_bad();
  std::vector<std::string> ids;
  for (const auto& e : r.content.events) ids.push_back(e.id);
  std::sort(ids.begin(), ids.end());
  // Image problems keep their event (with a placeholder); so do unknown related ids.
  CHECK(ids == std::vector<std::string>{"image-absolute", "image-bomb", "image-escape", "image-missing",
                                        "image-not-an-image", "image-symlink", "image-wide", "ok", "unknown-related"});
}

TEST_CASE("each kind of bad input gets a precise diagnostic") {
  const LoadResult r = load_bad();
  struct Expect {
    std::string file;
    int line, column;
    std::string pointer, contains;
  };
  const std::vector<Expect> expected = {
      {"events/broken-json.json", 4, 3, "", "a comma is missing before this entry"},
      {"events/wrong-type.json", 4, 15, "/headline", "must be a text"},
      {"events/missing-headline.json", 1, 1, "", "\"headline\" is missing"},
      {"events/zz-duplicate.json", 2, 9, "/id", "already used"},
      {"events/bad-month.json", 3, 17, "/start_date", "13 is not a month (1-12)"},
      {"events/end-before-start.json", 4, 15, "/end_date", "end date comes before the start date"},
      {"events/unknown-theme.json", 5, 13, "/themes", "\"labour\" is not defined"},
      {"events/image-missing.json", 5, 23, "/media/0/image", "does not exist"},
      {"events/image-escape.json", 5, 23, "/media/0/image", "climbs out"},
      {"events/image-absolute.json", 5, 23, "/media/0/image", "absolute path"},
      {"events/image-not-an-image.json", 5, 23, "/media/0/image", "is not a PNG, JPEG, GIF or BMP image"},
      {"events/image-bomb.json", 5, 23, "/media/0/image", "50000x50000 pixels, over the limit"},
      {"events/image-symlink.json", 5, 23, "/media/0/image", "leads outside the images folder"},
      {"events/bad-utf8.json", 4, 15, "", "not valid UTF-8"},
      {"events/too-deep.json", 1, 56, "", "nested more than 32 levels"},
      {"events/too-big.json", 0, 0, "", "at most 2048 bytes"},
  };
  for (const auto& e : expected) {
    INFO(e.file);
    const auto ds = about(r, e.file);
    REQUIRE_FALSE(ds.empty());
    const Diagnostic& d = ds.front();
    INFO(format_diagnostic(d));
    CHECK(d.severity == Severity::error);
    CHECK(d.line == e.line);
    CHECK(d.column == e.column);
    CHECK(d.pointer == e.pointer);
    CHECK(d.message.find(e.contains) != std::string::npos);
  }
  auto related = about(r, "events/unknown-related.json");
  std::erase_if(related, [](const Diagnostic& d) { return d.severity != Severity::error; });
  REQUIRE(related.size() == 1);
  CHECK(related[0].message.find("\"nope\" does not exist") != std::string::npos);
}

TEST_CASE("warnings: missing alt text, an oversized image, a missing translation, no sources") {
  const LoadResult r = load_bad();
  auto has = [&](const std::string& file, const std::string& text) {
    for (const auto& d : about(r, file))
      if (d.severity == Severity::warning && d.message.find(text) != std::string::npos) return true;
    return false;
  };
  CHECK(has("events/image-wide.json", "no \"alt\" text"));
  CHECK(has("events/image-wide.json", "8000x1000 pixels, far larger than any screen"));
  CHECK(has("events/image-missing.json", "no \"sources\""));
  CHECK(has("events/ok.json", "no \"es\" text"));
}

TEST_CASE("errors come before warnings and the format names the place") {
  const LoadResult r = load_bad();
  bool seen_warning = false;
  for (const auto& d : r.diagnostics) {
    if (d.severity == Severity::warning) seen_warning = true;
    else CHECK_FALSE(seen_warning);
  }
  const Diagnostic d{"events/x.json", 14, 22, "/start_date", Severity::error, "13 is not a month (1-12)"};
  CHECK(format_diagnostic(d) == "events/x.json:14:22 /start_date: error: 13 is not a month (1-12)");
}

TEST_CASE("a missing content folder is one error, not a crash") {
  const LoadResult r = load_content(kFixtures + "/does-not-exist");
  CHECK(count_errors(r.diagnostics) == 1);
  CHECK(r.content.events.empty());
}

TEST_CASE("positions of nested values are exact") {
  const std::string text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": {\"d\": null}\n}";
  JsonError err;
  const auto parsed = parse_positioned_json(text, 8, &err);
  REQUIRE(parsed);
  auto at = [&](const char* p) {
    const TextPosition pos = parsed->position_of(p, text);
    return std::make_pair(pos.line, pos.column);
  };
  CHECK(at("/a") == std::make_pair(2, 8));
  CHECK(at("/a/0") == std::make_pair(2, 9));
  CHECK(at("/a/1") == std::make_pair(2, 12));
  CHECK(at("/a/1/b") == std::make_pair(2, 18));
  CHECK(at("/c/d") == std::make_pair(3, 14));
  CHECK(at("/c/missing") == std::make_pair(3, 8));  // nearest ancestor
}

TEST_CASE("the bundled content has no errors") {
  const LoadResult r = load_content(std::string(FIXTURES_DIR) + "/../../content");
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::error) INFO(format_diagnostic(d));
  CHECK(count_errors(r.diagnostics) == 0);
  CHECK(r.content.events.size() >= 24);
}

TEST_CASE("an era's picture is read with its alt text and credit, and checked like an event's") {
  const std::string images = std::string(FIXTURES_DIR) + "/../../images";
  ContentReader reader(std::string(FIXTURES_DIR) + "/../../content", images);
  reader.timeline(R"({"title": {"en": "T"}, "eras": [
    {"id": "a", "title": {"en": "A"}, "start": "1880", "end": "1941", "color": "#F3E9D2",
     "image": "eras/exclusion-plantation-labor.png", "alt": {"en": "A steamship and cane"},
     "credit": "Illustration: the project", "license": "CC BY 4.0"},
    {"id": "b", "title": {"en": "B"}, "start": "1942", "end": "1967", "color": "#E9E4F0", "image": "eras/nope.png"},
    {"id": "c", "title": {"en": "C"}, "start": "1968", "end": "1979", "color": "#F6E4D9"}]})");
  const LoadResult r = reader.finish();
  REQUIRE(r.content.eras.size() == 3);  // a missing picture keeps its era
  const Media& a = r.content.eras[0].art;
  CHECK(a.image == "eras/exclusion-plantation-labor.png");
  CHECK(a.alt.get("en", "en") == "A steamship and cane");
  CHECK(a.credit == "Illustration: the project");
  CHECK(a.license == "CC BY 4.0");
  CHECK(r.content.eras[1].art.image == "eras/nope.png");
  CHECK(r.content.eras[2].art.image.empty());
  int missing = 0, no_alt = 0;
  for (const auto& d : r.diagnostics) {
    missing += d.pointer == "/eras/1/image" && d.severity == Severity::error;
    no_alt += d.pointer == "/eras/1" && d.severity == Severity::warning && d.message.find("\"alt\"") != std::string::npos;
    CHECK(d.pointer.rfind("/eras/0", 0) != 0);  // the good one has nothing to say
    CHECK(d.pointer.rfind("/eras/2", 0) != 0);  // an era without a picture is fine
  }
  CHECK(missing == 1);
  CHECK(no_alt == 1);
}
