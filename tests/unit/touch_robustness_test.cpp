// Touch at the state level: scripted, timed finger events through Gestures and update(), with
// exact expectations on the view. Rubber band, fling bounce, ghosts, palms, long-press, extra fingers.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/gestures.hpp"
#include "core/kiosk.hpp"
#include "test_content.hpp"

using namespace kiosk::core;

namespace {

Content two_events() {
  Content c;
  c.events = {kiosk::test::dated_event("first", Date{1950}), kiosk::test::dated_event("second", Date{1980})};
  return c;
}

InputEvent ev(InputKind k, double t, std::int64_t id, float x, float y) {
  return pointer_event(k, t, id, x, y);
}

int count(const std::vector<Command>& cs, CommandKind k) {
  int n = 0;
  for (const auto& c : cs) n += c.kind == k;
  return n;
}

float total_pan(const std::vector<Command>& cs) {
  float dx = 0;
  for (const auto& c : cs)
    if (c.kind == CommandKind::pan) dx += c.dx;
  return dx;
}

// A 1000 x 800 window at 4 px/mm: tap slop 20 px, ghost distance 4 px.
const Viewport kWindow{1000, 800, 4};

// The kiosk with its gesture layer, stepped like the app: every input and tick is followed by an
// update at that time against the layout of the frame before.
struct Rig {
  Content content = two_events();
  KioskState state = initial_state(content);
  KioskConfig config;
  Gestures gestures{GestureConfig{.px_per_mm = 4, .window_width = 1000, .window_height = 800}};
  std::vector<Command> log;  // every command made so far

  Layout layout() const { return compute_layout(content, state, kWindow, LayoutMetrics{}); }
  void apply(std::vector<Command> commands, double t) {
    update(state, content, layout(), commands, t, config);
    log.insert(log.end(), commands.begin(), commands.end());
  }
  void input(const InputEvent& e) {
    std::vector<Command> out;
    gestures.feed(e, out);
    apply(out, e.t_ms);
  }
  void tick(double t) {
    std::vector<Command> out;
    gestures.tick(t, out);
    apply(out, t);
  }
  // Frames every 16 ms from `from_ms` to `to_ms`, with no input.
  void run(double from_ms, double to_ms) {
    for (double t = from_ms; t <= to_ms; t += 16) tick(t);
  }
  // One finger from (x0, y) to (x1, y) in ten moves, 16 ms apart, starting at t; then it lifts
  // `rest_ms` after its last move (a rest of 100 ms or more leaves no fling).
  void drag(double t, float x0, float x1, float y, double rest_ms) {
    input(ev(InputKind::pointer_down, t, 1, x0, y));
    for (int i = 1; i <= 10; ++i)
      input(ev(InputKind::pointer_move, t + 16 * i, 1, x0 + (x1 - x0) * static_cast<float>(i) / 10, y));
    if (rest_ms > 0) tick(t + 160 + rest_ms / 2);
    input(ev(InputKind::pointer_up, t + 160 + rest_ms, 1, x1, y));
  }
};

// The overscroll the rubber band shows for a drag of `raw` years past an end: slope 0.55 at the
// end, approaching 15% of the span. Written out here so the test states the curve it expects.
double expected_band(double raw, double span) {
  const double limit = 0.15 * span;
  return limit * 0.55 * raw / (limit + 0.55 * std::abs(raw));
}

}  // namespace

