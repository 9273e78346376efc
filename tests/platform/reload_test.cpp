// Hot reload: edits to content/ and images/ are noticed, loaded off the frame thread, and a
// half-written file comes back as errors rather than as content.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "platform/content_reloader.hpp"

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

// A private copy of the good fixture that the test may edit.
fs::path copy_fixture() {
  const fs::path dir = fs::temp_directory_path() / ("kiosk-reload-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(fs::path(FIXTURES_DIR) / "good", dir, fs::copy_options::recursive);
  return dir;
}

// Waits (at most 10 s of real time) for the reloader to deliver a load.
std::optional<core::LoadResult> wait_for(platform::ContentReloader& r) {
  for (int i = 0; i < 200; ++i) {
    if (auto result = r.take()) return result;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return std::nullopt;
}

void write(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::trunc) << text;
}

}  // namespace

TEST_CASE("an edited event is loaded in the background, and a half-written one is refused") {
  const fs::path dir = copy_fixture();
  platform::ContentReloader reloader(dir / "content", dir / "images", 50, 150);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK_FALSE(reloader.take());  // nothing changed yet

  write(dir / "content/events/founding.json",
        "{\"id\": \"founding\", \"start_date\": \"1921\", \"headline\": \"Edited headline\", \"sources\": [{\"title\": \"s\"}]}");
  auto edited = wait_for(reloader);
  REQUIRE(edited);
  CHECK(core::count_errors(edited->diagnostics) == 0);
  const int i = edited->content.event_index("founding");
  REQUIRE(i >= 0);
  CHECK(edited->content.events[i].headline.get("en", "en") == "Edited headline");

  write(dir / "content/events/founding.json", "{\"id\": \"founding\", \"start_date\": \"19");  // mid-save
  auto broken = wait_for(reloader);
  REQUIRE(broken);
  CHECK(core::count_errors(broken->diagnostics) > 0);
  CHECK(broken->content.event_index("founding") < 0);

  fs::remove_all(dir);
}

TEST_CASE("a picture added to images/ counts as a change") {
  const fs::path dir = copy_fixture();
  platform::ContentReloader reloader(dir / "content", dir / "images", 50, 150);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  fs::copy_file(dir / "images/pic.png", dir / "images/pic2.png");
  auto result = wait_for(reloader);
  REQUIRE(result);
  CHECK(core::count_errors(result->diagnostics) == 0);
  fs::remove_all(dir);
}

TEST_CASE("reload now loads unchanged content at once; an empty folder that gains content is noticed") {
  const fs::path dir = copy_fixture();
  {
    platform::ContentReloader reloader(dir / "content", dir / "images", 5000, 150);  // a slow poll
    reloader.request_now();
    auto now = wait_for(reloader);
    REQUIRE(now);
    CHECK(core::count_errors(now->diagnostics) == 0);
    CHECK_FALSE(now->content.events.empty());
  }
  const fs::path empty = dir / "empty";
  fs::create_directories(empty);
  platform::ContentReloader reloader(empty, dir / "no-images", 50, 150);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK_FALSE(reloader.take());
  fs::copy(dir / "content", empty, fs::copy_options::recursive);
  auto arrived = wait_for(reloader);
  REQUIRE(arrived);
  CHECK_FALSE(arrived->content.events.empty());
}
