#include "core/monkey.hpp"

namespace kiosk::core {

namespace {

InputEvent pointer(InputKind kind, std::int64_t id, float x, float y, double t) {
  return pointer_event(kind, t, id, x, y);
}

// Keys a visitor or a presenter's clicker can send; never Ctrl+Q or a close request.
constexpr const char* kKeys[] = {"Left", "Right", "Return", "Escape", "=", "-", "Home", "End",
                                 "PageUp", "PageDown", "Tab", "Space", "B", "Backspace"};

}  // namespace

Monkey::Monkey(std::uint32_t seed, float width_px, float height_px) : rng_(seed), w_(width_px), h_(height_px) {}

void Monkey::frame(double t_ms, const Layout& layout, std::vector<InputEvent>* out) {
  if (act_ == Act::none) {
    if (rng_() % 3 == 0) start_act(t_ms, layout, out);  // about 20 acts a second at 60 frames a second
    return;
  }
  for (int f = 0; f < fingers_; ++f) {
    x_[f] += dx_[f];
    y_[f] += dy_[f];
    if (act_ == Act::mash && rng_() % 8 == 0) {  // mashing fingers jump around
      x_[f] = rand_x();
      y_[f] = rand_y();
    }
    if (act_ != Act::tap) out->push_back(pointer(InputKind::pointer_move, f + 1, x_[f], y_[f], t_ms));
  }
  if (--frames_left_ <= 0) lift_all(t_ms, out);
}

void Monkey::lift_all(double t_ms, std::vector<InputEvent>* out) {
  for (int f = 0; f < fingers_; ++f) out->push_back(pointer(InputKind::pointer_up, f + 1, x_[f], y_[f], t_ms));
  fingers_ = 0;
  act_ = Act::none;
}

void Monkey::start_act(double t_ms, const Layout& layout, std::vector<InputEvent>* out) {
  const auto roll = rng_() % 100;
  if (roll < 45) {  // a tap: mostly on a button or a card, so every screen gets visited
    float x = rand_x(), y = rand_y();
    if (!layout.buttons.empty() && rng_() % 2 == 0) {
      const Button& b = layout.buttons[rng_() % layout.buttons.size()];
      x = b.rect.x + b.rect.w / 2, y = b.rect.y + b.rect.h / 2;
    } else if (!layout.cards.empty() && rng_() % 2 == 0) {
      const CardBox& c = layout.cards[rng_() % layout.cards.size()];
      x = c.rect.x + c.rect.w / 2, y = c.rect.y + c.rect.h / 2;
    }
    act_ = Act::tap;
    fingers_ = 1;
    frames_left_ = 2 + static_cast<int>(rng_() % 6);
    x_[0] = x, y_[0] = y, dx_[0] = 0, dy_[0] = 0;
    out->push_back(pointer(InputKind::pointer_down, 1, x, y, t_ms));
    return;
  }
  if (roll < 55) {  // a key
    InputEvent e;
    e.t_ms = t_ms;
    e.kind = InputKind::key;
    e.key = kKeys[rng_() % std::size(kKeys)];
    out->push_back(e);
    return;
  }
  if (roll < 60) {  // the mouse wheel somewhere
    InputEvent e = pointer(InputKind::wheel, kMousePointer, rand_x(), rand_y(), t_ms);
    e.wheel_dy = static_cast<float>(static_cast<int>(rng_() % 7) - 3);
    out->push_back(e);
    return;
  }
  // Drags and flings (1 finger), pinches (2) and mashing (3 to 5), each for a few frames.
  act_ = roll < 80 ? Act::drag : roll < 92 ? Act::pinch : Act::mash;
  fingers_ = act_ == Act::drag ? 1 : act_ == Act::pinch ? 2 : 3 + static_cast<int>(rng_() % 3);
  frames_left_ = 3 + static_cast<int>(rng_() % (act_ == Act::mash ? 120 : 40));
  const float speed = act_ == Act::drag ? 60.0f : 15.0f;
  for (int f = 0; f < fingers_; ++f) {
    x_[f] = rand_x();
    y_[f] = rand_y();
    dx_[f] = std::uniform_real_distribution<float>(-speed, speed)(rng_);
    dy_[f] = std::uniform_real_distribution<float>(-speed / 4, speed / 4)(rng_);
    out->push_back(pointer(InputKind::pointer_down, f + 1, x_[f], y_[f], t_ms));
  }
}

}  // namespace kiosk::core
