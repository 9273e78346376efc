#include "core/admin_gesture.hpp"

namespace kiosk::core {

bool AdminGesture::feed(const InputEvent& e) {
  if (e.pointer == kMousePointer) return false;
  const bool inside = e.x <= corner_px_ && e.y <= corner_px_;
  if (e.kind == InputKind::pointer_down || e.kind == InputKind::pointer_move) fingers_[e.pointer] = inside;
  else if (e.kind == InputKind::pointer_up) fingers_.erase(e.pointer);
  int in_corner = 0;
  for (const auto& [id, in] : fingers_) in_corner += in;
  if (in_corner < 3) {
    since_ms_ = -1;
    fired_ = false;
    return false;
  }
  if (since_ms_ < 0) since_ms_ = e.t_ms;
  if (!fired_ && e.t_ms - since_ms_ >= hold_ms_) {
    fired_ = true;
    return true;
  }
  return false;
}

bool AdminGesture::tick(double now_ms) {
  if (since_ms_ < 0 || fired_ || now_ms - since_ms_ < hold_ms_) return false;
  fired_ = true;
  return true;
}

}  // namespace kiosk::core
