#include "platform/image_loader.hpp"
#include "platform/log_file.hpp"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <vector>

#include <stb_image.h>

namespace kiosk::platform {

ImageLoader::ImageLoader(std::filesystem::path root, long long max_pixels)
    : root_(std::move(root)), max_pixels_(max_pixels), worker_([this] { work(); }) {}

ImageLoader::~ImageLoader() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

ui::ImageView ImageLoader::image(const std::string& path) {
  std::lock_guard lock(mutex_);
  auto& entry = entries_[path];
  if (!entry) {
    entry = std::make_unique<Entry>();
    queue_.push_back(path);
    wake_.notify_one();
  }
  if (entry->status == ui::ImageStatus::ready) return {ui::ImageStatus::ready, &entry->surface};
  return {entry->status, nullptr};
}

void ImageLoader::wait_idle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [&] { return queue_.empty() && busy_ == 0; });
}

void ImageLoader::reload() {
  std::lock_guard lock(mutex_);
  queue_.clear();
  entries_.clear();
}

void ImageLoader::work() {
  while (true) {
    std::string path;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      path = std::move(queue_.front());
      queue_.pop_front();
      ++busy_;
    }
    ui::Surface decoded;
    std::string problem;
    const std::filesystem::path full = root_ / path;
    std::ifstream in(full, std::ios::binary);
    std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    int w = 0, h = 0, channels = 0;
    if (!in && bytes.empty()) {
      problem = "cannot read";
    } else if (!stbi_info_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &channels)) {
      problem = "not an image stb_image can read";
    } else if (static_cast<long long>(w) * h > max_pixels_) {
      problem = "too large (" + std::to_string(w) + "x" + std::to_string(h) + ")";
    } else if (unsigned char* px = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &channels, 4)) {
      decoded.width = w;
      decoded.height = h;
      decoded.rgba.assign(px, px + static_cast<std::size_t>(w) * h * 4);
      decoded.version = 1;
      stbi_image_free(px);
    } else {
      problem = std::string("corrupt (") + stbi_failure_reason() + ")";
    }
    if (!problem.empty()) log_line("image %s: %s; showing a placeholder", full.c_str(), problem.c_str());
    {
      std::lock_guard lock(mutex_);
      auto& entry = entries_[path];
      if (!entry) entry = std::make_unique<Entry>();  // forgotten by reload() meanwhile
      if (problem.empty()) {
        entry->surface = std::move(decoded);
        entry->status = ui::ImageStatus::ready;
      } else {
        entry->status = ui::ImageStatus::failed;
      }
      --busy_;
    }
    idle_.notify_all();
  }
}

}  // namespace kiosk::platform
