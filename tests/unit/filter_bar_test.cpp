// Theme filter chips and era jump buttons: what a tap does, and that the controls fit every screen.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "core/filter_bar.hpp"
#include "core/footer.hpp"
#include "core/kiosk.hpp"

using namespace kiosk::core;

namespace {

using Filters = std::vector<std::string>;

// `themes` themes with long names, `eras` eras over 1880..2030, and events of each theme.
Content content(int themes = 3, int eras = 3) {
  Content c;
  c.languages = {"en", "ur"};
  c.strings.tables["ur"]["language.direction"] = "rtl";
  for (int i = 0; i < themes; ++i) {
    Theme t;
    t.id = "theme" + std::to_string(i);
    t.title.by_lang["en"] = "Anti-violence and community defense " + std::to_string(i);
    t.color = Rgba{static_cast<std::uint8_t>(20 * i), 90, 120, 255};
    c.themes.push_back(t);
  }
  for (int i = 0; i < eras; ++i) {
    Era e;
    e.id = "era" + std::to_string(i);
    e.title.by_lang["en"] = "War, incarceration and the civil rights years " + std::to_string(i);
    e.t0 = 1880 + 150.0 * i / eras;
    e.t1 = 1880 + 150.0 * (i + 1) / eras;
    c.eras.push_back(e);
  }
  for (int i = 0; i < 30; ++i) {
    Event e;
    e.id = "e" + std::to_string(i);
    e.start = Date{1900 + 4 * i};
    e.t0 = period_start(e.start);
    e.t1 = period_end(e.start);
    e.importance = 1 + i % 3;
    e.themes = {"theme" + std::to_string(i % themes)};
    if (i % 5 == 0) e.themes.push_back("theme" + std::to_string((i + 1) % themes));
    e.headline.by_lang["en"] = "Event " + std::to_string(i);
    c.events.push_back(e);
  }
  c.tours.push_back(Tour{"t", {}, {}, {"e2", "e0"}});
  return c;
}

// Label widths as a bold sans in the button type: about 0.55 em a character, growing with the text size.
LayoutMetrics metrics(const Viewport& vp) {
  LayoutMetrics m;
  const double em = 32.0 * vp.unit() * vp.text_scale;
  m.button_label_px = [em](const std::string& s) { return 0.55 * em * static_cast<double>(s.size()); };
  m.chip_label_px = m.button_label_px;
  m.button_line_px = static_cast<float>(1.4 * em);
  m.button_label_lines = [em](const std::string& s, float width) {  // a character may end a line anywhere
    return std::max(1, static_cast<int>(std::ceil(0.55 * em * static_cast<double>(s.size()) / std::max(1.0f, width))));
  };
  return m;
}

const Viewport kScreen{1920, 1080, 3.6f};

Layout layout(const Content& c, const KioskState& s, Viewport vp = kScreen) {
  vp.text_scale = s.text_scale;
  return compute_layout(c, s, vp, metrics(vp));
}

void step(KioskState& s, const Content& c, double now_ms, std::vector<Command> commands = {}) {
  update(s, c, layout(c, s), commands, now_ms);
}

Command tap_on(const KioskState& s, const Content& c, Target target, int index = -1) {
  for (const auto& b : layout(c, s).buttons)
    if (b.target == target && (index < 0 || b.index == index)) {
      Command t{CommandKind::tap, b.rect.x + b.rect.w / 2, b.rect.y + b.rect.h / 2};
      t.press_x = t.x;
      t.press_y = t.y;
      return t;
    }
  FAIL("no button " << static_cast<int>(target) << " " << index);
  return {};
}

Command key(const char* name, bool shift = false) {
  Command k{CommandKind::key};
  k.key = name;
  k.shift = shift;
  return k;
}

bool overlap(const Rect& a, const Rect& b) { return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom(); }

bool inside(const Rect& inner, const Rect& outer) {
  return inner.x >= outer.x - 0.01f && inner.y >= outer.y - 0.01f && inner.right() <= outer.right() + 0.01f &&
         inner.bottom() <= outer.bottom() + 0.01f;
}

}  // namespace

