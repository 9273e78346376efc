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

const Tour* Content::tour(const std::string& id) const {
  for (const auto& t : tours)
    if (t.id == id) return &t;
  return nullptr;
}

std::vector<std::string> Content::attract_events() const {
  std::vector<std::string> out;
  for (const auto& id : attract.highlights)
    if (event_index(id) >= 0) out.push_back(id);
  if (out.empty())
    for (const auto& e : events)
      if (e.importance == 1) out.push_back(e.id);
  if (out.empty())
    for (const auto& e : events) out.push_back(e.id);
  return out;
}

}  // namespace kiosk::core
