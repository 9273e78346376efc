// Analytics records: exact records for a visitor's session, unclean exits, and reading files back.
#include <catch2/catch.hpp>

#include "analytics_sim.hpp"
#include "core/analytics_log.hpp"
#include "core/report.hpp"

using namespace kiosk::core;
using kiosk::core::test::Sim;

TEST_CASE("UTC times are written and read to the millisecond") {
  CHECK(iso8601_utc(0) == "1970-01-01T00:00:00.000Z");
  CHECK(iso8601_utc(1714557600000.0 + 3723004) == "2024-05-01T11:02:03.004Z");
  CHECK(iso8601_utc(951782400000.0) == "2000-02-29T00:00:00.000Z");
  CHECK(parse_iso8601_utc("2024-05-01T10:00:00Z") == 1714557600000.0);
  CHECK(parse_iso8601_utc("2024-05-01T11:02:03.004Z") == 1714557600000.0 + 3723004);
  CHECK(parse_iso8601_utc("2024-05-01T11:02:03.5Z") == 1714557600000.0 + 3723500);
  CHECK_FALSE(parse_iso8601_utc("2024-02-30T10:00:00Z"));
  CHECK_FALSE(parse_iso8601_utc("2024-05-01 10:00:00Z"));
  CHECK_FALSE(parse_iso8601_utc("2024-05-01T10:00:00+02:00"));
  CHECK_FALSE(parse_iso8601_utc("2024-05"));
  CHECK(day_number("1970-01-02") == 1);
  CHECK(date_of_day(*day_number("2024-12-31") + 1) == "2025-01-01");
}

TEST_CASE("a visitor's session gives exactly the records it means, in order") {
  Sim sim;
  const std::string s = "20240501T100000-1";
  CHECK(sim.at(500).empty());  // nobody has touched the kiosk yet
  auto r = sim.at(1000, {sim.tap_card("e1")});
  REQUIRE(r.size() == 1);
  CHECK(r[0].dump() ==
        R"({"t":"2024-05-01T10:00:01.000Z","ev":"session_start","session":")" + s + R"(","language":"en"})");
  r = sim.at(31000, {sim.tap(Target::back)});
  REQUIRE(r.size() == 1);
  CHECK(r[0].dump() ==
        R"({"t":"2024-05-01T10:00:31.000Z","ev":"event_view","session":")" + s + R"(","id":"e1","dwell_s":30.0})");
  CHECK(sim.at(32000, {sim.tap(Target::language_menu)}).empty());
  r = sim.at(33000, {sim.tap(Target::language, 1)});
  REQUIRE(r.size() == 1);
  CHECK(r[0]["ev"] == "language_change");
  CHECK(r[0]["from"] == "en");
  CHECK(r[0]["to"] == "es");
  sim.at(34000, {sim.tap(Target::tour_menu)});
  r = sim.at(35000, {sim.tap(Target::tour, 0)});
  REQUIRE(r.size() == 1);
  CHECK(r[0].dump() == R"({"t":"2024-05-01T10:00:35.000Z","ev":"tour_start","session":")" + s + R"(","tour":"t"})");
  r = sim.at(45000, {sim.tap(Target::tour_next)});
  REQUIRE(r.size() == 2);
  CHECK(r[0]["ev"] == "event_view");
  CHECK(r[0]["id"] == "e2");
  CHECK(r[0]["dwell_s"] == 10.0);
  CHECK(r[1].dump() ==
        R"({"t":"2024-05-01T10:00:45.000Z","ev":"tour_step","session":")" + s + R"(","tour":"t","step":1,"id":"e0"})");
  sim.at(50000, {sim.tap(Target::tour_next)});
  r = sim.at(60000, {sim.tap(Target::tour_end)});
  REQUIRE(r.size() == 2);
  CHECK(r[0]["id"] == "e3");
  CHECK(r[0]["dwell_s"] == 10.0);
  CHECK(r[1].dump() == R"({"t":"2024-05-01T10:01:00.000Z","ev":"tour_end","session":")" + s +
                           R"(","tour":"t","completed":true,"stops":3})");
  sim.at(61000, {sim.tap(Target::display_menu)});
  r = sim.at(62000, {sim.tap(Target::contrast)});
  REQUIRE(r.size() == 1);
  CHECK(r[0].dump() ==
        R"({"t":"2024-05-01T10:01:02.000Z","ev":"high_contrast","session":")" + s + R"(","value":true})");
  r = sim.at(63000, {sim.tap(Target::text_size, 2)});
  REQUIRE(r.size() == 1);
  CHECK(r[0]["ev"] == "text_size");
  CHECK(r[0]["value"] == 1.5);
  r = sim.at(64000, {sim.tap(Target::motion)});
  REQUIRE(r.size() == 1);
  CHECK(r[0]["ev"] == "reduced_motion");
  CHECK(r[0]["value"] == true);
  sim.at(65000, {sim.tap(Target::close_panel)});
  // The visitor walks away: the warning after 90 s, the reset 20 s later.
  CHECK(sim.at(154000).empty());
  r = sim.at(155100);
  REQUIRE(r.size() == 1);
  CHECK(r[0].dump() == R"({"t":"2024-05-01T10:02:35.100Z","ev":"idle_warning","session":")" + s + R"("})");
  r = sim.at(175000);
  REQUIRE(r.size() == 2);
  // The session ran from the first touch (1 s) to the last (65 s).
  CHECK(r[0].dump() == R"({"t":"2024-05-01T10:02:55.000Z","ev":"session_end","session":")" + s +
                           R"(","duration_s":64.0,"reason":"idle_reset"})");
  CHECK(r[1].dump() == R"({"t":"2024-05-01T10:02:55.000Z","ev":"attract_shown"})");
  CHECK(sim.state.mode == Mode::attract);
  // The next visitor touches the attract loop: a new session, in the default language again.
  r = sim.at(200000, {sim.tap_at(960, 540)});
  REQUIRE(r.size() == 1);
  CHECK(r[0]["ev"] == "session_start");
  CHECK(r[0]["session"] == "20240501T100000-2");
  CHECK(r[0]["language"] == "en");
}

