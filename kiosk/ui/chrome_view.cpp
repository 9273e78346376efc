#include <algorithm>

#include "core/i18n.hpp"
#include "ui/draw_common.hpp"
#include "ui/views.hpp"

namespace kiosk::ui {

void draw_header(ImDrawList* dl, const Frame& f) {
  const core::Layout& l = f.layout;
  const core::Style& st = f.content.style;
  const TypeScale ts = type_scale(l.viewport);
  const float u = l.viewport.unit(), margin = 36 * u;
  const std::string& lang = f.state.language;
  const std::string& title = f.content.title.get(lang, f.content.default_language);
  const bool portrait = l.viewport.height > l.viewport.width;
  const std::string hint = f.content.strings.get(lang, l.mode == core::Mode::detail ? "hint.detail" : "hint.browse");
  const float hint_w = portrait ? 0.0f : std::min(f.text.measure(hint, ts.hint), l.viewport.width * 0.42f);
  const float title_w = l.viewport.width - 2 * margin - (hint_w > 0 ? hint_w + 48 * u : 0);
  const auto title_lines = f.text.wrap(title, ts.title, title_w, 2);
  const float title_lh = f.text.line_height(ts.title);
  float y = l.header.y + (l.header.h - title_lh * static_cast<float>(title_lines.size())) / 2;
  for (const auto& line : title_lines) {
    f.text.draw(dl, margin, y, line, ts.title, col(st.ink));
    y += title_lh;
  }
  if (hint_w > 0) {
    const auto lines = f.text.wrap(hint, ts.hint, hint_w, 2);
    const float lh = f.text.line_height(ts.hint);
    float hy = l.header.y + (l.header.h - lh * static_cast<float>(lines.size())) / 2;
    for (const auto& line : lines) {
      f.text.draw(dl, l.viewport.width - margin - f.text.measure(line, ts.hint), hy, line, ts.hint, col(st.muted_ink));
      hy += lh;
    }
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
