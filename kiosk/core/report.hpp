#pragma once
// `kiosk report`: per-day numbers from analytics records, as a table, CSV or JSON.
// Days are UTC days, taken from each record's "t"; a session belongs to the day it started.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/analytics_log.hpp"

namespace kiosk::core {

struct EventStats {
  std::string id;
  int views = 0;       // times a visitor opened and then left its detail
  double dwell_s = 0;  // seconds spent in its detail, summed over the views
};

struct LanguageShare {
  std::string language;
  int sessions = 0;  // sessions whose visitor last chose this language (or kept the one they found)
  double share = 0;  // sessions / the day's sessions, 0..1
};

struct TourStats {
  std::string id;
  int started = 0, completed = 0;  // completed: the visitor reached the last stop
};

struct Uses {
  std::string id;
  int times = 0;
};

struct DayReport {
  std::string day;                      // "YYYY-MM-DD" (UTC)
  int sessions = 0;                     // visitor sessions that started this day
  int unfinished = 0;                   // of those, how many have no session_end (the kiosk stopped uncleanly)
  double median_session_s = 0;          // median duration_s of the finished ones; 0 when none finished
  int idle_warnings = 0, extended = 0;  // "still there?" warnings, and those a visitor answered
  int app_starts = 0, unclean_exits = 0, errors = 0;
  std::vector<EventStats> top_by_views, top_by_dwell;  // at most `top` each
  std::vector<LanguageShare> languages;                // most sessions first
  std::vector<TourStats> tours;                        // by id
  std::vector<Uses> themes_on;  // times a visitor switched each theme filter on; most first, then by id
  std::vector<Uses> era_jumps;  // times a visitor jumped to each era; most first, then by id
};

struct Report {
  std::vector<DayReport> days;        // oldest first
  std::vector<std::string> problems;  // bad lines, "file:line: why"
  int torn = 0;                       // torn last lines skipped
};

// Per-day numbers from every record of `log`, read in time order; `top` events per list.
Report make_report(const AnalyticsLog& log, std::size_t top = 10);

// A readable table per day, then the problems.
std::string report_text(const Report& r);
// The same numbers, one per row: day,metric,item,value (item is "" for whole-day numbers).
std::string report_csv(const Report& r);
// {"days": [{...}], "problems": [...], "torn_lines": n}
nlohmann::ordered_json report_json(const Report& r);

}  // namespace kiosk::core