TEST_CASE("a drag past the start stretches with resistance, at most 15% of the span, and springs back in 300 ms") {
  Rig r;
  r.state.limits = ViewLimits{1900, 2000, 0.01, 100};
  r.state.view = View{1900, 1950};  // already at the start
  const double years_per_px = r.layout().scale.years_per_px();
  // The finger lands at 50 px and moves right in 50 px steps; once it drags, all its travel counts.
  r.input(ev(InputKind::pointer_down, 0, 1, 50, 400));
  for (int i = 1; i <= 8; ++i)
    r.input(ev(InputKind::pointer_move, 16.0 * i, 1, 50.0f + 50.0f * static_cast<float>(i), 400));
  const double raw = -400 * years_per_px;
  CHECK(r.state.overscroll == Approx(expected_band(raw, 50)).epsilon(1e-6));
  CHECK(r.state.overscroll < 0);
  CHECK(std::abs(r.state.overscroll) < 0.55 * std::abs(raw));  // resistance: at most 55% of the travel
  CHECK(r.state.view.start == Approx(1900 + r.state.overscroll));
  CHECK(r.state.view.span() == Approx(50));
  // Across the whole window (900 px) the band stays within 15% of the span (7.5 years).
  for (int i = 9; i <= 18; ++i)
    r.input(ev(InputKind::pointer_move, 16.0 * i, 1, 50.0f + 50.0f * static_cast<float>(i), 400));
  CHECK(r.state.overscroll == Approx(expected_band(-900 * years_per_px, 50)).epsilon(1e-6));
  CHECK(r.state.overscroll > -7.5);
  CHECK(r.state.overscroll < -5.0);
  // Held still, nothing springs.
  const double stretched = r.state.overscroll;
  r.run(1000, 1400);
  CHECK(r.state.overscroll == stretched);
  // Released: eased back to exactly 0 within 300 ms, never past the start the other way.
  r.input(ev(InputKind::pointer_up, 1500, 1, 950, 400));
  CHECK(count(r.log, CommandKind::release) == 1);
  CHECK(count(r.log, CommandKind::fling) == 0);
  r.run(1516, 1740);
  CHECK(r.state.overscroll < 0);
  CHECK(r.state.overscroll > stretched);
  r.tick(1800);
  CHECK(r.state.overscroll == 0);
  CHECK(r.state.view == View{1900, 1950});
  CHECK_FALSE(r.state.rebound);
}

TEST_CASE("with reduced motion the rubber band shows under the finger but snaps back at release") {
  Rig r;
  r.state.limits = ViewLimits{1900, 2000, 0.01, 100};
  r.state.view = View{1950, 2000};  // at the end
  r.state.reduced_motion = true;
  r.input(ev(InputKind::pointer_down, 0, 1, 700, 400));
  for (int i = 1; i <= 5; ++i)
    r.input(ev(InputKind::pointer_move, 16.0 * i, 1, 700.0f - 60.0f * static_cast<float>(i), 400));
  CHECK(r.state.overscroll > 0);
  CHECK(r.state.view.end > 2000);
  r.input(ev(InputKind::pointer_up, 300, 1, 400, 400));
  CHECK(r.state.overscroll == 0);
  CHECK(r.state.view == View{1950, 2000});
}

TEST_CASE("a fling into the end stops there after a short bounce of at most 4% of the span") {
  Rig r;
  r.state.limits = ViewLimits{1900, 2000, 0.01, 100};
  r.state.view = View{1940, 1990};
  r.apply({Command{CommandKind::fling, 500, 400, -4}}, 0);  // toward later dates, 4 px/ms
  double most = 0, hit_ms = -1, back_ms = -1;
  for (double t = 16; t <= 3000; t += 16) {
    r.tick(t);
    CHECK(r.state.overscroll >= 0);
    CHECK(r.state.view.start - r.state.overscroll >= 1900 - 1e-9);
    CHECK(r.state.view.end - r.state.overscroll <= 2000 + 1e-9);
    most = std::max(most, r.state.overscroll);
    if (hit_ms < 0 && r.state.rebound) hit_ms = t;
    if (hit_ms >= 0 && back_ms < 0 && !r.state.rebound) back_ms = t;
  }
  REQUIRE(hit_ms > 0);
  CHECK(most > 0.2);                    // the bounce shows: more than 0.2 years (4 px at this scale)
  CHECK(most <= 0.04 * 50 + 1e-9);      // and stays short: 2 years at most
  CHECK(back_ms - hit_ms <= 240 + 16);  // out and back within 240 ms
  CHECK(r.state.view.end == Approx(2000).margin(1e-9));
  CHECK(r.state.overscroll == 0);
  CHECK(r.state.fling_px_per_ms == 0);
}

