// Headless render tests: each runs `kiosk screenshot` with a scripted session and checks the
// resulting STATE.json and PNG, as a person at the screen would see them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>
#include <stb_image.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Run {
  int exit_code = -1;
  json state;
  std::string png;     // path of the screenshot
  std::string output;  // what the kiosk printed
};

fs::path temp_dir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("kiosk-render-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

// Runs a screenshot of `session` (JSON lines) at `size`; `extra` is added to the command line.
Run screenshot(const std::string& name, const std::string& session, const std::string& size = "1920x1080",
               const std::string& extra = "") {
  Run r;
  const fs::path dir = temp_dir();
  const std::string session_path = (dir / (name + ".jsonl")).string();
  std::ofstream(session_path) << session;
  r.png = (dir / (name + ".png")).string();
  const std::string state_path = (dir / (name + ".json")).string();
  const std::string log_path = (dir / (name + ".log")).string();
  fs::remove(state_path);
  const std::string cmd = std::string("SDL_VIDEODRIVER=dummy \"") + KIOSK_EXE + "\" screenshot --content \"" + CONTENT_DIR +
                          "\" --out \"" + r.png + "\" --size " + size + " --input \"" + session_path + "\" --state-out \"" +
                          state_path + "\" " + extra + " > \"" + log_path + "\" 2>&1";
  const int status = std::system(cmd.c_str());
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream log(log_path);
  std::stringstream out;
  out << log.rdbuf();
  r.output = out.str();
  std::ifstream state(state_path);
  if (state) r.state = json::parse(state, nullptr, false);
  return r;
}

std::string tap(double t, double x, double y) {
  std::ostringstream s;
  s << "{\"t_ms\":" << t << ",\"type\":\"finger_down\",\"id\":1,\"x\":" << x << ",\"y\":" << y << "}\n"
    << "{\"t_ms\":" << t + 80 << ",\"type\":\"finger_up\",\"id\":1,\"x\":" << x << ",\"y\":" << y << "}\n";
  return s.str();
}

// A drag from x0 to x1 at height y over 300 ms, then a rest so that it does not fling.
std::string drag(double t, double x0, double x1, double y) {
  std::ostringstream s;
  s << "{\"t_ms\":" << t << ",\"type\":\"finger_down\",\"id\":1,\"x\":" << x0 << ",\"y\":" << y << "}\n";
  for (int i = 1; i <= 10; ++i)
    s << "{\"t_ms\":" << t + 30 * i << ",\"type\":\"finger_move\",\"id\":1,\"x\":" << x0 + (x1 - x0) * i / 10.0
      << ",\"y\":" << y << "}\n";
  s << "{\"t_ms\":" << t + 600 << ",\"type\":\"finger_up\",\"id\":1,\"x\":" << x1 << ",\"y\":" << y << "}\n";
  return s.str();
}

std::string zoom_in(double t) {
  return "{\"t_ms\":" + std::to_string(t) + ",\"type\":\"wheel\",\"x\":0.5,\"y\":0.5,\"dy\":3}\n";
}

json center_of(const json& rect) {
  return json{{"x", rect["x"].get<double>() + rect["w"].get<double>() / 2},
              {"y", rect["y"].get<double>() + rect["h"].get<double>() / 2}};
}

struct Png {
  int w = 0, h = 0;
  std::size_t colours = 0;  // distinct colours in a sample of pixels
};

Png read_png(const std::string& path) {
  Png p;
  int channels = 0;
  unsigned char* px = stbi_load(path.c_str(), &p.w, &p.h, &channels, 4);
  if (!px) return p;
  std::set<unsigned> seen;
  for (int y = 0; y < p.h; y += 7)
    for (int x = 0; x < p.w; x += 7) {
      const unsigned char* q = px + (static_cast<std::size_t>(y) * p.w + x) * 4;
      seen.insert(q[0] << 16 | q[1] << 8 | q[2]);
    }
  p.colours = seen.size();
  stbi_image_free(px);
  return p;
}

}  // namespace

TEST_CASE("the home screen renders at the requested size, landscape and portrait") {
  for (const auto& [size, w, h] : {std::tuple{"1920x1080", 1920, 1080}, std::tuple{"1080x1920", 1080, 1920}}) {
    const Run r = screenshot(std::string("home-") + size, "", size);
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const Png png = read_png(r.png);
    CHECK(png.w == w);
    CHECK(png.h == h);
    CHECK(png.colours > 50);  // text, cards and eras: far from blank
    CHECK(r.state["mode"] == "browse");
    CHECK(r.state["running"] == true);
    CHECK(r.state["cards"].size() >= 3);
    CHECK(r.state["missing_glyphs"] == 0);
  }
}

TEST_CASE("dragging right shows earlier dates by the distance dragged") {
  const Run before = screenshot("zoomed", zoom_in(0));
  const Run after = screenshot("dragged", zoom_in(0) + drag(100, 0.3, 0.6, 0.2));
  REQUIRE(before.exit_code == 0);
  REQUIRE(after.exit_code == 0);
  const double s0 = before.state["view"]["start"], e0 = before.state["view"]["end"];
  const double s1 = after.state["view"]["start"], e1 = after.state["view"]["end"];
  CHECK(e1 - s1 == Approx(e0 - s0));
  CHECK(s0 - s1 == Approx(0.3 * (e0 - s0)).epsilon(0.02));
  CHECK(after.state["mode"] == "browse");
}

TEST_CASE("tapping a card opens its detail, and back returns to the same range") {
  const std::string navigate = zoom_in(0) + drag(100, 0.6, 0.4, 0.2);
  const Run browse = screenshot("browse", navigate);
  REQUIRE(browse.exit_code == 0);
  REQUIRE_FALSE(browse.state["cards"].empty());
  const json card = browse.state["cards"][0];
  const json c = center_of(card);
  const std::string open = navigate + tap(2000, c["x"], c["y"]);
  const Run detail = screenshot("detail", open);
  REQUIRE(detail.exit_code == 0);
  CHECK(detail.state["mode"] == "detail");
  CHECK(detail.state["selected_event"] == card["id"]);
  CHECK(read_png(detail.png).colours > 50);
  json back;
  for (const auto& b : detail.state["buttons"])
    if (b["target"] == "back") back = b;
  REQUIRE(back.is_object());
  const json bc = center_of(back);
  const Run returned = screenshot("returned", open + tap(3000, bc["x"], bc["y"]));
  REQUIRE(returned.exit_code == 0);
  CHECK(returned.state["mode"] == "browse");
  CHECK(returned.state["selected_event"].is_null());
  CHECK(returned.state["view"]["start"].get<double>() == Approx(browse.state["view"]["start"].get<double>()));
  CHECK(returned.state["view"]["end"].get<double>() == Approx(browse.state["view"]["end"].get<double>()));
}

TEST_CASE("the detail screen renders in portrait too") {
  const Run home = screenshot("portrait-home", "", "1080x1920");
  REQUIRE(home.exit_code == 0);
  REQUIRE_FALSE(home.state["cards"].empty());
  const json c = center_of(home.state["cards"][0]);
  const Run detail = screenshot("portrait-detail", tap(0, c["x"], c["y"]), "1080x1920");
  REQUIRE(detail.exit_code == 0);
  CHECK(detail.state["mode"] == "detail");
  const Png png = read_png(detail.png);
  CHECK(png.w == 1080);
  CHECK(png.h == 1920);
}

