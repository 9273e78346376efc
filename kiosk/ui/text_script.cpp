#include "ui/text_script.hpp"

namespace kiosk::ui {

char32_t decode_utf8(std::string_view s, std::size_t& i) {
  constexpr char32_t kReplacement = 0xFFFD;
  const auto b0 = static_cast<unsigned char>(s[i++]);
  if (b0 < 0x80) return b0;
  const int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : -1;
  if (extra < 0 || b0 > 0xF4) return kReplacement;
  char32_t cp = b0 & (0x3F >> extra);
  for (int k = 0; k < extra; ++k) {
    if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return kReplacement;
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  }
  return cp;
}

Script script_of(char32_t c) {
  // Shared by several scripts (Unicode Script_Extensions): the danda and double danda end
  // sentences in Gurmukhi and Bengali too, so they take their neighbours' face.
  if (c == 0x0964 || c == 0x0965) return Script::common;
  struct Range {
    char32_t from, to;
    Script script;
  };
  static constexpr Range kRanges[] = {
      {0x0041, 0x005A, Script::latin},      {0x0061, 0x007A, Script::latin},      {0x00C0, 0x024F, Script::latin},
      {0x0370, 0x052F, Script::latin},  // Greek and Cyrillic are served by the Latin face
      {0x0600, 0x06FF, Script::arabic},     {0x0750, 0x077F, Script::arabic},     {0x08A0, 0x08FF, Script::arabic},
      {0x0900, 0x097F, Script::devanagari}, {0x0A00, 0x0A7F, Script::gurmukhi},   {0x0E00, 0x0E7F, Script::thai},
      {0x0E80, 0x0EFF, Script::lao},        {0x1000, 0x109F, Script::myanmar},    {0x1100, 0x11FF, Script::hangul},
      {0x1200, 0x139F, Script::ethiopic},   {0x1780, 0x17FF, Script::khmer},      {0x19E0, 0x19FF, Script::khmer},
      {0x1E00, 0x1EFF, Script::latin},      {0x2D80, 0x2DDF, Script::ethiopic},   {0x2E80, 0x2FDF, Script::han},
      {0x3000, 0x303F, Script::han},        {0x3040, 0x30FF, Script::kana},       {0x3130, 0x318F, Script::hangul},
      {0x31F0, 0x31FF, Script::kana},       {0x3400, 0x4DBF, Script::han},        {0x4E00, 0x9FFF, Script::han},
      {0xA8E0, 0xA8FF, Script::devanagari}, {0xAA60, 0xAA7F, Script::myanmar},    {0xAB00, 0xAB2F, Script::ethiopic},
      {0xAC00, 0xD7AF, Script::hangul},     {0xF900, 0xFAFF, Script::han},        {0xFB50, 0xFDFF, Script::arabic},
      {0xFE70, 0xFEFF, Script::arabic},     {0xFF00, 0xFFEF, Script::han},        {0x20000, 0x3FFFF, Script::han},
  };
  for (const Range& r : kRanges)
    if (c >= r.from && c <= r.to) return r.script;
  return Script::common;
}

const char* script_code(Script s) {
  switch (s) {
    case Script::common: return "Zyyy";
    case Script::latin: return "Latn";
    case Script::han: return "Hani";
    case Script::hangul: return "Hang";
    case Script::kana: return "Kana";
    case Script::arabic: return "Arab";
    case Script::devanagari: return "Deva";
    case Script::gurmukhi: return "Guru";
    case Script::khmer: return "Khmr";
    case Script::lao: return "Laoo";
    case Script::myanmar: return "Mymr";
    case Script::thai: return "Thai";
    case Script::ethiopic: return "Ethi";
  }
  return "Zyyy";
}

bool is_rtl_char(char32_t c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

bool is_ltr_char(char32_t c) {
  const Script s = script_of(c);
  return s != Script::common && s != Script::arabic;
}

}  // namespace kiosk::ui
