#include "core/analytics.hpp"

#include <algorithm>
#include <cmath>

#include "core/utc_time.hpp"

namespace kiosk::core {

namespace {

Record record(const AnalyticsSession& a, double now_ms, const char* ev) {
  return Record{{"t", iso8601_utc(a.epoch_unix_ms + now_ms)}, {"ev", ev}};
}

Record visitor_record(const AnalyticsSession& a, double now_ms, const char* ev) {
  Record r = record(a, now_ms, ev);
  r["session"] = a.id;
  return r;
}

// Seconds from `from_ms` to `to_ms`, to the millisecond, never negative.
double seconds(double from_ms, double to_ms) { return std::round(std::max(0.0, to_ms - from_ms)) / 1000.0; }

int tour_length(const Content& content, const std::string& tour) {
  const Tour* t = content.tour(tour);
  return t ? static_cast<int>(t->events.size()) : 0;
}

// Closes what `state` has open at `now_ms`: the detail (its dwell running to `end_ms`), the tour
// and the session, which ends for `reason`.
void close_session(AnalyticsSession& a, const KioskState& state, const Content& content, double now_ms, double end_ms,
                   const char* reason, std::vector<Record>& out) {
  if (a.id.empty()) return;
  if (!state.selected_event.empty()) {
    Record r = visitor_record(a, now_ms, "event_view");
    r["id"] = state.selected_event;
    r["dwell_s"] = seconds(a.event_opened_ms, end_ms);
    out.push_back(r);
  }
  if (!state.tour.empty()) {
    Record r = visitor_record(a, now_ms, "tour_end");
    r["tour"] = state.tour;
    r["completed"] = a.tour_furthest + 1 >= tour_length(content, state.tour);
    r["stops"] = a.tour_furthest + 1;
    out.push_back(r);
  }
  Record r = visitor_record(a, now_ms, "session_end");
  r["duration_s"] = seconds(a.started_ms, end_ms);
  r["reason"] = reason;
  out.push_back(r);
  a.id.clear();
  a.tour_furthest = -1;
}

}  // namespace

AnalyticsSession start_analytics(double epoch_unix_ms) {
  AnalyticsSession a;
  a.epoch_unix_ms = epoch_unix_ms;
  for (char c : iso8601_utc(epoch_unix_ms).substr(0, 19))
    if (c != '-' && c != ':') a.run += c;
  return a;
}

std::vector<Record> analytics_records(AnalyticsSession& a, const KioskState& before, const KioskState& after,
                                      const Content& content, const KioskConfig& config) {
  std::vector<Record> out;
  const double now = after.now_ms;
  // The countdown ran out (or the kiosk went back to its attract loop): the visitor has gone.
  if (after.mode == Mode::attract && before.mode != Mode::attract) {
    const char* reason = after.sessions > before.sessions ? "idle_reset" : "attract";
    close_session(a, before, content, now, before.last_input_ms, reason, out);
    out.push_back(record(a, now, "attract_shown"));
    return out;
  }
  const bool touched = after.last_input_ms > before.last_input_ms && after.last_input_ms == now;
  if (a.id.empty() && after.mode != Mode::attract && (touched || after.mode == Mode::detail)) {
    a.id = a.run + "-" + std::to_string(a.next++);
    a.started_ms = now;
    Record r = visitor_record(a, now, "session_start");
    r["language"] = before.language;
    out.push_back(r);
    if (!before.selected_event.empty()) a.event_opened_ms = now;  // deep-linked before the first step
    if (!before.tour.empty()) a.tour_furthest = before.tour_step;
  }
  if (a.id.empty()) return out;

  const double warned_before = warning_seconds_left(before, config), warned_after = warning_seconds_left(after, config);
  if (warned_before == 0 && warned_after > 0) out.push_back(visitor_record(a, now, "idle_warning"));
  if (warned_before > 0 && warned_after == 0 && touched) {
    Record r = visitor_record(a, now, "extended");
    const double left = config.idle_seconds + config.warning_seconds - (now - before.last_input_ms) / 1000;
    r["seconds_left"] = std::round(left * 10) / 10;  // at the touch, not at the step before it
    out.push_back(r);
  }
  if (before.selected_event != after.selected_event) {
    if (!before.selected_event.empty()) {
      Record r = visitor_record(a, now, "event_view");
      r["id"] = before.selected_event;
      r["dwell_s"] = seconds(a.event_opened_ms, now);
      out.push_back(r);
    }
    a.event_opened_ms = now;
  }
  if (before.tour != after.tour) {
    if (!before.tour.empty()) {
      Record r = visitor_record(a, now, "tour_end");
      r["tour"] = before.tour;
      r["completed"] = a.tour_furthest + 1 >= tour_length(content, before.tour);
      r["stops"] = a.tour_furthest + 1;
      out.push_back(r);
    }
    if (!after.tour.empty()) {
      Record r = visitor_record(a, now, "tour_start");
      r["tour"] = after.tour;
      out.push_back(r);
    }
    a.tour_furthest = after.tour.empty() ? -1 : after.tour_step;
  } else if (!after.tour.empty() && before.tour_step != after.tour_step) {
    Record r = visitor_record(a, now, "tour_step");
    r["tour"] = after.tour;
    r["step"] = after.tour_step;
    r["id"] = after.selected_event;
    out.push_back(r);
    a.tour_furthest = std::max(a.tour_furthest, after.tour_step);
  }
  if (before.language != after.language) {
    Record r = visitor_record(a, now, "language_change");
    r["from"] = before.language;
    r["to"] = after.language;
    out.push_back(r);
  }
  if (before.text_scale != after.text_scale) {
    Record r = visitor_record(a, now, "text_size");
    r["value"] = std::round(after.text_scale * 100) / 100;
    out.push_back(r);
  }
  if (before.high_contrast != after.high_contrast) {
    Record r = visitor_record(a, now, "high_contrast");
    r["value"] = after.high_contrast;
    out.push_back(r);
  }
  if (before.reduced_motion != after.reduced_motion) {
    Record r = visitor_record(a, now, "reduced_motion");
    r["value"] = after.reduced_motion;
    out.push_back(r);
  }
  if (before.filters != after.filters) {
    Record r = visitor_record(a, now, "filter");
    r["themes"] = after.filters;
    out.push_back(r);
  }
  if (after.era_jumps > before.era_jumps) {  // an era button was used (a reset sets the count back)
    Record r = visitor_record(a, now, "era_jump");
    r["era"] = after.era_jump;
    out.push_back(r);
  }
  return out;
}

std::vector<Record> analytics_stop(AnalyticsSession& a, const KioskState& state, const Content& content) {
  std::vector<Record> out;
  close_session(a, state, content, state.now_ms, state.now_ms, "app_stop", out);
  out.push_back(record(a, state.now_ms, "app_stop"));
  return out;
}

Record app_start_record(const AnalyticsSession& a, double now_ms, const std::string& content_version,
                        const std::string& previous_last_t) {
  Record r = record(a, now_ms, "app_start");
  r["content_version"] = content_version;
  if (!previous_last_t.empty()) {
    r["previous_unclean"] = true;
    r["previous_last_t"] = previous_last_t;
  }
  return r;
}

Record content_version_record(const AnalyticsSession& a, double now_ms, const std::string& version) {
  Record r = record(a, now_ms, "content_version");
  r["version"] = version;
  return r;
}

Record error_record(const AnalyticsSession& a, double now_ms, const std::string& message) {
  Record r = record(a, now_ms, "error");
  r["message"] = message;
  return r;
}

std::string unclean_end(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0) {  // from the last line back to the last one that parses: a torn line does not count
    const std::size_t nl = text.rfind('\n', end - 1);
    const std::size_t start = nl == std::string_view::npos ? 0 : nl + 1;
    const auto j = nlohmann::json::parse(text.substr(start, end - start), nullptr, false);
    if (!j.is_discarded() && j.is_object() && j.contains("t") && j["t"].is_string() && j.contains("ev"))
      return j["ev"] == "app_stop" ? "" : j["t"].get<std::string>();
    if (start == 0) break;
    end = start - 1;
  }
  return "";
}

}  // namespace kiosk::core
