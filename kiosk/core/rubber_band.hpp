#pragma once
// The rubber band at both ends of the history: a view dragged past its limits follows the finger
// with resistance, shows at most a set share of its span beyond them, and springs back when let go.
#include "core/time_scale.hpp"

namespace kiosk::core {

// Overscroll shown (years, signed) for a drag of `raw_years` past the limit: slope `resistance`
// at the limit, approaching but never reaching `limit_years`.
double rubber_band(double raw_years, double limit_years, double resistance);

// The drag past the limit (years) that shows `shown_years`: the inverse of rubber_band.
double rubber_band_raw(double shown_years, double limit_years, double resistance);

// Years `v` lies beyond `limits`: negative before the start, positive after the end, 0 within.
double overscroll_of(const View& v, const ViewLimits& limits);

// A time-based return of the overscroll to 0: a spring back after release (from_years != 0),
// or the bounce of a fling that hit an end (peak_years != 0).
struct Rebound {
  double start_ms = 0;
  double duration_ms = 0;
  double from_years = 0;  // overscroll at the start, eased out to 0 over the duration
  double peak_years = 0;  // a bounce: out and back as a half sine of this amplitude
};

// The overscroll (years) `r` shows at `now_ms`; exactly 0 from start_ms + duration_ms on.
double rebound_at(const Rebound& r, double now_ms);

// A fling coasting for `dt_ms` at `velocity` (px/ms) that decays by `decay_per_ms` each ms: returns
// the distance covered (px, the integral of v * decay^t, so it does not depend on the frame rate)
// and leaves `velocity` at its value at the step's end.
double coast(double& velocity, double decay_per_ms, double dt_ms);

}  // namespace kiosk::core