TEST_CASE("tapping theme chips: one theme alone, then two, then back to all") {
  const Content c = content();
  KioskState s = initial_state(c);
  step(s, c, 0, {tap_on(s, c, Target::themes_menu)});
  REQUIRE(s.panel == Panel::themes);
  step(s, c, 100, {tap_on(s, c, Target::theme, 1)});
  CHECK(s.filters == Filters{"theme1"});
  CHECK(s.panel == Panel::themes);  // the chooser stays open for more
  step(s, c, 200, {tap_on(s, c, Target::theme, 0)});
  CHECK(s.filters == Filters{"theme0", "theme1"});  // in the content's order, not the tapping order
  step(s, c, 300, {tap_on(s, c, Target::theme, 1)});
  CHECK(s.filters == Filters{"theme0"});
  step(s, c, 400, {tap_on(s, c, Target::theme, 0)});
  CHECK(s.filters.empty());  // the last one off: everything shows again
  step(s, c, 500, {tap_on(s, c, Target::theme, 2)});
  step(s, c, 600, {tap_on(s, c, Target::theme_all)});
  CHECK(s.filters.empty());
  step(s, c, 700, {tap_on(s, c, Target::close_panel)});  // "Done"
  CHECK(s.panel == Panel::none);
}

TEST_CASE("choosing every theme is the same as all themes") {
  const Content c = content();
  Filters f;
  f = toggle_theme(c, f, 2);
  f = toggle_theme(c, f, 0);
  CHECK(f == Filters{"theme0", "theme2"});
  CHECK(toggle_theme(c, f, 1).empty());
  CHECK(toggle_theme(c, f, 7) == f);  // no such theme: nothing changes
}

TEST_CASE("the chips show which themes are chosen, and All themes when none is") {
  const Content c = content();
  KioskState s = initial_state(c);
  s.panel = Panel::themes;
  auto selected = [&](Target t, int index) {
    for (const auto& b : layout(c, s).buttons)
      if (b.target == t && b.index == index) return b.selected;
    FAIL("missing");
    return false;
  };
  CHECK(selected(Target::theme_all, -1));
  CHECK_FALSE(selected(Target::theme, 0));
  s.filters = {"theme1"};
  CHECK_FALSE(selected(Target::theme_all, -1));
  CHECK(selected(Target::theme, 1));
  CHECK_FALSE(selected(Target::theme, 0));
  s.panel = Panel::none;
  for (const auto& b : layout(c, s).buttons)
    if (b.target == Target::themes_menu) CHECK(b.selected);  // the footer shows that a filter is on
}

TEST_CASE("filtered out themes lose their cards, and the badges count only shown events") {
  const Content c = content();
  KioskState s = initial_state(c);
  const Layout all = layout(c, s);
  s.filters = {"theme2"};
  const Layout some = layout(c, s);
  int shown = 0;
  for (const auto& e : c.events) shown += event_shown(e, s.filters);
  REQUIRE(shown > 0);
  REQUIRE(shown < static_cast<int>(c.events.size()));
  int badge_total = 0;
  for (const auto& b : some.badges) badge_total += b.count;
  CHECK(badge_total == some.hidden_events);
  CHECK(static_cast<int>(some.cards.size()) + some.hidden_events == shown);
  for (const auto& card : some.cards) CHECK(event_shown(c.events[static_cast<std::size_t>(card.event)], s.filters));
  CHECK(static_cast<int>(all.cards.size()) + all.hidden_events == static_cast<int>(c.events.size()));
}

TEST_CASE("a card takes the colour of its theme that is shown") {
  const Content c = content();
  const Event& two = c.events[0];  // theme0 and theme1
  REQUIRE(two.themes == Filters{"theme0", "theme1"});
  CHECK(event_theme(c, two, {}) == &c.themes[0]);
  CHECK(event_theme(c, two, {"theme1"}) == &c.themes[1]);
  CHECK(event_theme(c, two, {"theme0", "theme1"}) == &c.themes[0]);
}

