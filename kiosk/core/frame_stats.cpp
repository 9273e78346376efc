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

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double FrameStats::median_ms() const { return median(frames_); }

double FrameStats::worst_ms() const { return frames_.empty() ? 0 : *std::max_element(frames_.begin(), frames_.end()); }

}  // namespace kiosk::core
