#pragma once
// How much memory the kiosk holds, for the admin overlay (MemoryMax in the systemd unit caps it).

namespace kiosk::platform {

double resident_mb();  // resident set size now, MB (/proc/self/statm); 0 where /proc is missing

}  // namespace kiosk::platform
