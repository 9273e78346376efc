#include "core/kiosk.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <tuple>

#include "core/detail_scroll.hpp"
#include "core/filter_bar.hpp"
#include "core/sha256.hpp"

namespace kiosk::core {

const char* mode_name(Mode m) {
  switch (m) {
    case Mode::attract: return "attract";
    case Mode::browse: return "browse";
    case Mode::detail: return "detail";
  }
  return "browse";
}

double warning_seconds_left(const KioskState& s, const KioskConfig& config) {
  if (config.classroom || s.mode == Mode::attract || s.idle_seconds < config.idle_seconds) return 0;
  return std::max(0.0, config.idle_seconds + config.warning_seconds - s.idle_seconds);
}

int attract_index(const KioskState& s, const Content& content) {
  const auto n = static_cast<long long>(content.attract_events().size());
  if (n == 0) return 0;
  const double period_ms = content.attract.seconds_per_event * 1000;
  return static_cast<int>(static_cast<long long>(std::max(0.0, s.now_ms - s.attract_started_ms) / period_ms) % n);
}

KioskState initial_state(const Content& content) {
  KioskState s;
  s.limits = limits_for(content.first_year(), content.last_year());
  s.home = View{s.limits.min_year, s.limits.max_year};
  s.view = s.home;
  s.language = content.default_language;
  return s;
}

namespace {

// The view as it rests within the limits: what is shown, less the overscroll.
View rest_view(const KioskState& s) { return pan_by(s.view, -s.overscroll); }

// Shows `rest` (within the limits) displaced by `overscroll` years.
void show(KioskState& s, View rest, double overscroll) {
  s.view = pan_by(rest, overscroll);
  s.overscroll = overscroll;
}

double overscroll_limit(const View& v, const KioskConfig& config) { return config.overscroll_max_fraction * v.span(); }

// A finger pans by `years`: past an end the view follows it with resistance.
void pan_held(KioskState& s, double years, const KioskConfig& config) {
  const View rest = rest_view(s);
  const double limit = overscroll_limit(rest, config);
  const View free = pan_by(rest, rubber_band_raw(s.overscroll, limit, config.overscroll_resistance) + years);
  const View clamped = clamp_view(free, s.limits);
  show(s, clamped, rubber_band(free.start - clamped.start, limit, config.overscroll_resistance));
}

// Fingers zoom about `anchor_year`, which stays put; what goes past an end shows as overscroll,
// up to its limit. Without a finger (a wheel) the view is simply kept within the limits.
void zoom_view(KioskState& s, double anchor_year, double factor, const KioskConfig& config) {
  if (!s.held || !(factor > 0)) {
    show(s, clamp_view(zoom_about(s.view, anchor_year, factor), s.limits), 0);
    return;
  }
  const double span =
      std::clamp(s.view.span() / factor, s.limits.min_span, std::max(s.limits.min_span, s.limits.max_span));
  const View zoomed = zoom_about(s.view, anchor_year, s.view.span() / span);
  const View clamped = clamp_view(zoomed, s.limits);
  const double limit = overscroll_limit(clamped, config);
  show(s, clamped, std::clamp(zoomed.start - clamped.start, -limit, limit));
}

// Drops any overscroll at once: the view jumps to where it rests.
void settle(KioskState& s) {
  show(s, rest_view(s), 0);
  s.rebound.reset();
}

void animate_to(KioskState& s, View to, const KioskConfig& config) {
  s.fling_px_per_ms = 0;
  s.rebound.reset();
  s.animation = ViewAnimation{s.view, clamp_view(to, s.limits), s.now_ms, s.reduced_motion ? 0 : config.animation_ms};
}

void open_detail(KioskState& s, const Content& content, int event) {
  if (event < 0 || event >= static_cast<int>(content.events.size())) return;
  s.mode = Mode::detail;
  s.selected_event = content.events[event].id;
  reset_detail_scroll(s);  // another event starts at its top
  s.fling_px_per_ms = 0;
  s.animation.reset();
  settle(s);
}

void close_detail(KioskState& s) {
  s.mode = Mode::browse;
  s.selected_event.clear();
  reset_detail_scroll(s);
  s.tour.clear();
  s.tour_step = -1;
}

// Shows stop `step` of the current tour, with the timeline behind it centred on that event.
void go_to_tour_step(KioskState& s, const Content& content, int step) {
  const Tour* tour = content.tour(s.tour);
  if (!tour || step < 0 || step >= static_cast<int>(tour->events.size())) return;
  s.tour_step = step;
  const int e = content.event_index(tour->events[step]);
  open_detail(s, content, e);
  const double mid = (content.events[e].t0 + content.events[e].t1) / 2;
  const double span = std::max(10.0, s.view.span() < s.home.span() ? s.view.span() : 30.0);
  s.view = clamp_view(View{mid - span / 2, mid + span / 2}, s.limits);
}

// A new visitor: the home view, the default language, no tour, no chooser, as at start.
void start_session(KioskState& s, const Content& content) {
  const double now = s.now_ms;
  const int sessions = s.sessions;
  const bool touch_debug = s.touch_debug;
  s = initial_state(content);
  s.now_ms = s.last_input_ms = now;
  s.sessions = sessions;
  s.touch_debug = touch_debug;
}

// Opens the event before or after the one in detail (in time order), skipping events of themes
// the visitor has filtered out.
void open_neighbour(KioskState& s, const Content& content, int step) {
  const int i = shown_neighbour(content, content.event_index(s.selected_event), step, s.filters);
  if (i >= 0) open_detail(s, content, i);
}

// The shown event whose start is nearest `year`, or -1 when the filters hide every event.
int nearest_shown(const KioskState& s, const Content& content, double year) {
  int best = -1;
  for (std::size_t k = 0; k < content.events.size(); ++k)
    if (event_shown(content.events[k], s.filters) &&
        (best < 0 || std::abs(content.events[k].t0 - year) < std::abs(content.events[static_cast<std::size_t>(best)].t0 - year)))
      best = static_cast<int>(k);
  return best;
}

// Keyboard focus moves to the next or previous shown event in time and brings it into view.
void move_focus(KioskState& s, const Content& content, int step, const KioskConfig& config) {
  s.focus_target = Target::none;  // one focus at a time: now on the timeline
  const View target = s.animation ? s.animation->to : s.view;
  const double mid = (target.start + target.end) / 2;
  int i = content.event_index(s.focus_event);
  if (i < 0 || !event_shown(content.events[static_cast<std::size_t>(i)], s.filters)) {
    i = nearest_shown(s, content, i < 0 ? mid : content.events[static_cast<std::size_t>(i)].t0);  // start near the middle
  } else {
    for (int k = i + step; k >= 0 && k < static_cast<int>(content.events.size()); k += step)
      if (event_shown(content.events[static_cast<std::size_t>(k)], s.filters)) {
        i = k;
        break;
      }
  }
  if (i < 0) return;
  s.focus_event = content.events[static_cast<std::size_t>(i)].id;
  const double t = content.events[static_cast<std::size_t>(i)].t0;
  if (t < target.start + target.span() * 0.1 || t > target.end - target.span() * 0.4)
    animate_to(s, pan_by(target, t - (target.start + target.span() * 0.35)), config);
}

// A theme or era chooser taller than the screen: its items scroll by `px` (positive: further down).
// Scrolling by hand, by wheel or by key stops a flick's inertia.
void chooser_scroll_by(KioskState& s, const Layout& layout, double px) {
  s.panel_fling_px_per_ms = 0;
  s.panel_scroll = std::clamp(std::clamp(s.panel_scroll, 0.0, static_cast<double>(layout.chooser_scroll_max)) + px, 0.0,
                              static_cast<double>(layout.chooser_scroll_max));
}

// Scrolls the chooser's items so that `r` (an item as laid out now) shows whole in its area.
void chooser_scroll_to_show(KioskState& s, const Layout& layout, const Rect& r) {
  const Rect& a = layout.chooser_scroll_area;
  if (a.w <= 0) return;
  if (r.y < a.y) chooser_scroll_by(s, layout, r.y - a.y);
  else if (r.bottom() > a.bottom()) chooser_scroll_by(s, layout, r.bottom() - a.bottom());
}

void activate(KioskState& s, const Content& content, const Layout& layout, Hit hit, const KioskConfig& config) {
  const double mid = (s.view.start + s.view.end) / 2;
  const View target = s.animation ? s.animation->to : s.view;
  switch (hit.target) {
    case Target::card: open_detail(s, content, hit.event); break;
    case Target::zoom_in: animate_to(s, zoom_about(target, mid, config.button_zoom), config); break;
    case Target::zoom_out: animate_to(s, zoom_about(target, mid, 1 / config.button_zoom), config); break;
    case Target::home: animate_to(s, s.home, config); break;
    case Target::back: close_detail(s); break;
    case Target::language_menu: s.panel = Panel::languages; break;
    case Target::tour_menu: s.panel = Panel::tours; break;
    case Target::close_panel: s.panel = Panel::none; break;
    case Target::themes_menu:
      s.panel = Panel::themes;
      s.panel_scroll = 0;
      break;
    case Target::eras_menu:
      s.panel = Panel::eras;
      s.panel_scroll = 0;
      break;
    case Target::theme: s.filters = toggle_theme(content, s.filters, hit.event); break;  // the chooser stays open
    case Target::theme_all: s.filters.clear(); break;
    case Target::era:
      s.panel = Panel::none;
      if (hit.event >= 0 && hit.event < static_cast<int>(content.eras.size())) {
        const Era& era = content.eras[static_cast<std::size_t>(hit.event)];
        animate_to(s, era_view(era), config);
        s.era_jump = era.id;  // for analytics, as the theme filters are
        ++s.era_jumps;
      }
      break;
    case Target::language:
      if (hit.event >= 0 && hit.event < static_cast<int>(content.languages.size())) s.language = content.languages[hit.event];
      s.panel = Panel::none;
      break;
    case Target::tour:
      s.panel = Panel::none;
      if (hit.event >= 0 && hit.event < static_cast<int>(content.tours.size())) {
        s.tour = content.tours[hit.event].id;
        go_to_tour_step(s, content, 0);
      }
      break;
    case Target::tour_next: go_to_tour_step(s, content, s.tour_step + 1); break;
    case Target::tour_prev: go_to_tour_step(s, content, s.tour_step - 1); break;
    case Target::tour_end: close_detail(s); break;
    case Target::start_session: start_session(s, content); break;
    case Target::badge:
      if (hit.event >= 0 && hit.event < static_cast<int>(layout.badges.size())) {
        const Badge& b = layout.badges[hit.event];
        const double pad = std::max((b.t1 - b.t0) * 0.3, 1.0);
        animate_to(s, View{b.t0 - pad, b.t1 + pad}, config);
      }
      break;
    case Target::related: open_detail(s, content, hit.event); break;
    case Target::display_menu: s.panel = Panel::display; break;
    case Target::pin_digit:
      if (s.now_ms >= s.pin_locked_until_ms && s.pin_entry.size() < 12) s.pin_entry += static_cast<char>('0' + hit.event);
      break;
    case Target::pin_clear: s.pin_entry.clear(); break;
    case Target::pin_ok:
      if (s.now_ms < s.pin_locked_until_ms) break;
      if (!config.pin_sha256.empty() && sha256_hex(config.pin_salt + s.pin_entry) == config.pin_sha256) {
        s.panel = Panel::admin;
        s.pin_failures = 0;
      } else if (++s.pin_failures >= 3) {  // wrong again: wait 30 s, doubling each further miss
        s.pin_locked_until_ms = s.now_ms + 30'000.0 * std::pow(2.0, std::min(s.pin_failures - 3, 6));
      }
      s.pin_entry.clear();
      break;
    case Target::admin_exit: s.running = false; break;
    case Target::admin_restart:
      s.restart = true;
      s.running = false;
      break;
    case Target::admin_reload: s.reload_now = true; break;
    case Target::admin_touch_debug: s.touch_debug = !s.touch_debug; break;
    case Target::text_size: s.text_scale = kTextScales[std::clamp(hit.event, 0, kTextScaleCount - 1)]; break;
    case Target::contrast: s.high_contrast = !s.high_contrast; break;
    case Target::motion: s.reduced_motion = !s.reduced_motion; break;
    case Target::earlier: open_neighbour(s, content, -1); break;
    case Target::later: open_neighbour(s, content, +1); break;
    case Target::none: break;
  }
}

// Tab and Shift+Tab move the keyboard and switch focus through the controls on screen in reading
// order (rows from the top; in a row, the way the language reads), wrapping; Return or Space then
// acts on the focused control as a tap would. True when the key was one of these.
bool focus_key(KioskState& s, const Content& content, const Layout& layout, const Command& c, const KioskConfig& config) {
  std::vector<const Button*> controls;
  for (const Button& b : layout.buttons)
    if (is_focusable(b)) controls.push_back(&b);
  const float row_px = std::max(1.0f, layout.viewport.height / 40);  // centres this close share a row
  auto order = [&](const Button* b) {
    const float x = b->rect.x + b->rect.w / 2;
    // A chooser's items come before its actions, even those scrolled below them.
    const int group = layout.chooser_scroll_max > 0 && b->target != Target::theme && b->target != Target::era;
    return std::tuple{group, static_cast<long>((b->rect.y + b->rect.h / 2) / row_px), layout.rtl ? -x : x};
  };
  std::stable_sort(controls.begin(), controls.end(), [&](const Button* a, const Button* b) { return order(a) < order(b); });
  const auto focused = std::find_if(controls.begin(), controls.end(), [&](const Button* b) {
    return b->target == s.focus_target && b->index == s.focus_index;
  });
  if (c.key == "Tab") {
    if (controls.empty()) return true;
    const long n = static_cast<long>(controls.size());
    const long at = focused == controls.end() ? (c.shift ? 0 : -1) : focused - controls.begin();
    const Button* next = controls[static_cast<std::size_t>(((at + (c.shift ? -1 : 1)) % n + n) % n)];
    s.focus_target = next->target;
    s.focus_index = next->index;
    s.focus_event.clear();
    if (next->target == Target::related) detail_scroll_to_show(s, layout, next->rect);  // a chip further down the page
    if (next->target == Target::theme || next->target == Target::era) chooser_scroll_to_show(s, layout, next->rect);
    return true;
  }
  if ((c.key == "Return" || c.key == "Space" || c.key == "Keypad Enter") && focused != controls.end()) {
    activate(s, content, layout, Hit{(*focused)->target, (*focused)->index}, config);
    return true;
  }
  return false;
}

void on_key(KioskState& s, const Content& content, const Layout& layout, const Command& c, const KioskConfig& config) {
  const std::string& k = c.key;
  if (!config.kiosk_mode && c.ctrl && (k == "Q" || k == "q")) {  // desktop use: Ctrl+Q quits
    s.running = false;
    return;
  }
  if (config.classroom && (k == "B" || k == "b" || k == "Period")) {  // presenter remotes send B or .
    s.blank = !s.blank;
    return;
  }
  if (s.blank) return;
  if (s.mode == Mode::attract) {
    start_session(s, content);
    return;
  }
  if (focus_key(s, content, layout, c, config)) return;
  if (s.panel != Panel::none) {
    if (k == "Escape") s.panel = Panel::none;
    const float page = layout.chooser_scroll_area.h * 0.8f, step = layout.viewport.mm(15);
    if (k == "Down") chooser_scroll_by(s, layout, step);
    else if (k == "Up") chooser_scroll_by(s, layout, -step);
    else if (k == "PageDown") chooser_scroll_by(s, layout, page);
    else if (k == "PageUp") chooser_scroll_by(s, layout, -page);
    else if (k == "End") chooser_scroll_by(s, layout, layout.chooser_scroll_max);
    else if (k == "Home") chooser_scroll_by(s, layout, -layout.chooser_scroll_max);
    return;
  }
  // In a right-to-left language "next" lies to the left.
  const bool rtl = is_rtl_language(content, s.language);
  const std::string forward = rtl ? "Left" : "Right", backward = rtl ? "Right" : "Left";
  // Up and Down scroll a long page; in a tour PageUp and PageDown stay the presenter's step keys.
  if (s.mode == Mode::detail && (s.tour.empty() || k == "Up" || k == "Down") && detail_scroll_key(s, layout, k)) return;
  if (!s.tour.empty()) {
    if (k == forward || k == "PageDown" || k == "Space") go_to_tour_step(s, content, s.tour_step + 1);
    else if (k == backward || k == "PageUp") go_to_tour_step(s, content, s.tour_step - 1);
    else if (k == "Escape") close_detail(s);
    return;
  }
  if (s.mode == Mode::detail) {
    if (k == "Escape" || k == "Backspace" || k == "AC Back") close_detail(s);
    else if (k == forward) open_neighbour(s, content, +1);
    else if (k == backward) open_neighbour(s, content, -1);
    return;
  }
  const double mid = (s.view.start + s.view.end) / 2;
  const View target = s.animation ? s.animation->to : s.view;
  if (k == "Right" || k == "Left") {
    move_focus(s, content, k == "Right" ? 1 : -1, config);
  } else if (k == "=" || k == "+" || k == "Keypad +") {
    animate_to(s, zoom_about(target, mid, config.button_zoom), config);
  } else if (k == "-" || k == "Keypad -") {
    animate_to(s, zoom_about(target, mid, 1 / config.button_zoom), config);
  } else if (k == "Home") {
    animate_to(s, s.home, config);
  } else if (k == "End") {
    animate_to(s, View{s.limits.max_year - target.span(), s.limits.max_year}, config);
  } else if (k == "Return" && content.event_index(s.focus_event) >= 0 &&
             event_shown(content.events[static_cast<std::size_t>(content.event_index(s.focus_event))], s.filters)) {
    open_detail(s, content, content.event_index(s.focus_event));
  } else if (k == "Return") {
    open_detail(s, content, nearest_shown(s, content, mid));  // the shown event nearest the middle of the view
  }
}

double ease_out_cubic(double t) { return 1 - std::pow(1 - t, 3); }

}  // namespace

bool open_event(KioskState& s, const Content& content, const std::string& id) {
  const int i = content.event_index(id);
  if (i < 0) return false;
  open_detail(s, content, i);
  return true;
}

bool start_tour(KioskState& s, const Content& content, const std::string& id) {
  if (!content.tour(id) || content.tour(id)->events.empty()) return false;
  s.tour = id;
  go_to_tour_step(s, content, 0);
  return true;
}

void update(KioskState& s, const Content& content, const Layout& layout, const std::vector<Command>& commands,
            double now_ms, const KioskConfig& config) {
  const double dt = std::max(0.0, now_ms - s.now_ms);
  s.now_ms = now_ms;
  // Gesture commands are incremental, so each applies to the view left by the one before.
  const auto scale_now = [&] { return TimeScale{s.view, layout.scale.x0, layout.scale.width > 0 ? layout.scale.width : 1}; };

  for (const Command& c : commands) {
    if (c.kind == CommandKind::quit) {
      if (!config.kiosk_mode) s.running = false;  // locked down: only the admin overlay exits
      continue;
    }
    if (c.kind == CommandKind::release) {  // not a visitor's input of its own: the end of one
      s.held = false;
      continue;
    }
    if (c.kind == CommandKind::admin) {
      s.pin_entry.clear();
      // Without a PIN set there is nothing to ask: the overlay opens (README: set one).
      s.panel = config.pin_sha256.empty() ? Panel::admin : Panel::pin;
      s.last_input_ms = now_ms;
      continue;
    }
    // Any input during the "still there?" warning only answers it.
    const bool answers_warning = warning_seconds_left(s, config) > 0;
    s.last_input_ms = now_ms;
    s.idle_seconds = 0;
    if (answers_warning) continue;
    if (s.blank && c.kind != CommandKind::key) continue;  // a blanked classroom screen ignores touches
    if (s.mode == Mode::attract && c.kind != CommandKind::tap && c.kind != CommandKind::long_press &&
        c.kind != CommandKind::key)
      continue;
    const bool navigation = c.kind == CommandKind::pan || c.kind == CommandKind::zoom || c.kind == CommandKind::fling;
    if (navigation && layout.chooser_scroll_max > 0) {  // a chooser too tall for the screen: its items scroll
      if (c.kind == CommandKind::pan) chooser_scroll_by(s, layout, -c.dy);
      if (c.kind == CommandKind::fling && !s.reduced_motion) s.panel_fling_px_per_ms = -c.dy;  // coasts on (step)
      if (c.kind == CommandKind::zoom && c.wheel != 0) chooser_scroll_by(s, layout, -c.wheel * 3 * layout.viewport.mm(10));
      continue;
    }
    if (navigation && s.panel != Panel::none) continue;
    switch (c.kind) {
      case CommandKind::stop:  // a finger catches the view, even while it springs back
        s.fling_px_per_ms = 0;
        s.panel_fling_px_per_ms = 0;
        s.animation.reset();
        s.rebound.reset();
        s.held = true;
        if (s.mode == Mode::detail) catch_detail_scroll(s);
        break;
      case CommandKind::pan:
        if (s.mode == Mode::detail) detail_pan(s, layout, c.dx, c.dy, config);
        if (s.mode == Mode::browse) {
          s.animation.reset();
          s.rebound.reset();
          s.held = true;  // only a finger or the held mouse button pans
          pan_held(s, -c.dx * scale_now().years_per_px(), config);
        }
        break;
      case CommandKind::zoom:
        if (s.mode == Mode::detail && c.wheel != 0) detail_wheel(s, layout, c.wheel);
        if (s.mode == Mode::browse) {
          s.animation.reset();
          s.rebound.reset();
          zoom_view(s, scale_now().year_at(c.x), c.factor, config);
        }
        break;
      case CommandKind::fling:  // released past an end, the view springs back rather than flings
        if (s.mode == Mode::browse && !s.reduced_motion && s.overscroll == 0) s.fling_px_per_ms = c.dx;
        if (s.mode == Mode::detail) detail_fling(s, c.dy);
        break;
      case CommandKind::long_press: {  // a shortcut only: what it does, a tap or a button also does
        const Hit hit = layout.hit(c.x, c.y);
        if (hit.target != Target::none) {
          activate(s, content, layout, hit, config);
        } else if (s.mode == Mode::browse && s.panel == Panel::none) {
          const View target = s.animation ? s.animation->to : rest_view(s);
          animate_to(s, zoom_about(target, scale_now().year_at(c.x), config.button_zoom), config);
        }
        break;
      }
      case CommandKind::tap: {
        const Hit at_release = layout.hit(c.x, c.y);
        if (at_release == layout.hit(c.press_x, c.press_y)) activate(s, content, layout, at_release, config);
        break;
      }
      case CommandKind::swipe:
        // In a detail, a swipe of at least 20 mm shows the neighbour it pulls in (a drag that
        // scrolled the page is not also a swipe).
        if (s.mode == Mode::detail && s.tour.empty() && !detail_drag_scrolls(s) && std::abs(c.dx) >= layout.viewport.mm(20))
          open_neighbour(s, content, (c.dx < 0) != layout.rtl ? +1 : -1);  // RTL: the next page comes from the left
        break;
      case CommandKind::key: on_key(s, content, layout, c, config); break;
      case CommandKind::quit:
      case CommandKind::release:
      case CommandKind::admin: break;
    }
  }

  if (s.animation) {
    const ViewAnimation& a = *s.animation;
    const double t = a.duration_ms > 0 ? std::clamp((now_ms - a.start_ms) / a.duration_ms, 0.0, 1.0) : 1.0;
    s.view = blend(a.from, a.to, ease_out_cubic(t));
    s.overscroll = overscroll_of(s.view, s.limits);  // an animation may start from an overscroll
    if (t >= 1.0) {
      s.animation.reset();
      s.overscroll = 0;
    }
  } else if (s.fling_px_per_ms != 0 && dt > 0) {
    const double distance_px = coast(s.fling_px_per_ms, config.fling_decay_per_ms, dt);
    const double years_per_px = scale_now().years_per_px();
    const View before = s.view;
    const View free = pan_by(rest_view(s), -distance_px * years_per_px);
    show(s, clamp_view(free, s.limits), 0);
    if (std::abs(free.start - s.view.start) > 1e-9 * s.view.span()) {
      // The fling hit an end: it stops there, with a short bounce out at its speed and back.
      const double velocity = -s.fling_px_per_ms * years_per_px;  // years per ms
      const double most = config.bounce_max_fraction * s.view.span();
      s.rebound =
          Rebound{now_ms, config.bounce_ms, 0, std::clamp(velocity * config.bounce_ms / std::numbers::pi, -most, most)};
      s.fling_px_per_ms = 0;
    }
    if (std::abs(s.fling_px_per_ms) < 0.01 || s.view == before) s.fling_px_per_ms = 0;
  }
  // Reduced motion: the rubber band still shows under the finger, but let go it snaps back.
  if (s.overscroll != 0 && (s.mode != Mode::browse || (s.reduced_motion && !s.held)) && !s.animation) settle(s);
  if (s.overscroll != 0 && !s.held && !s.rebound && !s.animation)  // let go past an end: spring back
    s.rebound = Rebound{now_ms, config.spring_ms, s.overscroll, 0};
  if (s.rebound && !s.animation) {
    show(s, rest_view(s), rebound_at(*s.rebound, now_ms));
    if (now_ms >= s.rebound->start_ms + s.rebound->duration_ms) s.rebound.reset();
  }
  advance_detail_scroll(s, layout, now_ms, dt, config);
  // A flicked chooser coasts as the timeline does and stops at its ends.
  if (s.panel_fling_px_per_ms != 0 && (s.panel == Panel::none || layout.chooser_scroll_max <= 0)) s.panel_fling_px_per_ms = 0;
  if (s.panel_fling_px_per_ms != 0 && dt > 0) {
    const double max = layout.chooser_scroll_max;
    const double free = std::clamp(s.panel_scroll, 0.0, max) + coast(s.panel_fling_px_per_ms, config.fling_decay_per_ms, dt);
    s.panel_scroll = std::clamp(free, 0.0, max);
    if (free != s.panel_scroll || std::abs(s.panel_fling_px_per_ms) < 0.01) s.panel_fling_px_per_ms = 0;
  }
  s.idle_seconds = (now_ms - s.last_input_ms) / 1000.0;
  // The countdown ran out: the next visitor finds a clean kiosk, showing the attract loop.
  if (!config.classroom && s.mode != Mode::attract && s.idle_seconds >= config.idle_seconds + config.warning_seconds) {
    const int sessions = s.sessions + 1;
    const bool touch_debug = s.touch_debug;
    s = initial_state(content);
    s.touch_debug = touch_debug;
    s.mode = Mode::attract;
    s.now_ms = now_ms;
    s.last_input_ms = now_ms - (config.idle_seconds + config.warning_seconds) * 1000;
    s.idle_seconds = config.idle_seconds + config.warning_seconds;
    s.attract_started_ms = now_ms;
    s.sessions = sessions;
  }
}

}  // namespace kiosk::core
