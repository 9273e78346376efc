// The benchmark and soak commands, run as a curator or CI would run them: they finish, print every
// figure they promise, and the short soak passes. No timing is asserted here; figures are
// machine-dependent and live in the README's Benchmarks section.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Output {
  int exit_code = -1;
  std::string out, err;
};

// Runs the kiosk with `args` headless; standard output and error are kept apart.
Output kiosk(const std::string& name, const std::string& args, const std::string& env = "") {
  const fs::path dir = fs::temp_directory_path() / ("kiosk-harness-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path out = dir / (name + ".out"), err = dir / (name + ".err");
  const std::string cmd = "SDL_VIDEODRIVER=dummy " + env + " \"" + KIOSK_EXE + "\" " + args + " > \"" + out.string() +
                          "\" 2> \"" + err.string() + "\"";
  const int status = std::system(cmd.c_str());
  Output o;
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  auto slurp = [](const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  };
  o.out = slurp(out);
  o.err = slurp(err);
  return o;
}

void check_percentiles(const json& j, const char* key) {
  INFO(key);
  REQUIRE(j.contains(key));
  for (const char* p : {"p50", "p95", "p99", "max"}) {
    REQUIRE(j[key].contains(p));
    CHECK(j[key][p].get<double>() >= 0);
  }
  CHECK(j[key]["p50"].get<double>() <= j[key]["p99"].get<double>());
  CHECK(j[key]["p99"].get<double>() <= j[key]["max"].get<double>());
}

}  // namespace

TEST_CASE("kiosk bench --json replays the scripted session and prints every figure") {
  const Output o = kiosk("bench", std::string("bench --json --frames 240 --content \"") + CONTENT_DIR + "\"");
  INFO(o.err);
  REQUIRE(o.exit_code == 0);
  const json j = json::parse(o.out, nullptr, false);
  REQUIRE(j.is_object());
  CHECK(j["events"] == 25);
  CHECK(j["frames"] == 239);  // the first frame counts as startup
  CHECK(j["startup_ms"].get<double>() > 0);
  for (const char* key : {"frame_cpu_ms", "update_layout_ms", "ui_ms", "submit_ms"}) check_percentiles(j, key);
  CHECK(j["peak_rss_mb"].get<double>() > 0);
  CHECK(j["texture_mb"].get<double>() > 0);  // glyph atlas pages at least
  CHECK(j["frames_over_16ms"].is_number_unsigned());
  CHECK(j["slow_frames"].size() == j["frames_over_16ms"].get<std::size_t>());
}

TEST_CASE("kiosk bench's whole session opens a story six times, three of them in Urdu, and a language 11 times") {
  // The script taps cards that are on screen (a Home that left the view at one week once made it
  // open the same story by keyboard): each opening is a story's first frame.
  const Output o = kiosk("bench-session", std::string("bench --json --content \"") + CONTENT_DIR + "\"");
  INFO(o.err);
  REQUIRE(o.exit_code == 0);
  const json j = json::parse(o.out, nullptr, false);
  REQUIRE(j.is_object());
  CHECK(j["frames"] == 2399);
  const json& first = j["update_layout_ui_ms_first_frames"];
  CHECK(first["a story's first frame"]["count"] == 6);
  CHECK(first["a language's first frame"]["count"] == 11);  // 8 in the menu's tour, its return, Urdu and back
  CHECK(j["update_layout_ui_ms_by_phase"].contains("open details in Urdu"));
  CHECK(j["look_ahead_frames"].get<int>() > 0);  // stories in reach were shaped in still frames
}

TEST_CASE("kiosk bench --synthetic N generates N events with images that all load") {
  const Output o = kiosk("synthetic", "bench --json --synthetic 1000 --frames 60 --size 1280x720");
  INFO(o.err);
  REQUIRE(o.exit_code == 0);
  CHECK(o.err.find("error") == std::string::npos);
  const json j = json::parse(o.out, nullptr, false);
  REQUIRE(j.is_object());
  CHECK(j["events"] == 1000);
  CHECK(j["size"]["width"] == 1280);
}

TEST_CASE("a short soak: the monkey, a simulated day of visitors and hourly reloads leave the kiosk running") {
  // The small fixture content keeps the warm-up (every event, language and text size) short; the
  // long soak on the bundled content is the README's command. Under AddressSanitizer (as in CI)
  // RSS also counts the sanitizer's quarantine and allocator pools, which settle about 7% above
  // the warm-up (7.7% after three days, against 0.7% in a normal build of the same run), so the
  // bound here is 15%; the 5% default is what normal builds are held to.
  const Output o = kiosk("soak", std::string("soak --seed 7 --inputs 2000 --days 1 --size 1024x640 --max-growth 15 "
                                             "--content \"") + FIXTURES_DIR + "/good/content\"",
                         "ASAN_OPTIONS=quarantine_size_mb=4");
  INFO(o.out << o.err);
  REQUIRE(o.exit_code == 0);
  CHECK(o.out.find("passed") != std::string::npos);
  CHECK(o.out.find("languages seen 2") != std::string::npos);
  CHECK(o.out.find("content reloads started 25, applied between sessions 24") != std::string::npos);
}
