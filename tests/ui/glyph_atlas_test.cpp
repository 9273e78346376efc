// The glyph atlas's page budget: pages added past it for one crowded frame are let go again.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "ui/glyph_atlas.hpp"

using kiosk::ui::AtlasSlot;
using kiosk::ui::GlyphAtlas;

namespace {
// A bitmap that fills a 64-pixel page alone.
AtlasSlot page_sized(GlyphAtlas& atlas) {
  AtlasSlot slot;
  REQUIRE(atlas.reserve(64, 64, &slot));
  const std::vector<std::uint8_t> coverage(64 * 64, 200);
  atlas.write(slot, coverage.data(), 64);
  return slot;
}
}  // namespace

TEST_CASE("glyph atlas: a frame that needs more pages than the budget gets them, and they go when unused") {
  GlyphAtlas atlas(64, 2);
  atlas.begin_frame();
  const AtlasSlot a = page_sized(atlas), b = page_sized(atlas), c = page_sized(atlas);
  CHECK(atlas.pages() == 3);  // all three on screen in this frame: past the budget of 2
  CHECK(atlas.evictions() == 0);
  // While every page is drawn from, none goes, however long.
  for (std::uint64_t f = 0; f < 2 * GlyphAtlas::kSpareFrames; ++f) {
    atlas.begin_frame();
    for (const AtlasSlot& s : {a, b, c}) atlas.use(s);
  }
  CHECK(atlas.pages() == 3);
  CHECK(atlas.pages_released() == 0);
  // c is no longer drawn: its page stays for kSpareFrames frames, then it goes, and only it.
  for (std::uint64_t f = 0; f < GlyphAtlas::kSpareFrames; ++f) {
    atlas.begin_frame();
    for (const AtlasSlot& s : {a, b}) atlas.use(s);
  }
  CHECK(atlas.pages() == 3);
  atlas.begin_frame();
  atlas.use(a);
  atlas.use(b);
  atlas.begin_frame();
  CHECK(atlas.pages() == 2);
  CHECK(atlas.pages_released() == 1);
  CHECK(atlas.valid(a));
  CHECK(atlas.valid(b));
  CHECK_FALSE(atlas.valid(c));
  // Within the budget again, a new bitmap evicts the least recently used page instead of growing,
  // and a page made again at c's index does not make c's slot valid.
  atlas.use(a);
  atlas.begin_frame();
  const AtlasSlot d = page_sized(atlas);
  CHECK(atlas.pages() == 2);
  CHECK(atlas.evictions() == 1);
  CHECK(atlas.valid(a));
  CHECK_FALSE(atlas.valid(b));
  CHECK(atlas.valid(d));
  CHECK_FALSE(atlas.valid(c));
  // A crowded frame once more: it grows into the released index, and that page's slot is new.
  atlas.use(a);
  atlas.use(d);
  const AtlasSlot e = page_sized(atlas);
  CHECK(atlas.pages() == 3);
  CHECK(e.page == c.page);
  CHECK(atlas.valid(e));
  CHECK_FALSE(atlas.valid(c));
  CHECK(atlas.use(e).rgba.size() == 64u * 64u * 4u);
}
