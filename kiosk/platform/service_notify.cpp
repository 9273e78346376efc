#include "platform/service_notify.hpp"

#include <SDL.h>

#include <atomic>
#include <csignal>

#ifdef KIOSK_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace kiosk::platform {

namespace {
void notify([[maybe_unused]] const char* state) {
#ifdef KIOSK_HAVE_SYSTEMD
  sd_notify(0, state);  // returns 0 when not started by systemd: nothing to do then
#endif
}
}  // namespace

ServiceNotifier::ServiceNotifier(double watchdog_interval_ms) : interval_ms_(watchdog_interval_ms) {}

bool ServiceNotifier::available() {
#ifdef KIOSK_HAVE_SYSTEMD
  return true;
#else
  return false;
#endif
}

void ServiceNotifier::frame_shown(double now_ms) {
  if (!ready_sent_) {
    notify("READY=1");
    ready_sent_ = true;
  }
  // A frame loop that stalls (a hung driver, a deadlock) stops pinging, and systemd restarts us.
  if (now_ms - last_ping_ms_ >= interval_ms_) {
    notify("WATCHDOG=1");
    last_ping_ms_ = now_ms;
  }
}

void ServiceNotifier::stopping() { notify("STOPPING=1"); }

namespace {
std::atomic<bool> g_stop{false};
extern "C" void on_stop_signal(int) { g_stop = true; }
}  // namespace

void catch_stop_signals() {
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  std::signal(SIGTERM, on_stop_signal);
  std::signal(SIGINT, on_stop_signal);
}

bool stop_requested() { return g_stop; }

}  // namespace kiosk::platform
