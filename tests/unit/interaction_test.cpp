#include <catch2/catch.hpp>
#include <cmath>

#include "core/gestures.hpp"
#include "core/kiosk.hpp"
#include "core/rubber_band.hpp"
#include "test_content.hpp"

using namespace kiosk::core;

namespace {
InputEvent ev(InputKind k, double t, std::int64_t id, float x, float y) {
  return pointer_event(k, t, id, x, y);
}

std::vector<Command> feed_all(Gestures& g, const std::vector<InputEvent>& events) {
  std::vector<Command> out;
  for (const auto& e : events) g.feed(e, out);
  return out;
}

int count(const std::vector<Command>& cs, CommandKind k) {
  int n = 0;
  for (const auto& c : cs) n += c.kind == k;
  return n;
}

Content two_events() {
  Content c;
  c.events = {kiosk::test::dated_event("first", Date{1950}), kiosk::test::dated_event("second", Date{1980})};
  return c;
}
}  // namespace

TEST_CASE("a short press is a tap, travelling beyond 5 mm is a drag") {
  Gestures g(GestureConfig{.px_per_mm = 4});
  auto tap = feed_all(g, {ev(InputKind::pointer_down, 0, 1, 100, 100), ev(InputKind::pointer_move, 30, 1, 110, 100),
                          ev(InputKind::pointer_up, 60, 1, 110, 100)});
  CHECK(count(tap, CommandKind::tap) == 1);
  CHECK(count(tap, CommandKind::pan) == 0);
  auto drag = feed_all(g, {ev(InputKind::pointer_down, 0, 1, 100, 100), ev(InputKind::pointer_move, 30, 1, 130, 100),
                           ev(InputKind::pointer_move, 60, 1, 160, 100), ev(InputKind::pointer_up, 200, 1, 160, 100)});
  CHECK(count(drag, CommandKind::tap) == 0);
  float total = 0;
  for (const auto& c : drag)
    if (c.kind == CommandKind::pan) total += c.dx;
  CHECK(total == Approx(60));
  CHECK(count(drag, CommandKind::fling) == 0);  // the finger rested before release
}

TEST_CASE("a quick release flings with the recent velocity, clamped") {
  Gestures g(GestureConfig{.px_per_mm = 4, .max_fling_px_per_ms = 3});
  auto out = feed_all(g, {ev(InputKind::pointer_down, 0, 1, 100, 100), ev(InputKind::pointer_move, 16, 1, 140, 100),
                          ev(InputKind::pointer_move, 32, 1, 180, 100), ev(InputKind::pointer_up, 48, 1, 220, 100)});
  REQUIRE(count(out, CommandKind::fling) == 1);
  for (const auto& c : out)
    if (c.kind == CommandKind::fling) CHECK(c.dx == Approx(2.5));
  auto fast = feed_all(g, {ev(InputKind::pointer_down, 0, 1, 100, 100), ev(InputKind::pointer_move, 10, 1, 400, 100),
                           ev(InputKind::pointer_up, 20, 1, 700, 100)});
  for (const auto& c : fast)
    if (c.kind == CommandKind::fling) CHECK(c.dx == Approx(3));
}

TEST_CASE("pinching zooms about the fingers' midpoint, a third finger is ignored") {
  const Content c = two_events();
  KioskState s = initial_state(c);
  s.limits = ViewLimits{1800, 2100, 0.01, 300};
  s.view = View{1900, 2000};
  const Layout l = compute_layout(c, s, Viewport{1000, 800, 4}, LayoutMetrics{});
  Gestures g(GestureConfig{.px_per_mm = 4});
  const double anchor = l.scale.year_at(500);
  auto out = feed_all(g, {ev(InputKind::pointer_down, 0, 1, 400, 300), ev(InputKind::pointer_down, 5, 2, 600, 300),
                          ev(InputKind::pointer_down, 6, 3, 900, 300), ev(InputKind::pointer_move, 20, 3, 100, 300),
                          ev(InputKind::pointer_move, 30, 1, 300, 300), ev(InputKind::pointer_move, 30, 2, 700, 300)});
  CHECK(count(out, CommandKind::tap) == 0);
  update(s, c, l, out, 30);
  CHECK(s.view.span() == Approx(50).epsilon(0.01));  // fingers twice as far apart: twice the zoom
  const TimeScale after{s.view, 0, 1000};
  CHECK(after.year_at(500) == Approx(anchor).epsilon(1e-6));
}

