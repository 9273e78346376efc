// kiosk report: exact numbers from a committed fixture, its CSV and JSON, and a simulated day.
#include "core/report.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "analytics_sim.hpp"

using namespace kiosk::core;
using kiosk::core::test::Sim;

namespace {

AnalyticsLog read_fixture_days() {
  AnalyticsLog log;
  for (const char* name : {"analytics-2024-05-01.jsonl", "analytics-2024-05-02.jsonl"}) {
    std::ifstream in(std::string(FIXTURES_DIR) + "/analytics/" + name, std::ios::binary);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    read_analytics(text.str(), name, &log);
  }
  return log;
}

}  // namespace

TEST_CASE("the report of two fixture days has the numbers worked out by hand") {
  const Report r = make_report(read_fixture_days());
  REQUIRE(r.days.size() == 2);
  const DayReport& d = r.days[0];
  CHECK(d.day == "2024-05-01");
  CHECK(d.sessions == 5);
  CHECK(d.unfinished == 0);
  CHECK(d.median_session_s == 60.0);  // of 30, 55, 60, 90, 150
  CHECK(d.idle_warnings == 3);
  CHECK(d.extended == 1);
  REQUIRE(d.top_by_views.size() == 3);
  CHECK(d.top_by_views[0].id == "delano");
  CHECK(d.top_by_views[0].views == 3);
  CHECK(d.top_by_views[0].dwell_s == 37.0);
  CHECK(d.top_by_dwell[0].id == "vincent-chin");
  CHECK(d.top_by_dwell[0].dwell_s == 75.5);
  REQUIRE(d.languages.size() == 3);  // the last language each session chose
  CHECK(d.languages[0].language == "en");
  CHECK(d.languages[0].sessions == 3);
  CHECK(d.languages[0].share == Approx(0.6));
  REQUIRE(d.tours.size() == 1);
  CHECK(d.tours[0].started == 2);
  CHECK(d.tours[0].completed == 1);

  const DayReport& crash = r.days[1];
  CHECK(crash.sessions == 2);
  CHECK(crash.unfinished == 1);  // the power went during it
  CHECK(crash.median_session_s == 50.0);
  CHECK(crash.app_starts == 2);
  CHECK(crash.unclean_exits == 1);
  CHECK(crash.errors == 1);
  CHECK(r.torn == 2);  // one below which the next run started, one at the end
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0] == "analytics-2024-05-01.jsonl:27: \"session_end\" needs the \"session\" it belongs to");
}

TEST_CASE("the fixture report as CSV rows and as JSON") {
  const Report r = make_report(read_fixture_days());
  CHECK(report_csv(r) ==
        "day,metric,item,value\n"
        "2024-05-01,sessions,,5\n"
        "2024-05-01,unfinished_sessions,,0\n"
        "2024-05-01,median_session_s,,60.000\n"
        "2024-05-01,idle_warnings,,3\n"
        "2024-05-01,extended,,1\n"
        "2024-05-01,app_starts,,1\n"
        "2024-05-01,unclean_exits,,0\n"
        "2024-05-01,errors,,0\n"
        "2024-05-01,event_views,delano,3\n"
        "2024-05-01,event_views,vincent-chin,2\n"
        "2024-05-01,event_views,ilwu,1\n"
        "2024-05-01,event_dwell_s,vincent-chin,75.500\n"
        "2024-05-01,event_dwell_s,delano,37.000\n"
        "2024-05-01,event_dwell_s,ilwu,8.000\n"
        "2024-05-01,language_sessions,en,3\n"
        "2024-05-01,language_share,en,0.600\n"
        "2024-05-01,language_sessions,es,1\n"
        "2024-05-01,language_share,es,0.200\n"
        "2024-05-01,language_sessions,zh-Hant,1\n"
        "2024-05-01,language_share,zh-Hant,0.200\n"
        "2024-05-01,tour_started,workers,2\n"
        "2024-05-01,tour_completed,workers,1\n"
        "2024-05-01,tour_completion_rate,workers,0.500\n"
        "2024-05-02,sessions,,2\n"
        "2024-05-02,unfinished_sessions,,1\n"
        "2024-05-02,median_session_s,,50.000\n"
        "2024-05-02,idle_warnings,,0\n"
        "2024-05-02,extended,,0\n"
        "2024-05-02,app_starts,,2\n"
        "2024-05-02,unclean_exits,,1\n"
        "2024-05-02,errors,,1\n"
        "2024-05-02,event_views,delano,1\n"
        "2024-05-02,event_dwell_s,delano,30.000\n"
        "2024-05-02,language_sessions,en,1\n"
        "2024-05-02,language_share,en,0.500\n"
        "2024-05-02,language_sessions,ko,1\n"
        "2024-05-02,language_share,ko,0.500\n");
  const auto j = report_json(r);
  CHECK(j["torn_lines"] == 2);
  CHECK(j["problems"].size() == 1);
  const auto& day = j["days"][0];
  CHECK(day["day"] == "2024-05-01");
  CHECK(day["sessions"] == 5);
  CHECK(day["median_session_s"] == 60.0);
  CHECK(day["language_share_of"] == "sessions");
  CHECK(day["top_by_dwell"][0].dump() == R"({"id":"vincent-chin","views":2,"dwell_s":75.5})");
  CHECK(day["tours"][0].dump() == R"({"tour":"workers","started":2,"completed":1,"rate":0.5})");
  CHECK(j["days"][1]["unclean_exits"] == 1);
}

