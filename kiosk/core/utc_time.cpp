#include "core/utc_time.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace kiosk::core {

namespace {

// The unsigned number in text[at, at+n), or -1 when those are not all digits.
long long digits(std::string_view text, std::size_t at, std::size_t n) {
  if (at + n > text.size()) return -1;
  long long v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    v = v * 10 + (text[i] - '0');
  }
  return v;
}

}  // namespace

std::string iso8601_utc(double unix_ms) {
  const long long ms = static_cast<long long>(std::llround(unix_ms));
  const long long days = (ms >= 0 ? ms : ms - 86'399'999) / 86'400'000;
  const long long in_day = ms - days * 86'400'000;
  const std::chrono::year_month_day c{std::chrono::sys_days{std::chrono::days{days}}};
  char out[48];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", static_cast<int>(c.year()),
                static_cast<unsigned>(c.month()), static_cast<unsigned>(c.day()), in_day / 3'600'000,
                in_day / 60'000 % 60, in_day / 1000 % 60, in_day % 1000);
  return out;
}

std::optional<long long> day_number(std::string_view t) {
  const long long y = digits(t, 0, 4), m = digits(t, 5, 2), d = digits(t, 8, 2);
  if (y < 0 || m < 0 || d < 0 || t[4] != '-' || t[7] != '-') return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{static_cast<int>(y)},
                                        std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

std::string date_of_day(long long days) { return iso8601_utc(static_cast<double>(days) * 86'400'000.0).substr(0, 10); }

std::optional<double> parse_iso8601_utc(std::string_view t) {
  const auto day = day_number(t);
  if (!day || t.size() < 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t.back() != 'Z') return std::nullopt;
  const long long h = digits(t, 11, 2), mi = digits(t, 14, 2), s = digits(t, 17, 2);
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return std::nullopt;
  double ms = 0;
  const std::string_view fraction = t.substr(19, t.size() - 20);  // "" or ".fff"
  if (!fraction.empty()) {
    if (fraction[0] != '.' || fraction.size() < 2) return std::nullopt;
    const long long f = digits(fraction, 1, fraction.size() - 1);
    if (f < 0 || fraction.size() > 10) return std::nullopt;
    ms = static_cast<double>(f) * 1000.0 / std::pow(10.0, static_cast<double>(fraction.size() - 1));
  }
  return static_cast<double>(*day) * 86'400'000.0 + static_cast<double>((h * 60 + mi) * 60 + s) * 1000.0 + ms;
}

}  // namespace kiosk::core
