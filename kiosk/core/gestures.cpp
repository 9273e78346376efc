#include "core/gestures.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::core {

namespace {
float distance(float x0, float y0, float x1, float y1) { return std::hypot(x1 - x0, y1 - y0); }
}  // namespace

Gestures::Contact* Gestures::find(std::int64_t id) {
  for (auto& c : contacts_)
    if (c.id == id) return &c;
  return nullptr;
}

Gestures::Contact* Gestures::other(const Contact& c) {
  for (auto& o : contacts_)
    if (o.id != c.id) return &o;
  return nullptr;
}

void Gestures::begin_pinch(float x0, float y0, float x1, float y1) {
  pinch_dist_ = distance(x0, y0, x1, y1);
  pinch_mid_ = (x0 + x1) / 2;
}

void Gestures::pinch_step(std::vector<Command>& out) {
  const Contact &a = contacts_[0], &b = contacts_[1];
  const float dist = distance(a.x, a.y, b.x, b.y), mid = (a.x + b.x) / 2, mid_y = (a.y + b.y) / 2;
  if (dist == pinch_dist_ && mid == pinch_mid_) return;
  // Fingers almost together give a meaningless ratio; wait until they part again.
  if (pinch_dist_ > slop_px() && dist > slop_px()) {
    out.push_back(Command{CommandKind::pan, mid, mid_y, mid - pinch_mid_});
    out.push_back(Command{CommandKind::zoom, mid, mid_y, 0, dist / pinch_dist_});
  }
  pinch_dist_ = dist;
  pinch_mid_ = mid;
}

void Gestures::one_finger_step(Contact& c, float last_x, float last_y, std::vector<Command>& out) {
  Command pan{CommandKind::pan, c.x, c.y};
  if (!c.dragging) {
    if (distance(c.start_x, c.start_y, c.x, c.y) <= slop_px()) return;
    c.dragging = true;
    c.may_tap = false;
    pan.dx = c.x - c.start_x;
    pan.dy = c.y - c.start_y;
  } else if (c.x != last_x || c.y != last_y) {
    pan.dx = c.x - last_x;
    pan.dy = c.y - last_y;
  } else {
    return;
  }
  out.push_back(pan);
}

// The finger pans on from where it is, e.g. when its pinch partner lifted or came to rest.
void Gestures::take_over_pan(Contact& c, double now_ms) {
  c.dragging = true;
  c.may_tap = false;
  c.samples.assign(1, Sample{now_ms, c.x, c.y});
}

void Gestures::confirm(Contact& c, double now_ms, std::vector<Command>& out) {
  c.confirmed = true;
  held_ = true;
  out.push_back(Command{CommandKind::stop});
  Contact* o = other(c);
  if (!o) return;
  if (!o->confirmed) {  // the other may still turn out a ghost: hold back this finger's motion
    held_x_ = c.x;
    held_y_ = c.y;
    return;
  }
  if (o->palm) return;  // a finger beside a resting palm navigates (and taps) alone
  if (now_ms - o->rest_ms >= config_.palm_still_ms) {
    o->palm = true;
    o->may_tap = false;
    return;
  }
  o->may_tap = c.may_tap = false;
  // The pinch starts where the fingers were when the second landed, so the motion held back
  // while it was unconfirmed is not lost.
  begin_pinch(held_x_, held_y_, c.x, c.y);
  pinch_step(out);
}

void Gestures::advance(double now_ms, std::vector<Command>& out) {
  for (auto& c : contacts_)
    if (!c.confirmed && now_ms - c.down_ms >= config_.ghost_ms) confirm(c, now_ms, out);
  if (contacts_.size() == 1) {
    Contact& c = contacts_[0];
    if (c.confirmed && !c.dragging && c.may_tap && !c.palm && now_ms - c.down_ms >= config_.long_press_ms) {
      c.may_tap = false;  // the release that follows is not also a tap
      out.push_back(Command{CommandKind::long_press, c.x, c.y});
    }
  }
  if (contacts_.size() == 2 && contacts_[0].confirmed && contacts_[1].confirmed) {
    for (auto& c : contacts_) {
      if (c.palm || now_ms - c.rest_ms < config_.palm_still_ms) continue;
      Contact* o = other(c);
      const bool was_pinching = navigates(*o);
      c.palm = true;
      c.may_tap = false;
      if (was_pinching && now_ms - o->rest_ms < config_.palm_still_ms) take_over_pan(*o, now_ms);
    }
  }
}

void Gestures::tick(double now_ms, std::vector<Command>& out) { advance(now_ms, out); }

