#pragma once
// CPU time the calling thread has used, as the kernel counts it (Linux CLOCK_THREAD_CPUTIME_ID).

#include <ctime>

namespace kiosk::platform {

// ms of CPU the calling thread has used. Other threads and other processes on a shared machine do
// not count, so a figure from it is the thread's own work; wall time shows what they cost.
inline double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

}  // namespace kiosk::platform