TEST_CASE(
    "a touch during the warning extends the session, and a detail open at the reset dwells until the last touch") {
  Sim sim;
  sim.at(1000, {sim.tap_card("e2")});
  sim.at(91500);
  auto r = sim.at(96000, {sim.tap_at(10, 10)});
  REQUIRE(r.size() == 1);
  CHECK(r[0]["ev"] == "extended");
  CHECK(r[0]["seconds_left"] == 15.0);  // 1 s + 110 s - 96 s
  CHECK(sim.state.mode == Mode::detail);
  sim.at(186100);
  r = sim.at(206000);
  REQUIRE(r.size() == 3);
  CHECK(r[0]["ev"] == "event_view");
  CHECK(r[0]["dwell_s"] == 95.0);  // opened at 1 s, last touched at 96 s
  CHECK(r[1]["ev"] == "session_end");
  CHECK(r[1]["duration_s"] == 95.0);
  CHECK(r[2]["ev"] == "attract_shown");
  int warnings = 0;
  for (const auto& x : sim.records) warnings += x["ev"] == "idle_warning";
  CHECK(warnings == 2);
}

TEST_CASE("a deep-linked tour starts a session at once, and a clean stop closes what is open") {
  Sim sim;
  REQUIRE(start_tour(sim.state, sim.content, "t"));
  auto r = sim.at(0);
  REQUIRE(r.size() == 1);
  CHECK(r[0]["ev"] == "session_start");
  sim.at(4000, {sim.tap(Target::tour_next)});
  sim.state.now_ms = 10000;
  r = analytics_stop(sim.analytics, sim.state, sim.content);
  REQUIRE(r.size() == 4);
  CHECK(r[0]["ev"] == "event_view");
  CHECK(r[0]["id"] == "e0");
  CHECK(r[0]["dwell_s"] == 6.0);
  CHECK(
      r[1].dump() ==
      R"({"t":"2024-05-01T10:00:10.000Z","ev":"tour_end","session":"20240501T100000-1","tour":"t","completed":false,"stops":2})");
  CHECK(r[2]["ev"] == "session_end");
  CHECK(r[2]["reason"] == "app_stop");
  CHECK(r[2]["duration_s"] == 10.0);
  CHECK(r[3].dump() == R"({"t":"2024-05-01T10:00:10.000Z","ev":"app_stop"})");
}

