#pragma once
// Turns pointer, wheel and key input into commands: tap, long-press, drag-pan with fling,
// pinch-zoom; filters ghost touches and resting palms.
//
// SDL reports neither a contact's area nor its pressure on most panels, so a palm is recognised
// by behaviour alone: a contact that stays within the tap slop for palm_still_ms while another
// finger is down. A lone finger held still is a long-press, never a palm.
#include <cstdint>
#include <deque>
#include <vector>

#include "core/commands.hpp"
#include "core/input.hpp"

namespace kiosk::core {

struct GestureConfig {
  double px_per_mm = 3.6;                     // display density; thresholds below are physical
  double tap_slop_mm = 5;                     // travel beyond this turns a press into a drag
  double velocity_window_ms = 80;             // fling velocity is measured over this much of the drag's end
  double max_fling_px_per_ms = 6;             // faster flings are clamped
  double min_fling_px_per_ms = 0.08;          // slower releases do not fling
  double wheel_zoom_per_notch = 1.2;          // zoom factor per wheel notch
  double ghost_ms = 30;                       // a contact counts once it lasts this long or moves ghost_mm
  double ghost_mm = 1;                        // a second contact this close to another one is a ghost
  double long_press_ms = 600;                 // a lone finger held within the tap slop this long long-presses
  double palm_still_ms = 1500;                // a contact still this long beside another finger is a resting palm
  float window_width = 0, window_height = 0;  // pixels; contacts landing outside are ignored (0: no check)
};

class Gestures {
 public:
  explicit Gestures(GestureConfig config = {}) : config_(config) {}

  // Appends the commands that `e` completes to `out` (time passes to e.t_ms first).
  void feed(const InputEvent& e, std::vector<Command>& out);

  // Time passes to `now_ms` with no input: contacts are confirmed, long-presses fire, palms settle.
  void tick(double now_ms, std::vector<Command>& out);

  // Forgets every contact (e.g. when the screen changes under the fingers).
  void reset() {
    contacts_.clear();
    held_ = false;
  }

 private:
  struct Sample {
    double t_ms;
    float x, y;
  };
  struct Contact {
    std::int64_t id;
    float x, y;              // last position, pixels
    float start_x, start_y;  // where it touched down
    double down_ms;          // when it touched down
    bool confirmed = false;  // lasted ghost_ms or moved ghost_mm: it is a real contact
    bool dragging = false;   // moved beyond the tap slop (or took over a pan)
    bool may_tap = true;     // a release here would still be a tap
    bool palm = false;       // resting beside another finger: it does not navigate
    float rest_x, rest_y;    // where it last came to rest, pixels
    double rest_ms;          // since when it has stayed within the tap slop of rest_x, rest_y
    std::deque<Sample> samples;
  };

  Contact* find(std::int64_t id);
  Contact* other(const Contact& c);
  bool navigates(const Contact& c) const { return c.confirmed && !c.palm; }
  void advance(double now_ms, std::vector<Command>& out);
  void confirm(Contact& c, double now_ms, std::vector<Command>& out);
  void begin_pinch(float x0, float y0, float x1, float y1);
  void pinch_step(std::vector<Command>& out);
  void one_finger_step(Contact& c, float last_x, float last_y, std::vector<Command>& out);
  void take_over_pan(Contact& c, double now_ms);
  void release(Contact& c, const InputEvent& e, std::vector<Command>& out);
  float slop_px() const { return static_cast<float>(config_.tap_slop_mm * config_.px_per_mm); }
  float ghost_px() const { return static_cast<float>(config_.ghost_mm * config_.px_per_mm); }

  GestureConfig config_;
  std::vector<Contact> contacts_;  // at most two: more fingers are ignored for navigation
  float pinch_dist_ = 0, pinch_mid_ = 0;
  float held_x_ = 0, held_y_ = 0;  // the confirmed finger's position when a second contact landed
  bool held_ = false;              // a stop went out and its release has not yet
};

}  // namespace kiosk::core