TEST_CASE("a pinch-out centred on a card keeps that card's date under the fingers within 1 px") {
  Rig r;
  r.state.limits = ViewLimits{1800, 2100, 0.01, 300};
  r.state.view = View{1900, 2000};
  const Layout before = r.layout();
  const CardBox* card = nullptr;
  for (const auto& c : before.cards)
    if (r.content.events[c.event].id == "first") card = &c;
  REQUIRE(card);
  const float cx = card->rect.x + 10, cy = card->rect.y + card->rect.h / 2;
  const double date = before.scale.year_at(cx);
  // Fingers 100 px apart spread to 700 px in 12 steps: a seven-fold zoom.
  r.input(ev(InputKind::pointer_down, 0, 1, cx - 50, cy));
  r.input(ev(InputKind::pointer_down, 8, 2, cx + 50, cy));
  for (int i = 1; i <= 12; ++i) {
    const float half = 50 + 25 * static_cast<float>(i);
    r.input(ev(InputKind::pointer_move, 16.0 * i + 30, 1, cx - half, cy));
    r.input(ev(InputKind::pointer_move, 16.0 * i + 30, 2, cx + half, cy));
  }
  r.input(ev(InputKind::pointer_up, 300, 1, cx - 350, cy));
  r.input(ev(InputKind::pointer_up, 300, 2, cx + 350, cy));
  r.run(316, 1000);
  CHECK(r.state.view.span() == Approx(100.0 / 7).epsilon(1e-4));
  const Layout after = r.layout();
  CHECK(std::abs(after.scale.x_of(date) - cx) <= 1.0);
  bool still_under = false;
  for (const auto& c : after.cards)
    if (r.content.events[c.event].id == "first") still_under = c.rect.contains(cx, cy);
  CHECK(still_under);
  CHECK(count(r.log, CommandKind::tap) == 0);
}

TEST_CASE("a fling ends further than the same drag without one") {
  auto travel_px = [](double rest_ms) {
    Rig r;
    r.state.limits = ViewLimits{1800, 2100, 0.01, 300};
    r.state.view = View{1940, 1960};
    const double years_per_px = r.layout().scale.years_per_px();
    r.drag(0, 700, 400, 400, rest_ms);  // 300 px to the left: later dates come in
    r.run(400, 6000);
    CHECK(r.state.fling_px_per_ms == 0);
    return (r.state.view.start - 1940) / years_per_px;
  };
  const double dragged = travel_px(200), flung = travel_px(0);
  CHECK(dragged == Approx(300).epsilon(1e-6));
  // Released while moving 1.875 px/ms, inertia adds about v / -ln(0.996) = 468 px.
  CHECK(flung > dragged + 400);
  CHECK(flung == Approx(300 + 1.875 / -std::log(0.996)).epsilon(0.02));
}

TEST_CASE("tap, open the detail, swipe to the neighbour, close: the same view as before") {
  Rig r;
  r.state.view = View{1940, 1990};
  r.state.view = clamp_view(r.state.view, r.state.limits);
  const View before = r.state.view;
  Layout l = r.layout();
  const Rect* card = nullptr;
  for (const auto& c : l.cards)
    if (r.content.events[c.event].id == "first") card = &c.rect;
  REQUIRE(card);
  r.input(ev(InputKind::pointer_down, 0, 1, card->x + 20, card->y + 20));
  r.input(ev(InputKind::pointer_up, 90, 1, card->x + 22, card->y + 20));
  REQUIRE(r.state.mode == Mode::detail);
  CHECK(r.state.selected_event == "first");
  r.gestures.reset();             // the screen changed under the finger, as the app does
  r.drag(200, 800, 600, 400, 0);  // 200 px = 50 mm to the left: the later neighbour
  CHECK(r.state.selected_event == "second");
  l = r.layout();
  const Button* back = nullptr;
  for (const auto& b : l.buttons)
    if (b.target == Target::back) back = &b;
  REQUIRE(back);
  r.input(ev(InputKind::pointer_down, 600, 1, back->rect.x + 10, back->rect.y + 10));
  r.input(ev(InputKind::pointer_up, 680, 1, back->rect.x + 10, back->rect.y + 10));
  r.run(700, 1500);
  CHECK(r.state.mode == Mode::browse);
  CHECK(r.state.view == before);
  CHECK(r.state.overscroll == 0);
}

