#include "core/look_ahead.hpp"

#include <algorithm>
#include <cmath>

#include "core/filter_bar.hpp"

namespace kiosk::core {

std::vector<int> stories_in_reach(const Content& content, const KioskState& state, const Layout& layout) {
  std::vector<int> out;
  auto add = [&](int index) {
    if (index >= 0 && index < static_cast<int>(content.events.size()) &&
        std::find(out.begin(), out.end(), index) == out.end())
      out.push_back(index);
  };
  if (state.mode == Mode::detail) {
    const int open = content.event_index(state.selected_event);
    if (open < 0) return out;
    add(shown_neighbour(content, open, -1, state.filters));
    add(shown_neighbour(content, open, +1, state.filters));
    for (const Button& b : layout.buttons)
      if (b.target == Target::related) add(b.index);
    return out;
  }
  if (state.mode != Mode::browse) return out;
  std::vector<const CardBox*> cards;
  for (const CardBox& c : layout.cards) cards.push_back(&c);
  const float middle = layout.timeline.x + layout.timeline.w / 2;
  auto off_middle = [middle](const CardBox* c) { return std::abs(c->rect.x + c->rect.w / 2 - middle); };
  std::stable_sort(cards.begin(), cards.end(),
                   [&](const CardBox* a, const CardBox* b) { return off_middle(a) < off_middle(b); });
  for (const CardBox* c : cards) add(c->event);
  return out;
}

}  // namespace kiosk::core
