#pragma once
// The visible time range and its mapping to screen x, in decimal years and pixels.
namespace kiosk::core {

struct View {
  double start = 1900.0;  // decimal year at the left edge of the timeline
  double end = 2030.0;    // decimal year at the right edge; end > start
  double span() const { return end - start; }
  bool operator==(const View&) const = default;
};

inline constexpr double kDayInYears = 1.0 / 365.2425;

struct TimeScale {
  View view;
  double x0 = 0;      // pixel x of view.start
  double width = 1;   // pixels from view.start to view.end
  double x_of(double year) const { return x0 + (year - view.start) / view.span() * width; }
  double year_at(double x) const { return view.start + (x - x0) / width * view.span(); }
  double years_per_px() const { return view.span() / width; }
};

// Limits of navigation: the content's history plus a margin, and how far one may zoom.
struct ViewLimits {
  double min_year = 1880, max_year = 2030;  // the view never leaves [min_year, max_year]
  double min_span = 7 * kDayInYears;        // narrowest view: about a week across the screen
  double max_span = 150;                    // widest view
};

ViewLimits limits_for(double first_year, double last_year);

// Zooms by `factor` (> 1 zooms in) keeping `anchor_year` at the same screen position.
View zoom_about(const View& v, double anchor_year, double factor);

// Shifts the view by `years` (positive moves toward later dates).
View pan_by(const View& v, double years);

// The view moved and resized as little as possible to respect `limits`.
View clamp_view(View v, const ViewLimits& limits);

// Linear blend of two views; t in 0..1.
View blend(const View& a, const View& b, double t);

}  // namespace kiosk::core
