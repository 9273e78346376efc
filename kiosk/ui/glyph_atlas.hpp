#pragma once
// Glyph bitmaps packed into texture pages, evicted a least-recently-used page at a time within a
// budget. A page used in the current frame is never evicted, so nothing drawn this frame changes:
// when one frame needs more pages than the budget, pages are added past it, and let go again once
// nothing has been drawn from them for kSpareFrames frames (the budget holds between such frames).
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

  // Starts a frame; lets go of pages past the budget not drawn from for kSpareFrames frames, and
  // starts each page's record of changed rows afresh (Surface::changed_since): the renderer has
  // mirrored the pages drawn last frame, and then copies only the rows changed since.
  void begin_frame();
  static constexpr std::uint64_t kSpareFrames = 120;  // 2 s at 60 Hz, as the renderer keeps unused textures
  // Makes the first page now if there is none (4 MB at 1024 px, filled: about a millisecond), so
  // that the first text drawn does not pay for it.
  void prepare();
  // Space for a w x h bitmap; false when it can never fit (larger than a page).
  bool reserve(int w, int h, AtlasSlot* slot);
  // True while the slot's page has not been cleared since the slot was made.
  bool valid(const AtlasSlot& slot) const;
  // Marks the slot's page as used this frame and returns the page's surface.
  const Surface& use(const AtlasSlot& slot);
  // Copies an 8-bit coverage bitmap into the slot (white, alpha = coverage) and records its rows.
  void write(const AtlasSlot& slot, const std::uint8_t* coverage, int pitch);

  int page_size() const { return page_size_; }
  int pages() const { return live_; }        // pages held now
  int max_pages() const { return max_pages_; }
  int evictions() const { return evictions_; }
  int pages_released() const { return released_; }  // pages past the budget let go since the start

 private:
  struct Page {
    Surface surface;
    std::uint64_t generation = 0;
    std::uint64_t last_used = 0;
    int shelf_y = 0, shelf_h = 0, cursor_x = 0;
  };
  bool place(Page& p, int w, int h, int* x, int* y);
  void clear(Page& p);
  int new_page();  // a page for a slot index: a released one's index, or a new index

  int page_size_, max_pages_;
  std::vector<std::unique_ptr<Page>> pages_;  // null: released (slots keep their page indices)
  int live_ = 0;                              // non-null pages
  std::uint64_t frame_ = 1;
  std::uint64_t generations_ = 0;  // every clear takes a new one, so a slot of a released page never matches
  int evictions_ = 0, released_ = 0;
};

}  // namespace kiosk::ui
