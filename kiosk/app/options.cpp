#include "app/options.hpp"

#include <algorithm>
#include <vector>
#include <cstdio>
#include <random>

#include "core/config.hpp"
#include "core/utc_time.hpp"

namespace kiosk::app {

namespace {
bool parse_pair(const std::string& s, float* a, float* b) {
  const auto x = s.find('x');
  if (x == std::string::npos) return false;
  try {
    std::size_t used = 0;
    *a = std::stof(s.substr(0, x), &used);
    if (used != x) return false;
    const std::string rest = s.substr(x + 1);
    *b = std::stof(rest, &used);
    return used == rest.size() && *a > 0 && *b > 0;
  } catch (...) {
    return false;
  }
}
}  // namespace

const char* usage() {
  return "Solidarity Timeline Kiosk\n"
         "\n"
         "  kiosk [run] [--content DIR] [--lang L] [--event ID] [--tour ID] [--classroom] [--fullscreen]\n"
         "            [--display N] [--size WxH] [--panel-mm WxH] [--preview] [--kiosk] [--config FILE]\n"
         "            [--analytics DIR] [--log FILE]\n"
         "      open the kiosk window on the content (default: ./content); content edits are picked up\n"
         "      between visitor sessions, or at once with --preview (which also shows why an edit was refused);\n"
         "      --log also appends diagnostics to FILE (rotated at 5 MB, 3 old files kept). Exit status 75 after\n"
         "      the admin overlay's \"Restart\" (the systemd unit restarts the kiosk), 0 after \"Exit\"\n"
         "  kiosk screenshot --out FILE.png [--size WxH] [--lang L] [--event ID] [--tour ID] [--classroom] [--content DIR]\n"
         "                   [--input SESSION.jsonl] [--state-out STATE.json] [--panel-mm WxH]\n"
         "                   [--analytics DIR [--start-time 2024-05-01T10:00:00Z]]\n"
         "      replay a scripted input session headlessly and save the screen as PNG; --analytics records\n"
         "      the session's analytics with simulated times from --start-time (default: now)\n"
         "  kiosk report FILE_OR_DIR... [--csv | --json] [--out FILE]\n"
         "      per-day sessions, median session length, top events, languages and tours from analytics files\n"
         "  kiosk validate [CONTENT_DIR] [--strict] [--json]\n"
         "      check the content and print every problem, errors first; exit 1 on errors (--strict: on warnings too)\n"
         "  kiosk import timelinejs IN.json --out DIR [--lang L]\n"
         "      turn a TimelineJS3 file into a content folder that validates\n"
         "  kiosk export timelinejs [CONTENT_DIR] --out OUT.json [--lang L]\n"
         "      write the content as a TimelineJS3 file\n"
         "  kiosk set-pin --config FILE\n"
         "      read a 4-12 digit admin PIN from standard input and store its salted hash in FILE\n"
         "  kiosk bench [--content DIR | --synthetic N] [--size WxH] [--frames N] [--no-look-ahead] [--json]\n"
         "      replay a fixed session headlessly (pan, fling, pinch to days, details, languages, stories in\n"
         "      Urdu, a reload) and print startup, frame-time percentiles, peak memory and slow frames; as in\n"
         "      the kiosk window, stories in reach are shaped ahead in still frames (unless --no-look-ahead)\n"
         "  kiosk soak [--seed N] [--inputs N] [--days N] [--max-growth PCT] [--content DIR] [--size WxH]\n"
         "      a seeded monkey (taps, drags, pinches, five-finger mashing, languages), then simulated days of\n"
         "      visitors, idle resets and hourly content reloads; fails if the kiosk stops or memory keeps growing\n"
         "  kiosk bench --micro [--runs N] [--case TEXT]\n"
         "      measure the text engine (cold and steady frames) and the layout of 10,000 events; medians\n";
}

std::optional<Options> parse_options(const std::vector<std::string>& args, std::string* error) {
  Options o;
  std::size_t i = 0;
  if (i < args.size() && !args[i].starts_with("-")) o.command = args[i++];
  if (o.command != "run" && o.command != "screenshot" && o.command != "validate" && o.command != "bench" && o.command != "import" && o.command != "export" && o.command != "report" && o.command != "soak" && o.command != "set-pin" && o.command != "help") {
    *error = "unknown command \"" + o.command + "\"";
    return std::nullopt;
  }
  if (o.command == "import" || o.command == "export") {
    if (i >= args.size() || args[i] != "timelinejs") {
      *error = o.command + " needs the format: kiosk " + o.command + " timelinejs ...";
      return std::nullopt;
    }
    ++i;
  }
  bool size_given = false;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) {
        *error = a + " needs a value";
        return false;
      }
      *out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--help" || a == "-h") o.command = "help";
    else if (a == "--fullscreen") o.fullscreen = true;
    else if (a == "--strict") o.strict = true;
    else if (a == "--preview") o.preview = true;
    else if (a == "--kiosk") o.kiosk = true;
    else if (a == "--config") { if (!value(&o.config)) return std::nullopt; }
    else if (a == "--classroom") o.classroom = true;
    else if (a == "--event") { if (!value(&o.event)) return std::nullopt; }
    else if (a == "--tour") { if (!value(&o.tour)) return std::nullopt; }
    else if (a == "--json") o.json = true;
    else if (a == "--csv") o.csv = true;
    else if (a == "--analytics") { if (!value(&o.analytics_dir)) return std::nullopt; }
    else if (a == "--log") { if (!value(&o.log_path)) return std::nullopt; }
    else if (a == "--start-time") {
      if (!value(&o.start_time)) return std::nullopt;
      if (!core::parse_iso8601_utc(o.start_time)) {
        *error = "--start-time needs a UTC time like 2024-05-01T10:00:00Z";
        return std::nullopt;
      }
    }
    else if (a == "--content") { if (!value(&v)) return std::nullopt; o.content_dir = v; }
    else if (a == "--lang") { if (!value(&o.language)) return std::nullopt; }
    else if (a == "--out") { if (!value(&o.out)) return std::nullopt; }
    else if (a == "--input") { if (!value(&o.input)) return std::nullopt; }
    else if (a == "--state-out") { if (!value(&o.state_out)) return std::nullopt; }
    else if (a == "--case") { if (!value(&o.bench_case)) return std::nullopt; }
    else if (a == "--micro") o.bench_micro = true;
    else if (a == "--no-look-ahead") o.look_ahead = false;
    else if (a == "--max-growth") {
      if (!value(&v)) return std::nullopt;
      try { o.soak_max_growth = std::stod(v); } catch (...) { o.soak_max_growth = -1; }
      if (!(o.soak_max_growth > 0 && o.soak_max_growth <= 100)) { *error = "--max-growth needs a percentage above 0, e.g. --max-growth 5"; return std::nullopt; }
    } else if (a == "--seed" || a == "--inputs" || a == "--days") {
      if (!value(&v)) return std::nullopt;
      long long n = -1;
      try { n = std::stoll(v); } catch (...) { n = -1; }
      if (n < 0 || n > 100'000'000) { *error = a + " needs a whole number from 0 to 100000000, e.g. " + a + " 7"; return std::nullopt; }
      if (a == "--seed") o.seed = static_cast<unsigned>(n);
      else if (a == "--inputs") o.soak_inputs = n;
      else o.soak_days = static_cast<int>(n);
    }
    else if (a == "--synthetic" || a == "--frames") {
      if (!value(&v)) return std::nullopt;
      int n = 0;
      try { n = std::stoi(v); } catch (...) { n = 0; }
      if (n < 1 || n > 1'000'000) { *error = a + " needs a number from 1 to 1000000, e.g. " + a + " 10000"; return std::nullopt; }
      (a == "--synthetic" ? o.synthetic : o.frames) = n;
    } else if (a == "--runs") {
      if (!value(&v)) return std::nullopt;
      try { o.bench_runs = std::max(1, std::stoi(v)); } catch (...) { *error = "--runs needs a number"; return std::nullopt; }
    } else if (a == "--display") {
      if (!value(&v)) return std::nullopt;
      try { o.display = std::stoi(v); } catch (...) { *error = "--display needs a number, e.g. --display 1"; return std::nullopt; }
    } else if (a == "--size") {
      float w = 0, h = 0;
      if (!value(&v)) return std::nullopt;
      if (!parse_pair(v, &w, &h) || w > 16384 || h > 16384 || w < 200 || h < 200) {
        *error = "--size needs WIDTHxHEIGHT in pixels between 200 and 16384, e.g. --size 1920x1080";
        return std::nullopt;
      }
      o.width = static_cast<int>(w);
      o.height = static_cast<int>(h);
      size_given = true;
    } else if (a == "--panel-mm") {
      if (!value(&v)) return std::nullopt;
      if (!parse_pair(v, &o.panel_w_mm, &o.panel_h_mm)) {
        *error = "--panel-mm needs the panel's visible WIDTHxHEIGHT in millimetres, e.g. --panel-mm 1210x680";
        return std::nullopt;
      }
    } else if ((o.command == "validate" || o.command == "export") && !a.starts_with("-") && o.content_dir.empty()) {
      o.content_dir = a;
    } else if (o.command == "report" && !a.starts_with("-")) {
      o.files.push_back(a);
    } else if (o.command == "import" && !a.starts_with("-") && o.input.empty()) {
      o.input = a;
    } else {
      *error = "unknown option \"" + a + "\"";
      return std::nullopt;
    }
  }
  if (o.command == "run" && !size_given) {
    o.width = 1600;
    o.height = 900;
  }
  if ((o.command == "import" || o.command == "export") && o.out.empty()) {
    *error = o.command + " needs --out " + (o.command == "import" ? "DIR" : "OUT.json");
    return std::nullopt;
  }
  if (o.command == "import" && o.input.empty()) {
    *error = "import needs the TimelineJS file: kiosk import timelinejs IN.json --out DIR";
    return std::nullopt;
  }
  if (o.command == "report" && o.files.empty()) {
    *error = "report needs analytics files or folders: kiosk report analytics/";
    return std::nullopt;
  }
  if (o.command == "report" && o.csv && o.json) {
    *error = "report prints either --csv or --json, not both";
    return std::nullopt;
  }
  if (o.command == "screenshot" && o.out.empty()) {
    *error = "screenshot needs --out FILE.png";
    return std::nullopt;
  }
  return o;
}