TEST_CASE("ten simulated minutes replay in seconds and count as idle time") {
  const Run r = screenshot("idle", "{\"t_ms\":600000,\"type\":\"wait\"}\n");
  REQUIRE(r.exit_code == 0);
  CHECK(r.state["idle_seconds"].get<double>() == Approx(601.0));
}

TEST_CASE("a window-close request ends the session") {
  const Run r = screenshot("quit", "{\"t_ms\":100,\"type\":\"quit\"}\n");
  REQUIRE(r.exit_code == 0);
  CHECK(r.state["running"] == false);
}

TEST_CASE("a bad session file is reported with its line number") {
  const Run r = screenshot("bad-session", "{\"t_ms\":0,\"type\":\"wait\"}\n{\"t_ms\":10,\"type\":\"finger_down\"}\n");
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("bad-session.jsonl:2:") != std::string::npos);
  CHECK(r.output.find("needs an integer \"id\"") != std::string::npos);
}

TEST_CASE("without a display, run says so plainly and names the screenshot command") {
  const std::string log = (temp_dir() / "nodisplay.log").string();
  const std::string cmd = std::string("env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER \"") + KIOSK_EXE + "\" run --content \"" +
                          CONTENT_DIR + "\" > \"" + log + "\" 2>&1";
  const int status = std::system(cmd.c_str());
  CHECK(WEXITSTATUS(status) == 1);
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str().find("No display was found") != std::string::npos);
  CHECK(text.str().find("kiosk screenshot --out") != std::string::npos);
}

TEST_CASE("every screen renders in every offered language with no missing glyph") {
  const char* langs[] = {"en", "es", "zh-Hant", "ko", "tl", "vi", "pa", "hi", "ur"};
  const Run home = screenshot("lang-probe", "");
  REQUIRE(home.exit_code == 0);
  const json c = center_of(home.state["cards"][0]);
  json tours_button;
  for (const auto& b : home.state["buttons"])
    if (b["target"] == "tour_menu") tours_button = center_of(b);
  REQUIRE(tours_button.is_object());
  for (const char* lang : langs) {
    INFO(lang);
    const std::string extra = std::string("--lang ") + lang;
    const std::string sessions[] = {
        "",                                                       // the timeline
        tap(0, c["x"], c["y"]),                                   // a detail screen
        tap(0, tours_button["x"], tours_button["y"]),             // the tour chooser
        "{\"t_ms\":100000,\"type\":\"wait\"}\n",                // the "still there?" warning
        "{\"t_ms\":115000,\"type\":\"wait\"}\n",                // the attract loop
    };
    const char* expected_mode[] = {"browse", "detail", "browse", "browse", "attract"};
    for (int i = 0; i < 5; ++i) {
      const Run r = screenshot(std::string("all-") + lang + "-" + std::to_string(i), sessions[i], "1920x1080", extra);
      REQUIRE(r.exit_code == 0);
      CHECK(r.state["mode"] == expected_mode[i]);
      CHECK(r.state["missing_glyphs"] == 0);
      if (i != 4) CHECK(r.state["language"] == lang);
    }
  }
}

TEST_CASE("after the countdown the kiosk shows the attract loop, and a touch starts at the beginning") {
  const std::string idle = zoom_in(0) + "{\"t_ms\":111000,\"type\":\"wait\"}\n";
  const Run attract = screenshot("attract", idle, "1920x1080", "--lang es");
  REQUIRE(attract.exit_code == 0);
  CHECK(attract.state["mode"] == "attract");
  CHECK(attract.state["language"] == "en");  // the next visitor starts in the default language
  CHECK(attract.state["sessions"] == 1);
  const Run back = screenshot("attract-touched", idle + tap(112000, 0.5, 0.5));
  REQUIRE(back.exit_code == 0);
  CHECK(back.state["mode"] == "browse");
  CHECK(back.state["idle_seconds"].get<double>() < 2);
  const Run home = screenshot("attract-home", "");
  CHECK(back.state["view"]["start"].get<double>() == Approx(home.state["view"]["start"].get<double>()));
}

namespace {
// A config file with the admin PIN 2468, written the way a museum would: `kiosk set-pin`.
std::string pin_config() {
  const std::string path = (temp_dir() / "kiosk-config.json").string();
  fs::remove(path);
  const std::string cmd = std::string("echo 2468 | \"") + KIOSK_EXE + "\" set-pin --config \"" + path + "\" > /dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  return path;
}

const char* kExitAttempts =
    "{\"t_ms\":0,\"type\":\"quit\"}\n"
    "{\"t_ms\":10,\"type\":\"key\",\"key\":\"Escape\"}\n"
    "{\"t_ms\":20,\"type\":\"key\",\"key\":\"Q\",\"mods\":[\"ctrl\"]}\n"
    "{\"t_ms\":30,\"type\":\"key\",\"key\":\"F4\",\"mods\":[\"alt\"]}\n"
    "{\"t_ms\":40,\"type\":\"key\",\"key\":\"W\",\"mods\":[\"ctrl\"]}\n";

// Three fingers held in the top-left corner for 3.2 s.
std::string admin_gesture(double t) {
  std::ostringstream s;
  for (int id = 1; id <= 3; ++id)
    s << "{\"t_ms\":" << t + id << ",\"type\":\"finger_down\",\"id\":" << 20 + id << ",\"x\":0.0" << id << ",\"y\":0.02}\n";
  for (int id = 1; id <= 3; ++id)
    s << "{\"t_ms\":" << t + 3200 + id << ",\"type\":\"finger_up\",\"id\":" << 20 + id << ",\"x\":0.0" << id << ",\"y\":0.02}\n";
  return s.str();
}

std::string type_pin(const Run& pad, double t, const std::string& digits) {
  std::string out;
  for (char d : digits)
    for (const auto& b : pad.state["buttons"])
      if (b["target"] == "pin_digit" && b["index"] == d - '0') {
        const json c = center_of(b);
        out += tap(t, c["x"], c["y"]);
        t += 200;
      }
  for (const auto& b : pad.state["buttons"])
    if (b["target"] == "pin_ok") out += tap(t, center_of(b)["x"], center_of(b)["y"]);
  return out;
}
}  // namespace

TEST_CASE("in kiosk mode no key, close request or gesture exits, but on a desktop Ctrl+Q does") {
  const Run locked = screenshot("kiosk-exits", kExitAttempts + drag(100, 0.2, 0.8, 0.5) + tap(1000, 0.5, 0.5), "1920x1080", "--kiosk");
  REQUIRE(locked.exit_code == 0);
  CHECK(locked.state["running"] == true);
  const Run desktop = screenshot("desktop-exits", kExitAttempts);
  CHECK(desktop.state["running"] == false);
}

