#include "core/rubber_band.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::core {

namespace {
// The inverse grows without bound near the limit; shown values stop just short of it.
constexpr double kMostOfLimit = 0.999;
}  // namespace

double rubber_band(double raw_years, double limit_years, double resistance) {
  if (!(limit_years > 0)) return 0;
  return limit_years * resistance * raw_years / (limit_years + resistance * std::abs(raw_years));
}

double rubber_band_raw(double shown_years, double limit_years, double resistance) {
  if (!(limit_years > 0) || !(resistance > 0)) return 0;
  const double o = std::clamp(shown_years, -kMostOfLimit * limit_years, kMostOfLimit * limit_years);
  return o * limit_years / (resistance * (limit_years - std::abs(o)));
}

double overscroll_of(const View& v, const ViewLimits& limits) {
  if (v.start < limits.min_year) return v.start - limits.min_year;
  if (v.end > limits.max_year) return v.end - limits.max_year;
  return 0;
}

double rebound_at(const Rebound& r, double now_ms) {
  if (!(r.duration_ms > 0) || now_ms >= r.start_ms + r.duration_ms) return 0;
  const double t = std::clamp((now_ms - r.start_ms) / r.duration_ms, 0.0, 1.0);
  const double eased = 1 - std::pow(1 - t, 3);  // ease-out cubic
  return r.from_years * (1 - eased) + r.peak_years * std::sin(std::numbers::pi * t);
}

double coast(double& velocity, double decay_per_ms, double dt_ms) {
  const double decay = std::pow(decay_per_ms, dt_ms);
  const double distance = velocity * (decay - 1) / std::log(decay_per_ms);
  velocity *= decay;
  return distance;
}

}  // namespace kiosk::core
