#include "platform/process_memory.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <cstdio>
#include <cstdlib>
#include <cstring>
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

HeapFigures heap_figures() {
  HeapFigures h;
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  constexpr double kMb = 1024.0 * 1024.0;
  const struct mallinfo2 mi = mallinfo2();
  h.system_mb = static_cast<double>(mi.arena) / kMb;
  h.in_use_mb = static_cast<double>(mi.uordblks) / kMb;
  h.free_mb = static_cast<double>(mi.fordblks) / kMb;
  h.mmapped_mb = static_cast<double>(mi.hblkhd) / kMb;
  // Per arena from malloc_info's XML: each <heap nr="N"> holds its free chunks ("fast" and "rest"
  // totals) and the memory it has from the system ("current").
  char* xml = nullptr;
  std::size_t size = 0;
  if (FILE* f = open_memstream(&xml, &size)) {
    malloc_info(0, f);
    std::fclose(f);
    auto attr = [](const char* at, const char* name) {
      const char* v = std::strstr(at, name);
      return v ? std::strtod(v + std::strlen(name), nullptr) : 0.0;
    };
    for (const char* heap = std::strstr(xml, "<heap nr="); heap; ) {
      const char* next = std::strstr(heap + 1, "<heap nr=");
      const char* end = std::strstr(heap, "</heap>");  // the totals of all arenas follow the last
      if (!end) end = xml + size;
      double free_bytes = 0, system = 0;
      for (const char* t = std::strstr(heap, "<total type=\""); t && t < end; t = std::strstr(t + 1, "<total type=\""))
        if (std::strncmp(t, "<total type=\"fast\"", 18) == 0 || std::strncmp(t, "<total type=\"rest\"", 18) == 0)
          free_bytes += attr(t, "size=\"");
      if (const char* c = std::strstr(heap, "<system type=\"current\""); c && c < end) system = attr(c, "size=\"");
      char buf[48];
      std::snprintf(buf, sizeof buf, "%s%.1f/%.1f", h.per_arena.empty() ? "" : " ", system / kMb, free_bytes / kMb);
      h.per_arena += buf;
      ++h.arenas;
      heap = next;
    }
    std::free(xml);
  }
#endif
  return h;
}

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
