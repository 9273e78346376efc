#pragma once
// What the visitor is likely to open next, so that its text can be made ready while the screen is
// still (a tapped story then opens without shaping it first).
#include <vector>

#include "core/content.hpp"
#include "core/kiosk_state.hpp"
#include "core/layout.hpp"

namespace kiosk::core {

// The stories one tap or swipe away, most likely first, as indices into Content::events, each
// once: in the timeline, the cards on screen, nearest the middle of the timeline first; in a
// story, its earlier and later neighbours (a swipe), then its related events (chips). None in
// the attract loop.
std::vector<int> stories_in_reach(const Content& content, const KioskState& state, const Layout& layout);

}  // namespace kiosk::core
