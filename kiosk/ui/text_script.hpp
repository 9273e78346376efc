#pragma once
// Unicode helpers for the text module: UTF-8 decoding and the script of a character.
#include <cstddef>
#include <string_view>

namespace kiosk::ui {

// ISO 15924 scripts the kiosk chooses fonts for; `common` is shared (spaces, digits,
// punctuation, combining marks) and takes the script of its neighbours.
enum class Script { common, latin, han, hangul, kana, arabic, devanagari, gurmukhi, khmer, lao, myanmar, thai, ethiopic };

// Decodes the character at byte `i` and advances `i` past it; invalid bytes give U+FFFD.
char32_t decode_utf8(std::string_view s, std::size_t& i);

Script script_of(char32_t c);

// ISO 15924 code, e.g. "Latn", "Guru"; "Zyyy" for common.
const char* script_code(Script s);

// True for a strong right-to-left character (Arabic, Hebrew and their presentation forms).
bool is_rtl_char(char32_t c);

// True for a strong left-to-right character (letters of left-to-right scripts).
bool is_ltr_char(char32_t c);

}  // namespace kiosk::ui
