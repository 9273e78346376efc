#include "core/content.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

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

EventIndex::EventIndex(const std::vector<Event>& events) : size_(events.size()) {
  by_id_.reserve(events.size());
  spans_.reserve(events.size());
  std::vector<int> sortable;
  for (std::size_t i = 0; i < events.size(); ++i) {
    spans_.push_back({events[i].t0, events[i].t1, events[i].importance});
    by_id_.emplace(events[i].id, static_cast<int>(i));  // the first of equal ids wins, as in a search
    if (std::isnan(events[i].t0) || std::isnan(events[i].t1)) unordered_.push_back(static_cast<int>(i));
    else sortable.push_back(static_cast<int>(i));
  }
  std::stable_sort(sortable.begin(), sortable.end(), [&](int a, int b) { return events[a].t0 < events[b].t0; });
  order_ = sortable;
  t0_.reserve(order_.size());
  for (int i : order_) t0_.push_back(events[i].t0);
  leaves_ = 1;
  while (leaves_ < order_.size()) leaves_ *= 2;
  max_t1_.assign(2 * leaves_, -HUGE_VAL);
  for (std::size_t k = 0; k < order_.size(); ++k) max_t1_[leaves_ + k] = events[order_[k]].t1;
  for (std::size_t k = leaves_ - 1; k >= 1; --k) max_t1_[k] = std::max(max_t1_[2 * k], max_t1_[2 * k + 1]);
}

int EventIndex::find(const std::string& id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? -1 : it->second;
}

void EventIndex::overlapping(double from, double to, std::vector<int>& out) const {
  out.insert(out.end(), unordered_.begin(), unordered_.end());
  // Only the events starting by `to` can meet the range; of those, the tree skips every subtree
  // that ends before `from`.
  const auto end = static_cast<std::size_t>(std::upper_bound(t0_.begin(), t0_.end(), to) - t0_.begin());
  if (end > 0) collect(1, 0, leaves_, end, from, out);
}

void EventIndex::collect(std::size_t node, std::size_t lo, std::size_t len, std::size_t end, double from,
                         std::vector<int>& out) const {
  if (lo >= end || max_t1_[node] < from) return;
  if (len == 1) {
    out.push_back(order_[lo]);
    return;
  }
  collect(2 * node, lo, len / 2, end, from, out);
  collect(2 * node + 1, lo + len / 2, len / 2, end, from, out);
}

int Content::event_index(const std::string& id) const {
  if (indexed()) {
    const int i = index.find(id);
    if (i < 0) return -1;
    if (events[i].id == id) return i;  // else the events were edited since: search them
  }
  return linear_index(id);
}

int Content::linear_index(const std::string& id) const {
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
