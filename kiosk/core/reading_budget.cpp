#include "core/reading_budget.hpp"

#include <algorithm>

#include "core/content.hpp"

namespace kiosk::core {

namespace {
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
}  // namespace

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    if (is_space(c)) in_word = false;
    else if (!in_word) { in_word = true; ++words; }
  }
  return words;
}

std::size_t longest_sentence_words(std::string_view text) {
  std::size_t longest = 0, start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const bool end = i == text.size() ||
                     ((text[i] == '.' || text[i] == '!' || text[i] == '?') && (i + 1 == text.size() || is_space(text[i + 1])));
    if (end) {
      longest = std::max(longest, count_words(text.substr(start, i - start)));
      start = i + 1;
    }
  }
  return longest;
}

std::vector<BudgetWarning> reading_budget_warnings(const Event& e, const std::string& lang) {
  std::vector<BudgetWarning> out;
  const std::string& summary = e.summary.get(lang, lang);
  if (auto n = count_words(summary); n > kSummaryMaxWords)
    out.push_back({"/summary", "the card summary has " + std::to_string(n) + " words; keep it to " +
                                   std::to_string(kSummaryMaxWords) + " so visitors read it at a glance"});
  const std::string& body = e.body.get(lang, lang);
  if (auto n = count_words(body); n > kBodyMaxWords)
    out.push_back({"/body", "the body has " + std::to_string(n) + " words; keep it to " + std::to_string(kBodyMaxWords)});
  if (auto n = longest_sentence_words(body); n > kSentenceMaxWords)
    out.push_back({"/body", "a sentence of the body has " + std::to_string(n) + " words; split sentences longer than " +
                                std::to_string(kSentenceMaxWords)});
  return out;
}

}  // namespace kiosk::core