TEST_CASE("an era button eases the view to the era's span, and with reduced motion goes at once") {
  const Content c = content(3, 4);
  for (bool reduced : {false, true}) {
    KioskState s = initial_state(c);
    s.reduced_motion = reduced;
    step(s, c, 0, {tap_on(s, c, Target::eras_menu)});
    REQUIRE(s.panel == Panel::eras);
    step(s, c, 100, {tap_on(s, c, Target::era, 2)});
    CHECK(s.panel == Panel::none);
    const View era{c.eras[2].t0, c.eras[2].t1};
    if (!reduced) {
      REQUIRE(s.animation);
      CHECK(s.animation->to == era);
      CHECK(s.animation->duration_ms == Approx(350));
      CHECK(s.view != era);  // gliding: not there yet
      step(s, c, 300);
      CHECK(s.view.start < era.start);  // on its way, from the whole history
      CHECK(s.view.start > s.home.start);
      step(s, c, 500);
    }
    CHECK_FALSE(s.animation);
    CHECK(s.view.start == Approx(era.start));
    CHECK(s.view.end == Approx(era.end));
    s.panel = Panel::eras;  // the era the view is in now is marked in the chooser
    CHECK(era_at(c, s.home) == -1);  // the whole history is no one era
    CHECK(era_at(c, View{era.start - 1, era.end - 5}) == 2);
    for (const auto& b : layout(c, s).buttons)
      if (b.target == Target::era) CHECK(b.selected == (b.index == 2));
  }
}

