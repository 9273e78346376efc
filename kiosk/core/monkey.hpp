#pragma once
// A seeded random visitor for soak tests: taps (often on what is on screen), drags, flings,
// pinches, five-finger mashing, keys and language switches. The same seed and the same screens
// give the same input, so a failure reproduces exactly.
#include <cstdint>
#include <random>
#include <vector>

#include "core/input.hpp"
#include "core/layout.hpp"

namespace kiosk::core {

class Monkey {
 public:
  Monkey(std::uint32_t seed, float width_px, float height_px);

  // Appends the input of one frame at `t_ms` (0 to about 6 events) for the screen in `layout`.
  // Every finger put down is lifted within a few seconds; no quit is ever made.
  void frame(double t_ms, const Layout& layout, std::vector<InputEvent>* out);

  // Lifts every finger still down (before a pause, or at the end).
  void lift_all(double t_ms, std::vector<InputEvent>* out);

 private:
  enum class Act { none, tap, drag, pinch, mash };
  float rand_x() { return std::uniform_real_distribution<float>(0, w_)(rng_); }
  float rand_y() { return std::uniform_real_distribution<float>(0, h_)(rng_); }
  void start_act(double t_ms, const Layout& layout, std::vector<InputEvent>* out);

  std::mt19937 rng_;
  float w_, h_;
  Act act_ = Act::none;
  int frames_left_ = 0;         // of the current tap, drag, pinch or mash
  float x_[5] = {}, y_[5] = {};  // fingers of the current act
  float dx_[5] = {}, dy_[5] = {};
  int fingers_ = 0;
};

}  // namespace kiosk::core