TEST_CASE("app_start says when the previous run did not stop cleanly") {
  const AnalyticsSession a = start_analytics(*parse_iso8601_utc("2024-05-01T09:00:00Z"));
  CHECK(a.run == "20240501T090000");
  CHECK(app_start_record(a, 0, "abc", "").dump() ==
        R"({"t":"2024-05-01T09:00:00.000Z","ev":"app_start","content_version":"abc"})");
  CHECK(
      app_start_record(a, 0, "abc", "2024-04-30T17:00:00.000Z").dump() ==
      R"({"t":"2024-05-01T09:00:00.000Z","ev":"app_start","content_version":"abc","previous_unclean":true,"previous_last_t":"2024-04-30T17:00:00.000Z"})");
  const std::string clean =
      "{\"t\":\"2024-05-01T09:00:00.000Z\",\"ev\":\"app_start\"}\n{\"t\":\"2024-05-01T17:00:00.000Z\",\"ev\":\"app_"
      "stop\"}\n";
  CHECK(unclean_end(clean) == "");
  CHECK(unclean_end("") == "");
  // Power lost in the middle of a session, while a line was being written.
  const std::string crashed =
      "{\"t\":\"2024-05-01T09:00:00.000Z\",\"ev\":\"app_start\"}\n"
      "{\"t\":\"2024-05-01T09:05:00.000Z\",\"ev\":\"session_start\",\"session\":\"x-1\"}\n"
      "{\"t\":\"2024-05-01T09:05:3";
  CHECK(unclean_end(crashed) == "2024-05-01T09:05:00.000Z");
  CHECK(unclean_end(clean + "{\"t\":\"2024-05-01T17:00:01.000Z\",\"ev\":\"app_start\"}\n") ==
        "2024-05-01T17:00:01.000Z");
}

TEST_CASE("reading skips a torn last line quietly and names other bad lines by file and line") {
  const std::string text =
      "{\"t\":\"2024-05-01T09:00:00.000Z\",\"ev\":\"app_start\"}\n"
      "not json\n"
      "\n"
      "{\"t\":\"2024-05-01T09:01:00.000Z\",\"ev\":\"event_view\",\"session\":\"a-1\",\"id\":\"e1\"}\n"
      "{\"t\":\"yesterday\",\"ev\":\"app_stop\"}\n"
      "{\"t\":\"2024-05-01T09:02:00.000Z\",\"ev\":\"session_start\",\"session\":\"a-1\"}\n"
      "{\"t\":\"2024-05-01T09:0";
  AnalyticsLog log;
  read_analytics(text, "day.jsonl", &log);
  CHECK(log.records.size() == 2);
  CHECK(log.torn == 1);
  REQUIRE(log.problems.size() == 3);
  CHECK(log.problems[0] == "day.jsonl:2: this line is not valid JSON");
  CHECK(log.problems[1] == "day.jsonl:4: \"event_view\" needs the event \"id\" and a number \"dwell_s\"");
  CHECK(log.problems[2] == "day.jsonl:5: \"t\" must be a UTC time like \"2024-05-01T10:00:00.000Z\"");
  // A file that ends with a newline has no torn line, even after blank lines.
  AnalyticsLog whole;
  read_analytics("{\"t\":\"2024-05-01T09:00:00.000Z\",\"ev\":\"app_start\"}\n\n", "d", &whole);
  CHECK(whole.records.size() == 1);
  CHECK(whole.torn == 0);
  // After a crash the next run appends below the torn line: still torn, not a problem.
  AnalyticsLog appended;
  read_analytics(
      "{\"t\":\"2024-05-01T09:00:00.000Z\",\"ev\":\"app_st\n"
      "{\"t\":\"2024-05-01T10:00:00.000Z\",\"ev\":\"app_start\"}\n",
      "d", &appended);
  CHECK(appended.records.size() == 1);
  CHECK(appended.torn == 1);
  CHECK(appended.problems.empty());
}

TEST_CASE("a crash in the middle of a session: the report counts what it can and the next start says so") {
  Sim first;
  std::string file = app_start_record(first.analytics, 0, "v1", "").dump() + "\n";
  first.at(1000, {first.tap_card("e1")});
  first.at(21000, {first.tap(Target::back)});
  first.at(131000);  // reset: a finished session of 20 s
  first.at(140000, {first.tap_at(960, 540)});
  first.at(150000, {first.tap_card("e3")});  // ... and the power goes
  file += first.text();
  file += "{\"t\":\"2024-05-01T10:02:3";  // the line being written
  const std::string last_t = unclean_end(file);
  CHECK(last_t == "2024-05-01T10:02:20.000Z");  // the last whole record: the second visitor's session_start

  Sim second("2024-05-01T11:00:00Z");
  std::string next = app_start_record(second.analytics, 0, "v1", last_t).dump() + "\n";
  AnalyticsLog log;
  read_analytics(file, "a", &log);
  read_analytics(next, "b", &log);
  CHECK(log.torn == 1);
  CHECK(log.problems.empty());
  const Report r = make_report(log);
  REQUIRE(r.days.size() == 1);
  CHECK(r.days[0].sessions == 2);
  CHECK(r.days[0].unfinished == 1);
  CHECK(r.days[0].median_session_s == 20.0);
  CHECK(r.days[0].app_starts == 2);
  CHECK(r.days[0].unclean_exits == 1);
  REQUIRE(r.days[0].top_by_views.size() == 1);  // the open detail was lost with the power
  CHECK(r.days[0].top_by_views[0].id == "e1");
}

