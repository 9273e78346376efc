// The layout finds the events in view through Content::index instead of walking them all. These
// tests hold it to a brute-force reference: the index against a scan of every event, and the cards
// and badges against the full walk the layout used to do, copied here as it was.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>

#include "core/kiosk.hpp"
#include "core/layout.hpp"

using namespace kiosk::core;

namespace {

// Random events: many on the same day (ties on the axis), moments and ranges, a few spanning
// centuries, importances 1..5 (or anywhere in -1000..1000), one or two themes.
Content random_content(std::mt19937& rng, int n, bool wide_importance, bool sorted) {
  Content c;
  std::uniform_int_distribution<int> year(1850, 2030), coin(0, 9), theme(0, 3);
  for (int i = 0; i < n; ++i) {
    Event e;
    e.id = "e" + std::to_string(i);
    const int kind = coin(rng);
    e.start = kind < 3 ? Date{year(rng)} : Date{year(rng), 1 + coin(rng), kind < 6 ? 0 : 1 + coin(rng) * 2};
    e.t0 = period_start(e.start);
    e.t1 = period_end(e.start);
    if (coin(rng) == 0) e.t1 += std::uniform_real_distribution<double>(0, 40)(rng);
    if (coin(rng) == 0 && coin(rng) < 3) e.t1 += 150;  // a long range, begun well before most views
    e.importance = wide_importance ? std::uniform_int_distribution<int>(-1000, 1000)(rng) : 1 + coin(rng) % 5;
    e.themes.push_back("t" + std::to_string(theme(rng)));
    if (coin(rng) < 2) e.themes.push_back("t" + std::to_string(theme(rng)));
    e.headline.by_lang["en"] = e.id;
    c.events.push_back(e);
  }
  if (sorted)
    std::sort(c.events.begin(), c.events.end(), [](const Event& a, const Event& b) {
      return a.t0 != b.t0 ? a.t0 < b.t0 : a.id < b.id;
    });
  return c;
}

struct Reference {
  std::vector<CardBox> cards;
  int hidden_events = 0;
  std::vector<Badge> badges;
};

// The layout's placement of cards as it was before the index: every event, sorted by importance.
// Sizes as in layout.cpp's sizes_for().
Reference full_walk(const Content& content, const KioskState& state, const Layout& l, const LayoutMetrics& metrics) {
  const Viewport& vp = l.viewport;
  const float u = vp.unit();
  const float card_w = 370 * u * vp.text_scale, design_card_h = metrics.card_height_px > 0 ? metrics.card_height_px : 170 * u;
  const float lane_gap = 22 * u, era_label_h = (22 + 36 * vp.text_scale) * u;
  auto overlaps = [](float a0, float a1, float b0, float b1) { return a0 < b1 && b0 < a1; };
  Reference out;
  const Rect& area = l.timeline;
  const float cards_top = area.y + era_label_h;
  const float cards_bottom = area.bottom() - 28 * u;
  const float card_h = std::clamp(cards_bottom - cards_top, design_card_h * 0.5f, design_card_h);
  const int lanes = std::max(1, static_cast<int>((cards_bottom - cards_top + lane_gap) / (card_h + lane_gap)));
  struct Candidate {
    int event;
    float x0, x1;
  };
  std::vector<Candidate> visible;
  for (std::size_t i = 0; i < content.events.size(); ++i) {
    const Event& e = content.events[i];
    if (!state.filters.empty()) {
      bool shown = false;
      for (const auto& t : e.themes) shown |= std::find(state.filters.begin(), state.filters.end(), t) != state.filters.end();
      if (!shown) continue;
    }
    const float x0 = static_cast<float>(l.scale.x_of(e.t0));
    const float x1 = static_cast<float>(l.scale.x_of(e.t1));
    if (x1 < area.x || x0 > area.right()) continue;
    visible.push_back({static_cast<int>(i), x0, x1});
  }
  std::stable_sort(visible.begin(), visible.end(), [&](const Candidate& a, const Candidate& b) {
    const Event& ea = content.events[a.event];
    const Event& eb = content.events[b.event];
    return ea.importance != eb.importance ? ea.importance < eb.importance : a.x0 < b.x0;
  });
  std::vector<Candidate> hidden;
  for (const Candidate& c : visible) {
    float left = std::max(c.x0, area.x);
    left = std::min(left, area.right() - card_w);
    const float right = left + card_w + lane_gap;
    int chosen = -1;
    for (int lane = 0; lane < lanes && chosen < 0; ++lane) {
      bool free = true;
      for (const CardBox& other : out.cards)
        if (other.lane == lane && overlaps(left, right, other.rect.x, other.rect.right() + lane_gap)) {
          free = false;
          break;
        }
      if (free) chosen = lane;
    }
    if (chosen < 0) {
      ++out.hidden_events;
      hidden.push_back(c);
      continue;
    }
    CardBox box;
    box.event = c.event;
    box.lane = chosen;
    box.marker_x = c.x0;
    box.span_x1 = c.x1;
    const auto lane = static_cast<float>(chosen);
    box.rect = Rect{left, cards_bottom - (lane + 1) * card_h - lane * lane_gap, card_w, card_h};
    out.cards.push_back(box);
  }
  std::sort(out.cards.begin(), out.cards.end(), [](const CardBox& a, const CardBox& b) { return a.rect.x < b.rect.x; });
  std::sort(hidden.begin(), hidden.end(), [](const Candidate& a, const Candidate& b) { return a.x0 < b.x0; });
  const float size = std::max(48 * u, vp.mm(10)) * vp.text_scale;
  const float stretch = std::max(card_w / 2, size * 1.4f);
  for (std::size_t i = 0; i < hidden.size();) {
    std::size_t j = i;
    double t0 = 1e300, t1 = -1e300;
    float sum_x = 0;
    while (j < hidden.size() && hidden[j].x0 < hidden[i].x0 + stretch) {
      const Event& e = content.events[hidden[j].event];
      t0 = std::min(t0, e.t0);
      t1 = std::max(t1, e.t1);
      sum_x += std::clamp(hidden[j].x0, area.x, area.right());
      ++j;
    }
    float x = sum_x / static_cast<float>(j - i) - size / 2;
    x = std::clamp(x, area.x + 4, area.right() - size - 4);
    if (!out.badges.empty()) x = std::max(x, out.badges.back().rect.right() + 8 * u);
    if (x + size <= area.right())
      out.badges.push_back(Badge{Rect{x, area.bottom() - size / 2, size, size}, static_cast<int>(j - i), t0, t1});
    i = j;
  }
  return out;
}

bool same_card(const CardBox& a, const CardBox& b) {
  return a.event == b.event && a.lane == b.lane && a.marker_x == b.marker_x && a.span_x1 == b.span_x1 &&
         a.rect.x == b.rect.x && a.rect.y == b.rect.y && a.rect.w == b.rect.w && a.rect.h == b.rect.h;
}

// Cards and the hidden count exactly. Badges exactly but for their x: the full walk sorted hidden
// events with std::sort, so events at the same x may be summed in another order (a float's last bit).
void check_same(const Layout& l, const Reference& ref) {
  REQUIRE(l.cards.size() == ref.cards.size());
  for (std::size_t i = 0; i < l.cards.size(); ++i) CHECK(same_card(l.cards[i], ref.cards[i]));
  CHECK(l.hidden_events == ref.hidden_events);
  REQUIRE(l.badges.size() == ref.badges.size());
  for (std::size_t i = 0; i < l.badges.size(); ++i) {
    CHECK(l.badges[i].count == ref.badges[i].count);
    CHECK(l.badges[i].t0 == ref.badges[i].t0);
    CHECK(l.badges[i].t1 == ref.badges[i].t1);
    CHECK(std::abs(l.badges[i].rect.x - ref.badges[i].rect.x) < 1e-3f);
    CHECK(l.badges[i].rect.y == ref.badges[i].rect.y);
    CHECK(l.badges[i].rect.w == ref.badges[i].rect.w);
  }
}

}  // namespace

