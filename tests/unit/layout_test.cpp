#include <catch2/catch.hpp>

#include <set>

#include "core/kiosk.hpp"
#include "core/layout.hpp"
#include "test_content.hpp"

using namespace kiosk::core;

namespace {
// Many events in clusters, so cards compete for lanes.
Content crowded(int n) {
  Content c;
  for (int i = 0; i < n; ++i) {
    Event e;
    e.id = "e" + std::to_string(i);
    e.start = Date{1900 + (i * 7) % 120};
    e.t0 = period_start(e.start);
    e.t1 = period_end(e.start) + (i % 5 == 0 ? 12 : 0);
    e.importance = 1 + i % 5;
    e.headline.by_lang["en"] = "Event " + std::to_string(i);
    c.events.push_back(e);
  }
  std::sort(c.events.begin(), c.events.end(), [](const Event& a, const Event& b) { return a.t0 < b.t0; });
  c.reindex();
  return c;
}

bool overlap(const Rect& a, const Rect& b) {
  return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}
}  // namespace

TEST_CASE("cards never overlap and stay inside the timeline at any zoom") {
  const Content c = crowded(200);
  for (const Viewport vp : {Viewport{1920, 1080, 3.6f}, Viewport{1080, 1920, 3.6f}}) {
    KioskState s = initial_state(c);
    for (double span : {150.0, 60.0, 20.0, 5.0, 1.0, 0.1}) {
      s.view = clamp_view(View{1950 - span / 2, 1950 + span / 2}, s.limits);
      const Layout l = compute_layout(c, s, vp, LayoutMetrics{});
      int in_view = 0;
      for (const auto& e : c.events) in_view += e.t1 >= s.view.start && e.t0 <= s.view.end;
      CHECK(static_cast<int>(l.cards.size()) + l.hidden_events >= in_view);
      for (std::size_t i = 0; i < l.cards.size(); ++i) {
        const Rect& r = l.cards[i].rect;
        CHECK(r.x >= l.timeline.x - 0.01f);
        CHECK(r.right() <= l.timeline.right() + 0.01f);
        CHECK(r.y >= l.timeline.y);
        CHECK(r.bottom() <= l.axis.y);
        for (std::size_t j = i + 1; j < l.cards.size(); ++j) CHECK_FALSE(overlap(r, l.cards[j].rect));
        for (const auto& b : l.buttons) CHECK_FALSE(overlap(r, b.rect));
      }
    }
  }
}

namespace {
// Measured cards: a date line (60 px with padding) and three 30 px headline lines; every headline
// needs `lines` lines.
LayoutMetrics headlines_of(int lines) {
  LayoutMetrics m;
  m.card_height_px = 60 + 3 * 30 + 10;
  m.card_top_px = 60;
  m.card_headline_line_px = 30;
  m.card_headline_lines = [lines](int, float) { return lines; };
  return m;
}
}  // namespace

TEST_CASE("a card whose headline needs more lines grows upward into free space, and no further") {
  Content c;
  for (int year : {1900, 1950, 2000}) c.events.push_back(kiosk::test::dated_event(std::to_string(year), Date{year}));
  c.reindex();
  KioskState s = initial_state(c);
  s.view = View{1880, 2030};
  const Viewport vp{1920, 1080, 3.6f};
  const Layout three = compute_layout(c, s, vp, headlines_of(3));
  const Layout six = compute_layout(c, s, vp, headlines_of(6));
  REQUIRE(three.cards.size() == 3);
  REQUIRE(six.cards.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(three.cards[i].headline_lines == 3);
    CHECK(three.cards[i].rect.h == Approx(160));
    CHECK(six.cards[i].headline_lines == 6);  // alone in its column: three more lines
    CHECK(six.cards[i].rect.h == Approx(160 + 90));
    CHECK(six.cards[i].rect.bottom() == Approx(three.cards[i].rect.bottom()));  // the stem's end stays
  }
  // A headline of 40 lines grows only up to the top of the cards' area.
  const Layout tall = compute_layout(c, s, vp, headlines_of(40));
  for (const auto& card : tall.cards) {
    CHECK(card.headline_lines < 40);
    CHECK(card.rect.y >= tall.timeline.y);
    CHECK(card.rect.y - 30 < tall.timeline.y + 60);  // no room for another line
  }
}

