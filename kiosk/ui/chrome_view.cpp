#include <algorithm>
#include <cmath>

#include "core/i18n.hpp"
#include "ui/draw_common.hpp"
#include "ui/views.hpp"

namespace kiosk::ui {

namespace {

// The hint for this screen, whole first, then shorter versions that still say something whole:
// the leading parts of the browse hint (" · " separates its instructions), the tour's stop alone.
std::vector<std::string> hint_versions(const core::Content& content, const core::KioskState& state) {
  const std::string& lang = state.language;
  const std::string dot = " \xC2\xB7 ";
  if (const core::Tour* tour = content.tour(state.tour)) {  // in a tour: its name and the stop
    const std::string step = core::fill(core::fill(content.strings.get(lang, "tour.step"), "n",
                                                   std::to_string(state.tour_step + 1)),
                                        "count", std::to_string(tour->events.size()));
    return {tour->title.get(lang, content.default_language) + dot + step, step};
  }
  const std::string hint = content.strings.get(lang, state.mode == core::Mode::detail ? "hint.detail" : "hint.browse");
  std::vector<std::string> out{hint};
  for (std::size_t cut = hint.rfind(dot); cut != std::string::npos && cut > 0; cut = hint.rfind(dot, cut - 1))
    out.push_back(hint.substr(0, cut));
  return out;
}

}  // namespace

HeaderPlan plan_header(TextEngine& text, const core::Content& content, const core::KioskState& state,
                       const core::Viewport& vp, float most_px) {
  const float u = vp.unit(), k = vp.text_scale, margin = 36 * u, gap = 48 * u;
  const bool portrait = vp.height > vp.width;
  const std::string& title = content.title.get(state.language, content.default_language);
  const std::vector<std::string> hints = hint_versions(content, state);
  const float inner = vp.width - 2 * margin;
  const float least_h = 132 * u * (1 + 0.45f * (k - 1));  // the design's header (sizes_for)
  const float most_h = std::max(least_h, most_px > 0 ? most_px : vp.height * 0.24f);
  const float room = most_h - 6 * u - 12 * u;  // for text: the rule under the band and a margin
  auto lh = [&](const TextStyle& st, const std::string& s) { return text.line_height(st, s); };
  HeaderPlan p;
  // The hint says what to do: with larger text it takes more of the band from the title, or less
  // (and fewer of its parts) when the title needs the width; in portrait it stays out. The title
  // keeps at least 29/46 of its size with the hint beside it, then gets smaller (to half) before
  // the hint gives way altogether.
  const float usual = portrait ? 0.0f : std::min(0.55f, 0.40f + 0.15f * (k - 1));
  struct Try {
    std::vector<float> sizes, shares;
  };
  const std::vector<float> large{46, 40, 34, 29}, small{26, 23};
  const Try tries[] = {{large, {usual, std::min(usual, 0.30f)}},
                       {small, {usual, std::min(usual, 0.30f)}},
                       {{46, 40, 34, 29, 26, 23}, {0.0f}}};
  for (const Try& t : tries)
    for (const float share : t.shares) {
      const float hint_w = inner * share, title_w = inner - (hint_w > 0 ? hint_w + gap : 0);
      bool title_fits = false;
      for (const float size : t.sizes) {
        p.title = TextStyle{size * u * k, Weight::bold};
        p.title_lines = text.wrap(title, p.title, title_w);
        if (p.title_lines.size() <= 2 && lh(p.title, title) * static_cast<float>(p.title_lines.size()) <= room) {
          title_fits = true;
          break;
        }
      }
      if (!title_fits) continue;
      p.hint_lines.clear();
      bool hint_fits = hint_w <= 0;
      for (std::size_t v = 0; v < hints.size() && !hint_fits; ++v)
        for (const float size : {27.0f, 24.0f, 21.0f}) {
          p.hint = TextStyle{size * u * k, Weight::regular};
          p.hint_lines = text.wrap(hints[v], p.hint, hint_w);
          if (p.hint_lines.size() <= 3 && lh(p.hint, hints[v]) * static_cast<float>(p.hint_lines.size()) <= room) {
            hint_fits = true;
            p.hint_text = hints[v];
            break;
          }
        }
      if (!hint_fits) continue;
      if (hint_w <= 0) p.hint_lines.clear();
      p.title_w = title_w;
      p.hint_w = p.hint_lines.empty() ? 0 : hint_w;
      p.fit.title_lines = static_cast<int>(p.title_lines.size());
      p.fit.hint_shown = !p.hint_lines.empty();
      const float title_h = lh(p.title, title) * static_cast<float>(p.title_lines.size());
      const float hint_h =
          p.hint_lines.empty() ? 0 : lh(p.hint, p.hint_text) * static_cast<float>(p.hint_lines.size());
      p.fit.height = std::max(least_h, std::ceil(std::max(title_h, hint_h) + 6 * u + 12 * u));
      return p;
    }
  // Not even alone at its least size in two lines: smaller still, and cut honestly with an ellipsis.
  p.hint_lines.clear();
  p.hint_w = 0;
  p.title_w = inner;
  for (const float size : {23.0f, 20.0f}) {
    p.title = TextStyle{size * u * k, Weight::bold};
    const int most = std::clamp(static_cast<int>(room / lh(p.title, title)), 1, 2);
    p.title_lines = text.wrap(title, p.title, inner, most);
    p.fit.title_cut = text.wrap(title, p.title, inner).size() > p.title_lines.size();
    if (!p.fit.title_cut) break;
  }
  p.fit.title_lines = static_cast<int>(p.title_lines.size());
  p.fit.height = std::max(least_h, std::ceil(lh(p.title, title) * static_cast<float>(p.title_lines.size()) + 18 * u));
  return p;
}

void draw_header(ImDrawList* dl, const Frame& f) {
  const core::Layout& l = f.layout;
  const core::Style& st = f.style;
  const float u = l.viewport.unit(), margin = 36 * u;
  const HeaderPlan p = plan_header(f.text, f.content, f.state, l.viewport, l.header.h);
  const core::Rect band{0, l.header.y, l.viewport.width, l.header.h - 6 * u};
  // The title sits where reading starts: the left, or the right in a right-to-left language; the
  // hint at the other end. Each block is centred in the band, its lines spaced by its own script.
  auto block = [&](const std::vector<std::string>& lines, const std::string& whole, TextStyle style, float x, float w,
                   ImU32 color, Align align) {
    const float lh = f.text.line_height(style, whole);
    float y = band.y + (band.h - lh * static_cast<float>(lines.size())) / 2;
    for (const auto& line : lines) {
      f.text.draw(dl, x, y, line, style, color, w, align);
      y += lh;
    }
  };
  const std::string& title = f.content.title.get(f.state.language, f.content.default_language);
  const float title_x = l.rtl ? l.viewport.width - margin - p.title_w : margin;
  block(p.title_lines, title, p.title, title_x, p.title_w, col(st.ink), Align::start);
  if (!p.hint_lines.empty()) {
    const float hint_x = l.rtl ? margin : l.viewport.width - margin - p.hint_w;
    block(p.hint_lines, p.hint_text, p.hint, hint_x, p.hint_w, col(st.muted_ink), Align::end);
  }
  dl->AddRectFilled(ImVec2(margin, l.header.bottom() - 4 * u), ImVec2(l.viewport.width - margin, l.header.bottom() - 1 * u),
                    col(st.ink, 0.85f));
}

namespace {

void draw_plus_minus(ImDrawList* dl, const core::Rect& r, bool plus, ImU32 color, float thickness) {
  const float cx = r.x + r.w / 2, cy = r.y + r.h / 2, arm = r.w * 0.22f;
  dl->AddRectFilled(ImVec2(cx - arm, cy - thickness / 2), ImVec2(cx + arm, cy + thickness / 2), color);
  if (plus) dl->AddRectFilled(ImVec2(cx - thickness / 2, cy - arm), ImVec2(cx + thickness / 2, cy + arm), color);
}

}  // namespace

void draw_buttons(ImDrawList* dl, const Frame& f) {
  const core::Layout& l = f.layout;
  const core::Style& st = f.style;
  const TypeScale ts = type_scale(l.viewport);
  const float u = l.viewport.unit();
  if (l.mode == core::Mode::browse && f.state.panel == core::Panel::none && l.footer_hint.w > 160 * u) {
    // Between the menus and the navigation: which themes show, else how many stories wait there.
    std::string hint;
    if (!f.state.filters.empty())
      hint = core::fill(core::fill(f.content.strings.get(f.state.language, "hint.filtered"), "count",
                                   std::to_string(f.state.filters.size())),
                        "total", std::to_string(f.content.themes.size()));
    else if (l.hidden_events > 0)
      hint = core::fill(f.content.strings.get(f.state.language, "hint.hidden"), "count", std::to_string(l.hidden_events));
    const core::Rect& h = l.footer_hint;
    // In one or two lines, or not at all: a hint cut short says nothing.
    const float hint_lh = f.text.line_height(ts.hint, hint);  // spaced by the fonts it is drawn in
    const std::size_t room = h.h >= 2.2f * hint_lh ? 2 : 1;
    auto lines = f.text.wrap(hint, ts.hint, h.w - 20 * u);
    if (lines.size() > room) lines.clear();
    float y = h.y + (h.h - hint_lh * static_cast<float>(lines.size())) / 2;
    for (const auto& line : lines) {
      f.text.draw(dl, h.x + 10 * u, y, line, ts.hint, col(st.muted_ink), h.w - 20 * u);
      y += hint_lh;
    }
  }
  for (const core::Button& b : l.buttons) {
    if (!core::is_focusable(b)) continue;
    const bool focused = b.target == f.state.focus_target && b.index == f.state.focus_index;
    if (b.target == core::Target::badge) {  // the timeline draws the badge; focus rings it
      if (focused)
        dl->AddCircle(ImVec2(b.rect.x + b.rect.w / 2, b.rect.y + b.rect.h / 2), b.rect.w / 2 + 9 * u, col(st.ink), 48,
                      6 * u);
      continue;
    }
    // Related-event chips scroll with the detail page: they show only inside its area.
    const bool chip = b.target == core::Target::related;
    if (chip) dl->PushClipRect(tl(l.detail_scroll_area), br(l.detail_scroll_area), true);
    // A chooser too tall for the screen scrolls its items inside its area (room for the focus ring).
    const core::Rect& area = l.chooser_scroll_area;
    const bool scrolled = area.w > 0 && (b.target == core::Target::theme || b.target == core::Target::era);
    // Where nothing is cut (at the top, at the end) there is room for the focus ring.
    const bool at_top = f.state.panel_scroll <= 0, at_end = f.state.panel_scroll >= l.chooser_scroll_max;
    if (scrolled)
      dl->PushClipRect(ImVec2(area.x, area.y - (at_top ? 10 * u : 0)), ImVec2(area.right(), area.bottom() + (at_end ? 10 * u : 0)), true);
    if (focused) {  // keyboard/switch focus
      const float r = std::min(b.rect.h / 2, 24 * u) + 9 * u;
      dl->AddRect(ImVec2(b.rect.x - 9 * u, b.rect.y - 9 * u), ImVec2(b.rect.right() + 9 * u, b.rect.bottom() + 9 * u),
                  col(st.ink), r, 0, 6 * u);
    }
    if (b.target == core::Target::theme || b.target == core::Target::era) {
      if (b.target == core::Target::theme) draw_theme_chip(dl, f, b);
      else draw_era_button(dl, f, b);
      if (scrolled) dl->PopClipRect();
      continue;
    }
    if (b.target == core::Target::related) {  // a quiet chip inside the detail panel
      const float r = std::min(b.rect.h / 2, 34 * u * l.viewport.text_scale);
      const core::Event& e = f.content.events[b.index];
      const ImU32 tc = col(theme_color(f.content, e, f.state.high_contrast));
      dl->AddRectFilled(tl(b.rect), br(b.rect), col(theme_color(f.content, e, f.state.high_contrast), 0.10f), r);
      dl->AddRect(tl(b.rect), br(b.rect), tc, r, 0, 2.5f * u);
      // As many lines as the layout made room for (a long title wraps at large text).
      const float lh = f.text.line_height(ts.chip, b.text);  // an English title in Urdu spaced as English
      const int room = std::max(1, static_cast<int>((b.rect.h - 8 * u) / lh));
      const auto lines = f.text.wrap(b.text, ts.chip, b.rect.w - 48 * u, room);
      float ly = b.rect.y + (b.rect.h - lh * static_cast<float>(lines.size())) / 2;
      for (const auto& line : lines) {
        f.text.draw(dl, b.rect.x + 24 * u, ly, line, ts.chip, col(st.ink), b.rect.w - 48 * u);
        ly += lh;
      }
      dl->PopClipRect();
      continue;
    }
    const float radius = std::min(b.rect.h / 2, 24 * u);
    draw_shadow(dl, b.rect, radius, 6 * u);
    // The chosen language shows inverted, with a ring, so it reads without colour too.
    const bool light = b.selected;
    dl->AddRectFilled(tl(b.rect), br(b.rect), col(light ? st.card : st.accent), radius);
    if (light) dl->AddRect(tl(b.rect), br(b.rect), col(st.accent), radius, 0, 5 * u);
    const ImU32 ink = col(light ? st.accent : st.accent_ink);
    switch (b.target) {
      case core::Target::zoom_in:
      case core::Target::zoom_out:
        draw_plus_minus(dl, b.rect, b.target == core::Target::zoom_in, ink, 8 * u);
        break;
      default: {
        const std::string label = b.text.empty() ? f.content.strings.get(f.state.language, b.label_key) : b.text;
        // A language's name is shaped as that language (Urdu in Nastaliq, Chinese in its forms).
        const bool own_language = b.target == core::Target::language && b.index >= 0 &&
                                  b.index < static_cast<int>(f.content.languages.size());
        if (own_language) f.text.set_language(f.content.languages[b.index]);
        const float k = l.viewport.text_scale;  // icons grow with their labels
        float icon_w = 0;
        if (b.target == core::Target::back || b.target == core::Target::language_menu) icon_w = 44 * u * k;
        if (b.target == core::Target::themes_menu) icon_w = 52 * u;
        const auto lines = f.text.wrap(label, ts.button, b.rect.w - 40 * u - icon_w, 1);
        const std::string line = lines.empty() ? "" : lines[0];
        const float w = f.text.measure(line, ts.button) + icon_w;
        const float x = b.rect.x + (b.rect.w - w) / 2;
        const float y = b.rect.y + (b.rect.h - f.text.line_height(ts.button, line)) / 2;  // centred by its own fonts
        const float cy = b.rect.y + b.rect.h / 2, s = 14 * u * k;
        if (b.target == core::Target::back && l.rtl) {  // back points the way reading came from
          const float r = x + icon_w - 14 * u * k;
          dl->AddTriangleFilled(ImVec2(r, cy), ImVec2(r - s, cy + s), ImVec2(r - s, cy - s), ink);
          dl->AddRectFilled(ImVec2(r - s - 16 * u * k, cy - 3.5f * u * k), ImVec2(r - s + 1, cy + 3.5f * u * k), ink);
        } else if (b.target == core::Target::back) {  // a left-pointing arrow
          dl->AddTriangleFilled(ImVec2(x, cy), ImVec2(x + s, cy - s), ImVec2(x + s, cy + s), ink);
          dl->AddRectFilled(ImVec2(x + s - 1, cy - 3.5f * u * k), ImVec2(x + s + 16 * u * k, cy + 3.5f * u * k), ink);
        } else if (b.target == core::Target::language_menu) {  // a globe, not a flag
          const float g = u * k;
          const ImVec2 c(x + 15 * g, cy);
          dl->AddCircle(c, 14 * g, ink, 24, 3 * g);
          dl->AddLine(ImVec2(c.x - 14 * g, cy), ImVec2(c.x + 14 * g, cy), ink, 2.5f * g);
          dl->AddBezierCubic(ImVec2(c.x, cy - 14 * g), ImVec2(c.x - 10 * g, cy - 6 * g), ImVec2(c.x - 10 * g, cy + 6 * g),
                             ImVec2(c.x, cy + 14 * g), ink, 2.5f * g);
          dl->AddBezierCubic(ImVec2(c.x, cy - 14 * g), ImVec2(c.x + 10 * g, cy - 6 * g), ImVec2(c.x + 10 * g, cy + 6 * g),
                             ImVec2(c.x, cy + 14 * g), ink, 2.5f * g);
        }
        if (b.target == core::Target::themes_menu) {  // the legend: swatches of the themes shown
          const float ix = l.rtl ? x + w - 20 * u : x + 20 * u;
          draw_theme_legend_icon(dl, f, ix, cy, col(light ? st.card : st.accent_ink));
          f.text.draw(dl, l.rtl ? x : x + icon_w, y, line, ts.button, ink);
        } else {
          f.text.draw(dl, x + icon_w, y, line, ts.button, ink);
        }
        if (own_language) f.text.set_language(f.state.language);
      }
    }
  }
  draw_detail_scroll_indicator(dl, f);  // over the chips that scrolled under its fade
  draw_chooser_scroll(dl, f);
}

}  // namespace kiosk::ui

