// libFuzzer target: the content loader on one file's text, read as each kind of content file
// (timeline.json, an event, a UI strings table) beside the good fixture's other files.
// Nothing a curator writes may crash, leak, hit undefined behaviour or load an inconsistent event.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/loader.hpp"

namespace fs = std::filesystem;
using namespace kiosk::core;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The good fixture: the other files of a folder that the fuzzed file joins.
struct Fixture {
  fs::path content = fs::path(FIXTURES_DIR) / "good/content";
  fs::path images = fs::path(FIXTURES_DIR) / "good/images";
  std::string timeline = read(content / "timeline.json");
  std::string en = read(content / "i18n/en.json"), es = read(content / "i18n/es.json");
  std::string founding = read(content / "events/founding.json"), strike = read(content / "events/strike.json");
};

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "content_fuzzer: %s\n", what);
  std::abort();
}

// What every load must hold, whatever the input.
void check(const LoadResult& r) {
  for (const auto& d : r.diagnostics)
    if (d.message.empty() || format_diagnostic(d).empty()) fail("a diagnostic without a message");
  for (const auto& e : r.content.events) {
    if (e.id.empty()) fail("an event loaded without an id");
    if (!(e.t0 <= e.t1)) fail("an event loaded that ends before it starts");
  }
  for (const auto& era : r.content.eras)
    if (!(era.t0 < era.t1)) fail("an era loaded that ends before it starts");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Fixture f;
  // The fixture read up to the fuzzed file, once; each input continues from a copy.
  static const ContentReader with_strings = [] {
    ContentReader r(f.content, f.images);
    r.timeline(f.timeline);
    r.strings(f.en, "i18n/en.json");
    return r;
  }();
  static const ContentReader before_events = [] {
    ContentReader r = with_strings;
    r.strings(f.es, "i18n/es.json");
    r.check_strings();
    r.event(f.founding, "events/founding.json");
    return r;
  }();

  const std::string text(reinterpret_cast<const char*>(data), size);
  {  // as timeline.json, with the small UI strings table serving both languages
    ContentReader r(f.content, f.images);
    r.timeline(text);
    r.strings(f.es, "i18n/en.json");
    r.strings(f.es, "i18n/es.json");
    r.check_strings();
    r.event(f.founding, "events/founding.json");
    r.event(f.strike, "events/strike.json");
    check(r.finish());
  }
  {  // as an event, named like the fixture's richest event
    ContentReader r = before_events;
    r.event(text, "events/strike.json");
    check(r.finish());
  }
  {  // as the Spanish UI strings
    ContentReader r = with_strings;
    r.strings(text, "i18n/es.json");
    r.check_strings();
    check(r.finish());
  }
  return 0;
}