TEST_CASE("the event index finds exactly the events meeting a range, in start order") {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    Content c = random_content(rng, 1 + round * 37, false, round % 2 == 0);
    c.reindex();
    REQUIRE(c.indexed());
    std::uniform_real_distribution<double> year(1800, 2100), span(0, 200);
    for (int q = 0; q < 200; ++q) {
      const double from = year(rng), to = q % 10 == 0 ? from : from + span(rng) * std::pow(10.0, -(q % 6));
      std::vector<int> found;
      c.index.overlapping(from, to, found);
      std::vector<int> expected;
      for (std::size_t i = 0; i < c.events.size(); ++i)
        if (c.events[i].t0 <= to && c.events[i].t1 >= from) expected.push_back(static_cast<int>(i));
      std::stable_sort(expected.begin(), expected.end(), [&](int a, int b) { return c.events[a].t0 < c.events[b].t0; });
      CHECK(found == expected);
    }
  }
}

TEST_CASE("the event index finds events by id, and a stale index falls back to searching") {
  std::mt19937 rng(11);
  Content c = random_content(rng, 500, false, true);
  c.reindex();
  for (std::size_t i = 0; i < c.events.size(); ++i) CHECK(c.event_index(c.events[i].id) == static_cast<int>(i));
  CHECK(c.event_index("nope") == -1);
  CHECK(c.event_index("") == -1);
  std::swap(c.events[3], c.events[400]);  // edited by hand without reindex(): still right
  CHECK(c.event_index(c.events[3].id) == 3);
  CHECK(c.event_index(c.events[400].id) == 400);
  c.events.pop_back();  // another size: the index is not used at all
  CHECK_FALSE(c.indexed());
  CHECK(c.event_index(c.events[10].id) == 10);
  c.reindex();
  CHECK(c.indexed());
  CHECK(c.event_index(c.events[400].id) == 400);
}

