#pragma once
// Axis ticks whose unit (centuries .. days) adapts to the zoom so labels never overlap.
#include <functional>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "core/time_scale.hpp"

namespace kiosk::core {

enum class TickUnit { century, decade, year, month, day };

struct Tick {
  double year = 0;      // decimal year of the tick
  double x = 0;         // pixels
  bool major = false;   // major ticks carry a label
  std::string label;    // "" for minor ticks
};

struct TickStep {
  TickUnit unit;
  long long count;  // e.g. 50 years = {year, 50}; 3 months = {month, 3}
};

// Chooses the smallest step whose labels, each `label_px(unit)` wide plus `gap_px`, fit apart.
TickStep choose_step(const TimeScale& scale, const std::function<double(TickUnit)>& label_px, double gap_px);

// Major (labelled) and minor ticks inside the scale's view.
std::vector<Tick> make_ticks(const TimeScale& scale, const std::function<double(TickUnit)>& label_px, double gap_px,
                             const Translations& t, const std::string& lang);

}  // namespace kiosk::core
