#pragma once
// Scripted input sessions (JSON lines) for headless runs and tests.
#include <string>
#include <string_view>
#include <vector>

#include "core/input.hpp"

namespace kiosk::core {

struct SessionError {
  int line = 0;         // 1-based line of the session file
  std::string message;  // what is wrong with it
};

// Parses a session; x and y are normalised (0..1) and scaled to `width` x `height` pixels.
// Blank lines are skipped. Returns false and fills `error` at the first bad line.
bool parse_session(std::string_view text, float width, float height, std::vector<InputEvent>* events,
                   SessionError* error);

}  // namespace kiosk::core
