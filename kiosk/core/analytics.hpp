#pragma once
// Analytics records: what visitors do, as JSON objects written one per line (JSON Lines).
// No personal data: a session is a number, nothing a visitor types is kept. Each record has
// "t" (ISO-8601 UTC) and "ev"; those about a visitor also have "session".
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/kiosk.hpp"

namespace kiosk::core {

using Record = nlohmann::ordered_json;  // keys stay in the order written: t, ev, session, ...

// Bookkeeping between steps, kept by whoever records (KioskApp) and changed by the functions below.
struct AnalyticsSession {
  double epoch_unix_ms = 0;    // wall-clock time (ms since 1970-01-01 UTC) at state time 0
  std::string run;             // prefix of session ids, unique per program start: "20240501T100000"
  int next = 1;                // number of the next visitor session in this run
  std::string id;              // the open session's id ("<run>-<n>"), "" when no visitor session is open
  double started_ms = 0;       // state time (ms) of the open session's first touch
  double event_opened_ms = 0;  // state time (ms) the event in detail was opened
  int tour_furthest = -1;      // furthest stop index reached on the current tour
};

// Bookkeeping for a program started at `epoch_unix_ms`; its run id is that time, "20240501T100000".
AnalyticsSession start_analytics(double epoch_unix_ms);

// The records that one KioskApp step, from `before` to `after`, means (time: after.now_ms).
// A session starts at the first touch out of the attract loop (or a deep-linked detail) and ends
// at the idle reset; its duration_s and a detail's dwell_s then run to the visitor's last touch.
std::vector<Record> analytics_records(AnalyticsSession& a, const KioskState& before, const KioskState& after,
                                      const Content& content, const KioskConfig& config);

// A clean stop at `state.now_ms`: closes the open detail, tour and session, then "app_stop".
std::vector<Record> analytics_stop(AnalyticsSession& a, const KioskState& state, const Content& content);

// "app_start" at state time `now_ms`; `previous_last_t` non-empty marks the previous run unclean
// ("previous_unclean": true) and says when it last wrote.
Record app_start_record(const AnalyticsSession& a, double now_ms, const std::string& content_version,
                        const std::string& previous_last_t);

// "content_version" (content was loaded or replaced) and "error" records at state time `now_ms`.
Record content_version_record(const AnalyticsSession& a, double now_ms, const std::string& version);
Record error_record(const AnalyticsSession& a, double now_ms, const std::string& message);

// The "t" of the last valid record of a day file's `text` when that record is not "app_stop"
// (the run that wrote it did not stop cleanly); "" when it ended cleanly or holds no record.
std::string unclean_end(std::string_view text);

}  // namespace kiosk::core
