#include "platform/process_memory.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <fstream>
#include <string>

namespace kiosk::platform {

namespace {
double status_mb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string prefix = std::string(field) + ":";
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0) return std::stod(line.substr(prefix.size())) / 1024.0;  // kB
  return 0;
}
}  // namespace

double rss_mb() { return status_mb("VmRSS"); }
double peak_rss_mb() { return status_mb("VmHWM"); }

void keep_freed_heap(std::size_t bytes) {
#if defined(__GLIBC__)
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(bytes));
  // Setting the trim threshold stops glibc raising its mmap threshold as it sees large frees, so
  // every block over 128 KB (decoded images, file buffers) would get its own mmap and munmap:
  // set it to the ceiling glibc would raise it to on 64-bit.
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
#else
  (void)bytes;
#endif
}

void return_freed_heap() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace kiosk::platform