bool apply_config_file(Options& o, const std::vector<std::string>& args) {
  if (o.config.empty()) return true;
  std::vector<core::Diagnostic> diagnostics;
  const core::Config c = core::load_config(o.config, &diagnostics);
  for (const auto& d : diagnostics) std::fprintf(stderr, "kiosk: %s\n", core::format_diagnostic(d).c_str());
  if (core::count_errors(diagnostics) > 0) return false;
  auto given = [&](const char* flag) { return std::find(args.begin(), args.end(), flag) != args.end(); };
  if (c.kiosk && !given("--kiosk")) o.kiosk = *c.kiosk;
  if (c.classroom && !given("--classroom")) o.classroom = *c.classroom;
  if (c.fullscreen && !given("--fullscreen")) o.fullscreen = *c.fullscreen;
  if (c.display && !given("--display")) o.display = *c.display;
  if (c.panel_w_mm && !given("--panel-mm")) {
    o.panel_w_mm = static_cast<float>(*c.panel_w_mm);
    o.panel_h_mm = static_cast<float>(*c.panel_h_mm);
  }
  if (c.language && !given("--lang")) o.language = *c.language;
  if (c.content && !given("--content")) o.content_dir = std::filesystem::path(o.config).parent_path() / *c.content;
  if (c.analytics_path && !given("--analytics"))
    o.analytics_dir = (std::filesystem::path(o.config).parent_path() / *c.analytics_path).string();
  if (c.log_path && !given("--log")) o.log_path = (std::filesystem::path(o.config).parent_path() / *c.log_path).string();
  if (c.analytics_retention_days) o.analytics_retention_days = static_cast<int>(*c.analytics_retention_days);
  if (c.idle_seconds) o.idle_seconds = *c.idle_seconds;
  if (c.warning_seconds) o.warning_seconds = *c.warning_seconds;
  o.pin_salt = c.pin_salt;
  o.pin_sha256 = c.pin_sha256;
  return true;
}

std::filesystem::path resolve_content_dir(const Options& o) {
  if (!o.content_dir.empty()) return o.content_dir;
  std::error_code ec;
  if (std::filesystem::is_regular_file("content/timeline.json", ec)) return "content";
  return std::filesystem::path(KIOSK_SOURCE_DIR) / "content";
}

}  // namespace kiosk::app
