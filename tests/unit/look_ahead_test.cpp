// Which stories the kiosk makes ready ahead of a tap: exact indices, most likely first.
#include <catch2/catch.hpp>

#include "core/look_ahead.hpp"

using namespace kiosk::core;

namespace {

// Events e0..e5 in time order; e1 belongs to theme "b", the others to "a"; e2 is related to e5 and e0.
Content six_events() {
  Content c;
  c.languages = {"en"};
  for (int i = 0; i < 6; ++i) {
    Event e;
    e.id = "e" + std::to_string(i);
    e.start = Date{1960 + i};
    e.themes = {i == 1 ? "b" : "a"};
    c.events.push_back(e);
  }
  c.events[2].related = {"e5", "e0"};
  return c;
}

CardBox card(int event, float x) {
  CardBox c;
  c.event = event;
  c.rect = Rect{x, 100, 200, 120};
  return c;
}

}  // namespace

TEST_CASE("stories in reach: the cards on screen, nearest the middle of the timeline first") {
  const Content c = six_events();
  KioskState s;
  s.mode = Mode::browse;
  Layout l;
  l.timeline = Rect{100, 0, 1000, 600};  // its middle is at x = 600
  // Card middles at 200, 450, 650, 900 and 1000: 400, 150, 50, 300 and 400 px off the middle.
  l.cards = {card(0, 100), card(1, 350), card(3, 550), card(4, 800), card(5, 900)};
  CHECK(stories_in_reach(c, s, l) == std::vector<int>{3, 1, 4, 0, 5});  // ties keep the cards' order

  l.cards.push_back(card(3, 560));  // the same event twice (never in a real layout): listed once
  CHECK(stories_in_reach(c, s, l) == std::vector<int>{3, 1, 4, 0, 5});
  l.cards.push_back(card(42, 600));  // an index past the content: skipped
  CHECK(stories_in_reach(c, s, l) == std::vector<int>{3, 1, 4, 0, 5});
}

TEST_CASE("stories in reach: from a story, its shown neighbours, then its related events") {
  const Content c = six_events();
  KioskState s;
  s.mode = Mode::detail;
  s.selected_event = "e2";
  Layout l;
  l.cards = {card(4, 500)};  // not on screen in a story
  Button chip5{Target::related, Rect{}, "", "", 5};
  Button chip0{Target::related, Rect{}, "", "", 0};
  Button language{Target::language, Rect{}, "", "", 1};
  l.buttons = {language, chip5, chip0};
  CHECK(stories_in_reach(c, s, l) == std::vector<int>{1, 3, 5, 0});
  s.filters = {"a"};  // e1 is hidden: the swipe back goes to e0
  CHECK(stories_in_reach(c, s, l) == std::vector<int>{0, 3, 5});
  s.selected_event = "e5";  // the last: no later neighbour
  l.buttons.clear();
  CHECK(stories_in_reach(c, s, l) == std::vector<int>{4});
  s.selected_event = "gone";  // the story was removed by a reload
  CHECK(stories_in_reach(c, s, l).empty());
}

TEST_CASE("stories in reach: nothing in the attract loop") {
  const Content c = six_events();
  KioskState s;
  s.mode = Mode::attract;
  Layout l;
  l.cards = {card(0, 100)};
  CHECK(stories_in_reach(c, s, l).empty());
}