TEST_CASE("tapping a card opens it and back returns to the same view") {
  const Content c = two_events();
  KioskState s = initial_state(c);
  const Viewport vp{1920, 1080, 3.6f};
  Layout l = compute_layout(c, s, vp, LayoutMetrics{});
  REQUIRE(l.cards.size() == 2);
  const View before = s.view;
  const Rect r = l.cards[1].rect;
  Gestures g;
  auto out = feed_all(g, {ev(InputKind::pointer_down, 0, 1, r.x + 20, r.y + 20), ev(InputKind::pointer_up, 80, 1, r.x + 22, r.y + 20)});
  update(s, c, l, out, 80);
  CHECK(s.mode == Mode::detail);
  CHECK(s.selected_event == "second");
  l = compute_layout(c, s, vp, LayoutMetrics{});
  const Button* back = nullptr;
  for (const auto& b : l.buttons)
    if (b.target == Target::back) back = &b;
  REQUIRE(back);
  out = feed_all(g, {ev(InputKind::pointer_down, 200, 1, back->rect.x + 10, back->rect.y + 10),
                     ev(InputKind::pointer_up, 260, 1, back->rect.x + 10, back->rect.y + 10)});
  update(s, c, l, out, 260);
  CHECK(s.mode == Mode::browse);
  CHECK(s.selected_event.empty());
  CHECK(s.view == before);
}

TEST_CASE("a tap that slides off its card does not open it") {
  const Content c = two_events();
  KioskState s = initial_state(c);
  const Layout l = compute_layout(c, s, Viewport{1920, 1080, 3.6f}, LayoutMetrics{});
  Command tap{CommandKind::tap, l.cards[0].rect.x - 3, l.cards[0].rect.y + 5};
  tap.press_x = l.cards[0].rect.x + 3;
  tap.press_y = l.cards[0].rect.y + 5;
  update(s, c, l, {tap}, 10);
  CHECK(s.mode == Mode::browse);
}

TEST_CASE("buttons and keys zoom with an animation driven by the given time") {
  const Content c = two_events();
  KioskState s = initial_state(c);
  const Layout l = compute_layout(c, s, Viewport{1920, 1080, 3.6f}, LayoutMetrics{});
  const double span = s.view.span();
  Command k{CommandKind::key};
  k.key = "=";
  update(s, c, l, {k}, 0);
  update(s, c, l, {}, 100);
  CHECK(s.view.span() < span);
  CHECK(s.view.span() > span / 2);
  update(s, c, l, {}, 1000);
  CHECK(s.view.span() == Approx(span / 2));
  CHECK_FALSE(s.animation);
  CHECK(s.idle_seconds == Approx(1.0));
}

TEST_CASE("inertia decays and stops, independent of frame rate") {
  const Content c = two_events();
  auto run = [&](double frame_ms) {
    KioskState s = initial_state(c);
    s.view = View{1940, 1960};
    const Layout l = compute_layout(c, s, Viewport{1920, 1080, 3.6f}, LayoutMetrics{});
    update(s, c, l, {Command{CommandKind::fling, 0, 0, -2}}, 0);
    for (double t = frame_ms; t <= 5000; t += frame_ms) update(s, c, l, {}, t);
    CHECK(s.fling_px_per_ms == 0);
    return s.view.start;
  };
  const double at60 = run(1000.0 / 60), at30 = run(1000.0 / 30);
  CHECK(at60 > 1940);
  CHECK(at60 == Approx(at30).epsilon(0.002));
}

TEST_CASE("a coasting step covers the integral of the decaying speed, however the time is cut") {
  double v = 2;  // px/ms, halving each ms
  CHECK(coast(v, 0.5, 1) == Approx(1 / std::log(2.0)));  // integral of 2 * 0.5^t from 0 to 1
  CHECK(v == Approx(1));
  double whole = 3, halves = 3;
  const double one_step = coast(whole, 0.99, 16);
  const double two_steps = coast(halves, 0.99, 8) + coast(halves, 0.99, 8);
  CHECK(one_step == Approx(two_steps).epsilon(1e-12));
  CHECK(whole == Approx(halves).epsilon(1e-12));
  CHECK(whole == Approx(3 * std::pow(0.99, 16)));
  double still = 0;
  CHECK(coast(still, 0.99, 16) == 0);
}

TEST_CASE("a window-close request stops the kiosk") {
  const Content c = two_events();
  KioskState s = initial_state(c);
  const Layout l = compute_layout(c, s, Viewport{1920, 1080, 3.6f}, LayoutMetrics{});
  update(s, c, l, {Command{CommandKind::quit}}, 5);
  CHECK_FALSE(s.running);
}

