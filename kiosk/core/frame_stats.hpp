#pragma once
// The durations of the last frames, for the admin overlay's frame-time line. Pure: the caller
// measures each frame and adds it.
#include <cstddef>
#include <vector>

namespace kiosk::core {

// The middle of `values` (the mean of the two middle ones for an even count); 0 for none. Shared
// by the frame-time line, the analytics report and the bench and soak commands.
double median(std::vector<double> values);

class FrameStats {
 public:
  explicit FrameStats(std::size_t capacity = 120);      // frames remembered (about 2 s at 60 Hz)
  void add(double ms);                                  // one frame's duration, milliseconds
  std::size_t count() const { return frames_.size(); }  // frames remembered now, <= capacity
  double median_ms() const;                             // of the remembered frames; 0 when none
  double worst_ms() const;                              // the longest remembered frame; 0 when none

 private:
  std::size_t capacity_;
  std::size_t next_ = 0;        // where the next frame overwrites the oldest, once full
  std::vector<double> frames_;  // a ring of durations, ms
};

}  // namespace kiosk::core
