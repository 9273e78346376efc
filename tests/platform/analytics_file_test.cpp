// Analytics day files: written a line at a time, read back whole, old days deleted, a crash
// noticed by the next start, and a broken disk never stops the kiosk.
#include "platform/analytics_file.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/analytics_log.hpp"

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("kiosk-analytics-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

core::Record rec(const std::string& t, const std::string& ev) { return core::Record{{"t", t}, {"ev", ev}}; }

}  // namespace

TEST_CASE("records go to the file of their UTC day, one flushed line each, and read back the same") {
  const fs::path dir = fresh_dir("days");
  platform::AnalyticsFile file(dir, 90);
  CHECK(file.previous_unclean() == "");
  std::vector<core::Record> written = {
      rec("2024-05-01T23:59:59.000Z", "app_start"),
      core::Record{{"t", "2024-05-01T23:59:59.500Z"}, {"ev", "session_start"}, {"session", "r-1"}},
      core::Record{{"t", "2024-05-02T00:00:01.000Z"},
                   {"ev", "session_end"},
                   {"session", "r-1"},
                   {"duration_s", 2.0},
                   {"reason", "idle_reset"}},
      rec("2024-05-02T00:00:02.000Z", "app_stop")};
  for (const auto& r : written) {
    file.write(r);
    // Flushed at once: what is on disk already ends with this line.
    const std::string day = read(dir / ("analytics-" + r["t"].get<std::string>().substr(0, 10) + ".jsonl"));
    CHECK(day.ends_with(r.dump() + "\n"));
  }
  CHECK_FALSE(file.failing());
  CHECK(read(dir / "analytics-2024-05-01.jsonl") == written[0].dump() + "\n" + written[1].dump() + "\n");
  core::AnalyticsLog log;
  core::read_analytics(read(dir / "analytics-2024-05-01.jsonl"), "1", &log);
  core::read_analytics(read(dir / "analytics-2024-05-02.jsonl"), "2", &log);
  REQUIRE(log.records.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) CHECK(log.records[i].dump() == nlohmann::json::parse(written[i].dump()).dump());
  CHECK(platform::AnalyticsFile(dir, 90).previous_unclean() == "");  // it ended with app_stop
  fs::remove_all(dir);
}

TEST_CASE("after a crash the next start names the last record, and its lines start below the torn one") {
  const fs::path dir = fresh_dir("crash");
  {
    platform::AnalyticsFile file(dir, 90);
    file.write(rec("2024-05-01T09:00:00.000Z", "app_start"));
    file.write(core::Record{{"t", "2024-05-01T09:05:00.000Z"}, {"ev", "session_start"}, {"session", "r-1"}});
  }
  std::ofstream(dir / "analytics-2024-05-01.jsonl", std::ios::app) << "{\"t\":\"2024-05-01T09:05:3";  // power lost
  platform::AnalyticsFile next(dir, 90);
  CHECK(next.previous_unclean() == "2024-05-01T09:05:00.000Z");
  next.write(rec("2024-05-01T10:00:00.000Z", "app_start"));
  core::AnalyticsLog log;
  core::read_analytics(read(dir / "analytics-2024-05-01.jsonl"), "f", &log);
  CHECK(log.records.size() == 3);
  CHECK(log.torn == 1);
  CHECK(log.problems.empty());
  fs::remove_all(dir);
}

TEST_CASE("day files older than the retention go at start and at a new day, other files stay") {
  const fs::path dir = fresh_dir("retention");
  fs::create_directories(dir);
  for (const char* name : {"analytics-2024-04-01.jsonl", "analytics-2024-04-28.jsonl", "analytics-2024-04-29.jsonl",
                           "analytics-notes.jsonl", "notes.txt"})
    std::ofstream(dir / name) << "{}\n";
  platform::AnalyticsFile file(dir, 3);  // today and the two days before
  file.write(rec("2024-05-01T09:00:00.000Z", "app_start"));
  CHECK_FALSE(fs::exists(dir / "analytics-2024-04-01.jsonl"));
  CHECK_FALSE(fs::exists(dir / "analytics-2024-04-28.jsonl"));
  CHECK(fs::exists(dir / "analytics-2024-04-29.jsonl"));
  CHECK(fs::exists(dir / "analytics-notes.jsonl"));
  CHECK(fs::exists(dir / "notes.txt"));
  file.write(rec("2024-05-02T00:00:00.000Z", "attract_shown"));  // midnight passes while running
  CHECK_FALSE(fs::exists(dir / "analytics-2024-04-29.jsonl"));
  CHECK(fs::exists(dir / "analytics-2024-04-30.jsonl") == false);
  CHECK(fs::exists(dir / "analytics-2024-05-01.jsonl"));
  fs::remove_all(dir);
}

TEST_CASE("a folder that cannot be written loses the records, not the kiosk") {
  const fs::path blocker = fresh_dir("blocked");
  std::ofstream(blocker) << "a file where the folder should be";
  platform::AnalyticsFile file(blocker / "analytics", 90);
  CHECK_NOTHROW(file.write(rec("2024-05-01T09:00:00.000Z", "app_start")));
  CHECK(file.failing());
  CHECK_NOTHROW(file.write(rec("2024-05-01T09:00:01.000Z", "attract_shown")));
  CHECK(file.previous_unclean() == "");
  fs::remove(blocker);
}
