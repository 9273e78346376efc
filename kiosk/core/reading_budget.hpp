#pragma once
// How much a visitor is asked to read: word and sentence limits for cards and detail text.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

struct Event;

inline constexpr std::size_t kSummaryMaxWords = 40;   // card summary
inline constexpr std::size_t kBodyMaxWords = 120;     // detail body
inline constexpr std::size_t kSentenceMaxWords = 25;  // any sentence of the body

// Words separated by white space (a CJK run without spaces counts as one word).
std::size_t count_words(std::string_view text);

// Words in the longest sentence (sentences end with . ! ? followed by space or the end).
std::size_t longest_sentence_words(std::string_view text);

struct BudgetWarning {
  std::string pointer;
  std::string message;
};

// Warnings for an event whose default-language text is over its reading budget.
std::vector<BudgetWarning> reading_budget_warnings(const Event& e, const std::string& lang);

}  // namespace kiosk::core
