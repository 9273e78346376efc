#pragma once
// A CPU-side RGBA picture that the renderer mirrors to a GPU texture. Views draw with
// `ImTextureID(surface)`; the renderer re-uploads whenever `version` changes (only the rows
// changed, when the surface records them).
#include <atomic>
#include <cstdint>
#include <vector>

namespace kiosk::ui {

struct Surface {
  // Unique per surface ever made, so a new surface at a freed one's address is never mistaken
  // for it by the renderer's texture cache.
  const std::uint64_t uid = next_uid();
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4 bytes, straight alpha, row-major
  std::uint64_t version = 0;       // bumped on every change of the pixels
  // Rows [changed_y0, changed_y1) hold every change of the pixels since version `changed_since`,
  // so a mirror of that version need copy only those rows. kNoRecord: copy them all.
  static constexpr std::uint64_t kNoRecord = ~std::uint64_t{0};
  std::uint64_t changed_since = kNoRecord;
  int changed_y0 = 0, changed_y1 = 0;

  Surface() = default;
  Surface(const Surface& o) : width(o.width), height(o.height), rgba(o.rgba), version(o.version) {}
  Surface& operator=(const Surface& o) {
    width = o.width, height = o.height, rgba = o.rgba, version = o.version + 1;
    changed_since = kNoRecord;
    return *this;
  }
  Surface(Surface&& o) noexcept : width(o.width), height(o.height), rgba(std::move(o.rgba)), version(o.version) {}
  Surface& operator=(Surface&& o) noexcept {
    width = o.width, height = o.height, rgba = std::move(o.rgba), version = o.version + 1;
    changed_since = kNoRecord;
    return *this;
  }

 private:
  static std::uint64_t next_uid() {
    static std::atomic<std::uint64_t> counter{1};
    return counter++;
  }
};

}  // namespace kiosk::ui
