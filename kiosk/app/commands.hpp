#pragma once
// The subcommands; each returns the process exit code.
#include <memory>
#include <string>

#include "app/options.hpp"
#include "core/loader.hpp"
#include "ui/text.hpp"

namespace kiosk::app {

int run_window(const Options& o);      // kiosk run
int run_screenshot(const Options& o);  // kiosk screenshot
int run_validate(const Options& o);    // kiosk validate
int run_import(const Options& o);      // kiosk import timelinejs IN.json --out DIR
int run_export(const Options& o);      // kiosk export timelinejs [DIR] --out OUT.json
int run_report(const Options& o);      // kiosk report FILE... [--csv | --json] [--out FILE]
int run_bench(const Options& o);       // kiosk bench: a scripted session, frame times and memory
int run_bench_micro(const Options& o); // kiosk bench --micro: text engine and layout medians
int run_soak(const Options& o);        // kiosk soak: monkey and simulated days; exit 1 on failure
int run_set_pin(const Options& o);     // kiosk set-pin --config FILE (PIN on standard input)

// Content (with its diagnostics printed to stderr) and the text engine, as both the window and
// the screenshot need them. nullptr text engine and a message when no font can be loaded.
// Time per frame the text engine may spend shaping and rasterising new text before it leaves the
// rest of a burst (a language switch) to the next frames (ui::TextEngine::set_cold_budget). For
// the loops that draw continuously: the kiosk window and kiosk bench; screenshots draw everything.
constexpr double kTextColdBudgetMs = 0.5;

struct Loaded {
  core::LoadResult content;
  std::unique_ptr<ui::TextEngine> text;
};
Loaded load_for_display(const Options& o, std::string* error);

// The UI strings of the kiosk's own content (loaded once): they fill in what a content folder's
// i18n tables lack, such as the admin overlay's and the maintenance screen's words.
const core::Translations& own_strings();
const core::Content& own_content();  // the kiosk's own content folder, loaded once

class KioskApp;
}  // namespace kiosk::app
namespace kiosk::platform {
class AnalyticsFile;
}  // namespace kiosk::platform
namespace kiosk::app {

// Applies the options that shape a session (language, classroom, kiosk mode, idle times, deep
// links) to `app`; false, with a message, when a deep link names nothing in the content.
bool configure(KioskApp& app, const Options& o);

// With --analytics (or the config's analytics_path): opens the day files and starts `app`
// recording, state time 0 being `epoch_unix_ms` on the wall clock; nullptr when not asked for.
std::unique_ptr<platform::AnalyticsFile> open_analytics(KioskApp& app, const Options& o, double epoch_unix_ms);
// Writes the records `app` made since the last call (nothing when `file` is nullptr).
void write_analytics(KioskApp& app, platform::AnalyticsFile* file);

// Pixels per millimetre: --panel-mm, else what the display reports, else a 24-inch 1080p panel.
float density_px_per_mm(const Options& o, int width_px, float reported_px_per_mm);

}  // namespace kiosk::app