TEST_CASE("a count badge stands for hidden events, tapping it zooms in until they show") {
  Content c;
  for (int i = 0; i < 30; ++i) {
    c.events.push_back(kiosk::test::dated_event("e" + std::to_string(i), Date{1960, 1 + i % 12, 1 + i}));
  }
  std::sort(c.events.begin(), c.events.end(), [](const Event& a, const Event& b) { return a.t0 < b.t0; });
  c.events.push_back(kiosk::test::dated_event("far", Date{2020}));
  KioskState s = initial_state(c);
  const Viewport vp{1920, 1080, 3.6f};
  Layout l = compute_layout(c, s, vp, LayoutMetrics{});
  REQUIRE_FALSE(l.badges.empty());
  int counted = 0;
  for (const auto& b : l.badges) counted += b.count;
  CHECK(counted == l.hidden_events);
  const Rect r = l.badges.front().rect;
  CHECK(r.w >= vp.mm(9));
  Command tap{CommandKind::tap, r.x + r.w / 2, r.y + r.h / 2};
  tap.press_x = tap.x;
  tap.press_y = tap.y;
  update(s, c, l, {tap}, 0);
  update(s, c, l, {}, 1000);
  CHECK(s.view.span() < 5);
  l = compute_layout(c, s, vp, LayoutMetrics{});
  CHECK(l.cards.size() > 3);
}

TEST_CASE("in a detail, a swipe of 20 mm shows the neighbour, a shorter one does nothing") {
  const Content c = two_events();
  KioskState s = initial_state(c);
  s.mode = Mode::detail;
  s.selected_event = "first";
  const Viewport vp{1920, 1080, 4};
  const Layout l = compute_layout(c, s, vp, LayoutMetrics{});
  update(s, c, l, {Command{CommandKind::swipe, 500, 500, -60}}, 10);  // 15 mm
  CHECK(s.selected_event == "first");
  update(s, c, l, {Command{CommandKind::swipe, 500, 500, -90}}, 20);  // 22.5 mm to the left: the later one
  CHECK(s.selected_event == "second");
  update(s, c, l, {Command{CommandKind::swipe, 500, 500, 100}}, 30);
  CHECK(s.selected_event == "first");
}

TEST_CASE("arrow keys move the focus between events and Enter opens the focused one") {
  const Content c = two_events();
  KioskState s = initial_state(c);
  const Layout l = compute_layout(c, s, Viewport{1920, 1080, 3.6f}, LayoutMetrics{});
  Command right{CommandKind::key};
  right.key = "Right";
  update(s, c, l, {right}, 0);
  const std::string first = s.focus_event;
  REQUIRE_FALSE(first.empty());
  update(s, c, l, {right}, 10);
  CHECK(s.focus_event == "second");
  Command enter{CommandKind::key};
  enter.key = "Return";
  update(s, c, l, {enter}, 20);
  CHECK(s.mode == Mode::detail);
  CHECK(s.selected_event == "second");
}

TEST_CASE("Tab moves the focus through every control on screen in reading order, Return acts on it like a tap") {
  const Content c = two_events();
  KioskState s = initial_state(c);
  const Layout l = compute_layout(c, s, Viewport{1920, 1080, 3.6f}, LayoutMetrics{});
  std::size_t controls = 0;
  for (const Button& b : l.buttons) controls += is_focusable(b);
  REQUIRE(controls >= 3);
  Command tab{CommandKind::key}, back_tab{CommandKind::key}, enter{CommandKind::key}, right{CommandKind::key};
  tab.key = back_tab.key = "Tab";
  back_tab.shift = true;
  enter.key = "Return";
  right.key = "Right";
  auto focused = [&]() -> const Button* {
    for (const Button& b : l.buttons)
      if (b.target == s.focus_target && b.index == s.focus_index) return &b;
    return nullptr;
  };
  double t = 0;
  std::vector<const Button*> visited;
  for (std::size_t i = 0; i < controls; ++i) {
    update(s, c, l, {tab}, t += 10);
    REQUIRE(focused() != nullptr);
    visited.push_back(focused());
  }
  for (std::size_t i = 1; i < visited.size(); ++i) {  // the footer is one row: left to right
    CHECK(visited[i]->rect.x > visited[i - 1]->rect.x);
    CHECK(visited[i]->rect.y == visited[0]->rect.y);
  }
  update(s, c, l, {tab}, t += 10);  // wraps to the first
  CHECK(focused() == visited.front());
  update(s, c, l, {back_tab}, t += 10);  // and back to the last
  CHECK(focused() == visited.back());
  while (s.focus_target != Target::zoom_in) update(s, c, l, {tab}, t += 10);
  const double span = s.view.span();
  update(s, c, l, {enter}, t += 10);
  update(s, c, l, {}, t += 2000);  // the zoom animation ends
  CHECK(s.view.span() < span * 0.9);
  CHECK(s.focus_target == Target::zoom_in);  // the focus stays on the control used
  update(s, c, l, {right}, t += 10);  // the arrows move the focus to the events on the timeline
  CHECK(s.focus_target == Target::none);
  CHECK_FALSE(s.focus_event.empty());
}
