#include "platform/image_loader.hpp"

#include <stb_image.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <vector>

#include "core/content_path.hpp"
#include "core/image_header.hpp"
#include "platform/log_file.hpp"

namespace kiosk::platform {

ImageLoader::ImageLoader(std::filesystem::path root, long long max_pixels, std::uintmax_t max_bytes)
    : root_(std::move(root)), max_pixels_(max_pixels), max_bytes_(max_bytes), worker_([this] { work(); }) {}

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
  entry->last_used = frame_;
  if (entry->status == ui::ImageStatus::ready) return {ui::ImageStatus::ready, &entry->surface};
  return {entry->status, nullptr};
}

void ImageLoader::fit_to(int width, int height) {
  std::lock_guard lock(mutex_);
  fit_w_ = width;
  fit_h_ = height;
}

void ImageLoader::set_budget(std::size_t bytes) {
  std::lock_guard lock(mutex_);
  budget_ = bytes;
}

std::size_t ImageLoader::decoded_bytes() {
  std::lock_guard lock(mutex_);
  std::size_t total = 0;
  for (const auto& [path, entry] : entries_) total += entry ? entry->surface.rgba.size() : 0;
  return total;
}

std::size_t ImageLoader::entries() {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

void ImageLoader::begin_frame() {
  std::lock_guard lock(mutex_);
  ++frame_;
  std::size_t total = 0;
  for (const auto& [path, entry] : entries_) total += entry ? entry->surface.rgba.size() : 0;
  while (total > budget_) {
    auto oldest = entries_.end();
    for (auto it = entries_.begin(); it != entries_.end(); ++it)
      if (it->second && it->second->status == ui::ImageStatus::ready && it->second->last_used + 1 < frame_ &&
          (oldest == entries_.end() || it->second->last_used < oldest->second->last_used))
        oldest = it;
    if (oldest == entries_.end()) break;  // everything over budget is on screen: keep it
    total -= oldest->second->surface.rgba.size();
    entries_.erase(oldest);
  }
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

std::string ImageLoader::failure(const std::string& path) {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(path);
  return it != entries_.end() && it->second ? it->second->failure : std::string();
}

namespace {

// stb_image's terse reason for its last failure, as " (reason)", or "" when it gave none.
std::string reason() {
  const char* why = stbi_failure_reason();
  return why && *why ? std::string(" (") + why + ")" : std::string();
}

// Decodes the image at `rel` inside `root` to RGBA, or says why not. Every check that can be
// made before decoding is: the path stays inside `root`, the file is ordinary and at most
// `max_bytes` long, and its header claims at most `max_pixels` pixels.
// Images larger than `fit_w` x `fit_h` (when not 0) are scaled down to fit, keeping their shape.
std::string decode(const std::filesystem::path& root, const std::string& rel, long long max_pixels,
                   std::uintmax_t max_bytes, int fit_w, int fit_h, ui::Surface& decoded) {
  std::filesystem::path full;
  if (std::string problem = core::image_path_problem(rel, root, max_bytes, &full); !problem.empty()) return problem;
  // The pixel budget is checked on the project's own header reading first, so it holds whatever
  // limits the installed stb_image has.
  std::string header_error;
  if (const auto header = core::read_image_header(full, &header_error);
      header && header->width > 0 && header->height > 0 && header->width > max_pixels / header->height)
    return "is too large (" + std::to_string(header->width) + "x" + std::to_string(header->height) +
           " pixels, over the limit of " + std::to_string(max_pixels) + ")";
  const std::uintmax_t file_bytes = std::filesystem::file_size(full);
  if (file_bytes > max_bytes) return "grew over the limit of " + std::to_string(max_bytes) + " bytes while being read";
  std::ifstream in(full, std::ios::binary);
  std::vector<unsigned char> bytes(static_cast<std::size_t>(file_bytes));
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!in) return "cannot be read";
  const int size = static_cast<int>(bytes.size());  // at most max_bytes, far below INT_MAX
  int w = 0, h = 0, channels = 0;
  if (!stbi_info_from_memory(bytes.data(), size, &w, &h, &channels))
    return "is not an image stb_image can read" + reason();
  if (w <= 0 || h <= 0 || w > max_pixels / h)
    return "is too large (" + std::to_string(w) + "x" + std::to_string(h) + " pixels, over the limit of " +
           std::to_string(max_pixels) + ")";
  unsigned char* px = stbi_load_from_memory(bytes.data(), size, &w, &h, &channels, 4);
  if (!px) return "is corrupt" + reason();
  const double scale = fit_w > 0 && fit_h > 0 ? std::min({1.0, double(fit_w) / w, double(fit_h) / h}) : 1.0;
  const int out_w = std::max(1, static_cast<int>(w * scale + 0.5)), out_h = std::max(1, static_cast<int>(h * scale + 0.5));
  decoded.width = out_w;
  decoded.height = out_h;
  decoded.rgba.resize(static_cast<std::size_t>(out_w) * static_cast<std::size_t>(out_h) * 4);
  if (scale < 1.0) {  // filtered in linear light, alpha in channel 3
    stbir_resize_uint8_srgb(px, w, h, 0, decoded.rgba.data(), out_w, out_h, 0, 4, 3, 0);
  } else {
    std::copy(px, px + decoded.rgba.size(), decoded.rgba.begin());
  }
  decoded.version = 1;
  stbi_image_free(px);
  return "";
}

}  // namespace

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
    try {
      int fit_w = 0, fit_h = 0;
      {
        std::lock_guard lock(mutex_);
        fit_w = fit_w_, fit_h = fit_h_;
      }
      problem = decode(root_, path, max_pixels_, max_bytes_, fit_w, fit_h, decoded);
    } catch (const std::exception& ex) {  // the file vanished mid-read, or memory ran out
      problem = std::string("cannot be read (") + ex.what() + ")";
    }
    if (!problem.empty())
      log_line("image %s: %s; showing a placeholder", core::quote_text(path).c_str(), problem.c_str());
    {
      std::lock_guard lock(mutex_);
      auto& entry = entries_[path];
      if (!entry) entry = std::make_unique<Entry>();  // forgotten by reload() meanwhile
      if (problem.empty()) {
        entry->surface = std::move(decoded);
        entry->status = ui::ImageStatus::ready;
      } else {
        entry->status = ui::ImageStatus::failed;
        entry->failure = std::move(problem);
      }
      --busy_;
    }
    idle_.notify_all();
  }
}

}  // namespace kiosk::platform
