#include <algorithm>

#include "core/i18n.hpp"
#include "ui/draw_common.hpp"
#include "ui/views.hpp"

namespace kiosk::ui {

namespace {

// Draws `text` centred vertically in the header band within `width`, at the largest of `sizes`
// (pixels) whose lines (at most two) fit; aligned to the start or the end of the band.
void fitted(ImDrawList* dl, TextEngine& text, const core::Rect& band, float x, float width, const std::string& s,
            std::initializer_list<float> sizes, Weight weight, ImU32 color, Align align) {
  TextStyle style{*sizes.begin(), weight};
  std::vector<std::string> lines;
  for (float size : sizes) {
    style.size_px = size;
    lines = text.wrap(s, style, width);
    if (lines.size() <= 2 && text.line_height(style) * static_cast<float>(lines.size()) <= band.h - 12) break;
  }
  if (lines.size() > 2) lines = text.wrap(s, style, width, 2);
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
  const core::Style& st = f.content.style;
  const float u = l.viewport.unit(), margin = 36 * u;
  const std::string& lang = f.state.language;
  const std::string& title = f.content.title.get(lang, f.content.default_language);
  const bool portrait = l.viewport.height > l.viewport.width;
  const std::string hint = f.content.strings.get(lang, l.mode == core::Mode::detail ? "hint.detail" : "hint.browse");
  const float inner = l.viewport.width - 2 * margin;
  const float hint_w = portrait ? 0.0f : inner * 0.40f;
  const float title_w = inner - (hint_w > 0 ? hint_w + 48 * u : 0);
  const core::Rect band{0, l.header.y, l.viewport.width, l.header.h - 6 * u};
  fitted(dl, f.text, band, margin, title_w, title, {46 * u, 40 * u, 34 * u, 29 * u}, Weight::bold, col(st.ink),
         Align::start);
  if (hint_w > 0)
    fitted(dl, f.text, band, l.viewport.width - margin - hint_w, hint_w, hint, {27 * u, 24 * u, 21 * u},
           Weight::regular, col(st.muted_ink), Align::end);
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
  const core::Style& st = f.content.style;
  const TypeScale ts = type_scale(l.viewport);
  const float u = l.viewport.unit();
  if (l.mode == core::Mode::browse && l.hidden_events > 0) {
    const std::string hint = core::fill(f.content.strings.get(f.state.language, "hint.hidden"), "count",
                                        std::to_string(l.hidden_events));
    const float x = 36 * u;
    const float right = l.buttons.empty() ? l.viewport.width : l.buttons.back().rect.x;
    f.text.draw_wrapped(dl, x, l.footer.y + (l.footer.h - f.text.line_height(ts.hint)) / 2, hint, ts.hint,
                        right - x - 40 * u, col(st.muted_ink), 1);
  }
  for (const core::Button& b : l.buttons) {
    const float radius = std::min(b.rect.h / 2, 24 * u);
    draw_shadow(dl, b.rect, radius, 6 * u);
    dl->AddRectFilled(tl(b.rect), br(b.rect), col(st.accent), radius);
    const ImU32 ink = col(st.accent_ink);
    switch (b.target) {
      case core::Target::zoom_in:
      case core::Target::zoom_out:
        draw_plus_minus(dl, b.rect, b.target == core::Target::zoom_in, ink, 8 * u);
        break;
      default: {
        std::string label = f.content.strings.get(f.state.language, b.label_key);
        float icon_w = 0;
        if (b.target == core::Target::back) {  // a left-pointing arrow before the label
          icon_w = 44 * u;
        }
        const auto lines = f.text.wrap(label, ts.button, b.rect.w - 40 * u - icon_w, 1);
        const std::string line = lines.empty() ? "" : lines[0];
        const float w = f.text.measure(line, ts.button) + icon_w;
        const float x = b.rect.x + (b.rect.w - w) / 2;
        const float y = b.rect.y + (b.rect.h - f.text.line_height(ts.button)) / 2;
        if (icon_w > 0) {
          const float cy = b.rect.y + b.rect.h / 2, s = 14 * u;
          dl->AddTriangleFilled(ImVec2(x, cy), ImVec2(x + s, cy - s), ImVec2(x + s, cy + s), ink);
          dl->AddRectFilled(ImVec2(x + s - 1, cy - 3.5f * u), ImVec2(x + s + 16 * u, cy + 3.5f * u), ink);
        }
        f.text.draw(dl, x + icon_w, y, line, ts.button, ink);
      }
    }
  }
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
