#pragma once
// Command-line options shared by the subcommands.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

struct Options {
  std::string command = "run";             // run | screenshot | validate | report | bench | help
  std::filesystem::path content_dir;       // --content DIR (validate: positional)
  std::string language;                    // --lang L; "" = the content's default
  bool fullscreen = false;                 // --fullscreen
  bool classroom = false;                  // --classroom: presenter mode
  std::string event, tour;                 // --event ID, --tour ID: start there
  bool kiosk = false;                      // --kiosk: locked down; the admin gesture and PIN exit
  std::string config;                      // --config FILE: the installation's settings
  double idle_seconds = 90, warning_seconds = 20;  // from the config file
  std::string pin_salt, pin_sha256;        // from the config file
  bool preview = false;                    // --preview: apply content changes at once, show why not
  int display = 0;                         // --display N
  int width = 1920, height = 1080;         // --size WxH (screenshot) / window size
  float panel_w_mm = 0, panel_h_mm = 0;    // --panel-mm WxH: physical panel size override
  std::string out;                         // --out FILE.png
  std::string input;                       // --input SESSION.jsonl
  std::string state_out;                   // --state-out STATE.json
  bool strict = false;                     // --strict (validate): warnings fail too
  bool json = false;                       // --json (validate, report): machine-readable output
  std::string analytics_dir;               // --analytics DIR: write analytics there ("" = none)
  int analytics_retention_days = 90;       // from the config file: days of analytics files kept
  std::string log_path;                    // --log FILE (or the config's log_path): rotating log ("" = stderr only)
  std::string start_time;                  // --start-time ISO (screenshot): wall-clock time of simulated 0
  std::vector<std::string> files;          // report: the analytics files (or folders of them)
  bool csv = false;                        // --csv (report): CSV rows instead of a table
  int bench_runs = 21;                     // --runs N (bench)
  std::string bench_case;                  // --case TEXT (bench --micro): only cases whose name contains it
  bool look_ahead = true;                  // --no-look-ahead (bench): stories in reach are not made ready ahead
  bool bench_micro = false;                // --micro (bench): text engine and layout micro-benchmarks
  int synthetic = 0;                       // --synthetic N (bench): N generated events instead of --content
  int frames = 2400;                       // --frames N (bench): frames of the scripted session
  unsigned seed = 1;                       // --seed N (soak): the monkey's random seed
  long long soak_inputs = 200'000;         // --inputs N (soak): monkey input events
  int soak_days = 7;                       // --days N (soak): simulated days of idle cycles and reloads
  double soak_max_growth = 5;              // --max-growth PCT (soak): RSS growth allowed after warm-up
};

// Parses argv; on a mistake returns nullopt and sets `error` to a one-line explanation.
std::optional<Options> parse_options(const std::vector<std::string>& args, std::string* error);

// Reads --config (if given) into `o`; the command line wins over the file. False, with the
// diagnostics printed, when the file has errors.
bool apply_config_file(Options& o, const std::vector<std::string>& args);

// --content, else ./content when it exists, else the content folder of the source tree.
std::filesystem::path resolve_content_dir(const Options& o);

const char* usage();

}  // namespace kiosk::app
