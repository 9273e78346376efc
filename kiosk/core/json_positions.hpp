#pragma once
// JSON parsing that remembers where each value starts, so diagnostics can name line and column.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace kiosk::core {

struct TextPosition {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in bytes
};

struct PositionedJson {
  nlohmann::json value;
  std::map<std::string, std::size_t> offsets;  // JSON pointer -> byte offset where the value starts

  // Line and column of the value at `pointer`, or of its nearest ancestor that has one.
  TextPosition position_of(std::string_view pointer, std::string_view text) const;
};

struct JsonError {
  TextPosition position;
  std::string message;  // plain language
};

// Parses `text`. Never throws. Fails on invalid UTF-8, syntax errors and nesting deeper than
// `max_depth` objects/arrays, with the position of the problem.
std::optional<PositionedJson> parse_positioned_json(std::string_view text, std::size_t max_depth,
                                                    JsonError* error);

// 1-based line and column of a byte offset in `text`.
TextPosition position_at(std::string_view text, std::size_t offset);

// Escapes one JSON pointer reference token ("a/b" -> "a~1b").
std::string pointer_token(std::string_view key);

}  // namespace kiosk::core
