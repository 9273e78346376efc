#include "core/report.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/frame_stats.hpp"
#include "core/utc_time.hpp"

namespace kiosk::core {

namespace {

using nlohmann::json;

struct SessionTally {
  std::string day;       // when it started
  std::string language;  // the last one chosen
  bool ended = false;
};

struct DayTally {
  DayReport report;
  std::vector<double> durations;
  std::map<std::string, EventStats> events;
  std::map<std::string, TourStats> tours;
  std::map<std::string, int> themes_on, era_jumps;
};

// Most used first, then by id.
std::vector<Uses> ranked(const std::map<std::string, int>& counts) {
  std::vector<Uses> out;
  for (const auto& [id, n] : counts) out.push_back({id, n});
  std::stable_sort(out.begin(), out.end(), [](const Uses& a, const Uses& b) { return a.times > b.times; });
  return out;
}

}  // namespace

Report make_report(const AnalyticsLog& log, std::size_t top) {
  std::vector<const json*> records;
  for (const json& r : log.records) records.push_back(&r);
  std::stable_sort(records.begin(), records.end(), [](const json* a, const json* b) {
    return *parse_iso8601_utc((*a)["t"].get<std::string>()) < *parse_iso8601_utc((*b)["t"].get<std::string>());
  });
  std::map<std::string, DayTally> days;
  std::map<std::string, SessionTally> sessions;
  std::map<std::string, std::set<std::string>> session_themes;  // the theme filters each session has on
  for (const json* p : records) {
    const json& r = *p;
    const std::string day = r["t"].get<std::string>().substr(0, 10);
    const std::string ev = r["ev"].get<std::string>();
    DayTally& d = days[day];
    d.report.day = day;
    const std::string session = r.value("session", std::string());
    if (ev == "session_start") {
      ++d.report.sessions;
      sessions[session] = SessionTally{day, r.value("language", std::string()), false};
    } else if (ev == "session_end") {
      if (sessions.count(session) && !sessions[session].ended) {
        sessions[session].ended = true;
        days[sessions[session].day].durations.push_back(r["duration_s"].get<double>());
      }
    } else if (ev == "language_change") {
      if (sessions.count(session)) sessions[session].language = r["to"].get<std::string>();
    } else if (ev == "event_view") {
      EventStats& e = d.events[r["id"].get<std::string>()];
      e.id = r["id"].get<std::string>();
      ++e.views;
      e.dwell_s += r["dwell_s"].get<double>();
    } else if (ev == "tour_start") {
      TourStats& t = d.tours[r["tour"].get<std::string>()];
      t.id = r["tour"].get<std::string>();
      ++t.started;
    } else if (ev == "tour_end") {
      TourStats& t = d.tours[r["tour"].get<std::string>()];
      t.id = r["tour"].get<std::string>();
      if (r["completed"].get<bool>()) ++t.completed;
    } else if (ev == "filter") {  // "themes": the filters on after the change
      std::set<std::string> now;
      if (r.contains("themes") && r["themes"].is_array())
        for (const json& t : r["themes"])
          if (t.is_string()) now.insert(t.get<std::string>());
      std::set<std::string>& before = session_themes[session];
      for (const std::string& t : now)
        if (!before.count(t)) ++d.themes_on[t];
      before = now;
    } else if (ev == "era_jump") {
      ++d.era_jumps[r["era"].get<std::string>()];
    } else if (ev == "idle_warning") {
      ++d.report.idle_warnings;
    } else if (ev == "extended") {
      ++d.report.extended;
    } else if (ev == "app_start") {
      ++d.report.app_starts;
      if (r.value("previous_unclean", false)) ++d.report.unclean_exits;
    } else if (ev == "error") {
      ++d.report.errors;
    }
  }
  std::map<std::string, std::map<std::string, int>> languages;  // day -> language -> sessions
  for (const auto& [id, s] : sessions) {
    ++languages[s.day][s.language];
    if (!s.ended) ++days[s.day].report.unfinished;
  }

  Report out;
  out.problems = log.problems;
  out.torn = log.torn;
  for (auto& [day, d] : days) {
    DayReport& r = d.report;
    r.median_session_s = median(d.durations);
    std::vector<EventStats> events;
    for (const auto& [id, e] : d.events) events.push_back(e);
    r.top_by_views = events;
    std::stable_sort(r.top_by_views.begin(), r.top_by_views.end(), [](const EventStats& a, const EventStats& b) {
      return a.views != b.views ? a.views > b.views : a.dwell_s > b.dwell_s;
    });
    r.top_by_dwell = events;
    std::stable_sort(r.top_by_dwell.begin(), r.top_by_dwell.end(), [](const EventStats& a, const EventStats& b) {
      return a.dwell_s != b.dwell_s ? a.dwell_s > b.dwell_s : a.views > b.views;
    });
    if (r.top_by_views.size() > top) r.top_by_views.resize(top);
    if (r.top_by_dwell.size() > top) r.top_by_dwell.resize(top);
    for (const auto& [language, n] : languages[day])
      r.languages.push_back({language, n, r.sessions > 0 ? static_cast<double>(n) / r.sessions : 0});
    std::stable_sort(r.languages.begin(), r.languages.end(),
                     [](const LanguageShare& a, const LanguageShare& b) { return a.sessions > b.sessions; });
    for (const auto& [id, t] : d.tours) r.tours.push_back(t);
    r.themes_on = ranked(d.themes_on);
    r.era_jumps = ranked(d.era_jumps);
    out.days.push_back(r);
  }
  return out;
}

}  // namespace kiosk::core