TEST_CASE("culling through the index places the same cards and badges as the full walk at every zoom") {
  std::mt19937 rng(2026);
  int layouts = 0, with_hidden = 0;
  for (int round = 0; round < 12; ++round) {
    const bool wide = round % 4 == 3, sorted = round % 3 != 2;
    Content c = random_content(rng, round < 6 ? 300 : 3000, wide, sorted);
    Content unindexed = c;
    c.reindex();
    REQUIRE(c.indexed());
    REQUIRE_FALSE(unindexed.indexed());
    KioskState s = initial_state(c);
    if (round % 5 == 4) s.filters = {"t1", "t3"};
    const LayoutMetrics metrics;
    for (const Viewport vp : {Viewport{1920, 1080, 3.6f}, Viewport{1080, 1920, 3.6f, 1.5f}}) {
      std::uniform_real_distribution<double> centre(1840, 2040);
      for (double span : {300.0, 150.0, 60.0, 20.0, 5.0, 1.0, 0.3, 0.05, 0.01, 0.002}) {
        for (int k = 0; k < 6; ++k) {
          const double mid = centre(rng);
          s.view = View{mid - span / 2, mid + span / 2};  // not clamped: views past either end too
          const Layout l = compute_layout(c, s, vp, metrics);
          check_same(l, full_walk(c, s, l, metrics));
          // The layout's own fallback for content not indexed agrees too.
          const Layout u = compute_layout(unindexed, s, vp, metrics);
          check_same(u, full_walk(c, s, u, metrics));
          ++layouts;
          with_hidden += l.hidden_events > 0;
        }
      }
    }
  }
  CHECK(layouts == 12 * 2 * 10 * 6);
  CHECK(with_hidden > layouts / 4);  // crowded enough that the lanes and badges were tested
}