TEST_CASE("theme filters and era jumps are recorded with the themes shown and the era gone to") {
  Sim sim;
  const char* theme_ids[] = {"labor", "voting", "identity"};
  for (const char* id : theme_ids) sim.content.themes.push_back(Theme{id, LocalText{{{"en", id}}}, Rgba{200, 60, 40, 255}});
  for (std::size_t i = 0; i < sim.content.events.size(); ++i) sim.content.events[i].themes = {theme_ids[i % 3]};
  auto era = [](const char* id, int from, int to) {
    Era e{id, LocalText{{{"en", id}}}, Date{from}, Date{to}};
    e.t0 = period_start(e.start);
    e.t1 = period_end(e.end);
    return e;
  };
  sim.content.eras = {era("postwar", 1945, 1962), era("movement", 1963, 1985)};
  sim.state = initial_state(sim.content);
  const std::string s = "20240501T100000-1";

  auto r = sim.at(1000, {sim.tap(Target::eras_menu)});
  REQUIRE(r.size() == 1);
  CHECK(r[0]["ev"] == "session_start");
  REQUIRE(sim.state.panel == Panel::eras);
  r = sim.at(2000, {sim.tap(Target::era, 1)});
  REQUIRE(r.size() == 1);
  CHECK(r[0].dump() == R"({"t":"2024-05-01T10:00:02.000Z","ev":"era_jump","session":")" + s + R"(","era":"movement"})");
  CHECK(sim.state.panel == Panel::none);
  // The same era again is a second jump; opening the chooser and closing it is none.
  CHECK(sim.at(3000, {sim.tap(Target::eras_menu)}).empty());
  CHECK(sim.at(3500, {sim.tap(Target::close_panel)}).empty());
  sim.at(4000, {sim.tap(Target::eras_menu)});
  r = sim.at(5000, {sim.tap(Target::era, 1)});
  REQUIRE(r.size() == 1);
  CHECK(r[0].dump() == R"({"t":"2024-05-01T10:00:05.000Z","ev":"era_jump","session":")" + s + R"(","era":"movement"})");
  sim.at(6000, {sim.tap(Target::eras_menu)});
  r = sim.at(7000, {sim.tap(Target::era, 0)});
  REQUIRE(r.size() == 1);
  CHECK(r[0].dump() == R"({"t":"2024-05-01T10:00:07.000Z","ev":"era_jump","session":")" + s + R"(","era":"postwar"})");

  // Theme chips: each tap that changes what shows is one "filter" record with the themes shown.
  CHECK(sim.at(8000, {sim.tap(Target::themes_menu)}).empty());
  r = sim.at(9000, {sim.tap(Target::theme, 1)});
  REQUIRE(r.size() == 1);
  CHECK(r[0].dump() == R"({"t":"2024-05-01T10:00:09.000Z","ev":"filter","session":")" + s + R"(","themes":["voting"]})");
  r = sim.at(10000, {sim.tap(Target::theme, 0)});
  REQUIRE(r.size() == 1);
  CHECK(r[0].dump() ==
        R"({"t":"2024-05-01T10:00:10.000Z","ev":"filter","session":")" + s + R"(","themes":["labor","voting"]})");
  r = sim.at(11000, {sim.tap(Target::theme_all)});
  REQUIRE(r.size() == 1);
  CHECK(r[0].dump() == R"({"t":"2024-05-01T10:00:11.000Z","ev":"filter","session":")" + s + R"(","themes":[]})");
  CHECK(sim.at(11500, {sim.tap(Target::theme_all)}).empty());  // already all: nothing changed
  sim.at(12000, {sim.tap(Target::close_panel)});

  // The idle reset clears the jumps with the rest and records none; the next visitor's jump is theirs.
  sim.at(200000);
  REQUIRE(sim.state.mode == Mode::attract);
  for (const Record& x : sim.records) CHECK((x["ev"] != "filter" || x["t"].get<std::string>() < "2024-05-01T10:00:12"));
  r = sim.at(210000, {sim.tap_at(960, 540)});
  REQUIRE(r.size() == 1);
  CHECK(sim.state.era_jumps == 0);
  sim.at(211000, {sim.tap(Target::eras_menu)});
  r = sim.at(212000, {sim.tap(Target::era, 0)});
  REQUIRE(r.size() == 1);
  CHECK(r[0].dump() ==
        R"({"t":"2024-05-01T10:03:32.000Z","ev":"era_jump","session":"20240501T100000-2","era":"postwar"})");
  int jumps = 0, filters = 0;
  for (const Record& x : sim.records) {
    jumps += x["ev"] == "era_jump";
    filters += x["ev"] == "filter";
  }
  CHECK(jumps == 4);
  CHECK(filters == 3);
}
