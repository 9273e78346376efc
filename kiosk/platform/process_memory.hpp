#pragma once
// This process's memory as the kernel counts it (Linux /proc/self/status).

namespace kiosk::platform {

double rss_mb();       // resident set size now, MB (VmRSS); 0 where /proc is missing
double peak_rss_mb();  // the most it has been, MB (VmHWM); 0 where /proc is missing

}  // namespace kiosk::platform
