#pragma once
// Problems found in content, each pointing at a place a curator can open in an editor.
#include <string>
#include <vector>

namespace kiosk::core {

enum class Severity { error, warning };

struct Diagnostic {
  std::string file;      // path relative to the content folder, e.g. "events/delano.json"
  int line = 0;          // 1-based; 0 when the problem is about the whole file
  int column = 0;        // 1-based, in bytes
  std::string pointer;   // JSON pointer of the value, e.g. "/start_date"; "" for the whole file
  Severity severity = Severity::error;
  std::string message;   // plain language: what is wrong and what to do
};

// "events/delano.json:14:22 /start_date: error: ..." (line/column and pointer omitted when unknown)
std::string format_diagnostic(const Diagnostic& d);

std::size_t count_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace kiosk::core
