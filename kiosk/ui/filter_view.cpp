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
  const bool rtl = f.layout.rtl;
  const core::Era& era = f.content.eras[static_cast<std::size_t>(b.index)];
  // The same colour as the era's band on the timeline.
  const core::Rgba fill = f.state.high_contrast ? core::mix(era.color, st.background, 0.85) : era.color;
  const core::Rect& r = b.rect;
  const float radius = std::min(r.h / 2, 24 * u);
  draw_shadow(dl, r, radius, 4 * u);
  dl->AddRectFilled(tl(r), br(r), col(fill), radius);
  dl->AddRect(tl(r), br(r), col(st.ink, 0.3f), radius, 0, 2 * u);  // a hairline; the focus ring is the ring
  const float pad = 26 * u, mark = 44 * u;  // the layout keeps `mark` free at the end for the current era's tick
  float x0 = r.x + pad, x1 = r.right() - pad;
  if (rtl) x0 += mark;
  else x1 -= mark;
  // The era's picture at the start, cropped to its box from the middle (the art keeps its subject
  // away from the edges); decoded off the frame thread, a calm tint until it is ready.
  if (b.art.w > 0) {
    const ImageView art = f.images.image(era.art.image);
    const core::Rect& a = b.art;
    if (art.status == ImageStatus::ready && art.surface && art.surface->width > 0 && art.surface->height > 0) {
      const float image_aspect = static_cast<float>(art.surface->width) / static_cast<float>(art.surface->height);
      const float box_aspect = a.w / a.h;
      ImVec2 uv0(0, 0), uv1(1, 1);
      if (image_aspect > box_aspect) {  // wider than the box: crop the sides
        const float keep = box_aspect / image_aspect;
        uv0.x = (1 - keep) / 2;
        uv1.x = 1 - uv0.x;
      } else {  // taller: crop top and bottom
        const float keep = image_aspect / box_aspect;
        uv0.y = (1 - keep) / 2;
        uv1.y = 1 - uv0.y;
      }
      dl->AddImageRounded(const_cast<Surface*>(art.surface), tl(a), br(a), uv0, uv1, IM_COL32_WHITE, 14 * u);
    } else {
      dl->AddRectFilled(tl(a), br(a), col(st.ink, 0.08f), 14 * u);
    }
    dl->AddRect(tl(a), br(a), col(st.ink, 0.25f), 14 * u, 0, 1.5f * u);
    if (rtl) x1 = a.x - 18 * u;
    else x0 = a.right() + 18 * u;
  }
  // The era the view is in now: a tick in a disc and a bar along the foot, in the accent colour
  // (filled marks, so they never read as the focus ring around a control).
  if (b.selected) {
    const float cr = 17 * u;
    const ImVec2 c(rtl ? r.x + pad + cr : r.right() - pad - cr, r.y + r.h / 2);
    dl->AddCircleFilled(c, cr, col(st.accent), 32);
    draw_check(dl, c, cr, col(st.accent_ink), 4 * u);
    const float bar_x0 = b.art.w > 0 && !rtl ? b.art.right() + 18 * u : r.x + radius;
    const float bar_x1 = b.art.w > 0 && rtl ? b.art.x - 18 * u : r.right() - radius;
    dl->AddRectFilled(ImVec2(bar_x0, r.bottom() - 13 * u), ImVec2(bar_x1, r.bottom() - 6 * u), col(st.accent), 3.5f * u);
  }
  TextStyle style = type_scale(f.layout.viewport).button;
  const TextStyle dates = type_scale(f.layout.viewport).label;
  const std::string range = core::format_range(era.start, &era.end, f.content.strings, f.state.language);
  const float dates_h = f.text.line_height(dates);
  const float w = x1 - x0;
  // The years under the name when both fit whole; otherwise the name alone.
  const float lh = f.text.line_height(style);
  const bool with_dates =
      static_cast<float>(f.text.wrap(b.text, style, w).size()) * lh + dates_h <= r.h - 12 * u;
  const auto lines = fit_lines(f.text, b.text, style, w, r.h - 12 * u - (with_dates ? dates_h : 0));
  const float block = lh * static_cast<float>(lines.size()) + (with_dates ? dates_h : 0);
  float y = r.y + (r.h - block) / 2;
  for (const auto& line : lines) {
    f.text.draw(dl, x0, y, line, style, col(st.ink), w);
    y += lh;
  }
  if (with_dates) {  // the years (digits, read left to right) at the start of the line of reading, as the name
    const float dw = std::min(w, f.text.measure(range, dates));
    f.text.draw(dl, rtl ? x1 - dw : x0, y, range, dates, col(st.muted_ink), dw);
  }
}

// A theme or era chooser too tall for the screen: a bar at its end side says how far its items
// have scrolled, and the items fade out under the title and over the actions where more wait.
void draw_chooser_scroll(ImDrawList* dl, const Frame& f) {
  const core::Layout& l = f.layout;
  const core::Rect& a = l.chooser_scroll_area;
  if (a.w <= 0 || l.chooser_scroll_max <= 0) return;
  const core::Style& st = f.style;
  const float u = l.viewport.unit();
  const double scroll = std::clamp(f.state.panel_scroll, 0.0, static_cast<double>(l.chooser_scroll_max));
  const float fade = 36 * u;
  const ImU32 solid = col(st.card), clear = col(st.card, 0.0f);
  if (scroll > 0.5)
    dl->AddRectFilledMultiColor(ImVec2(a.x + 20 * u, a.y), ImVec2(a.right() - 20 * u, a.y + fade), solid, solid, clear, clear);
  if (scroll < l.chooser_scroll_max - 0.5)
    dl->AddRectFilledMultiColor(ImVec2(a.x + 20 * u, a.bottom() - fade), ImVec2(a.right() - 20 * u, a.bottom()), clear, clear,
                                solid, solid);
  const float track_x = l.rtl ? a.x + 14 * u : a.right() - 20 * u, bar_w = 6 * u;
  dl->AddRectFilled(ImVec2(track_x, a.y), ImVec2(track_x + bar_w, a.bottom()), col(st.ink, 0.12f), bar_w / 2);
  const float content_h = a.h + l.chooser_scroll_max;
  const float thumb_h = std::max(40 * u, a.h * a.h / content_h);
  const float thumb_y = a.y + static_cast<float>(scroll / l.chooser_scroll_max) * (a.h - thumb_h);
  dl->AddRectFilled(ImVec2(track_x, thumb_y), ImVec2(track_x + bar_w, thumb_y + thumb_h), col(st.ink, 0.6f), bar_w / 2);
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
