#pragma once
// The kiosk state machine: commands in, new state out. Time is always a parameter.
#include <vector>

#include "core/commands.hpp"
#include "core/content.hpp"
#include "core/kiosk_state.hpp"
#include "core/layout.hpp"

namespace kiosk::core {

struct KioskConfig {
  double idle_seconds = 90;           // without input, the "still there?" warning appears
  double warning_seconds = 20;        // the warning counts down this long, then everything resets
  bool classroom = false;             // an educator presents: no warning, no reset
  bool kiosk_mode = false;            // locked down: no exit but the admin gesture and PIN
  std::string pin_salt, pin_sha256;   // the admin PIN, salted and hashed; empty = no PIN set
  double fling_decay_per_ms = 0.996;  // inertia velocity multiplier per millisecond
  double button_zoom = 2.0;           // factor of one press of + or -
  double key_pan_fraction = 0.15;     // arrow keys move this share of the visible span
  double animation_ms = 350;          // button zooms and returns home
  double overscroll_max_fraction = 0.15;  // a drag past an end shows at most this share of the span
  double overscroll_resistance = 0.55;    // at an end the view moves this share of the finger's travel
  double spring_ms = 300;                 // a released overscroll springs back in this time
  double bounce_ms = 240;                 // a fling that hits an end bounces out and back in this time
  double bounce_max_fraction = 0.04;      // that bounce reaches at most this share of the span
};

// The state a new visitor finds: browse mode, the whole history in view, the default language.
KioskState initial_state(const Content& content);

// Deep links: open event `id` in detail; start tour `id` at its first stop. False if unknown.
bool open_event(KioskState& state, const Content& content, const std::string& id);
bool start_tour(KioskState& state, const Content& content, const std::string& id);

// Seconds left on the "still there?" countdown, or 0 when no warning shows.
double warning_seconds_left(const KioskState& state, const KioskConfig& config = {});

// The highlight the attract loop shows now: an index into Content::attract_events().
int attract_index(const KioskState& state, const Content& content);

// Applies `commands` (made against `layout`, the frame the visitor saw) and advances
// animations and inertia to `now_ms`.
void update(KioskState& state, const Content& content, const Layout& layout, const std::vector<Command>& commands,
            double now_ms, const KioskConfig& config = {});

}  // namespace kiosk::core
