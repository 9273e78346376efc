#pragma once
// Reading analytics files back: valid records kept, bad lines named by file and line.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

struct AnalyticsLog {
  std::vector<nlohmann::json> records;  // valid records, in the order read
  std::vector<std::string> problems;    // "file:line: what is wrong" for each bad line but a torn last one
  int torn = 0;                         // lines skipped because a crash cut them off while writing
};

// Adds the records of one file's `text` to `log`; `file` names it in problems. A line that does
// not parse is counted as torn, not as a problem, when it is the last or an "app_start" follows it
// (the next run appended after a crash); blank lines are skipped.
void read_analytics(std::string_view text, const std::string& file, AnalyticsLog* log);

}  // namespace kiosk::core
