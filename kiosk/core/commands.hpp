#pragma once
// What gestures mean, independent of how they were made (touch, mouse or keyboard).
#include <string>
#include <vector>

namespace kiosk::core {

enum class CommandKind {
  pan,         // dx (and dy) pixels: content follows the finger
  zoom,        // factor (> 1 zooms in) about pixel x
  fling,       // velocity px/ms at release (dx across, dy down); inertia continues the pan
  stop,        // a finger touched down: stop inertia and animations; the view is held
  release,     // the last finger lifted: the view is no longer held (an overscroll springs back)
  tap,         // at (x, y), where the press also started
  long_press,  // a finger held still at (x, y): a shortcut only (a card opens, empty timeline zooms in)
  swipe,       // a one-finger drag ended: dx (and dy) pixels from where it started (after its pans)
  key,         // key name
  quit,        // a window-close request
  admin,       // the hidden admin gesture completed
};

struct Command {
  CommandKind kind = CommandKind::pan;
  float x = 0, y = 0;     // pixels
  float dx = 0;           // pan: pixels; fling: px/ms
  float factor = 1;       // zoom
  float press_x = 0, press_y = 0;  // tap: where the press started
  std::string key;
  bool ctrl = false;
  bool shift = false;
  float dy = 0;           // pan: pixels down; fling: px/ms down; swipe: pixels down from the start
  float wheel = 0;        // zoom made by the mouse wheel: its notches, > 0 away from the user (0: fingers)
};

}  // namespace kiosk::core
