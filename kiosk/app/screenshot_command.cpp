#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

#include "app/commands.hpp"
#include "app/headless_kiosk.hpp"
#include "core/session.hpp"
#include "core/utc_time.hpp"
#include "platform/analytics_file.hpp"
#include "platform/content_version.hpp"

namespace kiosk::app {

namespace {
constexpr double kFrameMs = 1000.0 / 60.0;  // simulated frame rate of the session replay
constexpr double kSettleMs = 1000.0;        // after the last input, so animations finish
}  // namespace

int run_screenshot(const Options& o) {
  std::vector<core::InputEvent> events;
  if (!o.input.empty()) {
    std::ifstream in(o.input);
    if (!in) {
      std::fprintf(stderr, "kiosk: cannot read the session file %s\n", o.input.c_str());
      return 1;
    }
    std::stringstream text;
    text << in.rdbuf();
    core::SessionError err;
    if (!core::parse_session(text.str(), static_cast<float>(o.width), static_cast<float>(o.height), &events, &err)) {
      std::fprintf(stderr, "kiosk: %s:%d: %s\n", o.input.c_str(), err.line, err.message.c_str());
      return 1;
    }
  }
  int exit_code = 0;
  const auto kiosk = open_headless_kiosk(o, false, &exit_code);
  if (!kiosk) return exit_code;
  KioskApp& app = *kiosk->app;
  std::string error;
  // Analytics carry simulated times: --start-time, else now, plus the simulated milliseconds.
  const double epoch_unix_ms =
      o.start_time.empty() ? static_cast<double>(std::time(nullptr)) * 1000.0 : *core::parse_iso8601_utc(o.start_time);
  const auto analytics = open_analytics(app, o, epoch_unix_ms);

  // Step input, state and layout at a fixed simulated frame rate; time never comes from a clock.
  const double end_ms = (events.empty() ? 0.0 : events.back().t_ms) + kSettleMs;
  std::size_t next = 0;
  for (double t = 0; t <= end_ms && app.running(); t += kFrameMs) {
    while (next < events.size() && events[next].t_ms <= t) app.input(events[next++]);
    app.step(t);
    if (app.take_reload_request()) {  // "Reload now": loaded at once, as the reloader's thread would
      core::LoadResult result = core::load_content(resolve_content_dir(o));
      result.content.version = platform::content_version(resolve_content_dir(o));
      app.offer_content(std::move(result));
    }
    write_analytics(app, analytics.get());
  }
  while (next < events.size()) app.input(events[next++]);  // a final "quit" lands here too
  app.step(end_ms);
  app.stop_analytics();
  write_analytics(app, analytics.get());

  // Draw only the saved frame: once to request its images, again when they are decoded.
  kiosk->draw(false);
  kiosk->images->wait_idle();
  kiosk->draw(false);
  if (!kiosk->display->save_png(o.out, &error)) {
    std::fprintf(stderr, "kiosk: %s\n", error.c_str());
    return 1;
  }
  if (!o.state_out.empty()) {
    std::ofstream out(o.state_out);
    out << app.state_json().dump(2) << "\n";
    if (!out) {
      std::fprintf(stderr, "kiosk: cannot write %s\n", o.state_out.c_str());
      return 1;
    }
  }
  return app.restart_requested() ? core::kRestartExitCode : 0;
}

}  // namespace kiosk::app
