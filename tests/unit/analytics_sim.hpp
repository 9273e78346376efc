#pragma once
// A visitor simulation for analytics tests: core state, stepped at chosen times, with the records
// each step means collected as the kiosk would write them.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/analytics.hpp"
#include "core/kiosk.hpp"
#include "core/utc_time.hpp"
#include "test_content.hpp"

namespace kiosk::core::test {

// Four events 1950-1980, two languages, a three-stop tour "t".
inline Content analytics_content() {
  Content c;
  c.languages = {"en", "es"};
  for (int i = 0; i < 4; ++i) {
    c.events.push_back(kiosk::test::dated_event("e" + std::to_string(i), Date{1950 + 10 * i}, 1));
  }
  c.tours.push_back(Tour{"t", {}, {}, {"e2", "e0", "e3"}});
  return c;
}

struct Sim {
  Content content = analytics_content();
  KioskConfig config;
  KioskState state = initial_state(content);
  AnalyticsSession analytics;
  std::vector<Record> records;
  const Viewport screen{1920, 1080, 3.6f};

  explicit Sim(const std::string& start = "2024-05-01T10:00:00Z")
      : analytics(start_analytics(*parse_iso8601_utc(start))) {}

  Layout layout() const { return compute_layout(content, state, screen, LayoutMetrics{}); }

  // One step at `ms` (state time) with `commands`; returns the records it made.
  std::vector<Record> at(double ms, std::vector<Command> commands = {}) {
    const KioskState before = state;
    update(state, content, layout(), commands, ms, config);
    auto made = analytics_records(analytics, before, state, content, config);
    records.insert(records.end(), made.begin(), made.end());
    return made;
  }

  Command tap_at(float x, float y) const {
    Command t{CommandKind::tap, x, y};
    t.press_x = x;
    t.press_y = y;
    return t;
  }

  // A tap on button `target` (the `index`th language or tour), as laid out now.
  Command tap(Target target, int index = -1) const {
    for (const auto& b : layout().buttons)
      if (b.target == target && (index < 0 || b.index == index))
        return tap_at(b.rect.x + b.rect.w / 2, b.rect.y + b.rect.h / 2);
    FAIL("no button " << static_cast<int>(target));
    return {};
  }

  // A tap on the card of event `id`.
  Command tap_card(const std::string& id) const {
    const Layout l = layout();
    for (const auto& c : l.cards)
      if (c.event == content.event_index(id)) return tap_at(c.rect.x + c.rect.w / 2, c.rect.y + c.rect.h / 2);
    FAIL("no card for " << id);
    return {};
  }

  // All records as the lines of a day file.
  std::string text() const {
    std::string out;
    for (const Record& r : records) out += r.dump() + "\n";
    return out;
  }
};

}  // namespace kiosk::core::test