TEST_CASE("grown cards never overlap each other or the controls at any zoom") {
  const Content c = crowded(200);
  for (const Viewport vp : {Viewport{1920, 1080, 3.6f}, Viewport{1280, 800, 3.6f}, Viewport{1080, 1920, 3.6f}}) {
    KioskState s = initial_state(c);
    for (double span : {150.0, 60.0, 20.0, 5.0, 1.0, 0.1}) {
      s.view = clamp_view(View{1950 - span / 2, 1950 + span / 2}, s.limits);
      const Layout l = compute_layout(c, s, vp, headlines_of(7));
      INFO(vp.width << "x" << vp.height << " span " << span);
      int grown = 0;
      for (std::size_t i = 0; i < l.cards.size(); ++i) {
        const Rect& r = l.cards[i].rect;
        grown += l.cards[i].headline_lines > 3;
        CHECK(r.y >= l.timeline.y);
        CHECK(r.bottom() <= l.axis.y);
        for (std::size_t j = i + 1; j < l.cards.size(); ++j) CHECK_FALSE(overlap(r, l.cards[j].rect));
        for (const auto& b : l.buttons) CHECK_FALSE(overlap(r, b.rect));
      }
      if (span <= 1.0) CHECK(grown > 0);  // a sparse view has room to grow
    }
  }
}

TEST_CASE("the most important events get the cards") {
  const Content c = crowded(200);
  KioskState s = initial_state(c);
  const Layout l = compute_layout(c, s, Viewport{1920, 1080, 3.6f}, LayoutMetrics{});
  REQUIRE(l.hidden_events > 0);
  int worst_shown = 0;
  for (const auto& card : l.cards) worst_shown = std::max(worst_shown, c.events[card.event].importance);
  CHECK(worst_shown <= 2);
}

TEST_CASE("touch targets are at least 15 mm and in the lower half") {
  const Content c = crowded(5);
  KioskState s = initial_state(c);
  for (float px_per_mm : {1.6f, 3.6f, 8.0f}) {
    const Viewport vp{1920, 1080, px_per_mm};
    for (Mode m : {Mode::browse, Mode::detail}) {
      s.mode = m;
      s.selected_event = "e0";
      const Layout l = compute_layout(c, s, vp, LayoutMetrics{});
      REQUIRE_FALSE(l.buttons.empty());
      for (const auto& b : l.buttons) {
        CHECK(b.rect.h >= vp.mm(15) - 0.01f);
        CHECK(b.rect.w >= vp.mm(15) - 0.01f);
        CHECK(b.rect.y >= vp.height / 2);
        CHECK(b.rect.bottom() <= vp.height);
      }
    }
  }
}

TEST_CASE("hit testing finds cards and buttons from the same layout") {
  const Content c = crowded(10);
  const KioskState s = initial_state(c);
  const Layout l = compute_layout(c, s, Viewport{1920, 1080, 3.6f}, LayoutMetrics{});
  REQUIRE_FALSE(l.cards.empty());
  const auto& card = l.cards.front();
  CHECK(l.hit(card.rect.x + 5, card.rect.y + 5) == Hit{Target::card, card.event});
  const auto& b = l.buttons.front();
  CHECK(l.hit(b.rect.x + 1, b.rect.y + 1).target == b.target);
  CHECK(l.hit(1, l.header.y + 1).target == Target::none);
}

