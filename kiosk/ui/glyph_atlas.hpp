#pragma once
// Glyph bitmaps packed into texture pages, evicted a least-recently-used page at a time within a
// budget. A page used in the current frame is never evicted, so nothing drawn this frame changes.
#include <cstdint>
#include <memory>
#include <vector>

#include "ui/surface.hpp"

namespace kiosk::ui {

struct AtlasSlot {
  int page = -1;                   // -1: no bitmap (e.g. a space)
  std::uint64_t generation = 0;    // the page's generation when the slot was made
  int x = 0, y = 0, w = 0, h = 0;  // pixels in the page
};

class GlyphAtlas {
 public:
  // `page_size` pixels square; at most `max_pages` pages (page_size^2 * 4 bytes each).
  GlyphAtlas(int page_size, int max_pages);

  void begin_frame() { ++frame_; }
  // Space for a w x h bitmap; false when it can never fit (larger than a page).
  bool reserve(int w, int h, AtlasSlot* slot);
  // True while the slot's page has not been cleared since the slot was made.
  bool valid(const AtlasSlot& slot) const;
  // Marks the slot's page as used this frame and returns the page's surface.
  const Surface& use(const AtlasSlot& slot);
  // Copies an 8-bit coverage bitmap into the slot (white, alpha = coverage).
  void write(const AtlasSlot& slot, const std::uint8_t* coverage, int pitch);

  int page_size() const { return page_size_; }
  int pages() const { return static_cast<int>(pages_.size()); }
  int evictions() const { return evictions_; }

 private:
  struct Page {
    Surface surface;
    std::uint64_t generation = 1;
    std::uint64_t last_used = 0;
    int shelf_y = 0, shelf_h = 0, cursor_x = 0;
  };
  bool place(Page& p, int w, int h, int* x, int* y);
  void clear(Page& p);

  int page_size_, max_pages_;
  std::vector<std::unique_ptr<Page>> pages_;
  std::uint64_t frame_ = 1;
  int evictions_ = 0;
};

}  // namespace kiosk::ui
