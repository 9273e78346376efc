#pragma once
// Decodes images with stb_image on a worker thread; the frame thread never waits for a decode.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "ui/image_source.hpp"

namespace kiosk::platform {

class ImageLoader final : public ui::ImageSource {
 public:
  // `root`: the images folder; paths are relative to it, and a path leading outside it is refused
  // unread. `max_pixels` (width x height): larger images are refused from their header, before
  // any decoding. `max_bytes`: larger files are refused unread.
  explicit ImageLoader(std::filesystem::path root, long long max_pixels = 40'000'000,
                       std::uintmax_t max_bytes = 64 << 20);
  ~ImageLoader() override;

  ui::ImageView image(const std::string& path) override;

  // Images larger than `width` x `height` pixels are scaled down to fit on decoding (the screen's
  // size: nothing is shown larger). 0 x 0: decoded at their own size.
  void fit_to(int width, int height);
  // Decoded pixels kept at most, bytes (RGBA): beyond it, images not drawn in the last frame are
  // let go of, least recently drawn first, and decoded again when next asked for.
  void set_budget(std::size_t bytes);
  void begin_frame() override;
  std::size_t decoded_bytes();  // pixels held now, bytes
  std::size_t entries();        // images known now: decoded, loading or failed
  std::size_t budget() const { return budget_; }

  // Blocks until every requested image is decoded or failed (headless rendering only).
  void wait_idle();

  // Forgets every decoded image so the next request reads the file again (after a content
  // reload). Call between frames: surfaces handed out before become invalid.
  void reload();

  // Why the image at `path` failed (what the log line says), or "" if it has not failed.
  std::string failure(const std::string& path);

 private:
  struct Entry {
    ui::ImageStatus status = ui::ImageStatus::loading;
    ui::Surface surface;
    std::string failure;  // set when failed
    std::uint64_t last_used = 0;  // frame number of the last request
  };
  void work();

  std::filesystem::path root_;
  long long max_pixels_;
  std::uintmax_t max_bytes_;
  int fit_w_ = 0, fit_h_ = 0;
  std::size_t budget_ = std::size_t{64} << 20;
  std::uint64_t frame_ = 0;
  std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::deque<std::string> queue_;
  std::map<std::string, std::unique_ptr<Entry>> entries_;
  int busy_ = 0;
  bool stop_ = false;
  std::thread worker_;
};

}  // namespace kiosk::platform