TEST_CASE("ghost touches: shorter than 30 ms and still, within 1 mm of a finger, or outside the window") {
  Gestures g(GestureConfig{.px_per_mm = 4, .window_width = 1000, .window_height = 800});
  std::vector<Command> out;
  SECTION("a 20 ms blip makes no command at all; 40 ms is a tap") {
    g.feed(ev(InputKind::pointer_down, 0, 1, 500, 400), out);
    g.feed(ev(InputKind::pointer_up, 20, 1, 500, 400), out);
    CHECK(out.empty());
    g.feed(ev(InputKind::pointer_down, 100, 2, 500, 400), out);
    g.feed(ev(InputKind::pointer_up, 140, 2, 500, 400), out);
    CHECK(count(out, CommandKind::stop) == 1);
    CHECK(count(out, CommandKind::tap) == 1);
    CHECK(count(out, CommandKind::release) == 1);
  }
  SECTION("a second contact 3 px (0.75 mm) from a dragging finger is ignored") {
    g.feed(ev(InputKind::pointer_down, 0, 1, 500, 400), out);
    g.feed(ev(InputKind::pointer_down, 5, 2, 503, 400), out);
    for (int i = 1; i <= 10; ++i) {
      g.feed(ev(InputKind::pointer_move, 16.0 * i, 1, 500.0f + 20.0f * static_cast<float>(i), 400), out);
      g.feed(ev(InputKind::pointer_move, 16.0 * i, 2, 503.0f - 20.0f * static_cast<float>(i), 400), out);
    }
    CHECK(count(out, CommandKind::zoom) == 0);
    CHECK(total_pan(out) == Approx(200));
  }
  SECTION("contacts landing outside the window are ignored, moves and all") {
    g.feed(ev(InputKind::pointer_down, 0, 1, -5, 400), out);
    g.feed(ev(InputKind::pointer_down, 0, 2, 500, 800), out);
    g.feed(ev(InputKind::pointer_down, 0, 3, NAN, 400), out);
    for (std::int64_t id = 1; id <= 3; ++id) {
      g.feed(ev(InputKind::pointer_move, 100, id, 300, 300), out);
      g.feed(ev(InputKind::pointer_up, 200, id, 300, 300), out);
    }
    CHECK(out.empty());
  }
  SECTION("a 20 ms ghost beside a dragging finger neither zooms nor loses the finger's travel") {
    g.feed(ev(InputKind::pointer_down, 0, 1, 500, 400), out);
    g.feed(ev(InputKind::pointer_move, 40, 1, 540, 400), out);
    g.feed(ev(InputKind::pointer_down, 50, 2, 200, 600), out);
    g.feed(ev(InputKind::pointer_move, 56, 1, 560, 400), out);
    g.feed(ev(InputKind::pointer_up, 66, 2, 200, 600), out);
    g.feed(ev(InputKind::pointer_move, 72, 1, 580, 400), out);
    CHECK(count(out, CommandKind::zoom) == 0);
    CHECK(total_pan(out) == Approx(80));
  }
}

TEST_CASE("a ghost does not stop a fling") {
  Rig r;
  r.state.limits = ViewLimits{1800, 2100, 0.01, 300};
  r.state.view = View{1940, 1960};
  r.apply({Command{CommandKind::fling, 500, 400, -2}}, 0);
  r.input(ev(InputKind::pointer_down, 100, 1, 500, 400));
  r.input(ev(InputKind::pointer_up, 115, 1, 500, 400));
  CHECK(r.state.fling_px_per_ms < -1.0);
  r.input(ev(InputKind::pointer_down, 200, 1, 500, 400));
  r.tick(230);  // a real touch (30 ms) catches it
  CHECK(r.state.fling_px_per_ms == 0);
}

