// kiosk report FILE_OR_DIR... [--csv | --json] [--out FILE]: per-day numbers from analytics files.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/commands.hpp"
#include "core/report.hpp"

namespace kiosk::app {

namespace fs = std::filesystem;

int run_report(const Options& o) {
  std::vector<fs::path> files;
  for (const std::string& f : o.files) {
    std::error_code ec;
    if (fs::is_directory(f, ec)) {  // a folder: its day files, oldest first
      std::vector<fs::path> days;
      for (const auto& entry : fs::directory_iterator(f, ec))
        if (entry.path().filename().string().starts_with("analytics-") && entry.path().extension() == ".jsonl")
          days.push_back(entry.path());
      std::sort(days.begin(), days.end());
      files.insert(files.end(), days.begin(), days.end());
    } else {
      files.push_back(f);
    }
  }
  core::AnalyticsLog log;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "kiosk: cannot read %s\n", f.string().c_str());
      return 1;
    }
    std::stringstream text;
    text << in.rdbuf();
    core::read_analytics(text.str(), f.string(), &log);
  }
  const core::Report report = core::make_report(log);
  const std::string out = o.json  ? core::report_json(report).dump(2) + "\n"
                          : o.csv ? core::report_csv(report)
                                  : core::report_text(report);
  if (o.out.empty()) {
    std::fputs(out.c_str(), stdout);
  } else {
    std::ofstream file(o.out, std::ios::binary | std::ios::trunc);
    file << out;
    if (!file) {
      std::fprintf(stderr, "kiosk: cannot write %s\n", o.out.c_str());
      return 1;
    }
  }
  // The table and the JSON list bad lines themselves; CSV keeps them out of the data.
  if (o.csv)
    for (const std::string& p : report.problems) std::fprintf(stderr, "kiosk: skipped %s\n", p.c_str());
  return 0;
}

}  // namespace kiosk::app
