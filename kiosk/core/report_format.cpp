// The three outputs of `kiosk report`: a table per day, CSV rows and one JSON object.
#include <algorithm>
#include <cstdio>

#include "core/report.hpp"

namespace kiosk::core {

namespace {

std::string format(const char* fmt, auto... args) {
  std::string s(static_cast<std::size_t>(std::max(0, std::snprintf(nullptr, 0, fmt, args...))) + 1, '\0');
  std::snprintf(s.data(), s.size(), fmt, args...);
  s.pop_back();
  return s;
}

double rate(const TourStats& t) { return t.started > 0 ? static_cast<double>(t.completed) / t.started : 0; }

// A CSV field: quoted when it holds a comma, quote or line break.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string number(double v) { return format("%.3f", v); }

void event_rows(std::string& out, const std::vector<EventStats>& events) {
  for (const EventStats& e : events) out += format("    %-36s %6d %10.1f\n", e.id.c_str(), e.views, e.dwell_s);
}

}  // namespace

std::string report_text(const Report& r) {
  std::string out;
  for (const DayReport& d : r.days) {
    out += d.day + "\n";
    out += format("  %-30s %6d", "sessions", d.sessions);
    out += d.unfinished ? format("  (%d unfinished: the kiosk stopped during them)\n", d.unfinished) : "\n";
    out += format("  %-30s %8.1f s\n", "median session", d.median_session_s);
    out += format("  %-30s %6d  (%d answered by a touch)\n", "still-there warnings", d.idle_warnings, d.extended);
    out += format("  %-30s %6d  (%d after an unclean exit)\n", "kiosk starts", d.app_starts, d.unclean_exits);
    if (d.errors) out += format("  %-30s %6d\n", "errors", d.errors);
    if (!d.top_by_views.empty()) {
      out += format("  %-36s %8s %10s\n", "top events by views", "views", "dwell s");
      event_rows(out, d.top_by_views);
      out += format("  %-36s %8s %10s\n", "top events by dwell", "views", "dwell s");
      event_rows(out, d.top_by_dwell);
    }
    if (!d.languages.empty()) {
      out += format("  %-36s %8s %10s\n", "languages (share of sessions)", "sessions", "share");
      for (const LanguageShare& l : d.languages)
        out += format("    %-36s %6d %9.1f%%\n", l.language.c_str(), l.sessions, l.share * 100);
    }
    if (!d.tours.empty()) {
      out += format("  %-36s %8s %10s %6s\n", "tours", "started", "completed", "rate");
      for (const TourStats& t : d.tours)
        out += format("    %-36s %6d %10d %5.1f%%\n", t.id.c_str(), t.started, t.completed, rate(t) * 100);
    }
    if (!d.themes_on.empty()) {
      out += format("  %-36s %8s\n", "theme filters switched on", "times");
      for (const Uses& u : d.themes_on) out += format("    %-36s %6d\n", u.id.c_str(), u.times);
    }
    if (!d.era_jumps.empty()) {
      out += format("  %-36s %8s\n", "era jumps", "times");
      for (const Uses& u : d.era_jumps) out += format("    %-36s %6d\n", u.id.c_str(), u.times);
    }
    out += "\n";
  }
  if (r.days.empty()) out += "no records\n";
  if (r.torn) out += format("%d cut-off line(s) skipped (the kiosk stopped while writing them)\n", r.torn);
  for (const std::string& p : r.problems) out += "skipped " + p + "\n";
  return out;
}

std::string report_csv(const Report& r) {
  std::string out = "day,metric,item,value\n";
  auto row = [&](const std::string& day, const char* metric, const std::string& item, const std::string& value) {
    out += day + "," + metric + "," + csv_field(item) + "," + value + "\n";
  };
  for (const DayReport& d : r.days) {
    row(d.day, "sessions", "", std::to_string(d.sessions));
    row(d.day, "unfinished_sessions", "", std::to_string(d.unfinished));
    row(d.day, "median_session_s", "", number(d.median_session_s));
    row(d.day, "idle_warnings", "", std::to_string(d.idle_warnings));
    row(d.day, "extended", "", std::to_string(d.extended));
    row(d.day, "app_starts", "", std::to_string(d.app_starts));
    row(d.day, "unclean_exits", "", std::to_string(d.unclean_exits));
    row(d.day, "errors", "", std::to_string(d.errors));
    for (const EventStats& e : d.top_by_views) row(d.day, "event_views", e.id, std::to_string(e.views));
    for (const EventStats& e : d.top_by_dwell) row(d.day, "event_dwell_s", e.id, number(e.dwell_s));
    for (const LanguageShare& l : d.languages) {
      row(d.day, "language_sessions", l.language, std::to_string(l.sessions));
      row(d.day, "language_share", l.language, number(l.share));
    }
    for (const TourStats& t : d.tours) {
      row(d.day, "tour_started", t.id, std::to_string(t.started));
      row(d.day, "tour_completed", t.id, std::to_string(t.completed));
      row(d.day, "tour_completion_rate", t.id, number(rate(t)));
    }
    for (const Uses& u : d.themes_on) row(d.day, "theme_on", u.id, std::to_string(u.times));
    for (const Uses& u : d.era_jumps) row(d.day, "era_jump", u.id, std::to_string(u.times));
  }
  return out;
}

nlohmann::ordered_json report_json(const Report& r) {
  using nlohmann::ordered_json;
  auto events = [](const std::vector<EventStats>& list) {
    ordered_json a = ordered_json::array();
    for (const EventStats& e : list) a.push_back({{"id", e.id}, {"views", e.views}, {"dwell_s", e.dwell_s}});
    return a;
  };
  auto uses = [](const std::vector<Uses>& list) {
    ordered_json a = ordered_json::array();
    for (const Uses& u : list) a.push_back({{"id", u.id}, {"times", u.times}});
    return a;
  };
  ordered_json days = ordered_json::array();
  for (const DayReport& d : r.days) {
    ordered_json languages = ordered_json::array(), tours = ordered_json::array();
    for (const LanguageShare& l : d.languages)
      languages.push_back({{"language", l.language}, {"sessions", l.sessions}, {"share", l.share}});
    for (const TourStats& t : d.tours)
      tours.push_back({{"tour", t.id}, {"started", t.started}, {"completed", t.completed}, {"rate", rate(t)}});
    days.push_back({{"day", d.day},
                    {"sessions", d.sessions},
                    {"unfinished_sessions", d.unfinished},
                    {"median_session_s", d.median_session_s},
                    {"idle_warnings", d.idle_warnings},
                    {"extended", d.extended},
                    {"app_starts", d.app_starts},
                    {"unclean_exits", d.unclean_exits},
                    {"errors", d.errors},
                    {"top_by_views", events(d.top_by_views)},
                    {"top_by_dwell", events(d.top_by_dwell)},
                    {"languages", languages},
                    {"language_share_of", "sessions"},
                    {"tours", tours},
                    {"themes_on", uses(d.themes_on)},
                    {"era_jumps", uses(d.era_jumps)}});
  }
  return {{"days", days}, {"problems", r.problems}, {"torn_lines", r.torn}};
}

}  // namespace kiosk::core
