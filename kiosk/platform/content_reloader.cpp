#include "platform/content_reloader.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

#include "platform/content_version.hpp"

namespace kiosk::platform {

namespace fs = std::filesystem;

ContentReloader::ContentReloader(fs::path content_dir, fs::path images_dir, int poll_ms, int settle_ms)
    : content_dir_(std::move(content_dir)), images_dir_(std::move(images_dir)), poll_ms_(poll_ms),
      settle_ms_(settle_ms), thread_([this] { watch(); }) {}

ContentReloader::~ContentReloader() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

std::optional<core::LoadResult> ContentReloader::take() {
  std::lock_guard lock(mutex_);
  std::optional<core::LoadResult> out = std::move(ready_);
  ready_.reset();
  return out;
}

void ContentReloader::request_now() {
  {
    std::lock_guard lock(mutex_);
    forced_ = true;
  }
  wake_.notify_all();
}

std::string ContentReloader::fingerprint() const {
  std::vector<std::string> entries;
  for (const fs::path& root : {content_dir_, images_dir_}) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code e2;
      if (!it->is_regular_file(e2)) continue;
      const auto size = it->file_size(e2);
      const auto time = it->last_write_time(e2).time_since_epoch().count();
      entries.push_back(it->path().string() + '|' + std::to_string(size) + '|' + std::to_string(time));
    }
  }
  std::sort(entries.begin(), entries.end());
  std::string all;
  for (const auto& e : entries) all += e + '\n';
  return all;
}

void ContentReloader::watch() {
  using clock = std::chrono::steady_clock;
  std::string loaded = fingerprint();  // what the running kiosk shows
  std::string seen = loaded;
  auto seen_since = clock::now();
  std::unique_lock lock(mutex_);
  while (!stop_) {
    wake_.wait_for(lock, std::chrono::milliseconds(poll_ms_), [&] { return stop_ || forced_; });
    if (stop_) return;
    const bool forced = std::exchange(forced_, false);
    lock.unlock();
    const std::string now = fingerprint();
    if (forced) {
      core::LoadResult result = core::load_content(content_dir_);
      result.content.version = content_version(content_dir_);
      loaded = seen = now;
      lock.lock();
      ready_ = std::move(result);
      continue;
    }
    if (now != seen) {
      seen = now;
      seen_since = clock::now();
    } else if (now != loaded &&
               clock::now() - seen_since >= std::chrono::milliseconds(settle_ms_)) {
      core::LoadResult result = core::load_content(content_dir_);
      result.content.version = content_version(content_dir_);
      loaded = now;
      lock.lock();
      ready_ = std::move(result);
      continue;
    }
    lock.lock();
  }
}

}  // namespace kiosk::platform
