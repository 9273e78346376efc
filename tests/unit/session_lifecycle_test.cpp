// The visitor session: warning, extension, reset to attract, leaving attract, tours, languages.
#include <catch2/catch.hpp>

#include "core/kiosk.hpp"
#include "test_content.hpp"

using namespace kiosk::core;

namespace {

Content content() {
  Content c;
  c.languages = {"en", "es"};
  for (int i = 0; i < 4; ++i) {
    c.events.push_back(kiosk::test::dated_event("e" + std::to_string(i), Date{1950 + 10 * i}, i == 0 ? 1 : 3));
  }
  c.tours.push_back(Tour{"t", {}, {}, {"e2", "e0", "e3"}});
  c.attract.highlights = {"e1", "e3"};
  c.attract.seconds_per_event = 8;
  return c;
}

const Viewport kScreen{1920, 1080, 3.6f};

// Runs one step with `commands` at `now_ms` against the current layout.
void step(KioskState& s, const Content& c, double now_ms, std::vector<Command> commands = {}, KioskConfig config = {}) {
  const Layout l = compute_layout(c, s, kScreen, LayoutMetrics{});
  update(s, c, l, commands, now_ms, config);
}

Command tap_on(const KioskState& s, const Content& c, Target target, int index = -1) {
  const Layout l = compute_layout(c, s, kScreen, LayoutMetrics{});
  for (const auto& b : l.buttons)
    if (b.target == target && (index < 0 || b.index == index)) {
      Command t{CommandKind::tap, b.rect.x + b.rect.w / 2, b.rect.y + b.rect.h / 2};
      t.press_x = t.x;
      t.press_y = t.y;
      return t;
    }
  FAIL("no button " << static_cast<int>(target));
  return {};
}

}  // namespace

