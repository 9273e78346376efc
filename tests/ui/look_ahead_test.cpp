// A story made ready from the timeline (the kiosk's look-ahead) is the story the detail page
// shows: measuring the opened page shapes nothing more.
#include <catch2/catch.hpp>

#include <string>

#include "core/kiosk.hpp"
#include "core/layout.hpp"
#include "core/loader.hpp"
#include "real_fonts.hpp"
#include "ui/draw.hpp"

using namespace kiosk;

TEST_CASE("a detail page prepared from the timeline layout opens without shaping") {
  static const core::LoadResult loaded = core::load_content(CONTENT_DIR);
  const core::Content& c = loaded.content;
  REQUIRE(c.events.size() >= 20);
  const ui::FontSet fonts = kiosk::test::real_fonts();
  for (const std::string lang : {"en", "ur", "pa"})
    for (const float scale : {1.0f, 2.0f})
      for (const bool classroom : {false, true}) {
        core::Viewport vp{1920, 1080, 3.6f};
        vp.text_scale = scale;
        core::KioskState s = core::initial_state(c);
        s.language = lang;
        s.text_scale = scale;
        ui::TextEngine ahead(fonts);  // the kiosk looking ahead from the timeline
        ahead.set_language(lang);
        const core::Layout timeline = core::compute_layout(c, s, vp, ui::layout_metrics(ahead, c, lang, vp, classroom));
        REQUIRE(timeline.mode == core::Mode::browse);
        ui::TextEngine other(fonts);  // lays out the opened pages, so `ahead` measures them only once
        other.set_language(lang);
        for (int i = 0; i < static_cast<int>(c.events.size()); i += 3) {
          INFO(lang << " at " << scale << (classroom ? " in classroom mode" : "") << ", " << c.events[i].id);
          s.mode = core::Mode::detail;
          s.selected_event = c.events[i].id;
          const core::Layout detail = core::compute_layout(c, s, vp, ui::layout_metrics(other, c, lang, vp, classroom));
          const long long before = ahead.stats().shaped;
          std::vector<ui::TextEngine::Paragraph> texts;
          const auto page = ui::detail_page_texts(ahead, c, lang, classroom, timeline, i);
          for (const auto& [text, style] : page) texts.push_back({text, style});
          ahead.prepare(texts, false);
          const long long prepared = ahead.stats().shaped;
          CHECK(prepared > before);  // the story was new to this engine
          const auto bottoms = ui::measure_detail_page(ahead, c, lang, classroom, detail, i);
          CHECK(ahead.stats().shaped == prepared);
          CHECK(bottoms == ui::measure_detail_page(other, c, lang, classroom, detail, i));
        }
      }
}
