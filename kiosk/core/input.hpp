#pragma once
// Input as the core sees it: pointers, wheel, keys and quit, with time given by the caller.
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core {

enum class InputKind { pointer_down, pointer_move, pointer_up, wheel, key, quit, wait };

struct InputEvent {
  double t_ms = 0;            // milliseconds since the program (or session) started
  InputKind kind = InputKind::wait;
  std::int64_t pointer = 0;   // finger id; kMousePointer for the mouse
  float x = 0, y = 0;         // pixels in the window
  float wheel_dy = 0;         // wheel notches, positive away from the user (zoom in)
  std::string key;            // SDL key name, e.g. "Right", "Escape", "Return", "="
  std::vector<std::string> mods;  // "ctrl", "alt", "shift"
};

inline constexpr std::int64_t kMousePointer = -1;

// A finger (or the mouse: kMousePointer) going down, moving or up at (x, y) pixels at t_ms.
inline InputEvent pointer_event(InputKind kind, double t_ms, std::int64_t pointer, float x, float y) {
  InputEvent e;
  e.t_ms = t_ms;
  e.kind = kind;
  e.pointer = pointer;
  e.x = x;
  e.y = y;
  return e;
}

}  // namespace kiosk::core