TEST_CASE("idle: a warning after 90 s counts down 20 s, then everything resets to the attract loop") {
  const Content c = content();
  KioskState s = initial_state(c);
  step(s, c, 0, {tap_on(s, c, Target::language_menu)});
  step(s, c, 100, {tap_on(s, c, Target::language, 1)});
  REQUIRE(s.language == "es");
  s.view = View{1960, 1970};
  step(s, c, 89'000);
  CHECK(warning_seconds_left(s) == 0);
  step(s, c, 90'200);
  CHECK(warning_seconds_left(s) == Approx(19.9));
  step(s, c, 105'000);
  CHECK(warning_seconds_left(s) == Approx(5.1));
  step(s, c, 110'200);
  CHECK(s.mode == Mode::attract);
  CHECK(s.language == "en");
  CHECK(s.view == s.home);
  CHECK(s.panel == Panel::none);
  CHECK(s.sessions == 1);
  CHECK(s.running);
}

TEST_CASE("a touch during the warning only extends the session") {
  const Content c = content();
  KioskState s = initial_state(c);
  step(s, c, 0, {tap_on(s, c, Target::tour_menu)});
  REQUIRE(s.panel == Panel::tours);
  step(s, c, 95'000);
  REQUIRE(warning_seconds_left(s) > 0);
  const Command tap = tap_on(s, c, Target::tour, 0);  // lands on a tour, but only answers the warning
  step(s, c, 95'100, {tap});
  CHECK(warning_seconds_left(s) == 0);
  CHECK(s.idle_seconds == 0);
  CHECK(s.tour.empty());
  CHECK(s.panel == Panel::tours);
  step(s, c, 150'000);  // 54.9 s later: no warning yet
  CHECK(warning_seconds_left(s) == 0);
  CHECK(s.mode == Mode::browse);
}

TEST_CASE("classroom mode never warns or resets") {
  const Content c = content();
  KioskState s = initial_state(c);
  KioskConfig config;
  config.classroom = true;
  step(s, c, 0, {}, config);
  step(s, c, 3'600'000, {}, config);
  CHECK(warning_seconds_left(s, config) == 0);
  CHECK(s.mode == Mode::browse);
}

TEST_CASE("the attract loop follows time through its highlights, a touch starts a fresh session") {
  const Content c = content();
  KioskState s = initial_state(c);
  step(s, c, 0);
  step(s, c, 110'000);
  REQUIRE(s.mode == Mode::attract);
  CHECK(attract_index(s, c) == 0);
  step(s, c, 118'500);
  CHECK(attract_index(s, c) == 1);
  step(s, c, 126'500);
  CHECK(attract_index(s, c) == 0);
  step(s, c, 127'000, {tap_on(s, c, Target::start_session)});
  CHECK(s.mode == Mode::browse);
  CHECK(s.idle_seconds == 0);
  CHECK(s.view == s.home);
}

TEST_CASE("tours step forward and back, and end where the visitor was") {
  const Content c = content();
  KioskState s = initial_state(c);
  step(s, c, 0, {tap_on(s, c, Target::tour_menu)});
  step(s, c, 100, {tap_on(s, c, Target::tour, 0)});
  CHECK(s.mode == Mode::detail);
  CHECK(s.tour == "t");
  CHECK(s.tour_step == 0);
  CHECK(s.selected_event == "e2");
  step(s, c, 200, {tap_on(s, c, Target::tour_next)});
  CHECK(s.selected_event == "e0");
  Command key{CommandKind::key};
  key.key = "PageDown";
  step(s, c, 300, {key});
  CHECK(s.selected_event == "e3");
  CHECK(s.tour_step == 2);
  step(s, c, 400, {key});  // already at the last stop
  CHECK(s.tour_step == 2);
  step(s, c, 500, {tap_on(s, c, Target::tour_prev)});
  CHECK(s.selected_event == "e0");
  step(s, c, 600, {tap_on(s, c, Target::tour_end)});
  CHECK(s.mode == Mode::browse);
  CHECK(s.tour.empty());
  CHECK(s.tour_step == -1);
}

TEST_CASE("switching language keeps the place on the timeline") {
  const Content c = content();
  KioskState s = initial_state(c);
  s.view = View{1955, 1965};
  step(s, c, 0, {tap_on(s, c, Target::language_menu)});
  const View before = s.view;
  step(s, c, 100, {tap_on(s, c, Target::language, 1)});
  CHECK(s.language == "es");
  CHECK(s.panel == Panel::none);
  CHECK(s.view == before);
}

TEST_CASE("while a chooser is open, dragging does not move the timeline, a tap outside closes it") {
  const Content c = content();
  KioskState s = initial_state(c);
  step(s, c, 0, {tap_on(s, c, Target::language_menu)});
  const View before = s.view;
  step(s, c, 100, {Command{CommandKind::pan, 500, 500, 200}});
  CHECK(s.view == before);
  Command outside{CommandKind::tap, 10, 10};
  outside.press_x = 10;
  outside.press_y = 10;
  step(s, c, 200, {outside});
  CHECK(s.panel == Panel::none);
}

TEST_CASE("a right-to-left language mirrors the controls, and Left means next") {
  Content c = content();
  c.languages = {"en", "ur"};
  c.strings.tables["ur"]["language.direction"] = "rtl";
  KioskState s = initial_state(c);
  const Layout ltr = compute_layout(c, s, kScreen, LayoutMetrics{});
  s.language = "ur";
  const Layout rtl = compute_layout(c, s, kScreen, LayoutMetrics{});
  CHECK(rtl.rtl);
  for (std::size_t i = 0; i < ltr.buttons.size(); ++i) {
    CHECK(rtl.buttons[i].rect.x == Approx(kScreen.width - ltr.buttons[i].rect.right()));
    CHECK(rtl.buttons[i].rect.y == ltr.buttons[i].rect.y);
  }
  step(s, c, 0, {tap_on(s, c, Target::tour_menu)});
  step(s, c, 100, {tap_on(s, c, Target::tour, 0)});
  Command left{CommandKind::key};
  left.key = "Left";
  step(s, c, 200, {left});
  CHECK(s.tour_step == 1);
  Command right{CommandKind::key};
  right.key = "Right";
  step(s, c, 300, {right});
  CHECK(s.tour_step == 0);
}
