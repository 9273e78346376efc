#pragma once
// Analytics on disk: one JSON Lines file per UTC day, analytics-YYYY-MM-DD.jsonl, each line
// flushed as it is written (a crash loses at most the line being written), old days deleted.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "core/analytics.hpp"

namespace kiosk::platform {

class AnalyticsFile {
 public:
  // Writes into `dir` (created when missing), keeping `retention_days` days, today included.
  AnalyticsFile(std::filesystem::path dir, int retention_days);

  // "t" of the last record in the newest day file when the run that wrote it did not end with
  // "app_stop" (it crashed or lost power); "" when it stopped cleanly or there is no file.
  std::string previous_unclean() const;

  // Appends `record` to the file of its "t" day and flushes it; at a new day, deletes expired
  // files. Never throws: the first failure prints one line to stderr and later records are
  // dropped until a new day's file opens.
  void write(const core::Record& record);

  bool failing() const { return failing_; }  // the last write was dropped

 private:
  struct Close {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  void fail(const std::string& what);

  std::filesystem::path dir_;
  int retention_days_;
  std::string day_;  // "YYYY-MM-DD" of the open file
  std::unique_ptr<std::FILE, Close> file_;
  bool failing_ = false;
  bool reported_ = false;
};

// Deletes analytics-YYYY-MM-DD.jsonl files in `dir` whose day is `retention_days` or more days
// before `today` ("YYYY-MM-DD"); returns how many were deleted. Other files are left alone.
int prune_analytics(const std::filesystem::path& dir, const std::string& today, int retention_days);

}  // namespace kiosk::platform
