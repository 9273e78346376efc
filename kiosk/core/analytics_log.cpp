#include "core/analytics_log.hpp"

#include "core/utc_time.hpp"

namespace kiosk::core {

namespace {

using nlohmann::json;

bool is_number(const json& r, const char* key) { return r.contains(key) && r[key].is_number(); }
bool is_text(const json& r, const char* key) { return r.contains(key) && r[key].is_string(); }

// What is wrong with a parsed line as a record, or "" when it is a good one.
std::string check(const json& r) {
  if (!r.is_object()) return "a record must be one JSON object";
  if (!is_text(r, "t") || !parse_iso8601_utc(r["t"].get<std::string>()))
    return "\"t\" must be a UTC time like \"2024-05-01T10:00:00.000Z\"";
  if (!is_text(r, "ev")) return "\"ev\" (the kind of record) is missing";
  const std::string ev = r["ev"].get<std::string>();
  const bool visitor = ev.starts_with("session_") || ev.starts_with("tour_") || ev == "event_view" ||
                       ev == "language_change" || ev == "idle_warning" || ev == "extended" ||
                       ev == "filter" || ev == "era_jump";
  if (visitor && !is_text(r, "session")) return "\"" + ev + "\" needs the \"session\" it belongs to";
  if (ev == "session_end" && !is_number(r, "duration_s")) return "\"session_end\" needs a number \"duration_s\"";
  if (ev == "event_view" && (!is_text(r, "id") || !is_number(r, "dwell_s")))
    return "\"event_view\" needs the event \"id\" and a number \"dwell_s\"";
  if (ev.starts_with("tour_") && !is_text(r, "tour")) return "\"" + ev + "\" needs the \"tour\" id";
  if (ev == "tour_end" && !(r.contains("completed") && r["completed"].is_boolean()))
    return "\"tour_end\" needs \"completed\": true or false";
  if (ev == "language_change" && !is_text(r, "to")) return "\"language_change\" needs the language it changed \"to\"";
  if (ev == "era_jump" && !is_text(r, "era")) return "\"era_jump\" needs the \"era\" id it went to";
  return "";
}

}  // namespace

void read_analytics(std::string_view text, const std::string& file, AnalyticsLog* log) {
  int line_no = 0;
  int unparsed = 0;  // a line that did not parse, waiting to see whether it was torn
  auto bad = [&](int n, const std::string& why) {
    log->problems.push_back(file + ":" + std::to_string(n) + ": " + why);
  };
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(at, nl - at);
    at = nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const json r = json::parse(line, nullptr, false);
    if (r.is_discarded()) {
      if (unparsed) bad(unparsed, "this line is not valid JSON");
      unparsed = line_no;
      continue;
    }
    // A line cut off by a crash is the file's last, or the next run starts right after it.
    if (unparsed) {
      if (r.is_object() && r.value("ev", json()) == "app_start")
        ++log->torn;
      else
        bad(unparsed, "this line is not valid JSON");
      unparsed = 0;
    }
    const std::string why = check(r);
    if (why.empty())
      log->records.push_back(r);
    else
      bad(line_no, why);
  }
  if (unparsed) ++log->torn;
}

}  // namespace kiosk::core
