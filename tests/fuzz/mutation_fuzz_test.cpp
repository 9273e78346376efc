// Bounded mutation fuzzing of everything a curator or a script can hand the kiosk: content
// files and input sessions. Each case replays a fixed seed, so a failure reproduces exactly.
// Run under AddressSanitizer and UBSan in CI; nothing may crash, hang or throw.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "core/gestures.hpp"
#include "core/kiosk.hpp"
#include "core/loader.hpp"
#include "core/session.hpp"
#include "test_content.hpp"

namespace fs = std::filesystem;
using namespace kiosk::core;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// One random edit of the kinds a hurried editor makes: a byte changed, dropped or doubled, a
// cut, a splice of JSON punctuation or of a huge number.
std::string mutate(std::string s, std::mt19937& rng) {
  static const char* kSnippets[] = {"{", "}", "[", "]", ",", ":", "\"", "\\\\", "null", "-99999999999999999999",
                                    "1e400", "\"\\ud800\"", "\xC3\x28", "\xF0\x9F\x98", "[[[[[[[[[[", "0000-00-00"};
  const int edits = 1 + static_cast<int>(rng() % 4);
  for (int k = 0; k < edits && !s.empty(); ++k) {
    const std::size_t at = rng() % s.size();
    switch (rng() % 5) {
      case 0: s[at] = static_cast<char>(rng() % 256); break;
      case 1: s.erase(at, 1 + rng() % 8); break;
      case 2: s.insert(at, s.substr(at, 1 + rng() % 16)); break;
      case 3: s.resize(at); break;
      default: s.insert(at, kSnippets[rng() % std::size(kSnippets)]); break;
    }
  }
  return s;
}

}  // namespace

TEST_CASE("mutated content never crashes the loader, and what loads lays out") {
  const fs::path good = fs::path(FIXTURES_DIR) / "good";
  const fs::path dir = fs::temp_directory_path() / ("kiosk-fuzz-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(good, dir, fs::copy_options::recursive);
  const std::vector<std::string> files = {"content/timeline.json", "content/events/strike.json",
                                          "content/events/founding.json", "content/i18n/en.json"};
  std::map<std::string, std::string> originals;
  for (const auto& f : files) originals[f] = read(good / f);
  std::mt19937 rng(20261128);
  for (int round = 0; round < 400; ++round) {
    const std::string& file = files[rng() % files.size()];
    std::ofstream(dir / file, std::ios::binary | std::ios::trunc) << mutate(originals[file], rng);
    const LoadResult r = load_content(dir / "content");
    for (const auto& d : r.diagnostics) CHECK_FALSE(d.message.empty());
    KioskState s = initial_state(r.content);
    const Layout l = compute_layout(r.content, s, Viewport{1280, 720, 3}, LayoutMetrics{});
    update(s, r.content, l, {Command{CommandKind::zoom, 640, 300, 0, 3}}, 16);
    std::ofstream(dir / file, std::ios::binary | std::ios::trunc) << originals[file];
  }
  fs::remove_all(dir);
}

TEST_CASE("mutated input sessions are refused with a line number or replay safely") {
  const std::string session =
      "{\"t_ms\":0,\"type\":\"finger_down\",\"id\":1,\"x\":0.5,\"y\":0.6}\n"
      "{\"t_ms\":16,\"type\":\"finger_move\",\"id\":1,\"x\":0.4,\"y\":0.6}\n"
      "{\"t_ms\":20,\"type\":\"finger_down\",\"id\":2,\"x\":0.7,\"y\":0.6}\n"
      "{\"t_ms\":40,\"type\":\"finger_move\",\"id\":2,\"x\":0.9,\"y\":0.6}\n"
      "{\"t_ms\":50,\"type\":\"wheel\",\"x\":0.5,\"y\":0.5,\"dy\":-3}\n"
      "{\"t_ms\":60,\"type\":\"key\",\"key\":\"Right\",\"mods\":[\"ctrl\"]}\n"
      "{\"t_ms\":90,\"type\":\"finger_up\",\"id\":1,\"x\":0.4,\"y\":0.6}\n";
  Content c;
  for (int i = 0; i < 20; ++i) {
    c.events.push_back(kiosk::test::dated_event("e" + std::to_string(i), Date{1900 + 6 * i}));
  }
  std::mt19937 rng(7);
  int refused = 0;
  for (int round = 0; round < 2000; ++round) {
    std::vector<InputEvent> events;
    SessionError error;
    if (!parse_session(mutate(session, rng), 1920, 1080, &events, &error)) {
      CHECK(error.line >= 1);
      ++refused;
      continue;
    }
    KioskState s = initial_state(c);
    Gestures g;
    for (const auto& e : events) {
      std::vector<Command> commands;
      g.feed(e, commands);
      const Layout l = compute_layout(c, s, Viewport{1920, 1080, 3.6f}, LayoutMetrics{});
      update(s, c, l, commands, e.t_ms);
      CHECK(s.view.end > s.view.start);
      CHECK(std::isfinite(s.view.start));
    }
  }
  CHECK(refused > 0);
}

TEST_CASE("a five-finger mash for ten simulated minutes never moves the view out of bounds") {
  Content c;
  for (int i = 0; i < 60; ++i) {
    c.events.push_back(kiosk::test::dated_event("e" + std::to_string(i), Date{1880 + 2 * i}, 1 + i % 5));
  }
  std::mt19937 rng(42);
  KioskState s = initial_state(c);
  Gestures g(GestureConfig{.px_per_mm = 3.6});
  const Viewport vp{1920, 1080, 3.6f};
  bool down[5] = {};
  for (double t = 0; t < 600'000; t += 16) {
    std::vector<Command> commands;
    const int finger = static_cast<int>(rng() % 5);
    InputEvent e;
    e.t_ms = t;
    e.pointer = finger;
    e.x = static_cast<float>(rng() % 1920);
    e.y = static_cast<float>(rng() % 1080);
    e.kind = !down[finger] ? InputKind::pointer_down : (rng() % 4 == 0 ? InputKind::pointer_up : InputKind::pointer_move);
    down[finger] = e.kind != InputKind::pointer_up;
    g.feed(e, commands);
    const Layout l = compute_layout(c, s, vp, LayoutMetrics{});
    update(s, c, l, commands, t);
    REQUIRE(s.running);
    // Only the rubber band's overscroll, explicit in the state and at most 15% of the span, shows
    // past the limits; the view it is added to stays within them.
    REQUIRE(std::abs(s.overscroll) <= 0.15 * s.view.span() + 1e-9);
    REQUIRE(s.view.start - s.overscroll >= s.limits.min_year - 1e-6);
    REQUIRE(s.view.end - s.overscroll <= s.limits.max_year + 1e-6);
    REQUIRE(s.view.span() >= s.limits.min_span * 0.999);
  }
}
