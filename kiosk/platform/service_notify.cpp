#include "platform/service_notify.hpp"

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

}  // namespace kiosk::platform
