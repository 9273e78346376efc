// The theme chips (each with its colour: the legend of the cards), the era jump buttons, and the
// small legend on the footer's "Themes" button.
#include <algorithm>
#include <cmath>

#include "core/filter_bar.hpp"
#include "core/i18n.hpp"
#include "ui/draw_common.hpp"
#include "ui/views.hpp"

namespace kiosk::ui {

core::Rgba theme_swatch(const core::Theme& t, bool high_contrast) {
  return high_contrast ? core::mix(t.color, core::Rgba{255, 255, 255, 255}, 0.6) : t.color;
}

core::Rgba event_color(const Frame& f, const core::Event& e) {
  const core::Theme* t = core::event_theme(f.content, e, f.state.filters);
  if (!t) return f.state.high_contrast ? core::mix(f.content.style.accent, core::Rgba{255, 255, 255, 255}, 0.6) : f.content.style.accent;
  return theme_swatch(*t, f.state.high_contrast);
}

namespace {

// A tick inside a swatch of radius r: it says "chosen" without relying on colour.
void draw_check(ImDrawList* dl, ImVec2 c, float r, ImU32 color, float thickness) {
  const ImVec2 pts[3] = {ImVec2(c.x - r * 0.48f, c.y + r * 0.02f), ImVec2(c.x - r * 0.12f, c.y + r * 0.38f),
                         ImVec2(c.x + r * 0.5f, c.y - r * 0.36f)};
  dl->AddPolyline(pts, 3, color, 0, thickness);
}

// Lines of `label` that fit `width` and the rect's height, in the button type or one a little smaller.
std::vector<std::string> fit_lines(TextEngine& text, const std::string& label, TextStyle& style, float width, float height) {
  const TextStyle smaller{style.size_px * 0.85f, style.weight};
  for (const TextStyle& s : {style, smaller}) {
    const int fits = std::max(1, static_cast<int>(height / text.line_height(s)));
    auto lines = text.wrap(label, s, width, fits);
    if (text.wrap(label, s, width).size() <= static_cast<std::size_t>(fits)) {
      style = s;
      return lines;
    }
  }
  style = smaller;
  return text.wrap(label, smaller, width, std::max(1, static_cast<int>(height / text.line_height(smaller))));
}

}  // namespace

void draw_theme_chip(ImDrawList* dl, const Frame& f, const core::Button& b) {
  const core::Style& st = f.style;
  const float u = f.layout.viewport.unit();
  const core::Theme& theme = f.content.themes[static_cast<std::size_t>(b.index)];
  const core::Rgba tc = theme_swatch(theme, f.state.high_contrast);
  const bool shown = f.state.filters.empty() || b.selected;
  const core::Rect& r = b.rect;
  const float radius = std::min(r.h / 2, 28 * u);
  draw_shadow(dl, r, radius, 4 * u);
  dl->AddRectFilled(tl(r), br(r), col(st.card), radius);
  if (b.selected) {
    dl->AddRectFilled(tl(r), br(r), col(tc, 0.16f), radius);
    dl->AddRect(tl(r), br(r), col(tc), radius, 0, 5 * u);
  } else {
    dl->AddRect(tl(r), br(r), col(st.muted_ink, 0.45f), radius, 0, 2 * u);
  }
  // The swatch at the start: full when the theme's stories show, a ring when they are hidden.
  const float sr = 19 * u, pad = 28 * u;
  const bool rtl = f.layout.rtl;
  const ImVec2 c(rtl ? r.right() - pad - sr : r.x + pad + sr, r.y + r.h / 2);
  if (shown) {
    dl->AddCircleFilled(c, sr, col(tc), 32);
  } else {
    dl->AddCircle(c, sr - 2 * u, col(tc), 32, 4 * u);
  }
  if (b.selected) draw_check(dl, c, sr, col(f.state.high_contrast ? st.background : core::Rgba{255, 255, 255, 255}), 4.5f * u);
  TextStyle style = type_scale(f.layout.viewport).button;
  const float tx = rtl ? r.x + pad : c.x + sr + 20 * u;
  const float tw = (rtl ? c.x - sr - 20 * u : r.right() - pad) - tx;
  const auto lines = fit_lines(f.text, b.text, style, tw, r.h - 12 * u);
  const float lh = f.text.line_height(style);
  float y = r.y + (r.h - lh * static_cast<float>(lines.size())) / 2;
  for (const auto& line : lines) {
    f.text.draw(dl, tx, y, line, style, col(shown ? st.ink : st.muted_ink), tw);
    y += lh;
  }
}

void draw_era_button(ImDrawList* dl, const Frame& f, const core::Button& b) {
  const core::Style& st = f.style;
  const float u = f.layout.viewport.unit();
  const core::Era& era = f.content.eras[static_cast<std::size_t>(b.index)];
  // The same colour as the era's band on the timeline.
  const core::Rgba fill = f.state.high_contrast ? core::mix(era.color, st.background, 0.85) : era.color;
  const core::Rect& r = b.rect;
  const float radius = std::min(r.h / 2, 24 * u);
  draw_shadow(dl, r, radius, 4 * u);
  dl->AddRectFilled(tl(r), br(r), col(fill), radius);
  // The one the view is in now wears a thick ring; the others a hairline.
  dl->AddRect(tl(r), br(r), col(st.ink, b.selected ? 1.0f : 0.3f), radius, 0, (b.selected ? 5.0f : 2.0f) * u);
  const float pad = 26 * u;
  TextStyle style = type_scale(f.layout.viewport).button;
  const TextStyle dates = type_scale(f.layout.viewport).label;
  const std::string range = core::format_range(era.start, &era.end, f.content.strings, f.state.language);
  const float dates_h = f.text.line_height(dates);
  // The years under the name when both fit; otherwise the name alone.
  const bool with_dates = r.h - 12 * u >= f.text.line_height(style) + dates_h;
  const auto lines = fit_lines(f.text, b.text, style, r.w - 2 * pad, r.h - 12 * u - (with_dates ? dates_h : 0));
  const float lh = f.text.line_height(style);
  const float block = lh * static_cast<float>(lines.size()) + (with_dates ? dates_h : 0);
  float y = r.y + (r.h - block) / 2;
  for (const auto& line : lines) {
    f.text.draw(dl, r.x + pad, y, line, style, col(st.ink), r.w - 2 * pad);
    y += lh;
  }
  if (with_dates) f.text.draw(dl, r.x + pad, y, range, dates, col(st.muted_ink), r.w - 2 * pad);
}

void draw_theme_legend_icon(ImDrawList* dl, const Frame& f, float cx, float cy, ImU32 ring) {
  const float u = f.layout.viewport.unit();
  std::vector<const core::Theme*> shown;
  for (const core::Theme& t : f.content.themes)
    if (f.state.filters.empty() || std::find(f.state.filters.begin(), f.state.filters.end(), t.id) != f.state.filters.end())
      shown.push_back(&t);
  // Up to four swatches in a square, each ringed so that it stands out from the button.
  const float r = 8.5f * u, step = 21 * u;
  const std::size_t n = std::min<std::size_t>(shown.size(), 4);
  for (std::size_t i = 0; i < n; ++i) {
    const float dx = n == 1 ? 0 : (static_cast<float>(i % 2) - 0.5f) * step;
    const float dy = n <= 2 ? 0 : (static_cast<float>(i / 2) - 0.5f) * step;
    const ImVec2 c(cx + dx, cy + dy);
    dl->AddCircleFilled(c, r + 2.5f * u, ring, 24);
    dl->AddCircleFilled(c, r, col(theme_swatch(*shown[i], f.state.high_contrast)), 24);
  }
}

}  // namespace kiosk::ui
