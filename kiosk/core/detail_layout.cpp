#include "core/detail_layout.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::core {

void layout_detail_page(const Content& content, const KioskState& state, const LayoutMetrics& metrics, Layout& out) {
  const Viewport& vp = out.viewport;
  const float u = vp.unit();
  const Rect& p = out.detail_panel;
  const float pad = 40 * u, band = 12 * u;  // the panel's coloured top band stays put
  out.detail_scroll_area = Rect{p.x, p.y + band, p.w, std::max(0.0f, p.h - band)};
  constexpr float kOpen = 1e6f;  // columns are as long as their text: the page scrolls
  if (vp.width >= vp.height) {
    // Landscape: the picture at the left with its caption, solidarity and sources under it; the
    // story in a column at the right.
    const float img_w = std::floor(p.w * 0.42f);
    out.detail_image = Rect{p.x + pad, p.y + pad, img_w, std::min(p.h * 0.36f, img_w * 2 / 3)};
    const float tx = out.detail_image.right() + pad * 1.5f;
    out.detail_text = Rect{tx, p.y + pad, p.right() - pad - tx, kOpen};
    out.detail_side = Rect{out.detail_image.x, out.detail_image.bottom(), img_w, kOpen};
  } else {
    // Portrait: one column, the picture first.
    const float img_w = p.w - 2 * pad;
    out.detail_image = Rect{p.x + pad, p.y + pad, img_w, std::floor(img_w * 2 / 3)};
    out.detail_text = Rect{p.x + pad, out.detail_image.bottom(), img_w, kOpen};
    out.detail_side = Rect{};
  }
  const int index = content.event_index(state.selected_event);
  if (index < 0) return;
  const auto [main_bottom, side_bottom] = metrics.detail_text_bottoms(out, index);

  // Related events as chips after the story, as many rows as they need. They grow with the text.
  std::vector<Button> chips;
  float bottom = std::max(main_bottom, out.detail_image.bottom());
  if (state.tour.empty()) {
    const float chip_h = std::max(64 * u * vp.text_scale, vp.mm(9));
    const float gap = 16 * u;
    const Rect& column = out.detail_text;
    float cx = column.x, cy = bottom + 8 * u, bottom_of_row = cy;
    for (const auto& id : content.events[index].related) {
      const int r = content.event_index(id);
      if (r < 0) continue;
      const std::string& title = content.events[r].headline.get(state.language, content.default_language);
      const float label = static_cast<float>(metrics.chip_label_px(title));
      const float w = std::min(column.w, std::max(chip_h * 2, label + 48 * u));
      // A title longer than the column wraps inside its chip (up to three lines) rather than being cut.
      const float lines = static_cast<float>(std::clamp(metrics.chip_label_lines(title, w - 48 * u), 1, 3));
      const float h = metrics.chip_line_px > 0 ? std::max(chip_h, lines * metrics.chip_line_px + 20 * u) : chip_h;
      if (cx > column.x && cx + w > column.right()) {  // a new row
        cx = column.x;
        cy = bottom_of_row + gap;
      }
      chips.push_back(Button{Target::related, Rect{cx, cy, w, h}, "", title, r});
      bottom_of_row = std::max(bottom_of_row, cy + h);
      cx += w + gap;
    }
    if (!chips.empty()) bottom = bottom_of_row;
  }
  bottom = std::max(bottom, side_bottom) + pad;
  const Rect& area = out.detail_scroll_area;
  out.detail_page_h = bottom - area.y;
  out.detail_scroll_max = std::max(0.0f, std::ceil(out.detail_page_h - area.h));
  out.detail_scroll = static_cast<float>(std::clamp(state.detail_scroll, 0.0, static_cast<double>(out.detail_scroll_max)) +
                                         state.detail_overscroll);
  // Chips are where they show now; a tap reaches them only inside the scroll area (Layout::hit).
  for (Button& chip : chips) {
    chip.rect.y -= out.detail_scroll;
    out.buttons.push_back(chip);
  }
}

}  // namespace kiosk::core
