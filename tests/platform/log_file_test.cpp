// The rotating log: lines are timestamped and flushed; at the size limit the file moves to .1,
// older ones move up, and no more than keep + 1 files remain.
#include "platform/log_file.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using kiosk::platform::RotatingLog;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("the log rotates at its size and keeps only the newest files") {
  const fs::path dir = fs::temp_directory_path() / ("kiosk-log-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const fs::path path = dir / "logs" / "kiosk.log";  // the folder is made
  const double t = 1714521600000.0;                  // 2024-05-01T00:00:00Z
  {
    RotatingLog log(path, 100, 2);
    REQUIRE(log.is_open());
    REQUIRE(log.write("first", t));
    // Each line is "2024-05-01T00:00:00.000Z " (25 bytes) + 30 + newline = 56 bytes: one per file.
    CHECK(slurp(path) == "2024-05-01T00:00:00.000Z first\n");
    for (int i = 0; i < 5; ++i) REQUIRE(log.write("line " + std::to_string(i) + std::string(24, '.'), t + 1000 * i));
  }
  CHECK(fs::exists(path));
  CHECK(fs::exists(path.string() + ".1"));
  CHECK(fs::exists(path.string() + ".2"));
  CHECK_FALSE(fs::exists(path.string() + ".3"));
  CHECK(slurp(path).find("line 4") != std::string::npos);
  CHECK(slurp(path.string() + ".1").find("line 3") != std::string::npos);
  CHECK(slurp(path.string() + ".2").find("line 2") != std::string::npos);
  CHECK(slurp(path).rfind("2024-05-01T00:00:04.000Z ", 0) == 0);
  for (const auto& f : {path, fs::path(path.string() + ".1"), fs::path(path.string() + ".2")})
    CHECK(fs::file_size(f) <= 100);

  // Reopened, it appends to the current file and counts what is already there.
  {
    RotatingLog log(path, 100, 2);
    REQUIRE(log.write("again" + std::string(24, '.'), t));
  }
  CHECK(slurp(path).find("again") != std::string::npos);
  CHECK(slurp(path.string() + ".1").find("line 4") != std::string::npos);
  fs::remove_all(dir);
}