namespace kiosk::ui {

void draw_notice(ImDrawList* dl, const Frame& f) {
  const core::Viewport& vp = f.layout.viewport;
  const float u = vp.unit(), pad = 20 * u;
  const TextStyle style{24 * u, Weight::regular};
  const float w = vp.width - 2 * pad;
  const auto lines = f.text.wrap(f.notice, style, w - 2 * pad, 8);
  const float lh = f.text.line_height(style);
  const float h = lh * static_cast<float>(lines.size()) + 2 * pad;
  const core::Rect box{pad, pad, w, h};
  dl->AddRectFilled(tl(box), br(box), IM_COL32(120, 20, 20, 240), 12 * u);
  float y = box.y + pad;
  for (const auto& line : lines) {
    f.text.draw(dl, box.x + pad, y, line, style, IM_COL32(255, 255, 255, 255));
    y += lh;
  }
}

}  // namespace kiosk::ui

namespace kiosk::ui {

void draw_chooser(ImDrawList* dl, const Frame& f) {
  const core::Layout& l = f.layout;
  const core::Style& st = f.style;
  const float u = l.viewport.unit();
  // A dark veil over the screen behind the panel (in high contrast too, where ink is white).
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(l.viewport.width, l.viewport.height),
                    col(f.state.high_contrast ? st.background : st.ink, f.state.high_contrast ? 0.75f : 0.55f));
  const core::Rect& p = l.chooser;
  draw_shadow(dl, p, 20 * u, 12 * u);
  dl->AddRectFilled(tl(p), br(p), col(st.card), 20 * u);
  if (f.state.high_contrast) dl->AddRect(tl(p), br(p), col(st.ink), 20 * u, 0, 3 * u);  // its edge on the dark veil
  const TextStyle style{36 * u * l.viewport.text_scale, Weight::bold};
  const std::string& lang = f.state.language;
  if (f.state.panel == core::Panel::pin) {
    const bool locked = f.state.now_ms < f.state.pin_locked_until_ms;
    std::string title = f.content.strings.get(lang, locked ? "admin.pin_locked" : "admin.pin_title");
    if (!locked) {
      title += "  ";
      for (std::size_t i = 0; i < f.state.pin_entry.size(); ++i) title += "\xE2\x97\x8F ";  // a dot per digit
    }
    f.text.draw(dl, p.x + 40 * u, p.y + 34 * u, title, style, col(st.ink), p.w - 80 * u);
    return;
  }
  if (f.state.panel == core::Panel::admin) {
    draw_admin(dl, f);
    return;
  }
  const std::string title = f.content.strings.get(
      f.state.language, f.state.panel == core::Panel::languages ? "panel.languages"
                        : f.state.panel == core::Panel::display ? "panel.display"
                        : f.state.panel == core::Panel::themes  ? "panel.themes"
                        : f.state.panel == core::Panel::eras    ? "panel.eras"
                                                                : "panel.tours");
  f.text.draw(dl, p.x + 40 * u, p.y + 34 * u, title, style, col(st.ink), p.w - 80 * u);
}