TEST_CASE("the admin gesture and the right PIN open the admin overlay, and a wrong PIN does not") {
  const std::string extra = "--kiosk --config \"" + pin_config() + "\"";
  const std::string gesture = kExitAttempts + admin_gesture(100);
  const Run pad = screenshot("admin-pad", gesture, "1920x1080", extra);
  REQUIRE(pad.exit_code == 0);
  REQUIRE(pad.state["panel"] == "pin");
  const Run wrong = screenshot("admin-wrong", gesture + type_pin(pad, 4000, "1111"), "1920x1080", extra);
  CHECK(wrong.state["panel"] == "pin");
  CHECK(wrong.state["pin_failures"] == 1);
  const Run right = screenshot("admin-right", gesture + type_pin(pad, 4000, "2468"), "1920x1080", extra);
  REQUIRE(right.state["panel"] == "admin");
  json exit_button;
  for (const auto& b : right.state["buttons"])
    if (b["target"] == "admin_exit") exit_button = center_of(b);
  REQUIRE(exit_button.is_object());
  const Run exited = screenshot("admin-exit", gesture + type_pin(pad, 4000, "2468") + tap(6000, exit_button["x"], exit_button["y"]),
                                "1920x1080", extra);
  CHECK(exited.state["running"] == false);
}

TEST_CASE("a bad config file gets a precise message and no kiosk") {
  const std::string path = (temp_dir() / "broken-settings.json").string();
  std::ofstream(path) << "{\n  \"kiosk\": \"yes\",\n  \"idle_seconds\": 2\n}\n";
  const Run r = screenshot("bad-config", "", "1920x1080", "--config \"" + path + "\"");
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("broken-settings.json:2:12 /kiosk: error: \"kiosk\" must be true or false") != std::string::npos);
  CHECK(r.output.find("broken-settings.json:3:19 /idle_seconds: error") != std::string::npos);
}

TEST_CASE("three simulated visitors through the harness give the report the script implies") {
  const Run home = screenshot("analytics-home", "");
  REQUIRE(home.state["cards"].size() >= 2);
  const json card0 = center_of(home.state["cards"][0]), card1 = center_of(home.state["cards"][1]);
  const Run detail = screenshot("analytics-detail", tap(0, card0["x"], card0["y"]));
  json back;
  for (const auto& b : detail.state["buttons"])
    if (b["target"] == "back") back = center_of(b);
  REQUIRE(back.is_object());
  // 1: reads card 0 for 20 s and walks away; 2: leaves the attract loop, reads card 1 for 40 s and
  // walks away; 3: reads card 0 for 10 s, and the run ends (a clean stop) a second later.
  const std::string visitors = tap(1000, card0["x"], card0["y"]) + tap(21000, back["x"], back["y"]) +
                               tap(200000, 0.5, 0.5) + tap(202000, card1["x"], card1["y"]) + tap(242000, back["x"], back["y"]) +
                               tap(400000, 0.5, 0.5) + tap(402000, card0["x"], card0["y"]) + tap(412000, back["x"], back["y"]);
  const fs::path dir = temp_dir() / "analytics";
  fs::remove_all(dir);
  const Run run = screenshot("analytics-day", visitors, "1920x1080",
                             "--analytics \"" + dir.string() + "\" --start-time 2024-06-15T09:00:00Z");
  REQUIRE(run.exit_code == 0);
  REQUIRE(fs::exists(dir / "analytics-2024-06-15.jsonl"));

  const std::string report_path = (temp_dir() / "analytics-report.json").string();
  const std::string cmd = std::string("\"") + KIOSK_EXE + "\" report \"" + dir.string() + "\" --json --out \"" + report_path + "\"";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(report_path);
  const json report = json::parse(in, nullptr, false);
  REQUIRE(report["days"].size() == 1);
  const json& day = report["days"][0];
  CHECK(day["day"] == "2024-06-15");
  CHECK(day["sessions"] == 3);
  CHECK(day["unfinished_sessions"] == 0);
  CHECK(day["idle_warnings"] == 2);
  CHECK(day["app_starts"] == 1);
  CHECK(day["unclean_exits"] == 0);
  // Sessions run from the first touch (visitor 1: finger down at 1 s, counted once it lasted the
  // 30 ms that tell it from a ghost, at 1.03 s) to the last (finger up at 21.08 s); the others
  // start as they leave the attract loop. Times are rounded up to the simulated frames (60 per second).
  CHECK(day["median_session_s"].get<double>() == Approx(20.05).margin(0.02));
  REQUIRE(day["top_by_views"].size() == 2);
  CHECK(day["top_by_views"][0]["id"] == home.state["cards"][0]["id"]);
  CHECK(day["top_by_views"][0]["views"] == 2);
  CHECK(day["top_by_views"][0]["dwell_s"].get<double>() == Approx(30).margin(0.05));
  CHECK(day["top_by_dwell"][0]["id"] == home.state["cards"][1]["id"]);
  CHECK(day["top_by_dwell"][0]["dwell_s"].get<double>() == Approx(40).margin(0.05));
  CHECK(day["languages"][0]["share"] == 1.0);
  CHECK(report["problems"].empty());

  // A second run finds the first ended cleanly; the CSV has the same numbers.
  const std::string csv = (temp_dir() / "analytics-report.csv").string();
  REQUIRE(std::system((std::string("\"") + KIOSK_EXE + "\" report \"" + dir.string() + "\" --csv --out \"" + csv + "\"").c_str()) == 0);
  std::ifstream csv_in(csv);
  std::stringstream rows;
  rows << csv_in.rdbuf();
  CHECK(rows.str().starts_with("day,metric,item,value\n2024-06-15,sessions,,3\n"));
}

namespace {
// The colour at pixel (x, y) of a PNG, as 0xRRGGBB; 0 when it cannot be read.
unsigned pixel_at(const std::string& path, int x, int y) {
  int w = 0, h = 0, channels = 0;
  unsigned char* px = stbi_load(path.c_str(), &w, &h, &channels, 4);
  if (!px || x < 0 || y < 0 || x >= w || y >= h) {
    if (px) stbi_image_free(px);
    return 0;
  }
  const unsigned char* q = px + (static_cast<std::size_t>(y) * w + x) * 4;
  const unsigned rgb = q[0] << 16 | q[1] << 8 | q[2];
  stbi_image_free(px);
  return rgb;
}

json button_of(const Run& r, const std::string& target) {
  for (const auto& b : r.state["buttons"])
    if (b["target"] == target) return b;
  return nullptr;
}
}  // namespace

