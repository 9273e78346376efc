#pragma once
// Hand-built content for core tests: an event with only what the layout, the session and the
// gestures read.

#include <string>

#include "core/content.hpp"
#include "core/date.hpp"

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

}  // namespace kiosk::test
