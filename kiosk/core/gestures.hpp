#pragma once
// Turns pointer, wheel and key input into commands: tap, drag-pan with fling, pinch-zoom.
#include <cstdint>
#include <deque>
#include <vector>

#include "core/commands.hpp"
#include "core/input.hpp"

namespace kiosk::core {

struct GestureConfig {
  double px_per_mm = 3.6;             // display density; thresholds below are physical
  double tap_slop_mm = 5;             // travel beyond this turns a press into a drag
  double velocity_window_ms = 80;     // fling velocity is measured over this much of the drag's end
  double max_fling_px_per_ms = 6;     // faster flings are clamped
  double min_fling_px_per_ms = 0.08;  // slower releases do not fling
  double wheel_zoom_per_notch = 1.2;  // zoom factor per wheel notch
};

class Gestures {
 public:
  explicit Gestures(GestureConfig config = {}) : config_(config) {}

  // Appends the commands that `e` completes to `out`.
  void feed(const InputEvent& e, std::vector<Command>& out);

  // Forgets every contact (e.g. when the screen changes under the fingers).
  void reset() { contacts_.clear(); }


 private:
  struct Sample {
    double t_ms;
    float x;
  };
  struct Contact {
    std::int64_t id;
    float x, y;              // last position
    float start_x, start_y;  // where it touched down
    bool dragging = false;   // moved beyond the tap slop
    std::deque<Sample> samples;
  };

  Contact* find(std::int64_t id);
  void begin_pinch();
  float pinch_distance() const;
  float pinch_mid_x() const;

  GestureConfig config_;
  std::vector<Contact> contacts_;  // at most two: more fingers are ignored for navigation
  bool tap_cancelled_ = false;     // a second finger or a drag happened during this press
  float pinch_dist_ = 0, pinch_mid_ = 0;
};

}  // namespace kiosk::core
