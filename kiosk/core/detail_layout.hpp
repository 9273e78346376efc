#pragma once
// The detail page: where its picture, its columns of text and its related-event chips go inside
// the detail panel, how tall it is and how far it scrolls (see Layout's detail fields).
#include "core/layout.hpp"

namespace kiosk::core {

// Fills out.detail_image, detail_text, detail_side, detail_scroll_area, detail_page_h,
// detail_scroll_max and detail_scroll, and adds the chips of the related events to out.buttons.
// Needs out.viewport, out.detail_panel and out.footer set.
void layout_detail_page(const Content& content, const KioskState& state, const LayoutMetrics& metrics, Layout& out);

}  // namespace kiosk::core
