#include <cstdio>
#include <fstream>

#include "app/commands.hpp"
#include "core/diagnostics.hpp"
#include "core/timelinejs.hpp"

namespace kiosk::app {

namespace fs = std::filesystem;

int run_import(const Options& o) {
  std::ifstream in(o.input);
  if (!in) {
    std::fprintf(stderr, "kiosk: cannot read %s\n", o.input.c_str());
    return 1;
  }
  const nlohmann::json tjs = nlohmann::json::parse(in, nullptr, false);
  if (tjs.is_discarded()) {
    std::fprintf(stderr, "kiosk: %s is not valid JSON\n", o.input.c_str());
    return 1;
  }
  const core::ImportResult r = core::import_timelinejs(tjs, o.language.empty() ? "en" : o.language);
  for (const auto& m : r.messages) std::printf("%s: %s\n", o.input.c_str(), m.c_str());
  if (r.files.empty()) return 1;
  const fs::path out_dir = o.out;
  std::error_code ec;
  fs::create_directories(out_dir / "events", ec);
  fs::create_directories(out_dir / "i18n", ec);
  for (const auto& [rel, doc] : r.files) {
    std::ofstream file(out_dir / rel);
    file << doc.dump(2) << "\n";
    if (!file) {
      std::fprintf(stderr, "kiosk: cannot write %s\n", (out_dir / rel).c_str());
      return 1;
    }
  }
  // The UI strings of the kiosk's own content, so the imported folder runs as it is.
  const fs::path strings = fs::path(KIOSK_SOURCE_DIR) / "content" / "i18n";
  for (const auto& entry : fs::directory_iterator(strings, ec))
    if (!fs::exists(out_dir / "i18n" / entry.path().filename()))
      fs::copy_file(entry.path(), out_dir / "i18n" / entry.path().filename(), ec);
  std::printf("%s: %d event(s) imported, %d skipped, into %s\n", o.input.c_str(), r.imported, r.skipped, o.out.c_str());
  return 0;
}

int run_export(const Options& o) {
  const core::LoadResult loaded = core::load_content(resolve_content_dir(o));
  if (core::count_errors(loaded.diagnostics) > 0)
    std::fprintf(stderr, "kiosk: the content has errors; events with errors are not exported (run kiosk validate)\n");
  const std::string lang = o.language.empty() ? loaded.content.default_language : o.language;
  std::ofstream out(o.out);
  out << core::export_timelinejs(loaded.content, lang).dump(2) << "\n";
  if (!out) {
    std::fprintf(stderr, "kiosk: cannot write %s\n", o.out.c_str());
    return 1;
  }
  std::printf("%zu event(s) exported to %s\n", loaded.content.events.size(), o.out.c_str());
  return 0;
}

}  // namespace kiosk::app
