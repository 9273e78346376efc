#pragma once
// UI strings per language, read from content/i18n/<lang>.json, and date formatting with them.
#include <map>
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace kiosk::core {

struct Translations {
  std::string default_language = "en";
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> tables;

  // The string for `key` in `lang`, else in the default language, else the key itself
  // (so a missing string is visible to curators in the validator, never a crash).
  std::string get(std::string_view lang, std::string_view key) const;
};

// Adds to `into` every string of `from` that it lacks, language by language (whole tables too):
// the kiosk's own tables fill in the staff and maintenance strings that a museum's older content
// folder does not have yet. Strings `into` has are kept.
void add_missing_strings(Translations& into, const Translations& from);

// Replaces "{name}" in `pattern` with `value`.
std::string fill(std::string pattern, std::string_view name, std::string_view value);

// A date as a visitor reads it in `lang`: "September 8, 1965", "c. 1920", "500 BCE".
std::string format_date(const Date& date, const Translations& t, std::string_view lang);

// An event's date or range: "1965-1970" style, using the same per-language patterns.
std::string format_range(const Date& start, const Date* end, const Translations& t, std::string_view lang);

}  // namespace kiosk::core
