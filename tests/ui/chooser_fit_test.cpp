// The theme and era choosers with the real fonts and the bundled content: every theme and era
// name reads whole (no ellipsis) in every language, at every text size, on the screens the kiosk
// ships for; a chooser too tall for the screen scrolls so that every item can be reached.
#include <catch2/catch.hpp>

#include <string>

#include "core/kiosk.hpp"
#include "core/loader.hpp"
#include "platform/fonts.hpp"
#include "real_fonts.hpp"
#include "ui/draw.hpp"
#include "ui/text.hpp"

using namespace kiosk;

namespace {

bool overlap(const core::Rect& a, const core::Rect& b) {
  return a.x < b.right() - 0.5f && b.x < a.right() - 0.5f && a.y < b.bottom() - 0.5f && b.y < a.bottom() - 0.5f;
}

bool inside(const core::Rect& in, const core::Rect& out) {
  return in.x >= out.x - 0.5f && in.right() <= out.right() + 0.5f && in.y >= out.y - 0.5f && in.bottom() <= out.bottom() + 0.5f;
}

}  // namespace

TEST_CASE("every theme and era name reads whole in every language and text size on 1280x800 and 1920x1080") {
  const core::LoadResult loaded = core::load_content(CONTENT_DIR);
  const core::Content& content = loaded.content;
  REQUIRE(content.languages.size() == 9);
  REQUIRE(content.themes.size() >= 8);
  REQUIRE(content.eras.size() >= 6);
  ui::TextEngine text(kiosk::test::real_fonts());
  int scrolling = 0, with_art = 0;
  for (const auto& [w, h] : {std::pair{1280.0f, 800.0f}, std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f}})
    for (const std::string& lang : content.languages)
      for (float k : core::kTextScales)
        for (core::Panel panel : {core::Panel::themes, core::Panel::eras}) {
          INFO(w << "x" << h << " " << lang << " " << k * 100 << " % " << (panel == core::Panel::themes ? "themes" : "eras"));
          core::KioskState state = core::initial_state(content);
          state.language = lang;
          state.text_scale = k;
          state.panel = panel;
          const core::Viewport vp{w, h, w / 531.0f, k};
          text.set_language(lang);
          const float u = vp.unit();
          const ui::TextStyle button = ui::type_scale(vp).button;
          const float lh = text.line_height(button);
          std::vector<bool> seen(panel == core::Panel::themes ? content.themes.size() : content.eras.size(), false);
          // Laid out scrolled by `scroll`: what shows in the chooser's area is whole and readable.
          auto check = [&](double scroll) {
            state.panel_scroll = scroll;
            const core::Layout l = core::compute_layout(content, state, vp, ui::layout_metrics(text, content, lang, vp, false));
            REQUIRE(l.chooser.w > 0);
            CHECK(inside(l.chooser, core::Rect{0, 0, w, h}));
            const core::Rect area = l.chooser_scroll_area.w > 0 ? l.chooser_scroll_area : l.chooser;
            std::vector<core::Rect> placed;
            for (const core::Button& b : l.buttons) {
              if (b.target == core::Target::close_panel && b.rect.w == w) continue;  // the backdrop
              const bool item = b.target == core::Target::theme || b.target == core::Target::era;
              if (item && !inside(b.rect, area)) continue;  // scrolled out of view here: neither seen nor hit
              CHECK(inside(b.rect, l.chooser));
              for (const core::Rect& r : placed) CHECK_FALSE(overlap(r, b.rect));
              placed.push_back(b.rect);
              CHECK(b.rect.h >= vp.mm(15) - 0.5f);  // 15 mm touch targets, items and actions
              if (!item) continue;
              seen[static_cast<std::size_t>(b.index)] = true;
              // The label's width as draw_theme_chip and draw_era_button give it.
              float label_w = 0;
              const float room = b.rect.h - 12 * u;  // the name comes first; the era's years only when both fit
              if (b.target == core::Target::theme) {
                label_w = b.rect.w - 28 * u - 2 * 19 * u - 20 * u - 28 * u;
              } else {
                label_w = b.rect.w - 2 * 26 * u - 44 * u - (b.art.w > 0 ? b.art.w + 8 * u + 18 * u - 26 * u : 0);
                with_art += b.art.w > 0;
                if (b.art.w > 0) CHECK(inside(b.art, b.rect));
              }
              const auto lines = text.wrap(b.text, button, label_w);
              INFO(b.text << ": " << lines.size() << " lines in " << label_w << " px, room for " << room / lh);
              CHECK(static_cast<float>(lines.size()) * lh <= room + 0.5f);
            }
            return l;
          };
          // From the top to the end of a chooser that scrolls, 20 px at a time.
          const core::Layout top = check(0);
          if (top.chooser_scroll_max > 0) {
            ++scrolling;
            for (double at = 20; at < top.chooser_scroll_max; at += 20) check(at);
            check(top.chooser_scroll_max);
          }
          for (std::size_t i = 0; i < seen.size(); ++i) CHECK(seen[i]);
        }
  // The big screen at 100 % shows the eras with their pictures, without scrolling.
  CHECK(with_art > 0);
  INFO("choosers that scroll: " << scrolling);
  CHECK(scrolling < 9 * 4 * 3 * 2 * 2);
}
