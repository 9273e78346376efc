#pragma once
// SDL events -> core input events. Touches arrive once: SDL's mouse events synthesised from
// touches are dropped.
#include <optional>

#include <SDL.h>

#include "core/input.hpp"

namespace kiosk::platform {

// The core event for `e` in a window of `width` x `height` pixels at `now_ms`, or nullopt when
// the kiosk ignores it.
std::optional<core::InputEvent> translate_event(const SDL_Event& e, float width, float height, double now_ms);

}  // namespace kiosk::platform