TEST_CASE("the admin overlay: reload, touch circles, restart and exit as 15 mm buttons that do not overlap") {
  // 531 mm wide at 1920 pixels: 3.62 px/mm, so 15 mm is 54 pixels of 1080.
  const std::string analytics = (temp_dir() / "admin-analytics").string();
  fs::remove_all(analytics);
  const std::string extra = "--kiosk --panel-mm 531x299 --config \"" + pin_config() + "\" --analytics \"" + analytics +
                            "\" --start-time 2024-05-01T10:00:00Z";
  const std::string gesture = admin_gesture(100);
  const Run pad = screenshot("admin-overlay-pad", gesture, "1920x1080", extra);
  REQUIRE(pad.state["panel"] == "pin");
  const std::string open = gesture + type_pin(pad, 4000, "2468");
  const Run admin = screenshot("admin-overlay", open, "1920x1080", extra);
  INFO(admin.output);
  REQUIRE(admin.exit_code == 0);
  REQUIRE(admin.state["panel"] == "admin");
  CHECK_FALSE(admin.state["content_version"].get<std::string>().empty());
  std::vector<json> shown;
  for (const char* t : {"admin_reload", "admin_touch_debug", "admin_restart", "admin_exit", "close_panel"}) {
    const json b = button_of(admin, t);
    INFO(t);
    REQUIRE(b.is_object());
    CHECK(b["h"].get<double>() * 1080 >= 15 * 1920.0 / 531 - 0.5);  // at least 15 mm high
    CHECK(b["x"].get<double>() >= 0);
    CHECK(b["x"].get<double>() + b["w"].get<double>() <= 1);
    CHECK(b["y"].get<double>() + b["h"].get<double>() <= 1);
    shown.push_back(b);
  }
  for (std::size_t i = 0; i < shown.size(); ++i)
    for (std::size_t j = i + 1; j < shown.size(); ++j) {
      const json &a = shown[i], &b = shown[j];
      const bool apart = a["x"].get<double>() + a["w"].get<double>() <= b["x"].get<double>() ||
                         b["x"].get<double>() + b["w"].get<double>() <= a["x"].get<double>() ||
                         a["y"].get<double>() + a["h"].get<double>() <= b["y"].get<double>() ||
                         b["y"].get<double>() + b["h"].get<double>() <= a["y"].get<double>();
      CHECK(apart);
    }
  // A tap beside the panel neither closes it nor reaches the timeline behind it.
  const Run beside = screenshot("admin-overlay-beside", open + tap(6000, 0.02, 0.97), "1920x1080", extra);
  CHECK(beside.state["panel"] == "admin");
  CHECK(beside.state["mode"] == "browse");

  // Touch circles: on, they stay on, and a finger held down gets a ring and a cross under it.
  const json touch = center_of(button_of(admin, "admin_touch_debug"));
  const std::string circles = open + tap(6000, touch["x"], touch["y"]);
  const json hold{{"x", 0.5}, {"y", button_of(admin, "admin_reload")["y"].get<double>() - 0.05}};
  std::ostringstream finger;
  finger << "{\"t_ms\":7000,\"type\":\"finger_down\",\"id\":7,\"x\":" << hold["x"] << ",\"y\":" << hold["y"] << "}\n";
  const Run on = screenshot("admin-touch-circles", circles + finger.str(), "1920x1080", extra);
  CHECK(on.state["touch_debug"] == true);
  CHECK(button_of(on, "admin_touch_debug")["selected"] == true);
  const unsigned c = pixel_at(on.png, 960, static_cast<int>(hold["y"].get<double>() * 1080));
  CHECK((c >> 16) > 200);           // the circle's magenta: much red,
  CHECK(((c >> 8) & 0xFF) < 90);    // little green
  const Run off = screenshot("admin-touch-off", circles + tap(7000, touch["x"], touch["y"]), "1920x1080", extra);
  CHECK(off.state["touch_debug"] == false);

  // Reload now: the content is loaded again and applied at once; the overlay stays open.
  const json reload = center_of(button_of(admin, "admin_reload"));
  const Run reloaded = screenshot("admin-reload", open + tap(6000, reload["x"], reload["y"]), "1920x1080", extra);
  CHECK(reloaded.exit_code == 0);
  CHECK(reloaded.state["panel"] == "admin");
  CHECK(reloaded.state["content_version"] == admin.state["content_version"]);

  // Restart leaves with status 75 (systemd starts the kiosk again); Exit with 0.
  const json restart = center_of(button_of(admin, "admin_restart"));
  const Run restarted = screenshot("admin-restart", open + tap(6000, restart["x"], restart["y"]), "1920x1080", extra);
  CHECK(restarted.exit_code == 75);
  CHECK(restarted.state["running"] == false);
  const json exit_button = center_of(button_of(admin, "admin_exit"));
  const Run exited = screenshot("admin-exit-0", open + tap(6000, exit_button["x"], exit_button["y"]), "1920x1080", extra);
  CHECK(exited.exit_code == 0);
  CHECK(exited.state["running"] == false);
}

TEST_CASE("without content the kiosk shows the maintenance screen, and touches do nothing there") {
  const fs::path empty = temp_dir() / "empty-content";
  fs::create_directories(empty);
  for (const std::string& dir : {empty.string(), (temp_dir() / "no-such-folder").string()}) {
    const Run r = screenshot("maintenance", tap(100, 0.5, 0.5) + drag(500, 0.2, 0.8, 0.5), "1920x1080",
                             "--content \"" + dir + "\"");
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(r.state["maintenance"] == true);
    CHECK(r.state["running"] == true);
    CHECK(r.state["cards"].empty());
    CHECK(r.output.find("maintenance screen") != std::string::npos);
    CHECK(read_png(r.png).colours > 20);  // the notice in every language, not a blank screen
  }
  // Locked down, the admin gesture still opens the PIN pad over it.
  const Run pad = screenshot("maintenance-admin", admin_gesture(100), "1920x1080",
                             "--kiosk --config \"" + pin_config() + "\" --content \"" + empty.string() + "\"");
  CHECK(pad.state["panel"] == "pin");
}

TEST_CASE("a theme chip filters the timeline and an era button takes the view to that era") {
  std::ifstream timeline_file(std::string(CONTENT_DIR) + "/timeline.json");
  const json timeline = json::parse(timeline_file);
  REQUIRE(timeline["themes"].size() >= 2);
  REQUIRE(timeline["eras"].size() >= 3);
  const std::string theme = timeline["themes"][1]["id"];
  // Eras given as years run from the start of the first to the end of the last.
  const double era_start = std::stod(timeline["eras"][2]["start"].get<std::string>());
  const double era_end = std::stod(timeline["eras"][2]["end"].get<std::string>()) + 1;
  auto button = [](const Run& r, const std::string& target, int index = -1) {
    for (const auto& b : r.state["buttons"])
      if (b["target"] == target && (index < 0 || b.value("index", -1) == index)) return center_of(b);
    FAIL("no " << target << " button");
    return json();
  };
  for (const auto& [size, lang] : {std::pair{"1920x1080", "en"}, std::pair{"1080x1920", "ur"}}) {
    INFO(size << " " << lang);
    const std::string name = std::string("filters-") + size + "-" + lang, extra = std::string("--lang ") + lang;
    const Run home = screenshot(name + "-0", "", size, extra);
    REQUIRE(home.exit_code == 0);
    json at = button(home, "themes_menu");
    std::string session = tap(0, at["x"], at["y"]);
    const Run panel = screenshot(name + "-1", session, size, extra);
    CHECK(panel.state["panel"] == "themes");
    at = button(panel, "theme", 1);
    session += tap(300, at["x"], at["y"]);
    at = button(panel, "close_panel");  // "Done": the first close_panel is the button, the backdrop comes last
    session += tap(600, at["x"], at["y"]);
    const Run filtered = screenshot(name + "-2", session, size, extra);
    REQUIRE(filtered.exit_code == 0);
    CHECK(filtered.state["filters"] == json::array({theme}));
    CHECK(filtered.state["panel"] == "none");
    REQUIRE(filtered.state["cards"].size() >= 1);
    for (const auto& card : filtered.state["cards"]) {  // only stories of the chosen theme keep their cards
      std::ifstream event_file(std::string(CONTENT_DIR) + "/events/" + card["id"].get<std::string>() + ".json");
      const json event = json::parse(event_file);
      const auto& themes = event["themes"];
      CHECK(std::find(themes.begin(), themes.end(), theme) != themes.end());
    }
    at = button(filtered, "eras_menu");
    session += tap(900, at["x"], at["y"]);
    const Run eras = screenshot(name + "-3", session, size, extra);
    CHECK(eras.state["panel"] == "eras");
    at = button(eras, "era", 2);
    session += tap(1200, at["x"], at["y"]) + "{\"t_ms\":2000,\"type\":\"wait\"}\n";
    const Run jumped = screenshot(name + "-4", session, size, extra);
    REQUIRE(jumped.exit_code == 0);
    CHECK(jumped.state["panel"] == "none");
    CHECK(jumped.state["view"]["start"].get<double>() == Approx(era_start));
    CHECK(jumped.state["view"]["end"].get<double>() == Approx(era_end));
    CHECK(jumped.state["filters"] == json::array({theme}));  // the filter holds while travelling
    CHECK(jumped.state["missing_glyphs"] == 0);
  }
}

