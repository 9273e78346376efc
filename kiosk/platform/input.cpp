#include "platform/input.hpp"

namespace kiosk::platform {

std::optional<core::InputEvent> translate_event(const SDL_Event& e, float width, float height, double now_ms) {
  core::InputEvent out;
  out.t_ms = now_ms;
  switch (e.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
      out.kind = e.type == SDL_FINGERDOWN ? core::InputKind::pointer_down
               : e.type == SDL_FINGERUP   ? core::InputKind::pointer_up
                                          : core::InputKind::pointer_move;
      out.pointer = static_cast<std::int64_t>(e.tfinger.fingerId & 0x7FFFFFFF);
      out.x = e.tfinger.x * width;
      out.y = e.tfinger.y * height;
      return out;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return std::nullopt;
      out.kind = e.type == SDL_MOUSEBUTTONDOWN ? core::InputKind::pointer_down : core::InputKind::pointer_up;
      out.pointer = core::kMousePointer;
      out.x = static_cast<float>(e.button.x);
      out.y = static_cast<float>(e.button.y);
      return out;
    case SDL_MOUSEMOTION:
      if (e.motion.which == SDL_TOUCH_MOUSEID) return std::nullopt;
      out.kind = core::InputKind::pointer_move;
      out.pointer = core::kMousePointer;
      out.x = static_cast<float>(e.motion.x);
      out.y = static_cast<float>(e.motion.y);
      return out;
    case SDL_MOUSEWHEEL: {
      if (e.wheel.which == SDL_TOUCH_MOUSEID) return std::nullopt;
      int mx = 0, my = 0;
      SDL_GetMouseState(&mx, &my);
      out.kind = core::InputKind::wheel;
      out.x = static_cast<float>(mx);
      out.y = static_cast<float>(my);
      out.wheel_dy = e.wheel.preciseY;
      if (e.wheel.direction == SDL_MOUSEWHEEL_FLIPPED) out.wheel_dy = -out.wheel_dy;
      return out;
    }
    case SDL_KEYDOWN:
      out.kind = core::InputKind::key;
      out.key = SDL_GetKeyName(e.key.keysym.sym);
      if (e.key.keysym.mod & KMOD_CTRL) out.mods.push_back("ctrl");
      if (e.key.keysym.mod & KMOD_ALT) out.mods.push_back("alt");
      if (e.key.keysym.mod & KMOD_SHIFT) out.mods.push_back("shift");
      return out;
    case SDL_QUIT:
      out.kind = core::InputKind::quit;
      return out;
    default:
      return std::nullopt;
  }
}

}  // namespace kiosk::platform
