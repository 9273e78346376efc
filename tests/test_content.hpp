#pragma once
// Hand-built content and input for core tests: an event with only what the layout, the session
// and the gestures read, and a pointer event.

#include <cstdint>
#include <string>

#include "core/content.hpp"
#include "core/date.hpp"
#include "core/input.hpp"

namespace kiosk::test {

// Event `id` at `start`, spanning that whole year, month or day; its English headline is
// `headline`, or the id when none is given.
inline core::Event dated_event(const std::string& id, core::Date start, int importance = 3,
                               const std::string& headline = "") {
  core::Event e;
  e.id = id;
  e.start = start;
  e.t0 = core::period_start(start);
  e.t1 = core::period_end(start);
  e.importance = importance;
  e.headline.by_lang["en"] = headline.empty() ? id : headline;
  return e;
}

// A finger (or the mouse: core::kMousePointer) going down, moving or up at (x, y) pixels, t_ms.
inline core::InputEvent pointer_event(core::InputKind kind, double t_ms, std::int64_t pointer, float x, float y) {
  core::InputEvent e;
  e.kind = kind;
  e.t_ms = t_ms;
  e.pointer = pointer;
  e.x = x;
  e.y = y;
  return e;
}

}  // namespace kiosk::test
