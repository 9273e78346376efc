// The detail page scrolls when it does not fit (WCAG 1.4.4 at 200 %), text sizes, and count
// badges as keyboard and switch stops. Exact expectations on the 1920x1080 layout at 3.6 px/mm:
// one design pixel is one pixel, the header is 132 px, the footer 152 px, so the panel spans
// y 132..928 and its scroll area (below the 12 px theme band) y 144..928, 784 px high.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/detail_scroll.hpp"
#include "core/gestures.hpp"
#include "core/kiosk.hpp"
#include "test_content.hpp"

using namespace kiosk::core;

namespace {

Content events(int n, double from_year = 1950, double step_years = 10) {
  Content c;
  for (int i = 0; i < n; ++i) {
    c.events.push_back(kiosk::test::dated_event("e" + std::to_string(i), Date{static_cast<long long>(from_year + step_years * i)},
                                                3, "Event " + std::to_string(i)));
  }
  return c;
}

// The text module's stand-in: every page's main column ends at y 1000 and its side column at 500.
LayoutMetrics tall_page() {
  LayoutMetrics m;
  m.detail_text_bottoms = [](const Layout&, int) { return std::pair{1000.0f, 500.0f}; };
  return m;
}

const Viewport kScreen{1920, 1080, 3.6f};

Command key(const std::string& k) {
  Command c{CommandKind::key};
  c.key = k;
  return c;
}

Command pan(float dx, float dy) {
  Command c{CommandKind::pan, 900, 500, dx};
  c.dy = dy;
  return c;
}

Command tap_at(const Rect& r) {
  Command c{CommandKind::tap, r.x + r.w / 2, r.y + r.h / 2};
  c.press_x = c.x;
  c.press_y = c.y;
  return c;
}

const Button* find(const Layout& l, Target t, int index = -1) {
  for (const Button& b : l.buttons)
    if (b.target == t && (index < 0 || b.index == index)) return &b;
  return nullptr;
}

// A state in the detail of event 1 and its layout.
struct Detail {
  Content c = events(3);
  KioskState s;
  Layout l;
  double t = 0;
  explicit Detail(LayoutMetrics m = tall_page()) : metrics(std::move(m)) {
    s = initial_state(c);
    REQUIRE(open_event(s, c, "e1"));
    relayout();
  }
  void relayout() { l = compute_layout(c, s, kScreen, metrics); }
  void run(const std::vector<Command>& commands, double dt = 10) {
    update(s, c, l, commands, t += dt);
    relayout();
  }
  LayoutMetrics metrics;
};

}  // namespace

TEST_CASE("text sizes go in four steps up to 200 percent, and the cards grow with them") {
  CHECK(kTextScaleCount == 4);
  CHECK(kTextScales[0] == 1.0f);
  CHECK(kTextScales[1] == 1.25f);
  CHECK(kTextScales[2] == 1.5f);
  CHECK(kTextScales[3] == 2.0f);
  Content c = events(3);
  KioskState s = initial_state(c);
  s.panel = Panel::display;
  Layout l = compute_layout(c, s, kScreen, LayoutMetrics{});
  int steps = 0;
  for (const Button& b : l.buttons) steps += b.target == Target::text_size;
  CHECK(steps == 4);
  REQUIRE(find(l, Target::text_size, 0)->selected);
  REQUIRE(find(l, Target::text_size, 3) != nullptr);
  CHECK(find(l, Target::contrast) != nullptr);
  CHECK(find(l, Target::motion) != nullptr);
  update(s, c, l, {tap_at(find(l, Target::text_size, 3)->rect)}, 10);
  CHECK(s.text_scale == 2.0f);
  Layout small = compute_layout(c, s, kScreen, LayoutMetrics{});
  CHECK(find(small, Target::text_size, 3)->selected);
  CHECK_FALSE(find(small, Target::text_size, 0)->selected);
  s.panel = Panel::none;
  Viewport large = kScreen;
  large.text_scale = s.text_scale;
  small = compute_layout(c, s, kScreen, LayoutMetrics{});
  const Layout big = compute_layout(c, s, large, LayoutMetrics{});
  REQUIRE_FALSE(small.cards.empty());
  REQUIRE_FALSE(big.cards.empty());
  CHECK(big.cards[0].rect.w == Approx(2 * small.cards[0].rect.w));
}