void Gestures::release(Contact& c, const InputEvent& e, std::vector<Command>& out) {
  Contact* o = other(c);
  if (!c.confirmed) {  // a ghost: it lasted under ghost_ms and moved under ghost_mm
    const auto id = o ? o->id : 0;
    contacts_.erase(contacts_.begin() + (&c - contacts_.data()));
    Contact* rest = o ? find(id) : nullptr;
    if (rest && navigates(*rest)) one_finger_step(*rest, held_x_, held_y_, out);  // the motion held back
    if (contacts_.empty() && held_) {
      held_ = false;
      out.push_back(Command{CommandKind::release, e.x, e.y});
    }
    return;
  }
  if (o && !o->confirmed && navigates(c)) one_finger_step(c, held_x_, held_y_, out);
  const bool alone = !(o && navigates(*o));
  if (navigates(c) && alone) {
    if (c.may_tap && !c.dragging) {
      Command tap{CommandKind::tap, e.x, e.y};
      tap.press_x = c.start_x;  // so a tap that left its target can be refused
      tap.press_y = c.start_y;
      out.push_back(tap);
    } else if (c.dragging) {
      Command swipe{CommandKind::swipe, e.x, e.y, e.x - c.start_x};
      swipe.dy = e.y - c.start_y;
      out.push_back(swipe);
    }
    if (c.dragging && c.samples.size() >= 2) {
      const Sample& a = c.samples.front();
      const double dt = e.t_ms - a.t_ms;
      if (dt > 0 && e.t_ms - c.samples.back().t_ms < config_.velocity_window_ms) {
        // Each direction flings on its own: a slow drift across does not fling a vertical flick sideways.
        auto velocity = [&](double v) {
          return std::abs(v) >= config_.min_fling_px_per_ms
                     ? static_cast<float>(std::clamp(v, -config_.max_fling_px_per_ms, config_.max_fling_px_per_ms))
                     : 0.0f;
        };
        Command fling{CommandKind::fling, e.x, e.y, velocity((e.x - a.x) / dt)};
        fling.dy = velocity((e.y - a.y) / dt);
        if (fling.dx != 0 || fling.dy != 0) out.push_back(fling);
      }
    }
  }
  const bool was_pinching = navigates(c) && !alone;
  contacts_.erase(contacts_.begin() + (&c - contacts_.data()));
  if (was_pinching) take_over_pan(contacts_[0], e.t_ms);  // the remaining finger pans from where it is
  if (contacts_.empty() && held_) {
    held_ = false;
    out.push_back(Command{CommandKind::release, e.x, e.y});
  }
}

void Gestures::feed(const InputEvent& e, std::vector<Command>& out) {
  advance(e.t_ms, out);
  switch (e.kind) {
    case InputKind::pointer_down: {
      if (find(e.pointer) || contacts_.size() >= 2) return;  // a third finger does not navigate
      if (!std::isfinite(e.x) || !std::isfinite(e.y)) return;
      const bool outside = config_.window_width > 0 && config_.window_height > 0 &&
                           (e.x < 0 || e.y < 0 || e.x >= config_.window_width || e.y >= config_.window_height);
      if (outside) return;
      for (const auto& c : contacts_)
        if (distance(c.x, c.y, e.x, e.y) <= ghost_px()) return;  // a double report of one finger
      if (contacts_.size() == 1) {
        held_x_ = contacts_[0].x;
        held_y_ = contacts_[0].y;
      }
      Contact c{e.pointer, e.x, e.y, e.x, e.y, e.t_ms};
      c.rest_x = e.x;
      c.rest_y = e.y;
      c.rest_ms = e.t_ms;
      c.samples.push_back({e.t_ms, e.x, e.y});
      contacts_.push_back(c);
      return;
    }
    case InputKind::pointer_move: {
      Contact* c = find(e.pointer);
      if (!c || !std::isfinite(e.x) || !std::isfinite(e.y)) return;
      const float last_x = c->x, last_y = c->y;
      bool woke = false;
      if (distance(c->rest_x, c->rest_y, e.x, e.y) > slop_px()) {
        c->rest_x = e.x;
        c->rest_y = e.y;
        c->rest_ms = e.t_ms;
        woke = c->palm;
        c->palm = false;
      }
      if (!c->confirmed && distance(c->start_x, c->start_y, e.x, e.y) > ghost_px()) confirm(*c, e.t_ms, out);
      c->x = e.x;
      c->y = e.y;
      c->samples.push_back({e.t_ms, e.x, e.y});
      while (c->samples.size() > 2 && e.t_ms - c->samples.front().t_ms > config_.velocity_window_ms)
        c->samples.pop_front();
      if (!navigates(*c)) return;
      Contact* o = other(*c);
      if (woke) {  // a resting palm moved off: it navigates again, from here
        if (o && navigates(*o)) {
          c->may_tap = o->may_tap = false;
          begin_pinch(contacts_[0].x, contacts_[0].y, contacts_[1].x, contacts_[1].y);
        } else {
          take_over_pan(*c, e.t_ms);
        }
        return;
      }
      if (o && !o->confirmed) return;  // held back until the other contact proves real or a ghost
      if (o && navigates(*o))
        pinch_step(out);
      else
        one_finger_step(*c, last_x, last_y, out);
      return;
    }
    case InputKind::pointer_up: {
      if (Contact* c = find(e.pointer)) release(*c, e, out);
      return;
    }
    case InputKind::wheel:
      if (e.wheel_dy != 0) {
        Command zoom{CommandKind::zoom, e.x, e.y, 0, static_cast<float>(std::pow(config_.wheel_zoom_per_notch, e.wheel_dy))};
        zoom.wheel = e.wheel_dy;  // a scrolling page (the detail) scrolls by notches instead
        out.push_back(zoom);
      }
      return;
    case InputKind::key: {
      Command k{CommandKind::key};
      k.key = e.key;
      k.ctrl = std::find(e.mods.begin(), e.mods.end(), "ctrl") != e.mods.end();
      k.shift = std::find(e.mods.begin(), e.mods.end(), "shift") != e.mods.end();
      out.push_back(k);
      return;
    }
    case InputKind::quit:
      out.push_back(Command{CommandKind::quit});
      return;
    case InputKind::wait:
      return;
  }
}

}  // namespace kiosk::core
