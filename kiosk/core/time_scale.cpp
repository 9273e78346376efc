#include "core/time_scale.hpp"

#include <algorithm>

namespace kiosk::core {

ViewLimits limits_for(double first_year, double last_year) {
  ViewLimits l;
  const double span = std::max(last_year - first_year, 1.0);
  l.min_year = first_year - span * 0.04;
  l.max_year = last_year + span * 0.04;
  l.max_span = l.max_year - l.min_year;
  return l;
}

View zoom_about(const View& v, double anchor_year, double factor) {
  if (!(factor > 0)) return v;
  return View{anchor_year - (anchor_year - v.start) / factor, anchor_year + (v.end - anchor_year) / factor};
}

View pan_by(const View& v, double years) { return View{v.start + years, v.end + years}; }

View clamp_view(View v, const ViewLimits& limits) {
  const double max_span = std::max(limits.max_span, limits.min_span);
  double span = std::clamp(v.span(), limits.min_span, max_span);
  if (!(span > 0)) span = max_span;
  const double mid = (v.start + v.end) / 2;
  double start = mid - span / 2;
  start = std::clamp(start, limits.min_year, std::max(limits.min_year, limits.max_year - span));
  return View{start, start + span};
}

View blend(const View& a, const View& b, double t) {
  return View{a.start + (b.start - a.start) * t, a.end + (b.end - a.end) * t};
}

}  // namespace kiosk::core