TEST_CASE("a palm resting 1.5 s does not freeze the view: the other finger pans and taps") {
  Gestures g(GestureConfig{.px_per_mm = 4, .window_width = 1000, .window_height = 800});
  std::vector<Command> out;
  SECTION("resting palm: the finger pans 200 px, no zoom") {
    g.feed(ev(InputKind::pointer_down, 0, 1, 100, 700), out);
    for (double t = 16; t <= 2000; t += 16) g.tick(t, out);  // the palm alone: its one long-press
    CHECK(count(out, CommandKind::long_press) == 1);
    out.clear();
    g.feed(ev(InputKind::pointer_down, 2000, 2, 600, 400), out);
    for (int i = 1; i <= 10; ++i)
      g.feed(ev(InputKind::pointer_move, 2000 + 16.0 * i, 2, 600.0f + 20.0f * static_cast<float>(i), 400), out);
    CHECK(count(out, CommandKind::zoom) == 0);
    CHECK(total_pan(out) == Approx(200));
    g.feed(ev(InputKind::pointer_up, 2170, 2, 800, 400), out);
    CHECK(count(out, CommandKind::swipe) == 1);
    CHECK(count(out, CommandKind::fling) == 1);
    CHECK(count(out, CommandKind::release) == 0);  // the palm still holds the glass
  }
  SECTION("the same two contacts 100 ms apart pinch instead") {
    g.feed(ev(InputKind::pointer_down, 0, 1, 100, 700), out);
    g.feed(ev(InputKind::pointer_down, 100, 2, 600, 400), out);
    for (int i = 1; i <= 10; ++i)
      g.feed(ev(InputKind::pointer_move, 100 + 16.0 * i, 2, 600.0f + 20.0f * static_cast<float>(i), 400), out);
    CHECK(count(out, CommandKind::zoom) == 10);
  }
  SECTION("a finger taps beside a resting palm") {
    g.feed(ev(InputKind::pointer_down, 0, 1, 100, 700), out);
    g.tick(1600, out);
    out.clear();
    g.feed(ev(InputKind::pointer_down, 1700, 2, 600, 400), out);
    g.feed(ev(InputKind::pointer_up, 1780, 2, 602, 400), out);
    CHECK(count(out, CommandKind::tap) == 1);
  }
  SECTION("in a pinch, a finger that stops for 1.5 s becomes a palm and the other pans on") {
    g.feed(ev(InputKind::pointer_down, 0, 1, 100, 700), out);
    g.feed(ev(InputKind::pointer_down, 10, 2, 600, 400), out);
    // Finger 2 keeps pinching back and forth; finger 1 never moves.
    for (int i = 0; i < 15; ++i) g.feed(ev(InputKind::pointer_move, 50 + 100.0 * i, 2, i % 2 ? 600 : 640, 400), out);
    CHECK(count(out, CommandKind::zoom) == 15);
    g.tick(1600, out);
    out.clear();
    for (int i = 1; i <= 5; ++i)
      g.feed(ev(InputKind::pointer_move, 1600 + 16.0 * i, 2, 640.0f + 10.0f * static_cast<float>(i), 400), out);
    CHECK(count(out, CommandKind::zoom) == 0);
    CHECK(total_pan(out) == Approx(50));
  }
}

