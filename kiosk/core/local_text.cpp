#include "core/local_text.hpp"

namespace kiosk::core {

const std::string& LocalText::get(std::string_view lang, std::string_view fallback) const {
  static const std::string none;
  if (auto it = by_lang.find(lang); it != by_lang.end() && !it->second.empty()) return it->second;
  if (auto it = by_lang.find(fallback); it != by_lang.end() && !it->second.empty()) return it->second;
  for (const auto& [code, text] : by_lang)
    if (!text.empty()) return text;
  return none;
}

}  // namespace kiosk::core
