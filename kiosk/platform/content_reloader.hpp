#pragma once
// Watches content/ and images/ for changes and loads the new content on its own thread, so the
// frame thread never waits for the disk. A change is loaded only once the files have stopped
// changing for a moment: an editor in the middle of a save never reaches the screen.
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/loader.hpp"

namespace kiosk::platform {

class ContentReloader {
 public:
  // Polls every `poll_ms`; loads after the files have been unchanged for `settle_ms`.
  ContentReloader(std::filesystem::path content_dir, std::filesystem::path images_dir, int poll_ms = 1000,
                  int settle_ms = 600);
  ~ContentReloader();
  ContentReloader(const ContentReloader&) = delete;
  ContentReloader& operator=(const ContentReloader&) = delete;

  // The newest finished load since the last call, if any (never blocks).
  std::optional<core::LoadResult> take();
  // Loads the content now, changed or not ("Reload now" in the admin overlay); take() returns it
  // once it has loaded, typically within a few hundred milliseconds.
  void request_now();

 private:
  void watch();
  std::string fingerprint() const;  // names, sizes and modification times of every file

  std::filesystem::path content_dir_, images_dir_;
  int poll_ms_, settle_ms_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool forced_ = false;  // request_now() was called and its load has not started
  std::optional<core::LoadResult> ready_;
  std::thread thread_;
};

}  // namespace kiosk::platform