namespace {

std::string key(double t, const std::string& name) {
  return "{\"t_ms\":" + std::to_string(t) + ",\"type\":\"key\",\"key\":\"" + name + "\"}\n";
}

// A drag from y0 to y1 at x over 300 ms, then a rest so that it does not fling.
std::string vertical_drag(double t, double x, double y0, double y1) {
  std::ostringstream s;
  s << "{\"t_ms\":" << t << ",\"type\":\"finger_down\",\"id\":1,\"x\":" << x << ",\"y\":" << y0 << "}\n";
  for (int i = 1; i <= 10; ++i)
    s << "{\"t_ms\":" << t + 30 * i << ",\"type\":\"finger_move\",\"id\":1,\"x\":" << x << ",\"y\":" << y0 + (y1 - y0) * i / 10.0
      << "}\n";
  s << "{\"t_ms\":" << t + 600 << ",\"type\":\"finger_up\",\"id\":1,\"x\":" << x << ",\"y\":" << y1 << "}\n";
  return s.str();
}

json button_of(const json& state, const std::string& target, int index = -1) {
  for (const auto& b : state["buttons"])
    if (b["target"] == target && (index < 0 || (b.contains("index") && b["index"] == index))) return b;
  return json();
}

}  // namespace

namespace {

// The session that sets the largest text step from the home screen: a tap on "Aa", a tap on 200 %,
// then Escape at 2 s. `name` prefixes the screenshots taken to find the buttons.
std::string largest_text(const std::string& name, const std::string& size, const std::string& extra) {
  const Run home = screenshot(name + "-home", "", size, extra);
  const json display = button_of(home.state, "display_menu");
  REQUIRE(display.is_object());
  const std::string s = tap(0, center_of(display)["x"], center_of(display)["y"]);
  const Run chooser = screenshot(name + "-aa", s, size, extra);
  const json largest = button_of(chooser.state, "text_size", 3);
  REQUIRE(largest.is_object());
  return s + tap(1000, center_of(largest)["x"], center_of(largest)["y"]) + key(2000, "Escape");
}

}  // namespace

TEST_CASE("at 200 percent text a long story scrolls under a vertical drag, and its buttons stay put") {
  for (const auto& [size, lang] : {std::pair{"1920x1080", "en"}, std::pair{"1080x1920", "ur"}, std::pair{"1280x800", "zh-Hant"}}) {
    INFO(size << " " << lang);
    const std::string extra = std::string("--lang ") + lang;
    std::string session = largest_text("big", size, extra);
    const Run big = screenshot("big-timeline", session, size, extra);
    REQUIRE(big.exit_code == 0);
    CHECK(big.state["text_scale"] == 2.0);
    CHECK(big.state["panel"] == "none");
    CHECK(big.state["missing_glyphs"] == 0);
    REQUIRE(big.state["cards"].size() >= 1);
    session += tap(3000, center_of(big.state["cards"][0])["x"], center_of(big.state["cards"][0])["y"]);
    const Run top = screenshot("big-detail", session, size, extra);
    REQUIRE(top.state["mode"] == "detail");
    CHECK(top.state["detail_scroll"] == 0.0);
    const double max = top.state["detail_scroll_max"];
    CHECK(max > 100);  // at 200 % the story does not fit
    const json back = button_of(top.state, "back");
    REQUIRE(back.is_object());
    // Up the page by a fifth of the screen's height, in the middle of the story.
    const double h = top.state["window"]["height"];
    const Run scrolled = screenshot("big-scrolled", session + vertical_drag(4000, 0.5, 0.55, 0.35), size, extra);
    CHECK(scrolled.state["mode"] == "detail");
    CHECK(scrolled.state["selected_event"] == top.state["selected_event"]);  // not a swipe to a neighbour
    CHECK(scrolled.state["detail_scroll"].get<double>() == Approx(std::min(max, 0.2 * h)).margin(2));
    CHECK(button_of(scrolled.state, "back") == back);  // the controls do not move
    const Run end = screenshot("big-end", session + key(4000, "End"), size, extra);
    CHECK(end.state["detail_scroll"] == max);
    CHECK(end.state["missing_glyphs"] == 0);
    const Run next = screenshot("big-next", session + key(4000, "End") + key(4500, lang == std::string("ur") ? "Left" : "Right"), size, extra);
    CHECK(next.state["selected_event"] != top.state["selected_event"]);
    CHECK(next.state["detail_scroll"] == 0.0);  // another story opens at its top
  }
}

TEST_CASE("Tab reaches a count badge on the axis and Return zooms in to its events") {
  const Run home = screenshot("badge-home", "");
  REQUIRE(home.state["badges"].size() >= 1);
  const double span = home.state["view"]["end"].get<double>() - home.state["view"]["start"].get<double>();
  std::string session;
  Run focused;
  for (int i = 0; i < 20; ++i) {
    session += key(100.0 * i, "Tab");
    focused = screenshot("badge-tab", session);
    if (focused.state["focus"].is_object() && focused.state["focus"]["target"] == "badge") break;
  }
  REQUIRE(focused.state["focus"].is_object());
  CHECK(focused.state["focus"]["target"] == "badge");
  const Run zoomed = screenshot("badge-return", session + key(3000, "Return") + "{\"t_ms\":5000,\"type\":\"wait\"}\n");
  const double zoomed_span = zoomed.state["view"]["end"].get<double>() - zoomed.state["view"]["start"].get<double>();
  CHECK(zoomed_span < span / 2);
  CHECK(zoomed.state["mode"] == "browse");
}

