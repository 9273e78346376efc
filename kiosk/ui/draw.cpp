#include "ui/draw.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/i18n.hpp"
#include "ui/draw_common.hpp"
#include "ui/views.hpp"

namespace kiosk::ui {

void draw_shadow(ImDrawList* dl, const core::Rect& r, float radius, float spread) {
  for (int i = 3; i >= 1; --i) {
    const float g = spread * static_cast<float>(i) / 3.0f;
    dl->AddRectFilled(ImVec2(r.x - g * 0.3f, r.y + g * 0.5f), ImVec2(r.right() + g * 0.3f, r.bottom() + g),
                      IM_COL32(27, 27, 47, 14), radius + g);
  }
}

core::Rgba theme_color(const core::Content& c, const core::Event& e, bool high_contrast) {
  core::Rgba out = c.style.accent;
  for (const auto& id : e.themes)
    if (const core::Theme* t = c.theme(id)) {
      out = t->color;
      break;
    }
  return high_contrast ? core::mix(out, core::Rgba{255, 255, 255, 255}, 0.6) : out;
}

std::string event_date(const core::Content& c, const core::Event& e, const std::string& lang) {
  const std::string& shown = e.display_date.get(lang, c.default_language);
  if (!shown.empty()) return shown;
  return core::format_range(e.start, e.end ? &*e.end : nullptr, c.strings, lang);
}

Align reading_start(TextEngine& text, bool rtl, std::string_view s) {
  if (!rtl || text.is_rtl(s)) return Align::start;
  // No strong character before an Arabic letter put after it: no letters of its own.
  return text.is_rtl(std::string(s) + "\xD8\xA7") ? Align::end : Align::start;
}

TypeScale type_scale(const core::Viewport& vp) {
  const float u = vp.unit() * vp.text_scale;
  TypeScale t;
  t.title = {46 * u, Weight::bold};
  t.hint = {27 * u, Weight::regular};
  t.card_date = {23 * u, Weight::bold};
  t.card_headline = {27 * u, Weight::bold};
  t.tick = {27 * u, Weight::regular};
  t.era = {26 * u, Weight::bold};
  t.button = {32 * u, Weight::bold};
  t.detail_date = {30 * u, Weight::bold};
  t.detail_headline = {50 * u, Weight::bold};
  t.body = {29 * u, Weight::regular};
  t.label = {25 * u, Weight::bold};
  t.small = {22 * u, Weight::regular};
  t.chip = {24 * u, Weight::bold};
  return t;
}

core::LayoutMetrics layout_metrics(TextEngine& text, const core::Content& content, const std::string& lang,
                                   const core::Viewport& vp, bool classroom) {
  const TextStyle style = type_scale(vp).tick;
  // The widest label each unit can produce in this language, measured when the layout first asks
  // (a view of years needs neither month nor day labels: just after a change of language they
  // would all be shaped anew).
  struct Widest {
    double month = -1, day = -1;
  };
  auto widest = std::make_shared<Widest>();
  auto measure_widest = [&text, &content, lang, style](core::Date sample) {
    double w = 0;
    for (int m = 1; m <= 12; ++m) {
      sample.month = m;
      w = std::max(w, static_cast<double>(text.measure(core::format_date(sample, content.strings, lang), style)));
    }
    return w;
  };
  core::LayoutMetrics m;
  const float u = vp.unit();
  const TypeScale ts = type_scale(vp);
  // Matches draw_card: padding, the date line, three headline lines.
  m.card_height_px = std::ceil(13 * u + text.line_height(ts.card_date) + 1 * u + 3 * text.line_height(ts.card_headline) + 10 * u);
  m.card_top_px = 13 * u + text.line_height(ts.card_date) + 1 * u + 10 * u;
  m.card_headline_line_px = text.line_height(ts.card_headline);
  m.card_headline_lines = [&text, &content, lang, ts, u](int index, float card_w) {
    if (index < 0 || index >= static_cast<int>(content.events.size())) return 0;
    // Matches draw_card: the colour bar and the padding either side of the text.
    const std::string& headline = content.events[index].headline.get(lang, content.default_language);
    return static_cast<int>(text.wrap(headline, ts.card_headline, card_w - 10 * u - 44 * u).size());
  };
  m.prepare_headlines = [&text, &content, lang, ts](const std::vector<int>& events) {
    std::vector<TextEngine::Paragraph> headlines;
    for (const int index : events)
      if (index >= 0 && index < static_cast<int>(content.events.size()))
        headlines.push_back({content.events[index].headline.get(lang, content.default_language), ts.card_headline});
    text.prepare(headlines, false);  // glyphs as the cards are drawn, within the cold budget
  };
  m.header = [&text, &content, vp](const core::KioskState& s, float most_px) {
    return plan_header(text, content, s, vp, most_px).fit;
  };
  const TextStyle button = type_scale(vp).button;
  const TextStyle chip = type_scale(vp).chip;
  m.button_line_px = text.line_height(button);
  m.chip_label_px = [&text, chip](const std::string& s) { return static_cast<double>(text.measure(s, chip)); };
  m.chip_line_px = text.line_height(chip);
  m.chip_label_lines = [&text, chip](const std::string& s, float width) {
    return static_cast<int>(text.wrap(s, chip, width).size());
  };
  m.button_label_lines = [&text, button](const std::string& s, float width) {
    return std::max(1, static_cast<int>(text.wrap(s, button, width).size()));
  };
  m.button_label_px = [&text, &content, lang, button](const std::string& key) {
    return static_cast<double>(text.measure(content.strings.get(lang, key), button));
  };
  m.detail_text_bottoms = [&text, &content, lang, classroom](const core::Layout& l, int index) {
    return measure_detail_page(text, content, lang, classroom, l, index);
  };
  m.tick_label_px = [=, &text, &content](core::TickUnit unit, double year) {
    switch (unit) {
      case core::TickUnit::month:
        if (widest->month < 0) widest->month = measure_widest(core::Date{2000, 1, 0, false});
        return widest->month;
      case core::TickUnit::day:
        if (widest->day < 0) widest->day = measure_widest(core::Date{2000, 1, 28, false});
        return widest->day;
      default: {
        // A year label as long as the longest in view: all 8s are as wide as digits get.
        const auto magnitude = static_cast<long long>(std::min(std::abs(year), 1e11));
        long long sample = 8;
        while (sample < magnitude) sample = sample * 10 + 8;
        const core::Date d{year < 0 ? -sample : sample, 0, 0, false};
        return static_cast<double>(text.measure(core::format_date(d, content.strings, lang), style));
      }
    }
  };
  return m;
}

void draw_frame(ImDrawList* dl, const Frame& f) {
  const core::Viewport& vp = f.layout.viewport;
  if (f.state.blank) {  // the presenter blanked the projector
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(vp.width, vp.height), IM_COL32(0, 0, 0, 255));
    return;
  }
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(vp.width, vp.height), col(f.style.background));
  if (f.maintenance) {  // nothing to show but the notice, and the admin overlay over it
    draw_maintenance(dl, f);
    if (f.state.panel == core::Panel::pin || f.state.panel == core::Panel::admin) {
      draw_chooser(dl, f);
      draw_buttons(dl, f);
    }
  } else if (f.state.mode == core::Mode::attract) {
    draw_attract(dl, f);
  } else {
    draw_header(dl, f);
    if (f.state.mode == core::Mode::detail) draw_detail(dl, f);
    else draw_timeline(dl, f);
    if (f.state.panel != core::Panel::none) draw_chooser(dl, f);
    draw_buttons(dl, f);
    if (f.warning_seconds_left > 0) draw_warning(dl, f);
  }
  if (!f.notice.empty()) draw_notice(dl, f);
  if (f.state.touch_debug) draw_touches(dl, f);
}

}  // namespace kiosk::ui
