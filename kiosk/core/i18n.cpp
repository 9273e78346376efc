#include "core/i18n.hpp"

namespace kiosk::core {

std::string Translations::get(std::string_view lang, std::string_view key) const {
  for (std::string_view l : {lang, std::string_view(default_language)}) {
    if (auto table = tables.find(l); table != tables.end())
      if (auto it = table->second.find(key); it != table->second.end()) return it->second;
  }
  return std::string(key);
}

void add_missing_strings(Translations& into, const Translations& from) {
  for (const auto& [lang, table] : from.tables) {
    auto& target = into.tables[lang];
    for (const auto& [key, text] : table) target.emplace(key, text);  // emplace keeps what is there
  }
}

std::string fill(std::string pattern, std::string_view name, std::string_view value) {
  const std::string token = "{" + std::string(name) + "}";
  for (std::size_t at = pattern.find(token); at != std::string::npos; at = pattern.find(token, at + value.size()))
    pattern.replace(at, token.size(), value);
  return pattern;
}

namespace {
// "13.8" for 13,800,000,000 / 1e9: one decimal, none when it is zero.
std::string short_number(double value) {
  const long long tenths = static_cast<long long>(value * 10 + 0.5);
  std::string out = std::to_string(tenths / 10);
  if (tenths % 10) out += "." + std::to_string(tenths % 10);
  return out;
}
}  // namespace

std::string format_date(const Date& date, const Translations& t, std::string_view lang) {
  // Deep time reads as "years ago": nobody counts the Big Bang in BCE.
  if (date.year <= -1'000'000) {
    const double ago = static_cast<double>(-date.year);
    const bool billions = ago >= 1e9;
    std::string out = fill(t.get(lang, billions ? "date.billion_years_ago" : "date.million_years_ago"), "n",
                           short_number(ago / (billions ? 1e9 : 1e6)));
    return date.approximate ? fill(t.get(lang, "date.approximate"), "date", out) : out;
  }
  std::string year = std::to_string(date.year > 0 ? date.year : 1 - date.year);
  if (date.year <= 0) year = fill(t.get(lang, "date.bce"), "year", year);
  std::string out;
  if (date.month == 0) {
    out = fill(t.get(lang, "date.year"), "year", year);
  } else {
    const std::string month = t.get(lang, "date.month." + std::to_string(date.month));
    if (date.day == 0) {
      out = fill(fill(t.get(lang, "date.month_year"), "month", month), "year", year);
    } else {
      out = fill(fill(fill(t.get(lang, "date.full"), "month", month), "year", year), "day",
                 std::to_string(date.day));
    }
  }
  if (date.approximate) out = fill(t.get(lang, "date.approximate"), "date", out);
  return out;
}

std::string format_range(const Date& start, const Date* end, const Translations& t, std::string_view lang) {
  if (!end || *end == start) return format_date(start, t, lang);
  return fill(fill(t.get(lang, "date.range"), "start", format_date(start, t, lang)), "end",
              format_date(*end, t, lang));
}

}  // namespace kiosk::core