TEST_CASE("long-press: 600 ms still opens a card, on the empty timeline it zooms in one step there") {
  Rig r;
  r.state.limits = ViewLimits{1800, 2100, 0.01, 300};
  r.state.view = View{1900, 2000};
  SECTION("on a card: the detail opens at 600 ms, and the release is not also a tap") {
    const Layout l = r.layout();
    const Rect* card = nullptr;
    for (const auto& c : l.cards)
      if (r.content.events[c.event].id == "second") card = &c.rect;
    REQUIRE(card);
    r.input(ev(InputKind::pointer_down, 0, 1, card->x + 20, card->y + 20));
    r.input(ev(InputKind::pointer_move, 200, 1, card->x + 30, card->y + 24));  // within the 5 mm slop
    r.tick(599);
    CHECK(r.state.mode == Mode::browse);
    r.tick(600);
    CHECK(count(r.log, CommandKind::long_press) == 1);
    CHECK(r.state.mode == Mode::detail);
    CHECK(r.state.selected_event == "second");
    r.input(ev(InputKind::pointer_up, 900, 1, card->x + 30, card->y + 24));
    CHECK(count(r.log, CommandKind::tap) == 0);
  }
  SECTION("on empty timeline: twice the zoom, the date under the finger stays") {
    const Layout l = r.layout();
    const float x = 150, y = 300;
    REQUIRE(l.hit(x, y).target == Target::none);
    const double date = l.scale.year_at(x);
    r.input(ev(InputKind::pointer_down, 0, 1, x, y));
    r.run(16, 700);
    r.input(ev(InputKind::pointer_up, 710, 1, x, y));
    r.run(726, 1200);
    CHECK(r.state.view.span() == Approx(50));
    CHECK(std::abs(r.layout().scale.x_of(date) - x) <= 1.0);
    CHECK(count(r.log, CommandKind::tap) == 0);
  }
  SECTION("released at 500 ms it is a tap; moved beyond 5 mm it is a drag; neither long-presses") {
    REQUIRE(r.layout().hit(150, 300).target == Target::none);
    r.input(ev(InputKind::pointer_down, 0, 1, 150, 300));
    r.run(16, 500);
    r.input(ev(InputKind::pointer_up, 500, 1, 150, 300));
    r.input(ev(InputKind::pointer_down, 1000, 1, 150, 300));
    r.input(ev(InputKind::pointer_move, 1100, 1, 180, 300));
    r.run(1116, 2000);
    CHECK(count(r.log, CommandKind::long_press) == 0);
    CHECK(count(r.log, CommandKind::tap) == 1);
  }
}

TEST_CASE("contacts beyond two are ignored for navigation") {
  const float y = 400;
  auto pinch = [&](bool third) {
    Gestures g(GestureConfig{.px_per_mm = 4, .window_width = 1000, .window_height = 800});
    std::vector<Command> out;
    g.feed(ev(InputKind::pointer_down, 0, 1, 400, y), out);
    g.feed(ev(InputKind::pointer_down, 10, 2, 600, y), out);
    if (third) g.feed(ev(InputKind::pointer_down, 20, 3, 800, y), out);
    for (int i = 1; i <= 6; ++i) {
      const float d = 15 * static_cast<float>(i);
      if (third) g.feed(ev(InputKind::pointer_move, 40.0 + 16 * i, 3, 800 - 5 * d, y + d), out);
      g.feed(ev(InputKind::pointer_move, 40.0 + 16 * i, 1, 400 - d, y), out);
      g.feed(ev(InputKind::pointer_move, 40.0 + 16 * i, 2, 600 + d, y), out);
    }
    if (third) g.feed(ev(InputKind::pointer_up, 200, 3, 100, y), out);
    g.feed(ev(InputKind::pointer_up, 210, 1, 310, y), out);
    g.feed(ev(InputKind::pointer_up, 210, 2, 690, y), out);
    return out;
  };
  const auto two = pinch(false), three = pinch(true);
  REQUIRE(two.size() == three.size());
  for (std::size_t i = 0; i < two.size(); ++i) {
    CHECK(two[i].kind == three[i].kind);
    CHECK(two[i].dx == three[i].dx);
    CHECK(two[i].factor == three[i].factor);
  }
  CHECK(count(two, CommandKind::zoom) == 12);  // each finger's move is one pinch step
}
