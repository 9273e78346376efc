#include "core/gestures.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::core {

Gestures::Contact* Gestures::find(std::int64_t id) {
  for (auto& c : contacts_)
    if (c.id == id) return &c;
  return nullptr;
}

float Gestures::pinch_distance() const {
  const float dx = contacts_[0].x - contacts_[1].x, dy = contacts_[0].y - contacts_[1].y;
  return std::sqrt(dx * dx + dy * dy);
}

float Gestures::pinch_mid_x() const { return (contacts_[0].x + contacts_[1].x) / 2; }

void Gestures::begin_pinch() {
  pinch_dist_ = pinch_distance();
  pinch_mid_ = pinch_mid_x();
}

void Gestures::feed(const InputEvent& e, std::vector<Command>& out) {
  const float slop_px = static_cast<float>(config_.tap_slop_mm * config_.px_per_mm);
  switch (e.kind) {
    case InputKind::pointer_down: {
      if (find(e.pointer) || contacts_.size() >= 2) return;  // a third finger does not navigate
      if (contacts_.empty()) tap_cancelled_ = false;
      contacts_.push_back(Contact{e.pointer, e.x, e.y, e.x, e.y, false, {{e.t_ms, e.x}}});
      out.push_back(Command{CommandKind::stop});
      if (contacts_.size() == 2) {
        tap_cancelled_ = true;
        begin_pinch();
      }
      return;
    }
    case InputKind::pointer_move: {
      Contact* c = find(e.pointer);
      if (!c) return;
      const float last_x = c->x;
      c->x = e.x;
      c->y = e.y;
      c->samples.push_back({e.t_ms, e.x});
      while (c->samples.size() > 2 && e.t_ms - c->samples.front().t_ms > config_.velocity_window_ms)
        c->samples.pop_front();
      if (contacts_.size() == 2) {
        const float dist = pinch_distance(), mid = pinch_mid_x();
        // Fingers almost together give a meaningless ratio; wait until they part again.
        if (pinch_dist_ > slop_px && dist > slop_px) {
          out.push_back(Command{CommandKind::pan, mid, e.y, mid - pinch_mid_});
          out.push_back(Command{CommandKind::zoom, mid, e.y, 0, dist / pinch_dist_});
        }
        pinch_dist_ = dist;
        pinch_mid_ = mid;
        return;
      }
      if (!c->dragging && std::hypot(e.x - c->start_x, e.y - c->start_y) > slop_px) {
        c->dragging = true;
        tap_cancelled_ = true;
        out.push_back(Command{CommandKind::pan, e.x, e.y, e.x - c->start_x});
        return;
      }
      if (c->dragging) out.push_back(Command{CommandKind::pan, e.x, e.y, e.x - last_x});
      return;
    }
    case InputKind::pointer_up: {
      Contact* c = find(e.pointer);
      if (!c) return;
      if (contacts_.size() == 1) {
        if (!c->dragging && !tap_cancelled_) {
          Command tap{CommandKind::tap, e.x, e.y};
          tap.press_x = c->start_x;  // so a tap that left its target can be refused
          tap.press_y = c->start_y;
          out.push_back(tap);
        } else if (c->dragging) {
          out.push_back(Command{CommandKind::swipe, e.x, e.y, e.x - c->start_x});
        }
        if (c->dragging && c->samples.size() >= 2) {
          const Sample& a = c->samples.front();
          const double dt = e.t_ms - a.t_ms;
          if (dt > 0 && e.t_ms - c->samples.back().t_ms < config_.velocity_window_ms) {
            double v = (e.x - a.x) / dt;
            if (std::abs(v) >= config_.min_fling_px_per_ms) {
              v = std::clamp(v, -config_.max_fling_px_per_ms, config_.max_fling_px_per_ms);
              out.push_back(Command{CommandKind::fling, e.x, e.y, static_cast<float>(v)});
            }
          }
        }
      }
      contacts_.erase(contacts_.begin() + (c - contacts_.data()));
      if (contacts_.size() == 1) {  // pinch ended: the remaining finger pans from where it is
        contacts_[0].dragging = true;
        contacts_[0].samples.clear();
        contacts_[0].samples.push_back({e.t_ms, contacts_[0].x});
      }
      return;
    }
    case InputKind::wheel:
      if (e.wheel_dy != 0)
        out.push_back(Command{CommandKind::zoom, e.x, e.y, 0,
                              static_cast<float>(std::pow(config_.wheel_zoom_per_notch, e.wheel_dy))});
      return;
    case InputKind::key: {
      Command k{CommandKind::key};
      k.key = e.key;
      k.ctrl = std::find(e.mods.begin(), e.mods.end(), "ctrl") != e.mods.end();
      out.push_back(k);
      return;
    }
    case InputKind::quit: out.push_back(Command{CommandKind::quit}); return;
    case InputKind::wait: return;
  }
}

}  // namespace kiosk::core
