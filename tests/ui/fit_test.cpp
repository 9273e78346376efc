// Large text and right-to-left: the header, the cards and the attract band fit what they show in
// every offered language at every text size, measured with the real fonts and content.
#include <catch2/catch.hpp>

#include <string>

#include "core/kiosk.hpp"
#include "core/layout.hpp"
#include "core/loader.hpp"
#include "platform/fonts.hpp"
#include "real_fonts.hpp"
#include "ui/draw.hpp"

using namespace kiosk;

namespace {

const core::Content& content() {
  static const core::LoadResult loaded = core::load_content(CONTENT_DIR);
  return loaded.content;
}

const core::Viewport kScreens[] = {{1920, 1080, 3.6f}, {1280, 800, 3.6f}, {1080, 1920, 3.6f}};

}  // namespace

TEST_CASE("the header title fits its band in at most two uncut lines at every text size and language") {
  ui::TextEngine text(kiosk::test::real_fonts());
  const core::Content& c = content();
  REQUIRE(c.languages.size() >= 9);
  for (const core::Viewport& screen : kScreens)
    for (const float k : core::kTextScales)
      for (const std::string& lang : c.languages)
        for (const core::Mode mode : {core::Mode::browse, core::Mode::detail}) {
          core::Viewport vp = screen;
          vp.text_scale = k;
          core::KioskState s = core::initial_state(c);
          s.language = lang;
          s.mode = mode;
          if (mode == core::Mode::detail) s.selected_event = c.events.front().id;
          text.set_language(lang);
          const core::Layout l = core::compute_layout(c, s, vp, ui::layout_metrics(text, c, lang, vp));
          INFO(lang << " at " << k << " on " << vp.width << "x" << vp.height << (mode == core::Mode::detail ? " detail" : ""));
          CHECK_FALSE(l.header_fit.title_cut);
          CHECK(l.header_fit.title_lines >= 1);
          CHECK(l.header_fit.title_lines <= 2);
          CHECK(l.header.h <= vp.height * 0.24f + 1);
          // What the view draws: every line within its width, all lines within the band.
          const ui::HeaderPlan p = ui::plan_header(text, c, s, vp, l.header.h);
          REQUIRE(static_cast<int>(p.title_lines.size()) == l.header_fit.title_lines);
          const std::string& title = c.title.get(lang, c.default_language);
          for (const auto& line : p.title_lines) CHECK(text.measure(line, p.title) <= p.title_w + 0.5f);
          CHECK(text.line_height(p.title, title) * static_cast<float>(p.title_lines.size()) <= l.header.h - 6 * vp.unit());
          for (const auto& line : p.hint_lines) CHECK(text.measure(line, p.hint) <= p.hint_w + 0.5f);
          if (!p.hint_lines.empty())
            CHECK(text.line_height(p.hint, p.hint_text) * static_cast<float>(p.hint_lines.size()) <=
                  l.header.h - 6 * vp.unit());
          // The title is never smaller than at 100 % text in the same place.
          CHECK(p.title.size_px >= 23 * vp.unit() - 0.01f);
          if (mode == core::Mode::browse) {
            CHECK(l.timeline.h > 0);
            for (const core::CardBox& card : l.cards) {
              CHECK(card.headline_lines >= 2);
              CHECK(card.rect.y >= l.timeline.y);
              CHECK(card.rect.bottom() <= l.axis.y);
            }
          }
        }
}

TEST_CASE("the attract band fits each highlight and the invitation at every text size and language") {
  ui::TextEngine text(kiosk::test::real_fonts());
  const core::Content& c = content();
  const auto highlights = c.attract_events();
  REQUIRE_FALSE(highlights.empty());
  // The highlight changes every seconds_per_event, the invitation's language every 4 s: times
  // that show each highlight and each invitation.
  std::vector<double> times;
  for (std::size_t h = 0; h < highlights.size(); ++h) times.push_back(static_cast<double>(h) * c.attract.seconds_per_event * 1000);
  for (std::size_t i = 0; i < c.languages.size(); ++i) times.push_back(static_cast<double>(i) * 4000 + 1);
  for (const core::Viewport& screen : kScreens)
    for (const float k : core::kTextScales)
      for (const std::string& lang : c.languages)
        for (const double now : times) {
            core::Viewport vp = screen;
            vp.text_scale = k;
            core::KioskState s = core::initial_state(c);
            s.language = lang;
            s.mode = core::Mode::attract;
            s.attract_started_ms = 0;
            s.now_ms = now;
            text.set_language(lang);
            const core::Layout l = core::compute_layout(c, s, vp, ui::layout_metrics(text, c, lang, vp));
            const ui::AttractPlan p = ui::plan_attract(text, c, s, l);
            INFO(lang << " at " << k << " on " << vp.width << "x" << vp.height << ", highlight " << p.event
                      << ", invitation in " << p.invite_lang);
            CHECK_FALSE(p.cut);
            const core::Rect& b = l.attract_band;
            CHECK(p.pill.y >= b.y);
            CHECK(p.pill.bottom() <= b.bottom());
            CHECK(p.invite_lines.size() >= 1);
            CHECK(p.invite_lines.size() <= 2);
            CHECK(p.invite_lh * static_cast<float>(p.invite_lines.size()) <= p.pill.h);
            text.set_language(p.invite_lang);
            for (const auto& line : p.invite_lines) CHECK(text.measure(line, p.invite) <= p.pill.w - 2 * p.invite_inset + 0.5f);
            text.set_language(lang);
            REQUIRE(p.event >= 0);
            const float block = p.date_lh + 10 * vp.unit() + p.headline_lh * static_cast<float>(p.headline_lines.size());
            CHECK(block <= (vp.width >= vp.height ? b.h - 2 * p.pad : p.pill.y - b.y - p.pad));
            for (const auto& line : p.headline_lines) CHECK(text.measure(line, p.headline) <= p.text_w + 0.5f);
            // It follows the visitor's text size: larger at larger steps, as far as the band allows.
            CHECK(p.date.size_px == Approx(30 * vp.unit() * k));
          }
}

TEST_CASE("a Latin string in the Urdu screen is spaced as Latin, an Urdu one as Nastaliq") {
  ui::TextEngine text(kiosk::test::real_fonts());
  const ui::TextStyle style{40, ui::Weight::bold};
  text.set_language("en");
  const float latin = text.line_height(style), latin_ascent = text.ascent(style);
  text.set_language("ur");
  const float nastaliq = text.line_height(style);
  REQUIRE(nastaliq > latin * 1.2f);  // the reason for it: Nastaliq's lines are far taller
  CHECK(text.line_height(style, "Grace Lee Boggs organizes the conference") == latin);
  CHECK(text.ascent(style, "Grace Lee Boggs") == latin_ascent);
  CHECK(text.line_height(style, "گریس لی باگز") == nastaliq);
  // A paragraph with any Urdu in it keeps the Urdu spacing; digits alone keep the language's.
  CHECK(text.line_height(style, "Grace Lee Boggs نے کانفرنس") == nastaliq);
  CHECK(text.line_height(style, "1963") == nastaliq);
  // In English the same Latin line is unchanged.
  text.set_language("en");
  CHECK(text.line_height(style, "Grace Lee Boggs") == latin);
}
