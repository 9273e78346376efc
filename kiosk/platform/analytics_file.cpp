#include "platform/analytics_file.hpp"
#include "platform/log_file.hpp"

#include <fstream>
#include <sstream>
#include <vector>

#include "core/utc_time.hpp"

namespace kiosk::platform {

namespace fs = std::filesystem;

namespace {

// The day of an analytics-YYYY-MM-DD.jsonl file name, or "" for any other name.
std::string day_of(const fs::path& p) {
  const std::string name = p.filename().string();
  if (name.size() != 26 || !name.starts_with("analytics-") || !name.ends_with(".jsonl")) return "";
  const std::string day = name.substr(10, 10);
  return core::day_number(day) ? day : "";
}

// True when the file at `path` exists, is not empty and does not end with a line break.
bool ends_torn(const fs::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in || in.tellg() <= 0) return false;
  in.seekg(-1, std::ios::end);
  return in.get() != '\n';
}

}  // namespace

AnalyticsFile::AnalyticsFile(fs::path dir, int retention_days)
    : dir_(std::move(dir)), retention_days_(retention_days) {}

std::string AnalyticsFile::previous_unclean() const {
  std::error_code ec;
  fs::path newest;
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec))
    if (!day_of(it->path()).empty() && (newest.empty() || day_of(it->path()) > day_of(newest))) newest = it->path();
  if (newest.empty()) return "";
  std::ifstream in(newest, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return core::unclean_end(text.str());
}

void AnalyticsFile::fail(const std::string& what) {
  failing_ = true;
  if (!reported_) log_line("analytics not recorded: %s (the kiosk carries on)", what.c_str());
  reported_ = true;
}

void AnalyticsFile::write(const core::Record& record) {
  const std::string day = record.value("t", std::string()).substr(0, 10);
  if (day != day_) {  // a new day: its own file, and the oldest days go
    day_ = day;
    file_.reset();
    std::error_code ec;
    fs::create_directories(dir_, ec);
    prune_analytics(dir_, day, retention_days_);
    const fs::path path = dir_ / ("analytics-" + day + ".jsonl");
    const bool torn = ends_torn(path);
    file_.reset(std::fopen(path.c_str(), "ab"));
    if (!file_) {
      fail("cannot open " + path.string());
      return;
    }
    if (torn) std::fputc('\n', file_.get());  // a crash cut the last line off: ours starts on a line of its own
    failing_ = false;
  }
  if (!file_) return;
  const std::string line = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  if (std::fputs(line.c_str(), file_.get()) < 0 || std::fflush(file_.get()) != 0) {
    fail("cannot write to " + (dir_ / ("analytics-" + day_ + ".jsonl")).string());
    file_.reset();
  }
}

int prune_analytics(const fs::path& dir, const std::string& today, int retention_days) {
  const auto now = core::day_number(today);
  if (!now || retention_days < 1) return 0;
  std::vector<fs::path> expired;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string day = day_of(it->path());
    if (!day.empty() && *now - *core::day_number(day) >= retention_days) expired.push_back(it->path());
  }
  int removed = 0;
  for (const fs::path& p : expired) removed += fs::remove(p, ec) ? 1 : 0;
  return removed;
}

}  // namespace kiosk::platform
