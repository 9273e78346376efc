#pragma once
// Scrolling the detail page when it is taller than its panel (large text, long stories): a
// vertical drag moves it under the finger, with the rubber band past its ends and a flick's
// inertia after it; the mouse wheel and the keys (Up, Down, PageUp, PageDown, Home, End) move it
// too. A drag decides at its first travel whether it scrolls (mostly vertical) or swipes to a
// neighbour (mostly across). How far the page can scroll comes from the layout the visitor saw.
#include <string>

#include "core/kiosk.hpp"

namespace kiosk::core {

// The page is at its top, still, with no drag under way: for an event just opened or closed.
void reset_detail_scroll(KioskState& s);

// A finger touched down in the detail: it catches a flick or a spring-back where it is.
void catch_detail_scroll(KioskState& s);

// A finger moved by (dx, dy) px in the detail. Returns true when the drag scrolls the page
// (it is, or has just been decided to be, vertical).
bool detail_pan(KioskState& s, const Layout& layout, float dx, float dy, const KioskConfig& config);

// True when the drag under way was taken as a scroll: its swipe must not also open a neighbour.
bool detail_drag_scrolls(const KioskState& s);

// A vertical flick released at `finger_px_per_ms` (positive: the finger moved down).
void detail_fling(KioskState& s, float finger_px_per_ms);

// Scrolls by `px` (positive: further down the page) at once, within [0, max].
void detail_scroll_by(KioskState& s, const Layout& layout, double px);

// The wheel turned `notches` (positive: away from the user, towards the top of the page).
void detail_wheel(KioskState& s, const Layout& layout, float notches);

// Up, Down, PageUp, PageDown, Home and End scroll the page; true when `key` was one of them.
bool detail_scroll_key(KioskState& s, const Layout& layout, const std::string& key);

// Brings `r` (a control on the page, in screen pixels as laid out) into the page's view.
void detail_scroll_to_show(KioskState& s, const Layout& layout, const Rect& r);

// Advances a flick, a bounce or a spring-back to `now_ms`, and keeps the scroll within the
// layout's range (it shrinks when the text gets smaller).
void advance_detail_scroll(KioskState& s, const Layout& layout, double now_ms, double dt_ms, const KioskConfig& config);

}  // namespace kiosk::core
