#include "ui/glyph_atlas.hpp"

#include <algorithm>
#include <cstring>

namespace kiosk::ui {

GlyphAtlas::GlyphAtlas(int page_size, int max_pages) : page_size_(page_size), max_pages_(std::max(1, max_pages)) {}

void GlyphAtlas::clear(Page& p) {
  p.surface.width = p.surface.height = page_size_;
  // White with zero alpha: RGBA bytes FF FF FF 00, filled a pixel at a time.
  const std::size_t pixels = static_cast<std::size_t>(page_size_) * page_size_;
  p.surface.rgba.resize(pixels * 4);
  constexpr std::uint8_t kClear[4] = {255, 255, 255, 0};
  std::uint32_t pattern = 0;
  std::memcpy(&pattern, kClear, 4);
  std::uint32_t* px = reinterpret_cast<std::uint32_t*>(p.surface.rgba.data());
  std::fill(px, px + pixels, pattern);
  ++p.surface.version;
  p.surface.changed_since = Surface::kNoRecord;  // all of it changed
  p.generation = ++generations_;
  p.shelf_y = p.shelf_h = p.cursor_x = 0;
}

void GlyphAtlas::begin_frame() {
  ++frame_;
  for (auto& p : pages_)  // the renderer has mirrored last frame's pages: record changes afresh
    if (p) {
      p->surface.changed_since = p->surface.version;
      p->surface.changed_y0 = p->surface.changed_y1 = 0;
    }
  while (live_ > max_pages_) {  // pages added past the budget: the least recently drawn from goes first
    int victim = -1;
    for (int i = 0; i < static_cast<int>(pages_.size()); ++i)
      if (pages_[i] && pages_[i]->last_used + kSpareFrames < frame_ &&
          (victim < 0 || pages_[i]->last_used < pages_[victim]->last_used))
        victim = i;
    if (victim < 0) return;
    pages_[victim].reset();
    --live_;
    ++released_;
  }
}

int GlyphAtlas::new_page() {
  auto page = std::make_unique<Page>();
  ++live_;
  for (int i = 0; i < static_cast<int>(pages_.size()); ++i)
    if (!pages_[i]) {
      pages_[i] = std::move(page);
      return i;
    }
  pages_.push_back(std::move(page));
  return static_cast<int>(pages_.size()) - 1;
}

bool GlyphAtlas::place(Page& p, int w, int h, int* x, int* y) {
  if (p.cursor_x + w > page_size_) {  // next shelf
    p.shelf_y += p.shelf_h + 1;
    p.shelf_h = 0;
    p.cursor_x = 0;
  }
  if (p.shelf_y + h > page_size_) return false;
  *x = p.cursor_x;
  *y = p.shelf_y;
  p.cursor_x += w + 1;
  p.shelf_h = std::max(p.shelf_h, h);
  return true;
}

void GlyphAtlas::prepare() {
  if (live_ > 0) return;
  clear(*pages_[new_page()]);
}

bool GlyphAtlas::reserve(int w, int h, AtlasSlot* slot) {
  if (w > page_size_ || h > page_size_) return false;
  auto take = [&](int index) {
    Page& p = *pages_[index];
    int x = 0, y = 0;
    if (!place(p, w, h, &x, &y)) return false;
    *slot = AtlasSlot{index, p.generation, x, y, w, h};
    p.last_used = frame_;
    return true;
  };
  const int count = static_cast<int>(pages_.size());
  for (int i = 0; i < count; ++i)
    if (pages_[i] && take(i)) return true;
  // A new page while the budget allows, else the least recently used page not drawn this frame.
  int victim = -1;
  if (live_ < max_pages_) {
    victim = new_page();
  } else {
    for (int i = 0; i < count; ++i)
      if (pages_[i] && pages_[i]->last_used < frame_ &&
          (victim < 0 || pages_[i]->last_used < pages_[victim]->last_used))
        victim = i;
    if (victim < 0) {  // every page is on screen: grow past the budget rather than corrupt the frame
      victim = new_page();
    } else {
      ++evictions_;
    }
  }
  clear(*pages_[victim]);
  return take(victim);
}

bool GlyphAtlas::valid(const AtlasSlot& slot) const {
  return slot.page < 0 || (slot.page < static_cast<int>(pages_.size()) && pages_[slot.page] &&
                           pages_[slot.page]->generation == slot.generation);
}

const Surface& GlyphAtlas::use(const AtlasSlot& slot) {
  Page& p = *pages_[slot.page];
  p.last_used = frame_;
  return p.surface;
}

void GlyphAtlas::write(const AtlasSlot& slot, const std::uint8_t* coverage, int pitch) {
  Surface& s = pages_[slot.page]->surface;
  for (int row = 0; row < slot.h; ++row)
    for (int col = 0; col < slot.w; ++col)
      s.rgba[(static_cast<std::size_t>(slot.y + row) * s.width + slot.x + col) * 4 + 3] = coverage[row * pitch + col];
  const bool none = s.changed_y1 <= s.changed_y0;
  s.changed_y0 = none ? slot.y : std::min(s.changed_y0, slot.y);
  s.changed_y1 = none ? slot.y + slot.h : std::max(s.changed_y1, slot.y + slot.h);
  ++s.version;
}

}  // namespace kiosk::ui