TEST_CASE("the detail page scrolls by as much as it is taller than its area, and not when it fits") {
  Detail d;
  CHECK(d.l.detail_scroll_area.y == Approx(144));
  CHECK(d.l.detail_scroll_area.h == Approx(784));
  // The page ends 40 px below the longer column (y 1000): 1040 - 144 = 896 px high.
  CHECK(d.l.detail_page_h == Approx(896));
  CHECK(d.l.detail_scroll_max == 112);
  CHECK(d.l.detail_scroll == 0);
  Detail fits(LayoutMetrics{});  // no text: the picture alone fits
  CHECK(fits.l.detail_scroll_max == 0);
  fits.run({key("Down"), key("End")});
  CHECK(fits.s.detail_scroll == 0);
}

TEST_CASE("a vertical drag scrolls the detail within 0 and max, past the end only as a rubber band") {
  Detail d;
  d.run({Command{CommandKind::stop}, pan(3, -50)});
  CHECK(d.s.detail_drag == DragAxis::vertical);
  CHECK(d.s.detail_scroll == 50);
  CHECK(d.l.detail_scroll == 50);
  d.run({pan(0, -30)});
  CHECK(d.s.detail_scroll == 80);
  d.run({pan(0, -100)});  // to 180: 68 px past the end
  CHECK(d.s.detail_scroll == 112);
  CHECK(d.s.detail_overscroll > 0);
  CHECK(d.s.detail_overscroll < 68 * 0.55);  // 68 px past it, shown with resistance
  d.run({Command{CommandKind::release}});
  d.run({}, 1000);  // springs back
  CHECK(d.s.detail_overscroll == 0);
  CHECK(d.s.detail_scroll == 112);
  CHECK(d.l.detail_scroll == 112);
  d.run({Command{CommandKind::stop}, pan(0, 5000), Command{CommandKind::release}});
  d.run({}, 1000);
  CHECK(d.s.detail_scroll == 0);
  CHECK(d.s.detail_overscroll == 0);
}

TEST_CASE("a drag across does not scroll and swipes to the neighbour, a drag down the page does not swipe") {
  Detail d;
  const float mm20 = kScreen.mm(20);
  d.run({Command{CommandKind::stop}, pan(-40, 10), pan(-40, -30)});
  CHECK(d.s.detail_drag == DragAxis::horizontal);
  CHECK(d.s.detail_scroll == 0);
  d.run({Command{CommandKind::swipe, 500, 500, -mm20 - 1}, Command{CommandKind::release}});
  CHECK(d.s.selected_event == "e2");
  d.run({Command{CommandKind::stop}, pan(10, -60), pan(-mm20, 0)});
  CHECK(d.s.detail_drag == DragAxis::vertical);
  CHECK(d.s.detail_scroll == 60);
  Command swipe{CommandKind::swipe, 500, 500, -mm20 - 10};
  swipe.dy = -60;
  d.run({swipe, Command{CommandKind::release}});
  CHECK(d.s.selected_event == "e2");  // stayed
  CHECK(d.s.detail_scroll == 60);
}

TEST_CASE("the wheel and Up, Down, PageUp, PageDown, Home and End scroll the detail") {
  Detail d;
  const double line = 44;  // one line of body text at 100 %
  d.run({key("Down")});
  CHECK(d.s.detail_scroll == line);
  d.run({key("Up"), key("Up")});
  CHECK(d.s.detail_scroll == 0);
  d.run({key("PageDown")});
  CHECK(d.s.detail_scroll == 112);  // a page (784 - 44 px) is more than there is
  d.run({key("PageUp")});
  CHECK(d.s.detail_scroll == 0);
  d.run({key("End")});
  CHECK(d.s.detail_scroll == 112);
  d.run({key("Home")});
  CHECK(d.s.detail_scroll == 0);
  Command wheel{CommandKind::zoom, 900, 500, 0, 1.0f / 1.2f};
  wheel.wheel = -0.5f;  // half a notch towards the user: down the page by 1.5 lines
  d.run({wheel});
  CHECK(d.s.detail_scroll == Approx(1.5 * line));
  CHECK(d.s.view == d.s.home);  // the timeline behind did not zoom
  wheel.wheel = 1;
  d.run({wheel});
  CHECK(d.s.detail_scroll == 0);
  Command pinch{CommandKind::zoom, 900, 500, 0, 1.5f};  // fingers do not scroll
  d.run({pinch});
  CHECK(d.s.detail_scroll == 0);
}