TEST_CASE("the idle reset and a new session clear the filters") {
  const Content c = content();
  KioskState s = initial_state(c);
  s.filters = {"theme1"};
  step(s, c, 1000);
  step(s, c, 1000 + 111'000.0);
  CHECK(s.mode == Mode::attract);
  CHECK(s.filters.empty());
  s.filters = {"theme1"};  // even if something set them while attracting
  step(s, c, 200'000, {key("Space")});
  CHECK(s.mode == Mode::browse);
  CHECK(s.filters.empty());
}

TEST_CASE("keyboard: Tab reaches Themes and Eras and every chip, Return toggles a chip") {
  const Content c = content();
  KioskState s = initial_state(c);
  std::vector<Target> seen;
  for (int i = 0; i < 12; ++i) {
    step(s, c, 10.0 * i, {key("Tab")});
    seen.push_back(s.focus_target);
  }
  CHECK(std::find(seen.begin(), seen.end(), Target::themes_menu) != seen.end());
  CHECK(std::find(seen.begin(), seen.end(), Target::eras_menu) != seen.end());
  while (s.focus_target != Target::themes_menu) step(s, c, 200, {key("Tab")});
  step(s, c, 300, {key("Return")});
  REQUIRE(s.panel == Panel::themes);
  std::vector<int> chips;
  bool done = false, all = false;
  for (int i = 0; i < static_cast<int>(c.themes.size()) + 2; ++i) {
    step(s, c, 400.0 + i, {key("Tab")});
    if (s.focus_target == Target::theme) chips.push_back(s.focus_index);
    done |= s.focus_target == Target::close_panel;
    all |= s.focus_target == Target::theme_all;
  }
  CHECK(chips == std::vector<int>{0, 1, 2});  // in reading order
  CHECK(done);
  CHECK(all);
  while (s.focus_target != Target::theme || s.focus_index != 1) step(s, c, 500, {key("Tab")});
  step(s, c, 600, {key("Return")});
  CHECK(s.filters == Filters{"theme1"});
  // With a filter on, the arrow keys step through the shown events only.
  step(s, c, 700, {key("Escape")});
  for (int i = 0; i < 5; ++i) {
    step(s, c, 800.0 + i, {key("Right")});
    const int e = c.event_index(s.focus_event);
    REQUIRE(e >= 0);
    CHECK(event_shown(c.events[static_cast<std::size_t>(e)], s.filters));
  }
}

TEST_CASE("right to left: the chips and their chooser are mirrored") {
  const Content c = content();
  KioskState s = initial_state(c);
  s.panel = Panel::themes;
  const Layout ltr = layout(c, s);
  s.language = "ur";
  const Layout rtl = layout(c, s);
  REQUIRE(rtl.buttons.size() == ltr.buttons.size());
  for (std::size_t i = 0; i < ltr.buttons.size(); ++i) {
    CHECK(rtl.buttons[i].rect.x == Approx(kScreen.width - ltr.buttons[i].rect.right()));
    CHECK(rtl.buttons[i].rect.y == ltr.buttons[i].rect.y);
  }
  CHECK(rtl.chooser.x == Approx(kScreen.width - ltr.chooser.right()));
}

TEST_CASE("footer, theme and era controls: 15 mm or more, in the lower half, never overlapping, at three sizes and four text sizes") {
  // A dozen themes and eras with long names, on a 24-inch landscape panel, a 10-inch tablet and a
  // 24-inch panel in portrait; a 55-inch screen too, where 15 mm is few pixels.
  const Content c = content(12, 12);
  for (const Viewport base : {Viewport{1920, 1080, 3.6f}, Viewport{1280, 800, 5.9f}, Viewport{1080, 1920, 3.6f},
                              Viewport{1920, 1080, 1.59f}}) {
    for (float text_scale : {1.0f, 1.25f, 1.5f, 2.0f}) {
      INFO(base.width << "x" << base.height << " at " << base.px_per_mm << " px/mm, text " << text_scale);
      KioskState s = initial_state(c);
      s.text_scale = text_scale;
      for (Panel panel : {Panel::none, Panel::themes, Panel::eras}) {
        INFO("panel " << static_cast<int>(panel));
        s.panel = panel;
        const Layout l = layout(c, s, base);
        const Rect screen{0, 0, base.width, base.height};
        std::vector<const Button*> controls;
        for (const auto& b : l.buttons)
          if (is_focusable(b) && b.target != Target::badge) controls.push_back(&b);  // badges sit on the axis
        if (panel == Panel::none) {
          REQUIRE(controls.size() == 8);  // language, tours, themes, eras, display; home, -, +
        } else {
          const std::size_t items = 12 + (panel == Panel::themes ? 2 : 1);
          REQUIRE(controls.size() == items);
          // Below the header when it fits there; when even that is too cramped the (modal) chooser
          // covers the header too, and if need be its items scroll.
          CHECK(inside(l.chooser, screen));
          if (l.chooser_scroll_max > 0) {
            // Items scrolled out of the area are neither seen nor hit.
            std::erase_if(controls, [&](const Button* b) {
              return (b->target == Target::theme || b->target == Target::era) && !inside(b->rect, l.chooser_scroll_area);
            });
            CHECK(controls.size() >= 3);
          }
        }
        for (std::size_t i = 0; i < controls.size(); ++i) {
          const Rect& r = controls[i]->rect;
          CHECK(r.h >= base.mm(15) - 0.01f);
          CHECK(r.w >= base.mm(15) - 0.01f);
          CHECK(inside(r, panel == Panel::none ? screen : l.chooser));
          if (panel == Panel::none) {
            CHECK(r.y >= base.height / 2);
            CHECK(inside(r, l.footer));
          }
          for (std::size_t j = i + 1; j < controls.size(); ++j) CHECK_FALSE(overlap(r, controls[j]->rect));
        }
        if (panel == Panel::none) {
          CHECK(l.axis.bottom() <= l.footer.y + 0.01f);  // the footer's rows push the timeline up
          for (const auto& card : l.cards)
            for (const Button* b : controls) CHECK_FALSE(overlap(card.rect, b->rect));
        }
      }
    }
  }
}

TEST_CASE("the footer takes one row when its buttons fit, and more when they do not") {
  auto buttons = [](int n, float w) {
    std::vector<Button> out(static_cast<std::size_t>(n));
    for (auto& b : out) b.rect.w = w;
    return out;
  };
  const FooterSizes wide{1920, 1080, 36, 20, 24, 104};
  const FooterPlan one = plan_footer(buttons(5, 150), buttons(3, 104), wide);
  CHECK(one.height == Approx(104 + 48));
  CHECK(one.buttons[0].rect.x == Approx(36));
  CHECK(one.buttons[7].rect.right() == Approx(1920 - 36));
  CHECK(one.hint.x == Approx(36 + 5 * 150 + 5 * 20));
  CHECK(one.hint.right() == Approx(1920 - 36 - 3 * 104 - 3 * 20));
  const FooterSizes narrow{1080, 1920, 36, 20, 24, 104};
  const FooterPlan two = plan_footer(buttons(5, 180), buttons(3, 104), narrow);
  CHECK(two.height == Approx(2 * 104 + 20 + 48));
  CHECK(two.buttons[0].rect.y == Approx(1920 - 24 - 104 - 124));  // the menus above
  CHECK(two.buttons[5].rect.y == Approx(1920 - 24 - 104));        // the navigation at the bottom, at the right
  CHECK(two.buttons[7].rect.right() == Approx(1080 - 36));
  CHECK(two.hint.x == Approx(36));
  // Too many to share a row with the navigation: three rows, and a button wider than the screen is narrowed.
  const FooterPlan three = plan_footer(buttons(6, 300), buttons(1, 2000), narrow);
  CHECK(three.height == Approx(3 * 104 + 2 * 20 + 48));
  CHECK(three.buttons.back().rect.w == Approx(1080 - 72));
  CHECK(three.hint.w == 0);
}

TEST_CASE("in a story, Earlier and Later skip the stories of hidden themes, and go when none is left") {
  const Content c = content();
  KioskState s = initial_state(c);
  s.filters = {"theme1"};  // e1, e4, e7, ... and those of e0, e5, e10, ... that add theme1
  REQUIRE(open_event(s, c, "e1"));
  auto has = [&](Target t) {
    for (const auto& b : layout(c, s).buttons)
      if (b.target == t) return true;
    return false;
  };
  step(s, c, 0, {tap_on(s, c, Target::later)});
  const int later = c.event_index(s.selected_event);
  CHECK(later == shown_neighbour(c, 1, +1, s.filters));
  CHECK(later > 1);
  for (int i = 2; i < later; ++i) CHECK_FALSE(event_shown(c.events[static_cast<std::size_t>(i)], s.filters));
  CHECK(event_shown(c.events[static_cast<std::size_t>(later)], s.filters));
  // The first shown story has no "Earlier".
  int first = 0;
  while (!event_shown(c.events[static_cast<std::size_t>(first)], s.filters)) ++first;
  REQUIRE(open_event(s, c, c.events[static_cast<std::size_t>(first)].id));
  CHECK_FALSE(has(Target::earlier));
  CHECK(has(Target::later));
}

TEST_CASE("a chooser too tall for the screen scrolls its items: drag, wheel, keys and Tab reach every one") {
  // Twelve long theme names at 200 % text on a 10-inch 1280x800 tablet: they cannot all show at once.
  const Content c = content(12, 12);
  const Viewport tablet{1280, 800, 5.9f};
  KioskState s = initial_state(c);
  s.text_scale = 2.0f;
  s.panel = Panel::themes;
  auto lay = [&] { return layout(c, s, tablet); };
  auto step_on = [&](double t, std::vector<Command> commands) { update(s, c, lay(), commands, t); };
  Layout l = lay();
  REQUIRE(l.chooser_scroll_max > 0);
  const Rect area = l.chooser_scroll_area;
  CHECK(inside(area, l.chooser));
  // At the top the first chip shows whole; the last lies below the area, where a tap does not reach it.
  auto chip = [](const Layout& at, int index) {
    for (const auto& b : at.buttons)
      if (b.target == Target::theme && b.index == index) return b.rect;
    FAIL("no chip " << index);
    return Rect{};
  };
  CHECK(inside(chip(l, 0), area));
  CHECK_FALSE(inside(chip(l, 11), area));
  const Rect done = [&] {
    for (const auto& b : l.buttons)
      if (b.target == Target::close_panel && !b.label_key.empty()) return b.rect;
    return Rect{};
  }();
  CHECK(done.y >= area.bottom());  // the actions stay put below the area
  CHECK(l.hit(done.x + done.w / 2, done.y + done.h / 2).target == Target::close_panel);
  // A finger dragging up by 150 px scrolls the chips up by as much, and the view does not move.
  const View view = s.view;
  Command pan{CommandKind::pan};
  pan.dy = -150;
  step_on(10, {pan});
  CHECK(s.panel_scroll == Approx(150));
  CHECK(s.view == view);
  CHECK(chip(lay(), 0).y == Approx(chip(l, 0).y - 150));
  // Dragging further than the end stops at the end; End and Home go to the ends.
  pan.dy = -100000;
  step_on(20, {pan});
  CHECK(s.panel_scroll == Approx(lay().chooser_scroll_max));
  CHECK(inside(chip(lay(), 11), lay().chooser_scroll_area));
  step_on(30, {key("Home")});
  CHECK(s.panel_scroll == 0);
  step_on(40, {key("End")});
  CHECK(s.panel_scroll == Approx(l.chooser_scroll_max));
  // A flick coasts on and slows, as the timeline does; a finger catches it; at the end it stops.
  step_on(41, {key("Home")});
  Command flick{CommandKind::fling};
  flick.dy = -1.0f;  // the finger moved up at 1 px/ms
  step_on(42, {flick});
  const double decay = KioskConfig{}.fling_decay_per_ms;
  step_on(58, {});  // 1 px/ms integrated over the 17 ms since the last step before the flick (at 41)
  CHECK(s.panel_scroll == Approx((std::pow(decay, 17) - 1) / std::log(decay)));
  const double moved = s.panel_scroll;
  step_on(74, {});
  CHECK(s.panel_scroll > moved);
  CHECK(s.panel_scroll - moved < moved);  // slower
  step_on(75, {Command{CommandKind::stop}});
  const double caught = s.panel_scroll;
  step_on(91, {});
  CHECK(s.panel_scroll == caught);
  flick.dy = -50.0f;
  step_on(92, {flick});
  for (double t = 100; t < 3000; t += 16) step_on(t, {});
  CHECK(s.panel_scroll == Approx(l.chooser_scroll_max));
  CHECK(s.panel_fling_px_per_ms == 0);
  // The wheel turned towards the user scrolls down, away from the user up.
  step_on(3050, {key("Home")});
  Command wheel{CommandKind::zoom, 640, 400};
  wheel.wheel = -1;
  wheel.factor = 0.9f;
  step_on(3060, {wheel});
  CHECK(s.panel_scroll > 0);
  step_on(3070, {key("Home")});
  // Tab walks the chips in order, each scrolled into view, then the actions.
  std::vector<int> order;
  for (int i = 0; i < 14; ++i) {
    step_on(3100.0 + i, {key("Tab")});
    if (s.focus_target == Target::theme) {
      order.push_back(s.focus_index);
      CHECK(inside(chip(lay(), s.focus_index), lay().chooser_scroll_area));
    }
  }
  CHECK(order == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
  // Opening the chooser again starts at its top.
  step_on(3200, {key("Escape")});
  const Rect menu = [&] {
    for (const auto& b : lay().buttons)
      if (b.target == Target::themes_menu) return b.rect;
    FAIL("no Themes button");
    return Rect{};
  }();
  Command tap{CommandKind::tap, menu.x + menu.w / 2, menu.y + menu.h / 2};
  tap.press_x = tap.x;
  tap.press_y = tap.y;
  step_on(3210, {tap});
  CHECK(s.panel == Panel::themes);
  CHECK(s.panel_scroll == 0);
}