TEST_CASE("10,000 random events: no overlapping cards at 20 zoom levels, badges count the rest, and an event is hidden only where every lane is taken") {
  Content c;
  std::uint32_t seed = 12345;
  auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  for (int i = 0; i < 10'000; ++i) {
    Event e;
    e.id = "e" + std::to_string(i);
    e.start = Date{1880 + static_cast<int>(next() % 145), 1 + static_cast<int>(next() % 12), 1 + static_cast<int>(next() % 28)};
    e.t0 = period_start(e.start);
    e.t1 = next() % 10 == 0 ? e.t0 + (next() % 2000) / 100.0 : period_end(e.start);
    e.importance = 1 + static_cast<int>(next() % 5);
    c.events.push_back(e);
  }
  std::sort(c.events.begin(), c.events.end(), [](const Event& a, const Event& b) { return a.t0 < b.t0; });
  c.reindex();
  KioskState s = initial_state(c);
  const Viewport vp{1920, 1080, 3.6f};
  for (int level = 0; level < 20; ++level) {
    const double span = 150.0 / std::pow(1.8, level);
    s.view = clamp_view(View{1950 - span / 2, 1950 + span / 2}, s.limits);
    const Layout l = compute_layout(c, s, vp, LayoutMetrics{});
    INFO("span " << span);
    for (std::size_t i = 0; i < l.cards.size(); ++i)
      for (std::size_t j = i + 1; j < l.cards.size(); ++j) CHECK_FALSE(overlap(l.cards[i].rect, l.cards[j].rect));
    for (std::size_t i = 0; i + 1 < l.badges.size(); ++i) CHECK(l.badges[i].rect.right() <= l.badges[i + 1].rect.x);
    int counted = 0;
    for (const auto& b : l.badges) counted += b.count;
    CHECK(counted <= l.hidden_events);
    // Every event in view without a card would overlap a card (with the lanes' 22 px gap) in
    // every lane at its place: the layout stops looking once no lane has room left anywhere.
    REQUIRE_FALSE(l.cards.empty());
    const float w = l.cards[0].rect.w, gap = 22 * vp.unit();
    int lanes = 0, in_view = 0, checked = 0;
    for (const auto& card : l.cards) lanes = std::max(lanes, card.lane + 1);
    for (std::size_t i = 0; i < c.events.size(); ++i) {
      const float x0 = static_cast<float>(l.scale.x_of(c.events[i].t0)), x1 = static_cast<float>(l.scale.x_of(c.events[i].t1));
      if (x1 < l.timeline.x || x0 > l.timeline.right()) continue;
      ++in_view;
      bool carded = false;
      for (const auto& card : l.cards) carded = carded || card.event == static_cast<int>(i);
      if (carded) continue;
      const float left = std::min(std::max(x0, l.timeline.x), l.timeline.right() - w);
      for (int lane = 0; lane < lanes; ++lane) {
        bool taken = false;
        for (const auto& card : l.cards)
          taken = taken || (card.lane == lane && left < card.rect.right() + gap && card.rect.x < left + w + gap);
        CHECK(taken);
      }
      ++checked;
    }
    CHECK(static_cast<int>(l.cards.size()) + checked == in_view);
    CHECK(checked == l.hidden_events);
  }
}

TEST_CASE("a detail's footer keeps an empty place for a missing neighbour, unless that costs the story a row") {
  const Content c = crowded(20);
  LayoutMetrics m;
  m.button_label_px = [](const std::string&) { return 360.0; };  // long labels (Spanish at large text)
  auto footer_of = [&](const Viewport& vp, float text_scale, int event) {
    KioskState s = initial_state(c);
    s.text_scale = text_scale;
    REQUIRE(open_event(s, c, c.events[static_cast<std::size_t>(event)].id));
    Viewport scaled = vp;
    scaled.text_scale = text_scale;
    return compute_layout(c, s, scaled, m);
  };
  auto rows = [](const Layout& l) {
    std::set<float> ys;
    for (const auto& b : l.buttons)
      if (b.target == Target::back || b.target == Target::earlier || b.target == Target::later) ys.insert(b.rect.y);
    return ys.size();
  };
  auto later = [](const Layout& l) {
    for (const auto& b : l.buttons)
      if (b.target == Target::later) return b.rect;
    FAIL("no Later button");
    return Rect{};
  };
  // Room for all three: the first event's "Later" stays where a middle event's is (nothing jumps).
  const Layout first_wide = footer_of(Viewport{1920, 1080, 3.6f}, 1.0f, 0), middle_wide = footer_of(Viewport{1920, 1080, 3.6f}, 1.0f, 10);
  CHECK(rows(first_wide) == 1);
  CHECK(later(first_wide).x == later(middle_wide).x);
  CHECK(first_wide.footer.h == middle_wide.footer.h);
  // Large text on a 1280x800 tablet: a middle event needs two rows; the first one, with no
  // "Earlier", drops the empty place and keeps one row, so its story is a row taller.
  const Layout first_small = footer_of(Viewport{1280, 800, 5.9f}, 2.0f, 0), middle_small = footer_of(Viewport{1280, 800, 5.9f}, 2.0f, 10);
  CHECK(rows(middle_small) == 2);
  CHECK(rows(first_small) == 1);
  CHECK(first_small.footer.h < middle_small.footer.h);
  CHECK(first_small.detail_panel.h > middle_small.detail_panel.h);
}