TEST_CASE("at 200 percent text the keys scroll by a 200 percent line") {
  Detail d;
  d.s.text_scale = 2.0f;
  Viewport vp = kScreen;
  vp.text_scale = 2.0f;
  d.l = compute_layout(d.c, d.s, vp, d.metrics);
  update(d.s, d.c, d.l, {key("Down")}, d.t += 10);
  CHECK(d.s.detail_scroll == 88);
}

TEST_CASE("a flick scrolls on with inertia and stops within the page, a bounce at the end") {
  Detail d;
  Command fling{CommandKind::fling, 900, 500, 0};
  fling.dy = -2;  // the finger flicked up at 2 px/ms
  d.run({Command{CommandKind::stop}, pan(0, -20), fling, Command{CommandKind::release}});
  CHECK(d.s.detail_fling_px_per_ms == Approx(2 * std::pow(0.996, 10)));  // 10 ms of decay already
  d.run({}, 16);
  CHECK(d.s.detail_scroll > 20);
  for (int i = 0; i < 200; ++i) {
    d.run({}, 16);
    CHECK(d.s.detail_scroll >= 0);
    CHECK(d.s.detail_scroll <= 112);
  }
  CHECK(d.s.detail_scroll == 112);
  CHECK(d.s.detail_fling_px_per_ms == 0);
  CHECK(d.s.detail_overscroll == 0);  // the bounce is over
  d.s.reduced_motion = true;  // reduced motion: no inertia
  d.run({Command{CommandKind::stop}, pan(0, 20), fling, Command{CommandKind::release}});
  CHECK(d.s.detail_fling_px_per_ms == 0);
  CHECK(d.s.detail_scroll == 92);
}

TEST_CASE("another event opens at the top of its page") {
  Detail d;
  d.run({key("End")});
  REQUIRE(d.s.detail_scroll == 112);
  d.run({key("Right")});  // the later neighbour
  CHECK(d.s.selected_event == "e2");
  CHECK(d.s.detail_scroll == 0);
  CHECK(d.l.detail_scroll == 0);
  d.run({key("End")});
  d.run({tap_at(find(d.l, Target::earlier)->rect)});
  CHECK(d.s.selected_event == "e1");
  CHECK(d.s.detail_scroll == 0);
  d.run({key("End"), key("Escape")});
  CHECK(d.s.mode == Mode::browse);
  CHECK(d.s.detail_scroll == 0);
}

TEST_CASE("scrolling moves the related chips with the page but never the controls") {
  Detail d;
  d.c.events[1].related = {"e0", "e2"};
  d.relayout();
  const Layout top = d.l;
  // One row of 64 px chips 8 px below the story's end (1000): the page ends at 1112, 968 px high.
  CHECK(top.detail_scroll_max == 184);
  d.run({key("End")});
  REQUIRE(d.l.detail_scroll == 184);
  for (Target t : {Target::back, Target::earlier, Target::later}) {
    REQUIRE(find(top, t) != nullptr);
    CHECK(find(d.l, t)->rect.y == find(top, t)->rect.y);
    CHECK(find(d.l, t)->rect.bottom() <= kScreen.height);
  }
  const Button* chip = find(d.l, Target::related, 2);
  REQUIRE(chip != nullptr);
  CHECK(chip->rect.y == Approx(find(top, Target::related, 2)->rect.y - 184));
  CHECK(find(top, Target::related, 0)->rect.y == Approx(1008));
  CHECK(d.l.hit(chip->rect.x + 5, chip->rect.y + 5) == Hit{Target::related, 2});
  // Scrolled back to the top, the chips lie below the area: a tap there reaches the footer or nothing.
  d.run({key("Home")});
  const Button* hidden = find(d.l, Target::related, 0);
  REQUIRE(hidden->rect.y > d.l.detail_scroll_area.bottom());
  CHECK(d.l.hit(hidden->rect.x + 5, hidden->rect.y + 5).target != Target::related);
  // Tab to a chip below the fold scrolls it into view.
  while (d.s.focus_target != Target::related) d.run({key("Tab")});
  const Button* focused = find(d.l, Target::related, d.s.focus_index);
  CHECK(focused->rect.bottom() <= d.l.detail_scroll_area.bottom());
  CHECK(d.s.detail_scroll > 0);
}

