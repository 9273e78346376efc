#pragma once
// UTC calendar arithmetic for analytics timestamps. Pure: the caller supplies the instant.
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::core {

// "2024-05-01T17:03:09.250Z" for `unix_ms` milliseconds since 1970-01-01T00:00:00Z.
std::string iso8601_utc(double unix_ms);

// Milliseconds since the Unix epoch of "YYYY-MM-DDTHH:MM:SS[.fff]Z"; nullopt if it is not that form.
std::optional<double> parse_iso8601_utc(std::string_view text);

// Days since 1970-01-01 of the date "YYYY-MM-DD" (the first 10 characters are read); nullopt if invalid.
std::optional<long long> day_number(std::string_view date);

// "YYYY-MM-DD" of day number `days` since 1970-01-01.
std::string date_of_day(long long days);

}  // namespace kiosk::core
