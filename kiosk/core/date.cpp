#include "core/date.hpp"

#include <cmath>

namespace kiosk::core {

namespace {
constexpr int kCumulativeDays[13] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

bool parse_digits(std::string_view s, std::int64_t* out, std::size_t max_digits) {
  if (s.empty() || s.size() > max_digits) return false;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

int day_of_year(std::int64_t year, int month, int day) {  // 0-based
  int d = kCumulativeDays[month - 1] + day - 1;
  if (month > 2 && is_leap_year(year)) ++d;
  return d;
}

double days_in_year(std::int64_t year) { return is_leap_year(year) ? 366.0 : 365.0; }
}  // namespace

bool is_leap_year(std::int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(std::int64_t year, int month) {
  if (month == 2) return is_leap_year(year) ? 29 : 28;
  return kCumulativeDays[month] - kCumulativeDays[month - 1];
}

std::optional<Date> parse_date(std::string_view text, std::string* error) {
  auto fail = [&](std::string message) -> std::optional<Date> {
    if (error) *error = std::move(message);
    return std::nullopt;
  };
  const std::string original(text);
  Date date;
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.starts_with("c.") || text.starts_with("ca.")) {
    date.approximate = true;
    text.remove_prefix(text.find('.') + 1);
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  }
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  const std::size_t dash1 = text.find('-');
  const std::string_view year_part = text.substr(0, dash1);
  std::int64_t year = 0;
  if (!parse_digits(year_part, &year, 12) || year > kMaxAbsYear)
    return fail("\"" + original + "\" is not a date; write a year, year-month or year-month-day, e.g. \"1965\", \"1965-09\" or \"1965-09-08\"");
  date.year = negative ? -year : year;
  if (dash1 == std::string_view::npos) return date;

  const std::string_view rest = text.substr(dash1 + 1);
  const std::size_t dash2 = rest.find('-');
  std::int64_t month = 0;
  if (!parse_digits(rest.substr(0, dash2), &month, 2))
    return fail("\"" + original + "\": the month must be two digits, e.g. \"1965-09\"");
  if (month < 1 || month > 12)
    return fail("\"" + original + "\": " + std::to_string(month) + " is not a month (1-12)");
  date.month = static_cast<int>(month);
  if (dash2 == std::string_view::npos) return date;

  std::int64_t day = 0;
  if (!parse_digits(rest.substr(dash2 + 1), &day, 2))
    return fail("\"" + original + "\": the day must be two digits, e.g. \"1965-09-08\"");
  const int max_day = days_in_month(date.year, date.month);
  if (day < 1 || day > max_day)
    return fail("\"" + original + "\": day " + std::to_string(day) + " does not exist in that month (1-" +
                std::to_string(max_day) + ")");
  date.day = static_cast<int>(day);
  return date;
}

double period_start(const Date& date) {
  const double y = static_cast<double>(date.year);
  if (date.month == 0) return y;
  const int day = date.day == 0 ? 1 : date.day;
  return y + day_of_year(date.year, date.month, day) / days_in_year(date.year);
}

double period_end(const Date& date) {
  const double y = static_cast<double>(date.year);
  if (date.month == 0) return y + 1.0;
  if (date.day == 0) {
    if (date.month == 12) return y + 1.0;
    return y + day_of_year(date.year, date.month + 1, 1) / days_in_year(date.year);
  }
  return y + (day_of_year(date.year, date.month, date.day) + 1) / days_in_year(date.year);
}

Date date_at(double decimal_year) {
  const double floor_year = std::floor(decimal_year);
  Date d;
  d.year = static_cast<std::int64_t>(floor_year);
  int doy = static_cast<int>(std::floor((decimal_year - floor_year) * days_in_year(d.year)));
  const int max_doy = static_cast<int>(days_in_year(d.year)) - 1;
  if (doy > max_doy) doy = max_doy;
  if (doy < 0) doy = 0;
  d.month = 1;
  while (d.month < 12 && doy >= day_of_year(d.year, d.month + 1, 1)) ++d.month;
  d.day = doy - day_of_year(d.year, d.month, 1) + 1;
  return d;
}

}  // namespace kiosk::core
