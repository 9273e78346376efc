#pragma once
// Everything a reset must clear: the mode, the view, the selection, language and timers.
#include <optional>
#include <string>
#include <vector>

#include "core/rubber_band.hpp"
#include "core/target.hpp"
#include "core/time_scale.hpp"

namespace kiosk::core {

enum class Mode { attract, browse, detail };

const char* mode_name(Mode m);  // "attract", "browse", "detail"

// A chooser shown over the screen.
enum class Panel { none, languages, tours, display, pin, admin, themes, eras };

// The exit status of "Restart" in the admin overlay: the systemd unit restarts the kiosk after it,
// but not after "Exit" (status 0, RestartPreventExitStatus=0). 75 is EX_TEMPFAIL: "try again".
inline constexpr int kRestartExitCode = 75;

// The visitor's text sizes ("Aa"): 100 %, 125 %, 150 % and 200 % (WCAG 1.4.4 Resize text).
inline constexpr float kTextScales[] = {1.0f, 1.25f, 1.5f, 2.0f};
inline constexpr int kTextScaleCount = static_cast<int>(sizeof(kTextScales) / sizeof(kTextScales[0]));

// What a drag in the detail has been taken for, decided by its first travel.
enum class DragAxis { none, horizontal, vertical };

struct ViewAnimation {
  View from, to;
  double start_ms = 0;
  double duration_ms = 0;
};

struct KioskState {
  bool running = true;                  // false once the program has decided to exit
  Mode mode = Mode::browse;
  View view;                            // what the timeline shows now, overscroll included
  double overscroll = 0;                // years `view` is shown past `limits` (rubber band); < 0 before the start
  std::optional<Rebound> rebound;       // the overscroll springing back or a fling's bounce at an end
  bool held = false;                    // a finger (or the mouse button) holds the timeline
  View home;                            // the view a new visitor starts from
  ViewLimits limits;                    // how far navigation may go
  std::string selected_event;           // id of the event in detail, "" when none
  std::string focus_event;              // keyboard focus on the timeline: an event id, "" when none
  Target focus_target = Target::none;   // keyboard and switch focus on a control (Tab moves it) ...
  int focus_index = -1;                 // ... and which one of that kind (a language, a tour, a digit)
  std::string language;                 // visitor's language code
  std::vector<std::string> filters;     // theme ids shown; empty = all
  int era_jumps = 0;                    // era jump buttons used since the session began ...
  std::string era_jump;                 // ... and the id of the era the last one went to
  double now_ms = 0;                    // time of the last update, ms
  double last_input_ms = 0;             // time of the last visitor input, ms
  double idle_seconds = 0;              // seconds since the last input
  std::optional<ViewAnimation> animation;  // a button zoom or a return home in progress
  double fling_px_per_ms = 0;           // inertia after a drag; 0 when still
  Panel panel = Panel::none;
  double panel_scroll = 0;              // a theme or era chooser too tall for the screen: px its items are scrolled up
  double panel_fling_px_per_ms = 0;     // ... still moving after a flick (positive: further down); 0 when still
  std::string tour;                     // id of the tour being followed, "" when none
  int tour_step = -1;                   // index of the tour's current stop
  double attract_started_ms = 0;        // when the attract loop began (its pictures follow time)
  int sessions = 0;                     // visitor sessions ended by the idle reset since start
  float text_scale = 1.0f;              // one of kTextScales: the visitor's text size
  double detail_scroll = 0;             // detail: how far its page is scrolled up, px, within [0, the layout's max]
  double detail_overscroll = 0;         // ... and shown past an end under a finger (rubber band), px
  std::optional<Rebound> detail_rebound;  // that overscroll springing back, or a flick's bounce at an end
  double detail_fling_px_per_ms = 0;    // inertia of a vertical flick in the detail; 0 when still
  DragAxis detail_drag = DragAxis::none;  // a finger's drag in the detail: a scroll or a swipe to a neighbour
  float detail_drag_dx = 0, detail_drag_dy = 0;  // its travel so far, px, until the axis is decided
  bool high_contrast = false;           // light text on black, at least 7:1
  bool reduced_motion = false;          // zooms and pans jump instead of gliding
  bool blank = false;                   // classroom: the presenter blanked the screen (B)
  std::string pin_entry;                // digits typed on the admin PIN pad
  int pin_failures = 0;                 // wrong PINs in a row
  double pin_locked_until_ms = 0;       // after repeated wrong PINs the pad refuses input until then
  bool touch_debug = false;             // admin: a circle under every finger down; kept through resets
  bool reload_now = false;              // admin asked to reload the content now; the app clears it
  bool restart = false;                 // admin chose "Restart": the program exits with kRestartExitCode
};

}  // namespace kiosk::core
