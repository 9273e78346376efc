#pragma once
// Calendar dates as curators write them: a year, a year and month, or a full date, maybe approximate.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::core {

struct Date {
  std::int64_t year = 0;     // proleptic Gregorian; 0 and negatives are astronomical years
  int month = 0;             // 1..12, or 0 when only the year is known
  int day = 0;               // 1..31, or 0 when only the year (and month) is known
  bool approximate = false;  // written "c. 1920"
  bool operator==(const Date&) const = default;
};

// Largest |year| the kiosk accepts; beyond it a decimal year loses day precision.
inline constexpr std::int64_t kMaxAbsYear = 100'000'000'000;  // deep time: the Big Bang fits

// Parses "1965", "1965-09", "1965-09-08", "c. 1920", "-500". On failure returns nullopt and sets
// `error` to a plain-language sentence saying what is wrong and what to write instead.
std::optional<Date> parse_date(std::string_view text, std::string* error);

bool is_leap_year(std::int64_t year);
int days_in_month(std::int64_t year, int month);  // 28..31; month 1..12

// The date's period on the continuous time axis, in decimal years (1965.0 = 1965-01-01 00:00).
double period_start(const Date& date);  // first instant of the year/month/day
double period_end(const Date& date);    // first instant after the year/month/day

// Decimal year -> the calendar day it falls in (month and day always set).
Date date_at(double decimal_year);

}  // namespace kiosk::core
