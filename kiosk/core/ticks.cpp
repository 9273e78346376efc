#include "core/ticks.hpp"

#include <cmath>

#include "core/date.hpp"

namespace kiosk::core {

namespace {
constexpr TickStep kSteps[] = {
    // Half months (the 1st and the 15th) between weeks and months: without them a view of about
    // a month on a narrow screen could fall between two month starts and show no date at all.
    {TickUnit::day, 1},     {TickUnit::day, 2},     {TickUnit::day, 7},     {TickUnit::day, 14},
    {TickUnit::month, 1},
    {TickUnit::month, 3},   {TickUnit::month, 6},   {TickUnit::year, 1},    {TickUnit::year, 2},
    {TickUnit::year, 5},    {TickUnit::decade, 10}, {TickUnit::decade, 20}, {TickUnit::decade, 50},
    {TickUnit::century, 100}, {TickUnit::century, 200}, {TickUnit::century, 500}, {TickUnit::century, 1000},
};

double approx_years(TickStep s) {
  const auto n = static_cast<double>(s.count);
  switch (s.unit) {
    case TickUnit::day: return n * kDayInYears;
    case TickUnit::month: return n / 12.0;
    default: return n;
  }
}

std::string label_for(const Date& d, TickStep step, const Translations& t, const std::string& lang) {
  Date shown = d;
  if (step.unit == TickUnit::day) return format_date(shown, t, lang);
  shown.day = 0;
  if (step.unit == TickUnit::month) return format_date(shown, t, lang);
  shown.month = 0;
  return format_date(shown, t, lang);
}

// Calls `emit` with each tick date of `step` in [from, to].
template <typename Emit>
void for_each_tick(double from, double to, TickStep step, Emit emit) {
  if (step.unit == TickUnit::day) {
    Date cur = date_at(from);
    for (int guard = 0; guard < 2000; ++guard) {
      const double at = period_start(cur);
      if (at > to) break;
      const bool on_step = step.count == 14  ? cur.day == 1 || cur.day == 15
                           : step.count == 7 ? (cur.day - 1) % 7 == 0 && cur.day <= 22
                                             : (cur.day - 1) % step.count == 0;
      if (at >= from && on_step) emit(cur, at);
      cur = date_at(period_end(cur) + kDayInYears / 2);
    }
  } else if (step.unit == TickUnit::month) {
    Date cur{static_cast<std::int64_t>(std::floor(from)), 1, 0, false};
    for (int guard = 0; guard < 2000; ++guard) {
      const double at = period_start(cur);
      if (at > to) break;
      if (at >= from && (cur.month - 1) % step.count == 0) emit(cur, at);
      if (++cur.month > 12) { cur.month = 1; ++cur.year; }
    }
  } else {
    const auto n = static_cast<double>(step.count);
    const double first = std::ceil(from / n) * n;
    for (double y = first; y <= to; y += n) emit(Date{static_cast<std::int64_t>(y), 0, 0, false}, y);
  }
}

TickStep minor_of(TickStep s) {
  switch (s.unit) {
    case TickUnit::century: return {TickUnit::decade, s.count / 10};
    case TickUnit::decade: return s.count == 50 ? TickStep{TickUnit::decade, 10} : TickStep{TickUnit::year, s.count == 10 ? 1 : 5};
    case TickUnit::year: return s.count == 1 ? TickStep{TickUnit::month, 1} : TickStep{TickUnit::year, 1};
    case TickUnit::month: return {TickUnit::month, 1};
    case TickUnit::day: return {TickUnit::day, 1};
  }
  return s;
}
}  // namespace

TickStep choose_step(const TimeScale& scale, const std::function<double(TickUnit)>& label_px, double gap_px) {
  const double px_per_year = scale.width / scale.view.span();
  for (const auto& s : kSteps) {
    // Labels have no negative width: a step narrower than the gap alone fails without measuring
    // (so a view of centuries never shapes day and month labels).
    const double room = approx_years(s) * px_per_year;
    if (room >= gap_px && room >= label_px(s.unit) + gap_px) return s;
  }
  // Wider than any step: grow in powers of ten of millennia.
  TickStep s{TickUnit::century, 1000};
  while (s.count < 1'000'000'000'000 && static_cast<double>(s.count) * px_per_year < label_px(s.unit) + gap_px) s.count *= 10;
  return s;
}

std::vector<Tick> make_ticks(const TimeScale& scale, const std::function<double(TickUnit)>& label_px, double gap_px,
                             const Translations& t, const std::string& lang) {
  std::vector<Tick> out;
  const TickStep major = choose_step(scale, label_px, gap_px);
  const double from = scale.view.start, to = scale.view.end;
  const TickStep minor = minor_of(major);
  const double px_per_year = scale.width / scale.view.span();
  if (approx_years(minor) * px_per_year >= 6.0 && !(minor.unit == major.unit && minor.count == major.count))
    for_each_tick(from, to, minor, [&](const Date&, double at) { out.push_back({at, scale.x_of(at), false, ""}); });
  for_each_tick(from, to, major, [&](const Date& d, double at) {
    out.push_back({at, scale.x_of(at), true, label_for(d, major, t, lang)});
  });
  return out;
}

}  // namespace kiosk::core
