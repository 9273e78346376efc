#include <algorithm>
#include <cmath>

#include "core/i18n.hpp"
#include "ui/draw_common.hpp"
#include "ui/views.hpp"

namespace kiosk::ui {

namespace {

// Draws `text` centred vertically in the header band within `width`, at the largest of `sizes`
// (pixels) whose lines (at most three) fit; aligned to the start or the end of the band.
void fitted(ImDrawList* dl, TextEngine& text, const core::Rect& band, float x, float width, const std::string& s,
            std::initializer_list<float> sizes, Weight weight, ImU32 color, Align align) {
  TextStyle style{*sizes.begin(), weight};
  std::vector<std::string> lines;
  for (float size : sizes) {
    style.size_px = size;
    lines = text.wrap(s, style, width);
    if (lines.size() <= 3 && text.line_height(style) * static_cast<float>(lines.size()) <= band.h - 12) break;
  }
  const int most = std::clamp(static_cast<int>((band.h - 12) / text.line_height(style)), 1, 3);
  if (static_cast<int>(lines.size()) > most) lines = text.wrap(s, style, width, most);
  const float lh = text.line_height(style);
  float y = band.y + (band.h - lh * static_cast<float>(lines.size())) / 2;
  for (const auto& line : lines) {
    text.draw(dl, x, y, line, style, color, width, align);
    y += lh;
  }
}

}  // namespace

void draw_header(ImDrawList* dl, const Frame& f) {
  const core::Layout& l = f.layout;
  const core::Style& st = f.style;
  const float u = l.viewport.unit(), margin = 36 * u, k = l.viewport.text_scale;  // k: the visitor's text size
  const std::string& lang = f.state.language;
  const std::string& title = f.content.title.get(lang, f.content.default_language);
  const bool portrait = l.viewport.height > l.viewport.width;
  std::string hint = f.content.strings.get(lang, l.mode == core::Mode::detail ? "hint.detail" : "hint.browse");
  if (const core::Tour* tour = f.content.tour(f.state.tour)) {  // in a tour: its name and the stop
    hint = tour->title.get(lang, f.content.default_language) + " \xC2\xB7 " +
           core::fill(core::fill(f.content.strings.get(lang, "tour.step"), "n", std::to_string(f.state.tour_step + 1)),
                      "count", std::to_string(tour->events.size()));
  }
  const float inner = l.viewport.width - 2 * margin;
  // The hint says what to do: with larger text it takes more of the band from the title.
  const float hint_w = portrait ? 0.0f : inner * std::min(0.55f, 0.40f + 0.15f * (k - 1));
  const float title_w = inner - (hint_w > 0 ? hint_w + 48 * u : 0);
  const core::Rect band{0, l.header.y, l.viewport.width, l.header.h - 6 * u};
  // The title sits where reading starts: the left, or the right in a right-to-left language.
  const float title_x = l.rtl ? l.viewport.width - margin - title_w : margin;
  const float hint_x = l.rtl ? margin : l.viewport.width - margin - hint_w;
  fitted(dl, f.text, band, title_x, title_w, title, {46 * u * k, 40 * u * k, 34 * u * k, 29 * u * k}, Weight::bold,
         col(st.ink), Align::start);
  if (hint_w > 0)
    fitted(dl, f.text, band, hint_x, hint_w, hint, {27 * u * k, 24 * u * k, 21 * u * k}, Weight::regular,
           col(st.muted_ink), Align::end);
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
    const std::size_t room = h.h >= 2.2f * f.text.line_height(ts.hint) ? 2 : 1;
    auto lines = f.text.wrap(hint, ts.hint, h.w - 20 * u);
    if (lines.size() > room) lines.clear();
    float y = h.y + (h.h - f.text.line_height(ts.hint) * static_cast<float>(lines.size())) / 2;
    for (const auto& line : lines) {
      f.text.draw(dl, h.x + 10 * u, y, line, ts.hint, col(st.muted_ink), h.w - 20 * u);
      y += f.text.line_height(ts.hint);
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
      const float lh = f.text.line_height(ts.chip);
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
        const float y = b.rect.y + (b.rect.h - f.text.line_height(ts.button)) / 2;
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
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(l.viewport.width, l.viewport.height), col(st.ink, 0.55f));
  const core::Rect& p = l.chooser;
  draw_shadow(dl, p, 20 * u, 12 * u);
  dl->AddRectFilled(tl(p), br(p), col(st.card), 20 * u);
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
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(vp.width, vp.height), col(st.ink, 0.6f));
  const int seconds = static_cast<int>(std::ceil(f.warning_seconds_left));
  const TextStyle title{56 * u * k, Weight::bold}, body{32 * u * k, Weight::regular}, count{64 * u * k, Weight::bold};
  const float pad = 48 * u, ring = 64 * u * k;
  const float w = std::min(vp.width - 80 * u, 1100 * u * k);
  const float text_w = w - 2 * pad - 2 * ring - 30 * u;
  const std::string heading = f.content.strings.get(lang, "warning.title");
  const std::string message = core::fill(f.content.strings.get(lang, "warning.body"), "seconds", std::to_string(seconds));
  const auto title_lines = f.text.wrap(heading, title, text_w, 2);
  const auto body_lines = f.text.wrap(message, body, text_w, 4);
  // As tall as its text, at least as tall as the countdown's ring; in the lower half where it can.
  const float text_h = f.text.line_height(title) * static_cast<float>(title_lines.size()) + 16 * u +
                       f.text.line_height(body) * static_cast<float>(body_lines.size());
  const float h = std::max(330 * u, std::max(text_h, 2 * ring + 20 * u) + 2 * pad);
  const core::Rect box{(vp.width - w) / 2, std::max(20 * u, std::min(vp.height * 0.42f, vp.height - h - 40 * u)), w, h};
  draw_shadow(dl, box, 24 * u, 12 * u);
  dl->AddRectFilled(tl(box), br(box), col(st.card), 24 * u);
  // The text at the start of the line of reading, the countdown at its end.
  const bool rtl = f.layout.rtl;
  const float text_x = rtl ? box.right() - pad - text_w : box.x + pad;
  float y = box.y + (box.h - text_h) / 2;
  for (const auto& line : title_lines) {
    f.text.draw(dl, text_x, y, line, title, col(st.ink), text_w);
    y += f.text.line_height(title);
  }
  y += 16 * u;
  for (const auto& line : body_lines) {
    f.text.draw(dl, text_x, y, line, body, col(st.muted_ink), text_w);
    y += f.text.line_height(body);
  }
  // The countdown as a number in a ring; it changes once a second, nothing flashes.
  const ImVec2 c(rtl ? box.x + pad + ring : box.right() - pad - ring, box.y + box.h / 2);
  dl->AddCircle(c, ring, col(st.accent), 48, 8 * u);
  const std::string n = std::to_string(seconds);
  f.text.draw(dl, c.x - f.text.measure(n, count) / 2, c.y - f.text.line_height(count) / 2, n, count, col(st.accent));
}

}  // namespace kiosk::ui
