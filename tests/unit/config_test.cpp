#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/admin_gesture.hpp"
#include "core/config.hpp"
#include "core/sha256.hpp"
#include "test_content.hpp"

using namespace kiosk::core;
namespace fs = std::filesystem;

TEST_CASE("SHA-256 matches the FIPS 180-4 test vectors") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("a config file is read with defaults for what it leaves out, and precise errors") {
  const fs::path p = fs::temp_directory_path() / "kiosk-config-test.json";
  std::ofstream(p) << "{\n  \"kiosk\": true,\n  \"panel_mm\": [1210, 680],\n  \"idle_seconds\": 120,\n  \"colour\": 1\n}\n";
  std::vector<Diagnostic> d;
  Config c = load_config(p, &d);
  CHECK(c.kiosk == true);
  CHECK_FALSE(c.classroom.has_value());
  CHECK(c.panel_w_mm == 1210);
  CHECK(c.idle_seconds == 120);
  REQUIRE(d.size() == 1);
  CHECK(format_diagnostic(d[0]) == "kiosk-config-test.json:5:13 /colour: warning: \"colour\" is not a config field and is ignored; check its spelling");

  std::ofstream(p, std::ios::trunc) << "{\"display\": -1, \"panel_mm\": \"big\"}";
  d.clear();
  c = load_config(p, &d);
  REQUIRE(count_errors(d) == 2);
  CHECK(d[0].pointer == "/display");
  CHECK(d[1].message.find("[width, height] in millimetres") != std::string::npos);
  fs::remove(p);
}

TEST_CASE("set_admin_pin stores a salted hash and keeps the other fields") {
  const fs::path p = fs::temp_directory_path() / "kiosk-pin-test.json";
  std::ofstream(p) << "{\"kiosk\": true}";
  std::string error;
  CHECK_FALSE(set_admin_pin(p, "12", "salt", &error));
  CHECK(error == "the PIN must be 4 to 12 digits");
  REQUIRE(set_admin_pin(p, "2468", "s4lt", &error));
  std::vector<Diagnostic> d;
  const Config c = load_config(p, &d);
  CHECK(d.empty());
  CHECK(c.kiosk == true);
  CHECK(c.pin_salt == "s4lt");
  CHECK(c.pin_sha256 == sha256_hex("s4lt2468"));
  fs::remove(p);
}

TEST_CASE("the admin gesture needs three fingers in the corner for the whole hold") {
  AdminGesture g(100, 3000);
  const auto ev = pointer_event;
  g.feed(ev(InputKind::pointer_down, 0, 1, 10, 10));
  g.feed(ev(InputKind::pointer_down, 10, 2, 20, 20));
  CHECK_FALSE(g.tick(5000));  // two fingers are not enough
  g.feed(ev(InputKind::pointer_down, 20, 3, 30, 30));
  CHECK_FALSE(g.tick(2000));
  g.feed(ev(InputKind::pointer_move, 2500, 3, 300, 30));  // one slid out: the hold starts over
  g.feed(ev(InputKind::pointer_move, 2600, 3, 30, 30));
  CHECK_FALSE(g.tick(5000));
  CHECK(g.tick(5700));
  CHECK_FALSE(g.tick(9000));  // once per hold
}

TEST_CASE("the config names the analytics folder and how many days of files it keeps") {
  const fs::path p = fs::temp_directory_path() / "kiosk-config-analytics-test.json";
  std::ofstream(p) << "{\"analytics_path\": \"analytics\", \"analytics_retention_days\": 30}";
  std::vector<Diagnostic> d;
  Config c = load_config(p, &d);
  CHECK(d.empty());
  CHECK(c.analytics_path == "analytics");
  CHECK(c.analytics_retention_days == 30);
  std::ofstream(p, std::ios::trunc) << "{\"analytics_path\": 1,\n \"analytics_retention_days\": 2.5}";
  d.clear();
  c = load_config(p, &d);
  REQUIRE(d.size() == 2);
  CHECK(format_diagnostic(d[1]) ==
        "kiosk-config-analytics-test.json:2:30 /analytics_retention_days: error: \"analytics_retention_days\" must be a "
        "whole number of days");
  CHECK_FALSE(c.analytics_retention_days.has_value());
  fs::remove(p);
}

TEST_CASE("the config names the log file; a log_path that is not text is an error at its place") {
  const fs::path p = fs::temp_directory_path() / "kiosk-config-log-test.json";
  std::ofstream(p) << "{\"log_path\": \"logs/kiosk.log\"}";
  std::vector<Diagnostic> d;
  Config c = load_config(p, &d);
  CHECK(d.empty());
  CHECK(c.log_path == "logs/kiosk.log");
  std::ofstream(p, std::ios::trunc) << "{\n  \"log_path\": true\n}";
  d.clear();
  c = load_config(p, &d);
  REQUIRE(d.size() == 1);
  CHECK(format_diagnostic(d[0]) == "kiosk-config-log-test.json:2:15 /log_path: error: \"log_path\" must be a text in quotes");
  CHECK_FALSE(c.log_path.has_value());
  fs::remove(p);
}