TEST_CASE("the readable table shows each day's numbers and the skipped lines") {
  const std::string text = report_text(make_report(read_fixture_days()));
  CHECK(text.starts_with(
      "2024-05-01\n  sessions                            5\n  median session                     60.0 s\n"));
  CHECK(text.find("    delano                                    3       37.0\n") != std::string::npos);
  CHECK(text.find("    workers                                   2          1  50.0%\n") != std::string::npos);
  CHECK(text.find("  sessions                            2  (1 unfinished") != std::string::npos);
  CHECK(text.find("2 cut-off line(s) skipped") != std::string::npos);
  CHECK(text.find("skipped analytics-2024-05-01.jsonl:27: ") != std::string::npos);
}

TEST_CASE("a simulated day of visitors gives the numbers the simulation implies") {
  Sim sim("2024-06-15T09:00:00Z");
  sim.at(0);
  sim.at(110'000);  // nobody came in the first two minutes: the attract loop
  REQUIRE(sim.state.mode == Mode::attract);

  // What the script does, tallied by the script itself.
  std::vector<double> durations;
  std::map<std::string, int> views;
  std::map<std::string, double> dwell;
  std::map<std::string, int> language_sessions;
  int tours_started = 0, tours_completed = 0, warnings = 0;
  const int visitors = 24;
  for (int k = 0; k < visitors; ++k) {
    const double t0 = 300'000.0 + k * 1'200'000.0;  // one every 20 minutes from 09:05
    double t = t0;
    sim.at(t, {sim.tap_at(960, 540)});  // leaves the attract loop
    std::string language = "en";
    if (k % 3 == 1) {
      sim.at(t += 2000, {sim.tap(Target::language_menu)});
      sim.at(t += 1000, {sim.tap(Target::language, 1)});
      language = "es";
    }
    const std::string event = "e" + std::to_string(k % 4);
    const double seconds = 10 + 2 * k;
    sim.at(t += 2000, {sim.tap_card(event)});
    sim.at(t += seconds * 1000, {sim.tap(Target::back)});
    ++views[event];
    dwell[event] += seconds;
    if (k % 4 == 0) {  // a tour: every other one to the end, the rest leave after the first stop
      sim.at(t += 1000, {sim.tap(Target::tour_menu)});
      sim.at(t += 1000, {sim.tap(Target::tour, 0)});
      ++tours_started;
      const std::vector<std::string> stops = {"e2", "e0", "e3"};
      const int shown = k % 8 == 0 ? 3 : 1;
      for (int i = 0; i < shown; ++i) {
        const bool last = i + 1 == shown;
        sim.at(t += 6000, {sim.tap(last ? Target::tour_end : Target::tour_next)});
        ++views[stops[i]];
        dwell[stops[i]] += 6;
      }
      tours_completed += shown == 3;
    }
    durations.push_back((t - t0) / 1000);
    ++language_sessions[language];
    // The visitor walks away: a warning, and the reset.
    sim.at(t + 95'000);
    ++warnings;
    sim.at(t + 110'000);
    REQUIRE(sim.state.mode == Mode::attract);
  }
  sim.state.now_ms += 60'000;
  const auto stop = analytics_stop(sim.analytics, sim.state, sim.content);
  sim.records.insert(sim.records.end(), stop.begin(), stop.end());

  AnalyticsLog log;
  read_analytics(sim.text(), "simulated.jsonl", &log);
  REQUIRE(log.problems.empty());
  const Report r = make_report(log);
  REQUIRE(r.days.size() == 1);
  const DayReport& d = r.days[0];
  CHECK(d.day == "2024-06-15");
  CHECK(d.sessions == visitors);
  CHECK(d.unfinished == 0);
  std::sort(durations.begin(), durations.end());
  CHECK(d.median_session_s == Approx((durations[11] + durations[12]) / 2));
  CHECK(d.idle_warnings == warnings);
  CHECK(d.extended == 0);
  REQUIRE(d.top_by_views.size() == views.size());
  for (const EventStats& e : d.top_by_views) {
    CHECK(e.views == views[e.id]);
    CHECK(e.dwell_s == Approx(dwell[e.id]));
  }
  CHECK(std::is_sorted(d.top_by_dwell.begin(), d.top_by_dwell.end(),
                       [](const EventStats& a, const EventStats& b) { return a.dwell_s > b.dwell_s; }));
  REQUIRE(d.languages.size() == 2);
  CHECK(d.languages[0].language == "en");
  CHECK(d.languages[0].sessions == language_sessions["en"]);
  CHECK(d.languages[1].share == Approx(static_cast<double>(language_sessions["es"]) / visitors));
  REQUIRE(d.tours.size() == 1);
  CHECK(d.tours[0].started == tours_started);
  CHECK(d.tours[0].completed == tours_completed);
  CHECK(tours_started == 6);
  CHECK(tours_completed == 3);
}

TEST_CASE("theme filters switched on and era jumps are counted per day, most used first") {
  AnalyticsLog log;
  read_analytics(
      "{\"t\":\"2024-05-03T10:00:00.000Z\",\"ev\":\"session_start\",\"session\":\"a\",\"language\":\"en\"}\n"
      "{\"t\":\"2024-05-03T10:00:05.000Z\",\"ev\":\"filter\",\"session\":\"a\",\"themes\":[\"labor\"]}\n"
      "{\"t\":\"2024-05-03T10:00:06.000Z\",\"ev\":\"filter\",\"session\":\"a\",\"themes\":[\"labor\",\"voting\"]}\n"
      "{\"t\":\"2024-05-03T10:00:07.000Z\",\"ev\":\"filter\",\"session\":\"a\",\"themes\":[\"voting\"]}\n"
      "{\"t\":\"2024-05-03T10:00:08.000Z\",\"ev\":\"filter\",\"session\":\"a\",\"themes\":[\"voting\",\"labor\"]}\n"
      "{\"t\":\"2024-05-03T10:00:09.000Z\",\"ev\":\"era_jump\",\"session\":\"a\",\"era\":\"after-911\"}\n"
      "{\"t\":\"2024-05-03T10:01:00.000Z\",\"ev\":\"session_end\",\"session\":\"a\",\"duration_s\":60}\n"
      "{\"t\":\"2024-05-03T11:00:00.000Z\",\"ev\":\"session_start\",\"session\":\"b\",\"language\":\"es\"}\n"
      "{\"t\":\"2024-05-03T11:00:01.000Z\",\"ev\":\"filter\",\"session\":\"b\",\"themes\":[\"voting\"]}\n"
      "{\"t\":\"2024-05-03T11:00:02.000Z\",\"ev\":\"era_jump\",\"session\":\"b\",\"era\":\"exclusion\"}\n"
      "{\"t\":\"2024-05-03T11:00:03.000Z\",\"ev\":\"era_jump\",\"session\":\"b\",\"era\":\"after-911\"}\n"
      "{\"t\":\"2024-05-03T11:00:04.000Z\",\"ev\":\"filter\",\"session\":\"b\",\"themes\":[]}\n",
      "analytics-2024-05-03.jsonl", &log);
  REQUIRE(log.problems.empty());
  const Report r = make_report(log);
  REQUIRE(r.days.size() == 1);
  const DayReport& d = r.days[0];
  // labor: on in a, off, on again = 2; voting: on in a once (kept on), on in b = 2.
  REQUIRE(d.themes_on.size() == 2);
  CHECK(d.themes_on[0].id == "labor");
  CHECK(d.themes_on[0].times == 2);
  CHECK(d.themes_on[1].id == "voting");
  CHECK(d.themes_on[1].times == 2);
  REQUIRE(d.era_jumps.size() == 2);
  CHECK(d.era_jumps[0].id == "after-911");
  CHECK(d.era_jumps[0].times == 2);
  CHECK(d.era_jumps[1].id == "exclusion");
  CHECK(d.era_jumps[1].times == 1);
  CHECK(report_csv(r).find("2024-05-03,theme_on,labor,2\n2024-05-03,theme_on,voting,2\n2024-05-03,era_jump,after-911,2\n"
                           "2024-05-03,era_jump,exclusion,1\n") != std::string::npos);
  CHECK(report_json(r)["days"][0]["era_jumps"].dump() ==
        R"([{"id":"after-911","times":2},{"id":"exclusion","times":1}])");
  const std::string text = report_text(r);
  CHECK(text.find("  theme filters switched on") != std::string::npos);
  CHECK(text.find("    after-911                                 2\n") != std::string::npos);
  CHECK(d.sessions == 2);
}
