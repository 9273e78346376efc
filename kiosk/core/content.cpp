#include "core/content.hpp"

#include <algorithm>

namespace kiosk::core {

double Content::first_year() const {
  if (events.empty() && eras.empty()) return 1900.0;
  double y = 1e300;
  for (const auto& e : events) y = std::min(y, e.t0);
  for (const auto& e : eras) y = std::min(y, e.t0);
  return y;
}

double Content::last_year() const {
  if (events.empty() && eras.empty()) return 2030.0;
  double y = -1e300;
  for (const auto& e : events) y = std::max(y, e.t1);
  for (const auto& e : eras) y = std::max(y, e.t1);
  return y;
}

const Theme* Content::theme(const std::string& id) const {
  for (const auto& t : themes)
    if (t.id == id) return &t;
  return nullptr;
}

int Content::event_index(const std::string& id) const {
  for (std::size_t i = 0; i < events.size(); ++i)
    if (events[i].id == id) return static_cast<int>(i);
  return -1;
}

}  // namespace kiosk::core
