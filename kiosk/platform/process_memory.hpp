#pragma once
// This process's memory as the kernel counts it (Linux /proc/self/status), and how the C library
// hands freed memory back to it.

#include <cstddef>

#include <string>

namespace kiosk::platform {

// The C library's heap, as glibc counts it (mallinfo2 and malloc_info); zeros elsewhere.
struct HeapFigures {
  double system_mb = 0;   // heap taken from the system by the arenas (not counting own-mmap blocks)
  double in_use_mb = 0;   // allocated and not freed
  double free_mb = 0;     // freed and kept by the arenas (resident or not: a trim advises pages away)
  double mmapped_mb = 0;  // large blocks with an mmap of their own
  int arenas = 0;         // glibc makes more for threads that allocate at the same time
  std::string per_arena;  // "system/free" MB for each arena, e.g. "150.2/20.1 12.0/3.1"
};
HeapFigures heap_figures();

double rss_mb();       // resident set size now, MB (VmRSS); 0 where /proc is missing
double peak_rss_mb();  // the most it has been, MB (VmHWM); 0 where /proc is missing

// Lets the C library keep up to `bytes` of freed heap at the top of its arenas for reuse instead of
// returning it to the kernel as it goes. Returning it while a whole content is freed on the releaser
// thread (thousands of small trims) stalls the frame thread: at 10,000 events, 7 frames of 10-16 ms.
// The next reload reuses what is kept. glibc only; does nothing elsewhere.
void keep_freed_heap(std::size_t bytes);

// Gives the freed heap kept that way back to the system now (glibc malloc_trim). Takes up to tens of
// milliseconds and holds the allocator meanwhile: call it only where no visitor waits on a frame.
void return_freed_heap();

}  // namespace kiosk::platform
