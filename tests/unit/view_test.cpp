#include <catch2/catch.hpp>

#include "core/ticks.hpp"
#include "core/time_scale.hpp"

using namespace kiosk::core;

TEST_CASE("time and x map back and forth") {
  const TimeScale s{View{1900, 2000}, 100, 1000};
  CHECK(s.x_of(1900) == 100);
  CHECK(s.x_of(1950) == 600);
  CHECK(s.year_at(600) == 1950);
  CHECK(s.year_at(s.x_of(1977.25)) == Approx(1977.25));
}

TEST_CASE("zooming keeps the anchor date in place") {
  const View v{1900, 2000};
  const View z = zoom_about(v, 1925, 4);
  CHECK(z.span() == Approx(25));
  const TimeScale before{v, 0, 1000}, after{z, 0, 1000};
  CHECK(after.x_of(1925) == Approx(before.x_of(1925)));
  CHECK(zoom_about(v, 1925, 0) == v);  // a nonsense factor changes nothing
}

TEST_CASE("views are clamped to the history and the zoom range") {
  ViewLimits l;
  l.min_year = 1880;
  l.max_year = 2030;
  l.min_span = 0.02;
  l.max_span = 150;
  CHECK(clamp_view(View{1800, 1850}, l) == View{1880, 1930});
  CHECK(clamp_view(View{2020, 2040}, l) == View{2010, 2030});
  CHECK(clamp_view(View{1000, 3000}, l) == View{1880, 2030});
  CHECK(clamp_view(View{1965, 1965.001}, l).span() == Approx(0.02));
}

namespace {
Translations english() {
  Translations t;
  t.tables["en"] = {{"date.year", "{year}"}, {"date.month_year", "{month} {year}"}, {"date.full", "{month} {day}, {year}"}};
  for (int m = 1; m <= 12; ++m) t.tables["en"]["date.month." + std::to_string(m)] = "Month" + std::to_string(m);
  return t;
}
}  // namespace

TEST_CASE("tick labels never overlap and switch unit with zoom") {
  const Translations t = english();
  auto label_px = [](TickUnit u) { return u == TickUnit::day ? 180.0 : u == TickUnit::month ? 150.0 : 60.0; };
  struct Case {
    double span;
    TickUnit expected;
  };
  for (const Case c : {Case{150, TickUnit::decade}, Case{30, TickUnit::year}, Case{1.0, TickUnit::month},
                       Case{0.05, TickUnit::day}, Case{2000, TickUnit::century}}) {
    const TimeScale s{View{1950, 1950 + c.span}, 0, 1920};
    CHECK(choose_step(s, label_px, 40).unit == c.expected);
    const auto ticks = make_ticks(s, label_px, 40, t, "en");
    double last_x = -1e9;
    int majors = 0;
    for (const Tick& tick : ticks) {
      if (!tick.major) continue;
      ++majors;
      CHECK(tick.x - last_x >= label_px(c.expected) + 40 - 2);  // a day or two of month-length slack
      CHECK(!tick.label.empty());
      last_x = tick.x;
    }
    CHECK(majors >= 2);
  }
}

TEST_CASE("ticks at single-day zoom carry full dates") {
  const Translations t = english();
  const TimeScale s{View{1965.68, 1965.70}, 0, 1920};
  const auto ticks = make_ticks(s, [](TickUnit) { return 100.0; }, 20, t, "en");
  REQUIRE_FALSE(ticks.empty());
  bool found = false;
  for (const auto& tick : ticks) found |= tick.label == "Month9 8, 1965";
  CHECK(found);
}

TEST_CASE("huge and negative years do not break ticks") {
  const Translations t = english();
  const TimeScale s{View{-5e7, 5e7}, 0, 1920};
  const auto ticks = make_ticks(s, [](TickUnit) { return 100.0; }, 20, t, "en");
  CHECK(ticks.size() < 200);
  CHECK_FALSE(ticks.empty());
}

namespace {
// English dates with real month names, and a stand-in for the text engine: 13 px per character,
// so a label's width follows its text as a proportional font's does, roughly.
Translations english_months() {
  Translations t = english();
  const char* names[] = {"January", "February", "March",     "April",   "May",      "June",
                         "July",    "August",   "September", "October", "November", "December"};
  for (int m = 1; m <= 12; ++m) t.tables["en"]["date.month." + std::to_string(m)] = names[m - 1];
  return t;
}
double width_of(const std::string& label) { return 13.0 * static_cast<double>(label.size()); }
}  // namespace

TEST_CASE("tick labels never overlap at 50 zoom levels and three window sizes") {
  const Translations t = english_months();
  // The widest label each unit can give, as the UI measures it: every month of a long year.
  auto label_px = [&t](TickUnit unit) {
    if (unit != TickUnit::month && unit != TickUnit::day) return width_of("8888");
    double widest = 0;
    for (int m = 1; m <= 12; ++m)
      widest = std::max(widest, width_of(format_date(Date{2000, m, unit == TickUnit::day ? 28 : 0, false}, t, "en")));
    return widest;
  };
  const double gap = 40;
  for (const double width : {1920.0, 1280.0, 1080.0}) {
    TickUnit coarsest_so_far = TickUnit::century;
    for (int level = 0; level < 50; ++level) {
      // From 160 years (the whole bundled history) down to a single day, in equal zoom ratios.
      const double span = 160.0 * std::pow((1.0 / 365.25) / 160.0, level / 49.0);
      const double start = 1965.37 - span / 2;
      const TimeScale s{View{start, start + span}, 0, static_cast<float>(width)};
      const auto ticks = make_ticks(s, label_px, gap, t, "en");
      INFO("width " << width << ", level " << level << ", span " << span << " years");
      const Tick* last = nullptr;
      int majors = 0;
      for (const Tick& tick : ticks) {
        if (!tick.major) continue;
        ++majors;
        CHECK(!tick.label.empty());
        if (last) {  // wherever a label sits on its tick, two neighbours do not touch
          INFO(last->label << " | " << tick.label);
          CHECK(tick.x - last->x >= std::max(width_of(last->label), width_of(tick.label)) + gap - 2);
        }
        last = &tick;
      }
      CHECK(majors >= 1);
      // Zooming in never makes the unit coarser.
      const TickUnit unit = choose_step(s, label_px, gap).unit;
      CHECK(static_cast<int>(unit) >= static_cast<int>(coarsest_so_far));
      coarsest_so_far = unit;
    }
    CHECK(coarsest_so_far == TickUnit::day);
  }
}
