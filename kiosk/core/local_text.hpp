#pragma once
// Visitor-visible text given per language, with fallback to the content's default language.
#include <map>
#include <string>
#include <string_view>

namespace kiosk::core {

struct LocalText {
  std::map<std::string, std::string, std::less<>> by_lang;  // language code -> text (UTF-8)

  // The text in `lang`, else in `fallback`, else the first language that has it; "" if none.
  const std::string& get(std::string_view lang, std::string_view fallback) const;
  bool empty() const { return by_lang.empty(); }
  bool has(std::string_view lang) const { return by_lang.find(lang) != by_lang.end(); }
};

}  // namespace kiosk::core