void draw_warning(ImDrawList* dl, const Frame& f) {
  const core::Viewport& vp = f.layout.viewport;
  const core::Style& st = f.style;
  const float u = vp.unit(), k = vp.text_scale;  // k: the visitor's text size
  const std::string& lang = f.state.language;
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(vp.width, vp.height),
                    col(f.state.high_contrast ? st.background : st.ink, f.state.high_contrast ? 0.75f : 0.6f));
  const int seconds = static_cast<int>(std::ceil(f.warning_seconds_left));
  const std::string heading = f.content.strings.get(lang, "warning.title");
  const std::string message = core::fill(f.content.strings.get(lang, "warning.body"), "seconds", std::to_string(seconds));
  const float pad = 48 * u, w = std::min(vp.width - 80 * u, 1100 * u * k);
  // At the visitor's text size, a step smaller when the notice would not fit on the screen
  // (large text on a short screen, tall scripts); cut with an ellipsis only at the least.
  TextStyle title, body, count;
  float ring = 0, text_w = 0, text_h = 0, h = 0;
  std::vector<std::string> title_lines, body_lines;
  for (const float step : {1.0f, 0.85f, 0.72f, 0.6f}) {
    title = {56 * u * k * step, Weight::bold};
    body = {32 * u * k * step, Weight::regular};
    count = {64 * u * k * step, Weight::bold};
    ring = 64 * u * k * step;
    text_w = w - 2 * pad - 2 * ring - 30 * u;
    const bool last = step < 0.7f;
    title_lines = f.text.wrap(heading, title, text_w, last ? 2 : 0);
    body_lines = f.text.wrap(message, body, text_w, last ? 5 : 0);
    // As tall as its text, at least as tall as the countdown's ring.
    text_h = f.text.line_height(title, heading) * static_cast<float>(title_lines.size()) + 16 * u +
             f.text.line_height(body, message) * static_cast<float>(body_lines.size());
    h = std::max(330 * u, std::max(text_h, 2 * ring + 20 * u) + 2 * pad);
    if (title_lines.size() <= 2 && body_lines.size() <= 5 && h <= vp.height - 40 * u) break;
  }
  h = std::min(h, vp.height - 40 * u);
  // In the lower half where it can.
  const core::Rect box{(vp.width - w) / 2, std::max(20 * u, std::min(vp.height * 0.42f, vp.height - h - 40 * u)), w, h};
  draw_shadow(dl, box, 24 * u, 12 * u);
  dl->AddRectFilled(tl(box), br(box), col(st.card), 24 * u);
  if (f.state.high_contrast) dl->AddRect(tl(box), br(box), col(st.ink), 24 * u, 0, 3 * u);  // its edge on the dark veil
  // The text at the start of the line of reading, the countdown at its end.
  const bool rtl = f.layout.rtl;
  const float text_x = rtl ? box.right() - pad - text_w : box.x + pad;
  float y = box.y + (box.h - text_h) / 2;
  for (const auto& line : title_lines) {
    f.text.draw(dl, text_x, y, line, title, col(st.ink), text_w);
    y += f.text.line_height(title, heading);
  }
  y += 16 * u;
  for (const auto& line : body_lines) {
    f.text.draw(dl, text_x, y, line, body, col(st.muted_ink), text_w);
    y += f.text.line_height(body, message);
  }
  // The countdown as a number in a ring; it changes once a second, nothing flashes.
  const ImVec2 c(rtl ? box.x + pad + ring : box.right() - pad - ring, box.y + box.h / 2);
  dl->AddCircle(c, ring, col(st.accent), 48, 8 * u);
  const std::string n = std::to_string(seconds);
  f.text.draw(dl, c.x - f.text.measure(n, count) / 2, c.y - f.text.line_height(count, n) / 2, n, count, col(st.accent));
}

}  // namespace kiosk::ui
