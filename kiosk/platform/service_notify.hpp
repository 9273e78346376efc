#pragma once
// Tells systemd how the kiosk is doing (Type=notify, WatchdogSec): READY=1 once the first frame is
// on screen, WATCHDOG=1 from the frame loop, STOPPING=1 on the way out. Without systemd (no
// NOTIFY_SOCKET) or when built without libsystemd, every call does nothing.

namespace kiosk::platform {

class ServiceNotifier {
 public:
  // `watchdog_interval_ms`: the least time between two WATCHDOG=1 pings (WatchdogSec is 30 s).
  explicit ServiceNotifier(double watchdog_interval_ms = 1000);
  void frame_shown(double now_ms);  // after each presented frame; `now_ms` from a monotonic clock
  void stopping();                  // once, as the kiosk exits
  static bool available();          // built with libsystemd

 private:
  double interval_ms_;
  double last_ping_ms_ = -1e300;
  bool ready_sent_ = false;
};

// SIGTERM (`systemctl stop`, shutdown) and SIGINT end the kiosk cleanly even in kiosk mode, where a
// window close request is ignored: call before SDL starts (SDL's own handlers would turn them into
// an ignored quit event), then check stop_requested() each frame.
void catch_stop_signals();
bool stop_requested();  // a stop signal has arrived

}  // namespace kiosk::platform
