// libFuzzer target: the TimelineJS importer on a file's text, as `kiosk import timelinejs` reads
// and writes it, and then the content loader on what it wrote. Nothing may crash, throw, leak or
// hit undefined behaviour, and what the importer writes must load without errors (but for images,
// which it does not copy).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/loader.hpp"
#include "core/timelinejs.hpp"

namespace fs = std::filesystem;
using namespace kiosk::core;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "timelinejs_fuzzer: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string en = read(fs::path(FIXTURES_DIR) / "good/content/i18n/en.json");
  const nlohmann::json tjs = nlohmann::json::parse(data, data + size, nullptr, false);
  if (tjs.is_discarded()) return 0;  // `kiosk import` refuses it before the importer sees it
  const ImportResult imported = import_timelinejs(tjs, "en");
  if (imported.imported + imported.skipped < 0) fail("negative counts");

  // What `kiosk import` writes (dump(2) per file), read back by the loader as `kiosk run` would.
  ContentReader r("imported/content", "imported/images");
  if (const auto it = imported.files.find("timeline.json"); it != imported.files.end()) r.timeline(it->second.dump(2));
  r.strings(en, "i18n/en.json");
  r.check_strings();
  for (const auto& [file, doc] : imported.files)
    if (file != "timeline.json") r.event(doc.dump(2), file);
  const LoadResult loaded = r.finish();
  for (const auto& d : loaded.diagnostics) {
    if (d.message.empty()) fail("a diagnostic without a message");
    // An image path is kept as written, and its file is not there; anything else is the importer's fault.
    if (d.severity == Severity::error && !d.pointer.ends_with("/image")) {
      std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
      fail("the imported content does not load without errors");
    }
  }
  if (static_cast<int>(loaded.content.events.size()) != imported.imported) fail("an imported event did not load");
  return 0;
}
