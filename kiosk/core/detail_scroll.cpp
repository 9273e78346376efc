#include "core/detail_scroll.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/rubber_band.hpp"

namespace kiosk::core {

namespace {

double max_of(const Layout& layout) { return std::max(0.0f, layout.detail_scroll_max); }

// One line of body text, px: the step of the arrow keys; the wheel moves three.
double line_px(const Layout& layout) { return 44.0 * layout.viewport.unit() * layout.viewport.text_scale; }

// How far past an end the page may be pulled, px.
double overscroll_limit(const Layout& layout, const KioskConfig& config) {
  return config.overscroll_max_fraction * layout.detail_scroll_area.h;
}

void stop_motion(KioskState& s) {
  s.detail_fling_px_per_ms = 0;
  s.detail_rebound.reset();
}

}  // namespace

void reset_detail_scroll(KioskState& s) {
  s.detail_scroll = 0;
  s.detail_overscroll = 0;
  stop_motion(s);
  s.detail_drag = DragAxis::none;
  s.detail_drag_dx = s.detail_drag_dy = 0;
}

void catch_detail_scroll(KioskState& s) {
  stop_motion(s);
  s.detail_drag = DragAxis::none;
  s.detail_drag_dx = s.detail_drag_dy = 0;
}

bool detail_pan(KioskState& s, const Layout& layout, float dx, float dy, const KioskConfig& config) {
  if (s.detail_drag == DragAxis::none) {
    // The gesture layer sends the first pan once the finger left the tap slop: its direction decides.
    s.detail_drag_dx += dx;
    s.detail_drag_dy += dy;
    if (s.detail_drag_dx == 0 && s.detail_drag_dy == 0) return false;
    s.detail_drag = std::abs(s.detail_drag_dy) > std::abs(s.detail_drag_dx) ? DragAxis::vertical : DragAxis::horizontal;
  }
  if (s.detail_drag != DragAxis::vertical) return false;
  stop_motion(s);
  // As on the timeline: within the range the page follows the finger; past an end, with resistance.
  const double limit = overscroll_limit(layout, config);
  const double max = max_of(layout);
  const double scroll = std::clamp(s.detail_scroll, 0.0, max);
  const double free = scroll + rubber_band_raw(s.detail_overscroll, limit, config.overscroll_resistance) - dy;
  s.detail_scroll = std::clamp(free, 0.0, max);
  s.detail_overscroll = rubber_band(free - s.detail_scroll, limit, config.overscroll_resistance);
  return true;
}

bool detail_drag_scrolls(const KioskState& s) { return s.detail_drag == DragAxis::vertical; }

void detail_fling(KioskState& s, float finger_px_per_ms) {
  if (s.detail_drag != DragAxis::vertical || s.reduced_motion || s.detail_overscroll != 0) return;
  s.detail_fling_px_per_ms = -finger_px_per_ms;  // the page moves with the finger: the scroll against it
}

void detail_scroll_by(KioskState& s, const Layout& layout, double px) {
  stop_motion(s);
  s.detail_overscroll = 0;
  s.detail_scroll = std::clamp(std::clamp(s.detail_scroll, 0.0, max_of(layout)) + px, 0.0, max_of(layout));
}

void detail_wheel(KioskState& s, const Layout& layout, float notches) {
  detail_scroll_by(s, layout, -3.0 * line_px(layout) * notches);
}

bool detail_scroll_key(KioskState& s, const Layout& layout, const std::string& key) {
  // A page: the area's height less a line, so the last line read stays in view.
  const double page = std::max(line_px(layout), static_cast<double>(layout.detail_scroll_area.h) - line_px(layout));
  if (key == "Down") detail_scroll_by(s, layout, line_px(layout));
  else if (key == "Up") detail_scroll_by(s, layout, -line_px(layout));
  else if (key == "PageDown") detail_scroll_by(s, layout, page);
  else if (key == "PageUp") detail_scroll_by(s, layout, -page);
  else if (key == "Home") detail_scroll_by(s, layout, -max_of(layout) - s.detail_scroll);
  else if (key == "End") detail_scroll_by(s, layout, max_of(layout));
  else return false;
  return true;
}

void detail_scroll_to_show(KioskState& s, const Layout& layout, const Rect& r) {
  const Rect& area = layout.detail_scroll_area;
  if (area.h <= 0) return;
  const float margin = 16 * layout.viewport.unit();
  if (r.y < area.y + margin) detail_scroll_by(s, layout, r.y - area.y - margin);
  else if (r.bottom() > area.bottom() - margin) detail_scroll_by(s, layout, r.bottom() - area.bottom() + margin);
}

void advance_detail_scroll(KioskState& s, const Layout& layout, double now_ms, double dt_ms, const KioskConfig& config) {
  if (s.mode != Mode::detail) {
    if (s.detail_scroll != 0 || s.detail_overscroll != 0 || s.detail_fling_px_per_ms != 0) reset_detail_scroll(s);
    return;
  }
  const double max = max_of(layout);
  s.detail_scroll = std::clamp(s.detail_scroll, 0.0, max);
  if (s.detail_fling_px_per_ms != 0 && dt_ms > 0) {
    const double free = s.detail_scroll + coast(s.detail_fling_px_per_ms, config.fling_decay_per_ms, dt_ms);
    s.detail_scroll = std::clamp(free, 0.0, max);
    if (free != s.detail_scroll) {  // it hit an end: a short bounce out at its speed and back
      const double most = config.bounce_max_fraction * layout.detail_scroll_area.h * 2;
      const double peak = std::clamp(s.detail_fling_px_per_ms * config.bounce_ms / std::numbers::pi, -most, most);
      s.detail_rebound = Rebound{now_ms, config.bounce_ms, 0, peak};
      s.detail_fling_px_per_ms = 0;
    }
    if (std::abs(s.detail_fling_px_per_ms) < 0.01) s.detail_fling_px_per_ms = 0;
  }
  if (s.detail_overscroll != 0 && !s.held && !s.detail_rebound) {  // let go past an end: spring back
    if (s.reduced_motion) s.detail_overscroll = 0;
    else s.detail_rebound = Rebound{now_ms, config.spring_ms, s.detail_overscroll, 0};
  }
  if (s.detail_rebound) {
    s.detail_overscroll = rebound_at(*s.detail_rebound, now_ms);
    if (now_ms >= s.detail_rebound->start_ms + s.detail_rebound->duration_ms) {
      s.detail_rebound.reset();
      s.detail_overscroll = 0;
    }
  }
}

}  // namespace kiosk::core
