#include "platform/process_memory.hpp"

#include <unistd.h>

#include <fstream>

namespace kiosk::platform {

double resident_mb() {
  std::ifstream in("/proc/self/statm");
  long long pages_total = 0, pages_resident = 0;
  if (!(in >> pages_total >> pages_resident)) return 0;
  const long page = sysconf(_SC_PAGESIZE);
  return static_cast<double>(pages_resident) * static_cast<double>(page > 0 ? page : 4096) / (1024.0 * 1024.0);
}

}  // namespace kiosk::platform