namespace {

// A tap on the centre of the first button for `target` (and `index`, when >= 0) in `state`, at
// time `t`; "" when there is none.
std::string tap_button(const json& state, const std::string& target, int index, double t) {
  for (const auto& b : state["buttons"])
    if (b["target"] == target && (index < 0 || b.value("index", -1) == index)) {
      const json c = center_of(b);
      return tap(t, c["x"].get<double>(), c["y"].get<double>());
    }
  return "";
}

// True when every button of `state` lies inside the window (but a story's related-event chips,
// which scroll with its page and show only inside it).
bool buttons_on_screen(const json& state) {
  for (const auto& b : state["buttons"]) {
    if (b["target"] == "related") continue;
    const double x = b["x"], y = b["y"], w = b["w"], h = b["h"];
    if (x < -1e-4 || y < -1e-4 || x + w > 1 + 1e-4 || y + h > 1 + 1e-4) return false;
  }
  return true;
}

}  // namespace

// Issue 5 §7: the scripted drag, fling, pinch and tap sessions through the screenshot path, each
// checked on its STATE.json.
namespace {

std::string finger(double t, const char* type, int id, double x, double y) {
  std::ostringstream s;
  s.precision(9);
  s << "{\"t_ms\":" << t << ",\"type\":\"" << type << "\",\"id\":" << id << ",\"x\":" << x << ",\"y\":" << y << "}\n";
  return s.str();
}

// One finger from x0 to x1 at height y in ten moves over 300 ms; it lifts `rest_ms` after the
// last move (at once: a fling; 300 ms later: none).
std::string swipe(double t, double x0, double x1, double y, double rest_ms) {
  std::string s = finger(t, "finger_down", 1, x0, y);
  for (int i = 1; i <= 10; ++i) s += finger(t + 30 * i, "finger_move", 1, x0 + (x1 - x0) * i / 10.0, y);
  return s + finger(t + 300 + rest_ms, "finger_up", 1, x1, y);
}

double span_of(const json& state) { return state["view"]["end"].get<double>() - state["view"]["start"].get<double>(); }

// The year at normalised x across the window (the time axis spans the whole width).
double year_at(const json& state, double x) { return state["view"]["start"].get<double>() + x * span_of(state); }

const json* card_of(const json& state, const std::string& id) {
  for (const auto& c : state["cards"])
    if (c["id"] == id) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("at 200 percent text every language keeps its title uncut, two headline lines and its controls on screen") {
  // Every language on the short screen, where space is tightest; three scripts on the usual one
  // (tests/ui/fit_test.cpp measures every language at every size and screen without rendering).
  const char* langs[] = {"en", "es", "zh-Hant", "ko", "tl", "vi", "pa", "hi", "ur"};
  for (const char* size : {"1280x800", "1920x1080"})
    for (const char* lang : langs) {
      const std::string l = lang;
      if (std::string(size) == "1920x1080" && l != "en" && l != "zh-Hant" && l != "ur") continue;
      INFO(lang << " at " << size);
      const std::string extra = std::string("--lang ") + lang, name = std::string("big-") + lang + "-" + size;
      // Aa, the largest text, and (later) high contrast, each found where the layout put it.
      const Run home = screenshot(name + "-0", "", size, extra);
      REQUIRE(home.exit_code == 0);
      std::string session = tap_button(home.state, "display_menu", -1, 100);
      REQUIRE_FALSE(session.empty());
      const Run panel = screenshot(name + "-1", session, size, extra);
      REQUIRE(panel.exit_code == 0);
      session += tap_button(panel.state, "text_size", 3, 800);
      const Run big_panel = screenshot(name + "-2", session, size, extra);
      REQUIRE(big_panel.exit_code == 0);
      CHECK(big_panel.state["text_scale"] == 2.0);
      CHECK(big_panel.state["panel"] == "display");
      CHECK(buttons_on_screen(big_panel.state));  // the display chooser fits at its largest text
      const std::string contrast = tap_button(big_panel.state, "contrast", -1, 1500);
      REQUIRE_FALSE(contrast.empty());
      session += contrast + "{\"t_ms\":2200,\"type\":\"key\",\"key\":\"Escape\"}\n{\"t_ms\":3000,\"type\":\"wait\"}\n";
      const Run r = screenshot(name, session, size, extra);
      REQUIRE(r.exit_code == 0);
      CHECK(r.state["high_contrast"] == true);
      CHECK(r.state["panel"] == "none");
      CHECK(r.state["missing_glyphs"] == 0);
      CHECK(r.state["header"]["title_cut"] == false);
      CHECK(r.state["header"]["title_lines"] <= 2);
      CHECK(r.state["header"]["h"] <= 0.25);
      CHECK(buttons_on_screen(r.state));
      REQUIRE(r.state["cards"].size() >= 1);
      for (const auto& card : r.state["cards"]) CHECK(card["headline_lines"] >= 2);
      // The story at 200 %: its header fits too.
      const json first = center_of(r.state["cards"][0]);
      const Run detail = screenshot(name + "-detail", session + tap(3500, first["x"], first["y"]), size, extra);
      REQUIRE(detail.exit_code == 0);
      CHECK(detail.state["mode"] == "detail");
      CHECK(detail.state["header"]["title_cut"] == false);
      CHECK(detail.state["missing_glyphs"] == 0);
      CHECK(buttons_on_screen(detail.state));
    }
}

TEST_CASE("a pinch-out around a card keeps that card under the fingers") {
  for (const std::string size : {"1920x1080", "1280x800"}) {
    INFO(size);
    const Run home = screenshot("pinch-home", zoom_in(0), size);
    REQUIRE(home.exit_code == 0);
    const double w = home.state["window"]["width"];
    // The card nearest the middle of the screen, held 20 px inside its start (its date's end).
    REQUIRE_FALSE(home.state["cards"].empty());
    json card;
    for (const auto& c : home.state["cards"])
      if (card.is_null() || std::abs(c["x"].get<double>() - 0.5) < std::abs(card["x"].get<double>() - 0.5)) card = c;
    const double cx = card["x"].get<double>() + 20 / w, cy = card["y"].get<double>() + card["h"].get<double>() / 2;
    const double date = year_at(home.state, cx);
    // Two fingers 120 px apart spread to 600 px apart about (cx, cy): a five-fold zoom; they rest,
    // then lift, so nothing flings.
    std::string s = zoom_in(0);
    s += finger(1000, "finger_down", 1, cx - 60 / w, cy) + finger(1008, "finger_down", 2, cx + 60 / w, cy);
    for (int i = 1; i <= 12; ++i) {
      const double half = (60 + 20 * i) / w;
      s += finger(1030 + 16 * i, "finger_move", 1, cx - half, cy) + finger(1030 + 16 * i, "finger_move", 2, cx + half, cy);
    }
    s += finger(1500, "finger_up", 1, cx - 300 / w, cy) + finger(1500, "finger_up", 2, cx + 300 / w, cy);
    const Run pinched = screenshot("pinch-out", s, size);
    REQUIRE(pinched.exit_code == 0);
    CHECK(pinched.state["mode"] == "browse");  // not taken for a tap on the card
    CHECK(span_of(pinched.state) == Approx(span_of(home.state) / 5).epsilon(0.01));
    // The date under the fingers stays there within a pixel, and so does the card.
    CHECK(std::abs(year_at(pinched.state, cx) - date) / span_of(pinched.state) * w <= 1.0);
    const json* after = card_of(pinched.state, card["id"]);
    REQUIRE(after);
    CHECK((*after)["x"].get<double>() <= cx);
    CHECK((*after)["x"].get<double>() + (*after)["w"].get<double>() >= cx);
    CHECK((*after)["y"].get<double>() <= cy);
    CHECK((*after)["y"].get<double>() + (*after)["h"].get<double>() >= cy);
  }
}

TEST_CASE("a fling ends further than the drag alone") {
  const Run start = screenshot("fling-start", zoom_in(0));
  REQUIRE(start.exit_code == 0);
  const double span = span_of(start.state);
  // The same drag to the left by a tenth of the screen, released after a rest or while still moving
  // (short enough that the fling comes to rest before the end of the history).
  const Run dragged = screenshot("fling-dragged", zoom_in(0) + swipe(1000, 0.55, 0.45, 0.2, 300) + "{\"t_ms\":8000,\"type\":\"wait\"}\n");
  const Run flung = screenshot("fling-flung", zoom_in(0) + swipe(1000, 0.55, 0.45, 0.2, 0) + "{\"t_ms\":8000,\"type\":\"wait\"}\n");
  REQUIRE(dragged.exit_code == 0);
  REQUIRE(flung.exit_code == 0);
  const double s0 = start.state["view"]["start"];
  const double drag_travel = dragged.state["view"]["start"].get<double>() - s0;
  const double fling_travel = flung.state["view"]["start"].get<double>() - s0;
  CHECK(drag_travel == Approx(0.1 * span).epsilon(0.01));  // the drag alone: exactly the distance dragged
  CHECK(fling_travel > 1.5 * drag_travel);                  // the fling carries on well past it
  CHECK(span_of(flung.state) == Approx(span));              // and only pans
  CHECK(flung.state["overscroll"] == 0.0);                  // it has come to rest inside the history
  CHECK(flung.state["mode"] == "browse");
}

TEST_CASE("a five-finger mash does not move the view wildly") {
  const Run start = screenshot("mash-start", zoom_in(0));
  REQUIRE(start.exit_code == 0);
  // Five fingers land across the screen and scrub in different directions for 600 ms.
  auto mash = [](int fingers) {
    std::string s = zoom_in(0);
    const double x0[] = {0.3, 0.42, 0.55, 0.68, 0.8}, y0[] = {0.45, 0.6, 0.4, 0.55, 0.5};
    for (int f = 0; f < fingers; ++f) s += finger(1000 + 5 * f, "finger_down", f + 1, x0[f], y0[f]);
    for (int i = 1; i <= 36; ++i)
      for (int f = 0; f < fingers; ++f) {
        const double phase = i * 0.45 + f * 1.3, r = 0.015 * (1 + f % 3);
        s += finger(1030 + 16 * i + f, "finger_move", f + 1, x0[f] + r * std::sin(phase), y0[f] + r * std::cos(phase));
      }
    for (int f = 0; f < fingers; ++f) s += finger(1700 + 7 * f, "finger_up", f + 1, x0[f], y0[f]);
    return s + "{\"t_ms\":6000,\"type\":\"wait\"}\n";
  };
  const Run five = screenshot("mash-five", mash(5)), two = screenshot("mash-two", mash(2));
  REQUIRE(five.exit_code == 0);
  REQUIRE(two.exit_code == 0);
  CHECK(five.state["mode"] == "browse");
  CHECK(five.state["panel"] == "none");
  // Fingers beyond two are ignored: the view is the one the first two fingers alone give ...
  CHECK(five.state["view"]["start"].get<double>() == Approx(two.state["view"]["start"].get<double>()).margin(1e-9));
  CHECK(five.state["view"]["end"].get<double>() == Approx(two.state["view"]["end"].get<double>()).margin(1e-9));
  // ... and that stays near where it was: the span within 25 %, the middle within a tenth of it.
  const double span = span_of(start.state);
  CHECK(span_of(five.state) > span / 1.25);
  CHECK(span_of(five.state) < span * 1.25);
  const double mid0 = (start.state["view"]["start"].get<double>() + start.state["view"]["end"].get<double>()) / 2;
  const double mid1 = (five.state["view"]["start"].get<double>() + five.state["view"]["end"].get<double>()) / 2;
  CHECK(std::abs(mid1 - mid0) < 0.1 * span);
  CHECK(five.state["overscroll"] == 0.0);
}

TEST_CASE("tap, then swipe, then close returns to the start range") {
  const std::string navigate = zoom_in(0) + drag(100, 0.6, 0.4, 0.2);
  const Run browse = screenshot("tsc-browse", navigate);
  REQUIRE(browse.exit_code == 0);
  REQUIRE_FALSE(browse.state["cards"].empty());
  const json card = browse.state["cards"][0];
  std::string s = navigate + tap(2000, center_of(card)["x"], center_of(card)["y"]);
  const Run detail = screenshot("tsc-detail", s);
  REQUIRE(detail.state["mode"] == "detail");
  REQUIRE(detail.state["selected_event"] == card["id"]);
  // A quick swipe across the story, right to left: its later neighbour.
  s += swipe(3000, 0.75, 0.35, 0.5, 0);
  const Run swiped = screenshot("tsc-swiped", s);
  CHECK(swiped.state["mode"] == "detail");
  CHECK(swiped.state["selected_event"] != card["id"]);
  CHECK(swiped.state["selected_event"].is_string());
  const json back = button_of(swiped.state, "back");
  REQUIRE(back.is_object());
  s += tap(4500, center_of(back)["x"], center_of(back)["y"]);
  const Run closed = screenshot("tsc-closed", s);
  REQUIRE(closed.exit_code == 0);
  CHECK(closed.state["mode"] == "browse");
  CHECK(closed.state["selected_event"].is_null());
  CHECK(closed.state["view"]["start"].get<double>() == Approx(browse.state["view"]["start"].get<double>()));
  CHECK(closed.state["view"]["end"].get<double>() == Approx(browse.state["view"]["end"].get<double>()));
  CHECK(closed.state["overscroll"] == 0.0);
}

namespace {

struct Pixels {
  int w = 0, h = 0;
  std::vector<unsigned char> rgba;
  // Mean and spread of each channel over the rect (pixels), rows and columns inset by `inset`.
  std::array<double, 6> stats(double x, double y, double rw, double rh, double inset) const {
    std::array<double, 3> sum{}, sq{};
    double n = 0;
    for (int py = static_cast<int>(y + inset); py < static_cast<int>(y + rh - inset); ++py)
      for (int px = static_cast<int>(x + inset); px < static_cast<int>(x + rw - inset); ++px) {
        const unsigned char* q = &rgba[(static_cast<std::size_t>(py) * w + px) * 4];
        for (int c = 0; c < 3; ++c) {
          sum[c] += q[c];
          sq[c] += static_cast<double>(q[c]) * q[c];
        }
        ++n;
      }
    std::array<double, 6> out{};
    for (int c = 0; c < 3; ++c) {
      out[c] = sum[c] / std::max(1.0, n);
      out[3 + c] = std::sqrt(std::max(0.0, sq[c] / std::max(1.0, n) - out[c] * out[c]));
    }
    return out;
  }
};

Pixels load_pixels(const std::string& path) {
  Pixels p;
  int channels = 0;
  unsigned char* px = stbi_load(path.c_str(), &p.w, &p.h, &channels, 4);
  if (!px) return p;
  p.rgba.assign(px, px + static_cast<std::size_t>(p.w) * p.h * 4);
  stbi_image_free(px);
  return p;
}

}  // namespace

TEST_CASE("the Eras chooser shows each era's illustration, with its alt text, and marks the current era") {
  std::ifstream timeline_file(std::string(CONTENT_DIR) + "/timeline.json");
  const json timeline = json::parse(timeline_file);
  const std::string images = std::string(CONTENT_DIR) + "/../images/";
  for (const auto& [size, extra] : {std::pair{"1920x1080", ""}, std::pair{"1280x800", "--lang tl"}}) {
    INFO(size << " " << extra);
    const Run home = screenshot("era-art-home", "", size, extra);
    const json eras_menu = button_of(home.state, "eras_menu");
    REQUIRE(eras_menu.is_object());
    std::string session = tap(0, center_of(eras_menu)["x"], center_of(eras_menu)["y"]);
    const Run first = screenshot("era-art-first", session, size, extra);
    REQUIRE(first.state["panel"] == "eras");
    for (const auto& b : first.state["buttons"]) CHECK_FALSE(b.value("selected", false));  // the whole history: no era fills half
    // Jump to the third era, then open the chooser again: that era is marked as the current one.
    const json third = button_of(first.state, "era", 2);
    REQUIRE(third.is_object());
    session += tap(1000, center_of(third)["x"], center_of(third)["y"]);
    const Run jumped = screenshot("era-art-jumped", session + "{\"t_ms\":2000,\"type\":\"wait\"}\n", size, extra);
    const json again = button_of(jumped.state, "eras_menu");
    REQUIRE(again.is_object());
    session += tap(2500, center_of(again)["x"], center_of(again)["y"]);
    const Run panel = screenshot("era-art", session, size, extra);
    REQUIRE(panel.exit_code == 0);
    REQUIRE(panel.state["panel"] == "eras");
    const Pixels shot = load_pixels(panel.png);
    REQUIRE(shot.w > 0);
    const double w = shot.w, h = shot.h;
    int drawn = 0, current = 0;
    for (const auto& b : panel.state["buttons"]) {
      if (b["target"] != "era") continue;
      if (b.value("selected", false)) current += b["index"] == 2 ? 1 : 100;
      const json& era = timeline["eras"][b["index"].get<std::size_t>()];
      REQUIRE(b.contains("art"));  // every bundled era has its picture, and there is room for it
      CHECK(b["image"] == era["image"]);
      const std::string lang = extra[0] ? "tl" : "en";
      CHECK(b["alt"] == (era["alt"].contains(lang) ? era["alt"][lang] : era["alt"]["en"]));
      CHECK(b["alt"].get<std::string>().size() > 20);
      // The picture drawn in its box: its colours on average as in the file, and not a flat tint.
      const json& a = b["art"];
      const Pixels source = load_pixels(images + era["image"].get<std::string>());
      REQUIRE(source.w > 0);
      const auto want = source.stats(0, source.h * 0.1, source.w, source.h * 0.8, 0);
      const auto got = shot.stats(a["x"].get<double>() * w, a["y"].get<double>() * h, a["w"].get<double>() * w,
                                  a["h"].get<double>() * h, 4);
      INFO(era["id"] << " drawn mean " << got[0] << "," << got[1] << "," << got[2] << " file " << want[0] << "," << want[1]
                     << "," << want[2]);
      for (int c = 0; c < 3; ++c) CHECK(std::abs(got[c] - want[c]) < 18);
      CHECK(got[3] + got[4] + got[5] > 30);
      // The picture sits inside its button, at the start of the line of reading.
      CHECK(a["x"].get<double>() >= b["x"].get<double>());
      CHECK(a["x"].get<double>() + a["w"].get<double>() <= b["x"].get<double>() + b["w"].get<double>() + 1e-6);
      CHECK(a["x"].get<double>() - b["x"].get<double>() < 0.02);
      ++drawn;
    }
    CHECK(drawn == static_cast<int>(timeline["eras"].size()));
    CHECK(current == 1);  // the third era, and only it
  }
}

TEST_CASE("in Tagalog at 200 percent on 1280x800 the theme chooser scrolls, and its last chip can be read and tapped") {
  std::ifstream timeline_file(std::string(CONTENT_DIR) + "/timeline.json");
  const json timeline = json::parse(timeline_file);
  const std::size_t last = timeline["themes"].size() - 1;
  const std::string size = "1280x800", extra = "--lang tl";
  std::string s = largest_text("scroll", size, extra);
  const Run big = screenshot("scroll-big", s, size, extra);
  const json themes = button_of(big.state, "themes_menu");
  REQUIRE(themes.is_object());
  s += tap(3000, center_of(themes)["x"], center_of(themes)["y"]);
  const Run top = screenshot("scroll-top", s, size, extra);
  REQUIRE(top.state["panel"] == "themes");
  const double max = top.state["chooser_scroll_max"];
  REQUIRE(max > 0);  // eight Tagalog theme names at 200 % do not fit 800 px
  CHECK(top.state["chooser_scroll"] == 0.0);
  const json area = top.state["chooser_scroll_area"];
  REQUIRE(area.is_object());
  auto within = [&](const json& b) {
    return b["y"].get<double>() >= area["y"].get<double>() - 1e-6 &&
           b["y"].get<double>() + b["h"].get<double>() <= area["y"].get<double>() + area["h"].get<double>() + 1e-6;
  };
  CHECK(within(button_of(top.state, "theme", 0)));
  CHECK_FALSE(within(button_of(top.state, "theme", static_cast<int>(last))));
  // A finger drags the chips up by 0.3 of the screen: they follow it, the timeline does not move.
  s += vertical_drag(4000, 0.5, 0.65, 0.35);
  const Run dragged = screenshot("scroll-dragged", s, size, extra);
  CHECK(dragged.state["panel"] == "themes");
  CHECK(dragged.state["chooser_scroll"].get<double>() == Approx(std::min(max, 0.3 * 800)).margin(2));
  CHECK(dragged.state["view"] == top.state["view"]);
  // To the end, where the last chip shows whole; a tap on it filters by that theme.
  s += key(5000, "End");
  const Run end = screenshot("scroll-end", s, size, extra);
  CHECK(end.state["chooser_scroll"] == max);
  const json chip = button_of(end.state, "theme", static_cast<int>(last));
  REQUIRE(chip.is_object());
  CHECK(within(chip));
  s += tap(6000, center_of(chip)["x"], center_of(chip)["y"]);
  const Run chosen = screenshot("scroll-chosen", s, size, extra);
  CHECK(chosen.state["filters"] == json::array({timeline["themes"][last]["id"]}));
  CHECK(chosen.state["panel"] == "themes");  // the chooser stays open for more chips
  CHECK(chosen.state["missing_glyphs"] == 0);
}
