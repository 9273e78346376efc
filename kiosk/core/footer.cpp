#include "core/footer.hpp"

#include <algorithm>

namespace kiosk::core {

namespace {

struct Row {
  std::vector<Button> start, end;
};

float width_of(const std::vector<Button>& group, float gap) {
  float w = 0;
  for (const Button& b : group) w += b.rect.w;
  return group.empty() ? 0 : w + gap * static_cast<float>(group.size() - 1);
}

// Greedy: as many buttons to a row as fit in `avail`, in order.
std::vector<std::vector<Button>> flow(const std::vector<Button>& group, float avail, float gap) {
  std::vector<std::vector<Button>> rows;
  float used = 0;
  for (const Button& b : group) {
    if (rows.empty() || used + gap + b.rect.w > avail) {
      rows.emplace_back();
      used = b.rect.w;
    } else {
      used += gap + b.rect.w;
    }
    rows.back().push_back(b);
  }
  return rows;
}

}  // namespace

FooterPlan plan_footer(const std::vector<Button>& start_in, const std::vector<Button>& end_in, const FooterSizes& z) {
  const float avail = std::max(1.0f, z.screen_w - 2 * z.margin);
  auto narrowed = [&](std::vector<Button> group) {
    for (Button& b : group) b.rect.w = std::min(b.rect.w, avail);
    return group;
  };
  const std::vector<Button> start = narrowed(start_in), end = narrowed(end_in);
  std::vector<Row> rows;
  const float both = width_of(start, z.gap) + width_of(end, z.gap) + (start.empty() || end.empty() ? 0 : z.gap);
  if (both <= avail) {
    rows.push_back(Row{start, end});
  } else {
    for (auto& r : flow(start, avail, z.gap)) rows.push_back(Row{std::move(r), {}});
    auto end_rows = flow(end, avail, z.gap);
    if (!rows.empty() && end_rows.size() == 1 &&
        width_of(rows.back().start, z.gap) + z.gap + width_of(end_rows[0], z.gap) <= avail) {
      rows.back().end = std::move(end_rows[0]);
    } else {
      for (auto& r : end_rows) rows.push_back(Row{{}, std::move(r)});
    }
  }

  FooterPlan plan;
  const auto n = static_cast<float>(rows.size());
  plan.height = rows.empty() ? z.button_h + 2 * z.pad : n * z.button_h + (n - 1) * z.gap + 2 * z.pad;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const float y = z.bottom - z.pad - z.button_h - (n - 1 - static_cast<float>(r)) * (z.button_h + z.gap);
    float x = z.margin;
    for (Button b : rows[r].start) {
      b.rect = Rect{x, y, b.rect.w, z.button_h};
      plan.buttons.push_back(b);
      x += b.rect.w + z.gap;
    }
    const float start_right = rows[r].start.empty() ? z.margin : x;
    float ex = z.screen_w - z.margin - width_of(rows[r].end, z.gap);
    const float end_left = rows[r].end.empty() ? z.screen_w - z.margin + z.gap : ex;
    for (Button b : rows[r].end) {
      b.rect = Rect{ex, y, b.rect.w, z.button_h};
      plan.buttons.push_back(b);
      ex += b.rect.w + z.gap;
    }
    if (r + 1 == rows.size() && end_left - z.gap > start_right)
      plan.hint = Rect{start_right, y, end_left - z.gap - start_right, z.button_h};
  }
  if (rows.empty()) plan.hint = Rect{z.margin, z.bottom - z.pad - z.button_h, avail, z.button_h};
  return plan;
}

}  // namespace kiosk::core
