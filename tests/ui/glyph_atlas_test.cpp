// The glyph atlas's page budget: pages added past it for one crowded frame are let go again; and
// the rows a page changed, which the renderer copies instead of the whole page.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <vector>

#include <SDL.h>

#include "platform/display.hpp"
#include "platform/imgui_backend.hpp"
#include "platform/renderer.hpp"
#include "ui/glyph_atlas.hpp"

using kiosk::ui::AtlasSlot;
using kiosk::ui::GlyphAtlas;
using kiosk::ui::Surface;

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

TEST_CASE("glyph atlas: a page records the rows changed since the frame began, and the renderer copies only those") {
  GlyphAtlas atlas(64, 1);
  atlas.begin_frame();
  AtlasSlot first, second, third;
  REQUIRE(atlas.reserve(10, 12, &first));  // a new page: cleared, so no record (copied whole)
  const Surface* page = &atlas.use(first);
  CHECK(page->changed_since == Surface::kNoRecord);
  std::vector<std::uint8_t> coverage(20 * 20);
  for (std::size_t i = 0; i < coverage.size(); ++i) coverage[i] = static_cast<std::uint8_t>(i * 37);
  atlas.write(first, coverage.data(), 20);

  // Drawn and mirrored whole, then changed in the next frame: two glyphs on new shelves.
  std::string error;
  auto display = kiosk::platform::Display::open_headless(64, 64, &error);
  REQUIRE(display);
  kiosk::platform::ImGuiFrame imgui;
  kiosk::platform::Renderer renderer(display->renderer());
  auto show = [&](kiosk::platform::Renderer& r) {
    ImDrawList* dl = imgui.begin(64, 64, 0);
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(64, 64), IM_COL32(0, 0, 0, 255));
    dl->AddImage(const_cast<Surface*>(page), ImVec2(0, 0), ImVec2(64, 64));
    r.render(imgui.end());
  };
  show(renderer);
  atlas.begin_frame();
  const std::uint64_t mirrored = page->version;
  CHECK(page->changed_since == mirrored);
  CHECK(page->changed_y1 == page->changed_y0);  // nothing changed yet
  REQUIRE(atlas.reserve(60, 7, &second));  // too wide for the first shelf: rows 13-19
  REQUIRE(atlas.reserve(20, 20, &third));  // rows 21-40
  CHECK(second.y == 13);
  CHECK(third.y == 21);
  atlas.write(third, coverage.data(), 20);
  atlas.write(second, coverage.data(), 20);
  CHECK(page->changed_since == mirrored);
  CHECK(page->changed_y0 == 13);
  CHECK(page->changed_y1 == 41);
  CHECK(page->version == mirrored + 2);
  show(renderer);  // copies rows 13-40 only
  std::vector<std::uint8_t> partly(64 * 64 * 4), whole(64 * 64 * 4);
  REQUIRE(SDL_RenderReadPixels(display->renderer(), nullptr, SDL_PIXELFORMAT_RGBA32, partly.data(), 64 * 4) == 0);

  // The same page mirrored whole by a new renderer gives the same pixels.
  auto other = kiosk::platform::Display::open_headless(64, 64, &error);
  REQUIRE(other);
  kiosk::platform::Renderer fresh(other->renderer());
  show(fresh);
  REQUIRE(SDL_RenderReadPixels(other->renderer(), nullptr, SDL_PIXELFORMAT_RGBA32, whole.data(), 64 * 4) == 0);
  CHECK(partly == whole);
  // And the glyphs are there: the third's coverage shows as grey over black at its place (within
  // the blender's rounding).
  CHECK(std::abs(whole[(static_cast<std::size_t>(third.y + 1) * 64 + third.x + 1) * 4] - coverage[21]) <= 2);
  CHECK(std::abs(whole[(static_cast<std::size_t>(third.y + 3) * 64 + third.x + 5) * 4] - coverage[65]) <= 2);
}