TEST_CASE("count badges are Tab stops and Return zooms in to their events like a tap") {
  Content c = events(30, 1960, 0.2);
  Event far;
  far.id = "far";
  far.start = Date{2020};
  far.t0 = period_start(far.start);
  far.t1 = period_end(far.start);
  c.events.push_back(far);
  KioskState s = initial_state(c);
  Layout l = compute_layout(c, s, kScreen, LayoutMetrics{});
  REQUIRE_FALSE(l.badges.empty());
  const Button* badge = find(l, Target::badge, 0);
  REQUIRE(badge != nullptr);
  CHECK(is_focusable(*badge));
  CHECK(badge->rect.x == l.badges[0].rect.x);
  CHECK(l.hit(badge->rect.x + badge->rect.w / 2, badge->rect.y + badge->rect.h / 2) == Hit{Target::badge, 0});
  double t = 0;
  for (int i = 0; i < 20 && s.focus_target != Target::badge; ++i) update(s, c, l, {key("Tab")}, t += 10);
  REQUIRE(s.focus_target == Target::badge);
  CHECK(s.focus_index == 0);
  const Badge b = l.badges[0];
  update(s, c, l, {key("Return")}, t += 10);
  REQUIRE(s.animation);
  const double pad = std::max((b.t1 - b.t0) * 0.3, 1.0);
  CHECK(s.animation->to.start == Approx(b.t0 - pad));
  CHECK(s.animation->to.end == Approx(b.t1 + pad));
  update(s, c, l, {}, t += 1000);
  CHECK(s.view.start == Approx(b.t0 - pad));
  CHECK(s.view.end == Approx(b.t1 + pad));
  l = compute_layout(c, s, kScreen, LayoutMetrics{});
  CHECK(l.cards.size() > 2);  // some of the hidden events have cards now
  // Right to left: the controls mirror, the badges stay on the time axis.
  c.strings.tables["ur"]["language.direction"] = "rtl";
  KioskState rtl = initial_state(c);
  rtl.language = "ur";
  const Layout mirrored = compute_layout(c, rtl, kScreen, LayoutMetrics{});
  const Layout plain = compute_layout(c, initial_state(c), kScreen, LayoutMetrics{});
  CHECK(find(mirrored, Target::badge, 0)->rect.x == find(plain, Target::badge, 0)->rect.x);
}

TEST_CASE("a vertical drag's pans, swipe and flick carry how far the finger went down") {
  Gestures g(GestureConfig{.px_per_mm = 4});
  std::vector<Command> out;
  auto feed = [&](InputKind k, double t, float x, float y) {
    InputEvent e;
    e.kind = k;
    e.t_ms = t;
    e.pointer = 1;
    e.x = x;
    e.y = y;
    g.feed(e, out);
  };
  feed(InputKind::pointer_down, 0, 500, 800);
  for (int i = 1; i <= 10; ++i) feed(InputKind::pointer_move, 10.0 * i, 502, 800 - 30.0f * static_cast<float>(i));
  feed(InputKind::pointer_up, 105, 502, 500);
  float dx = 0, dy = 0;
  const Command* swipe = nullptr;
  const Command* fling = nullptr;
  for (const Command& c : out) {
    if (c.kind == CommandKind::pan) {
      dx += c.dx;
      dy += c.dy;
    }
    if (c.kind == CommandKind::swipe) swipe = &c;
    if (c.kind == CommandKind::fling) fling = &c;
  }
  CHECK(dx == 2);
  CHECK(dy == -300);
  REQUIRE(swipe != nullptr);
  CHECK(swipe->dx == 2);
  CHECK(swipe->dy == -300);
  REQUIRE(fling != nullptr);
  CHECK(fling->dx == 0);  // too slow across to fling
  CHECK(fling->dy < -2);
  out.clear();
  InputEvent wheel;
  wheel.kind = InputKind::wheel;
  wheel.t_ms = 200;
  wheel.wheel_dy = -2;
  g.feed(wheel, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].kind == CommandKind::zoom);
  CHECK(out[0].wheel == -2);
}
