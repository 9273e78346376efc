#pragma once
// Small drawing helpers shared by the views.
#include <imgui.h>

#include <string>

#include "core/color.hpp"
#include "core/content.hpp"
#include "core/layout.hpp"
#include "ui/text.hpp"

namespace kiosk::ui {

inline ImU32 col(core::Rgba c, float alpha = 1.0f) {
  return IM_COL32(c.r, c.g, c.b, static_cast<int>(c.a * alpha));
}
inline ImVec2 tl(const core::Rect& r) { return ImVec2(r.x, r.y); }
inline ImVec2 br(const core::Rect& r) { return ImVec2(r.right(), r.bottom()); }

// The colour of the event's first theme, or the accent colour; lightened for high contrast,
// where it stands on black.
core::Rgba theme_color(const core::Content& c, const core::Event& e, bool high_contrast = false);

// The date a visitor reads for the event: its display_date, else its formatted start (and end).
std::string event_date(const core::Content& c, const core::Event& e, const std::string& lang);

// Where a line of `s` starts in a screen that reads right to left (`rtl`) or not: text with
// letters aligns by its own direction; digits and punctuation alone (a date such as "1882–1943")
// have none, so they start where the screen's reading starts: at the right in Urdu.
Align reading_start(TextEngine& text, bool rtl, std::string_view s);

// A soft drop shadow under a rounded rectangle.
void draw_shadow(ImDrawList* dl, const core::Rect& r, float radius, float spread);

}  // namespace kiosk::ui
