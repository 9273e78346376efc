#include "core/frame_stats.hpp"

#include <algorithm>

namespace kiosk::core {

FrameStats::FrameStats(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1)) {
  frames_.reserve(capacity_);
}

void FrameStats::add(double ms) {
  if (frames_.size() < capacity_) {
    frames_.push_back(ms);
    return;
  }
  frames_[next_] = ms;
  next_ = (next_ + 1) % capacity_;
}

double FrameStats::median_ms() const {
  if (frames_.empty()) return 0;
  std::vector<double> sorted = frames_;
  std::sort(sorted.begin(), sorted.end());
  const std::size_t n = sorted.size();
  return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

double FrameStats::worst_ms() const { return frames_.empty() ? 0 : *std::max_element(frames_.begin(), frames_.end()); }

}  // namespace kiosk::core
