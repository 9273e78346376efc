#pragma once
// The controls along the bottom of the browse screen, in as many rows as they need.
#include <vector>

#include "core/layout.hpp"

namespace kiosk::core {

struct FooterPlan {
  std::vector<Button> buttons;  // placed; in reading order, row by row
  float height = 0;             // of the footer band, from `bottom` up
  Rect hint;                    // free room for a one-line hint on the bottom row; w == 0 when none
};

struct FooterSizes {
  float screen_w = 1920;  // the footer spans the whole width
  float bottom = 1080;    // the footer's lower edge
  float margin = 36;      // at both sides
  float gap = 20;         // between buttons, and between rows
  float pad = 24;         // above the first row and below the last
  float button_h = 104;   // every button's height
};

// Places `start` (the menus: language, tours, display, themes, eras) from the left and `end` (the
// navigation: whole timeline, zoom out, zoom in) at the right; each button's rect.w is its wanted
// width. All go in one row when they fit; otherwise the menus flow into rows from the top and the
// navigation stays on the bottom row, nearest the hand. A button wider than the screen is narrowed
// to fit. Left to right; the layout mirrors it for a right-to-left language.
FooterPlan plan_footer(const std::vector<Button>& start, const std::vector<Button>& end, const FooterSizes& sizes);

}  // namespace kiosk::core
