#pragma once
// The hidden way into the admin overlay of a locked-down kiosk: three fingers held in the
// top-left corner of the screen for three seconds. Visitors do not do this by chance.
#include <cstdint>
#include <map>

#include "core/input.hpp"

namespace kiosk::core {

class AdminGesture {
 public:
  // `corner_px`: size of the corner square; `hold_ms`: how long three fingers must stay there.
  AdminGesture(float corner_px, double hold_ms) : corner_px_(corner_px), hold_ms_(hold_ms) {}

  // Feeds one input event; true once per hold when the gesture completes.
  bool feed(const InputEvent& e);
  // Time passes with the fingers still: true once when the hold completes at `now_ms`.
  bool tick(double now_ms);

 private:
  float corner_px_;
  double hold_ms_;
  std::map<std::int64_t, bool> fingers_;  // finger id -> inside the corner
  double since_ms_ = -1;                  // when three fingers were first in the corner
  bool fired_ = false;
};

}  // namespace kiosk::core
