#include "core/filter_bar.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::core {

bool event_shown(const Event& e, const std::vector<std::string>& filters) {
  if (filters.empty()) return true;
  return std::any_of(e.themes.begin(), e.themes.end(),
                     [&](const std::string& t) { return std::find(filters.begin(), filters.end(), t) != filters.end(); });
}

int shown_neighbour(const Content& content, int index, int step, const std::vector<std::string>& filters) {
  if (index < 0 || step == 0) return -1;
  for (int i = index + step; i >= 0 && i < static_cast<int>(content.events.size()); i += step)
    if (event_shown(content.events[static_cast<std::size_t>(i)], filters)) return i;
  return -1;
}

const Theme* event_theme(const Content& content, const Event& e, const std::vector<std::string>& filters) {
  const Theme* first = nullptr;
  for (const auto& id : e.themes) {
    const Theme* t = content.theme(id);
    if (!t) continue;
    if (!first) first = t;
    if (filters.empty() || std::find(filters.begin(), filters.end(), id) != filters.end()) return t;
  }
  return first;
}

std::vector<std::string> toggle_theme(const Content& content, const std::vector<std::string>& filters, int theme) {
  if (theme < 0 || theme >= static_cast<int>(content.themes.size())) return filters;
  const std::string& id = content.themes[static_cast<std::size_t>(theme)].id;
  const bool was_shown_alone = std::find(filters.begin(), filters.end(), id) != filters.end();
  std::vector<std::string> out;
  std::size_t chosen = 0;
  for (const Theme& t : content.themes) {
    const bool in = std::find(filters.begin(), filters.end(), t.id) != filters.end();
    if (t.id == id ? !was_shown_alone : in) {
      out.push_back(t.id);
      ++chosen;
    }
  }
  if (chosen == content.themes.size()) out.clear();  // every theme chosen: that is "all"
  return out;
}

View era_view(const Era& era) { return View{era.t0, era.t1}; }

int era_at(const Content& content, const View& view) {
  for (std::size_t i = 0; i < content.eras.size(); ++i) {
    const double shared = std::min(view.end, content.eras[i].t1) - std::max(view.start, content.eras[i].t0);
    if (shared >= 0.5 * view.span()) return static_cast<int>(i);
  }
  return -1;
}

bool offers_themes(const Content& content) { return content.themes.size() >= 2; }
bool offers_eras(const Content& content) { return !content.eras.empty(); }

std::vector<Button> layout_filter_panel(const Content& content, const KioskState& state, const LayoutMetrics& metrics,
                                        const FilterPanelSizes& z, Layout& out) {
  const Viewport& vp = out.viewport;
  const float u = vp.unit();
  const std::string& lang = state.language;
  const bool themes = state.panel == Panel::themes;
  std::vector<Button> items, actions;
  if (themes) {
    for (std::size_t i = 0; i < content.themes.size(); ++i) {
      Button b{Target::theme, {}, "", content.themes[i].title.get(lang, content.default_language), static_cast<int>(i)};
      b.selected = std::find(state.filters.begin(), state.filters.end(), content.themes[i].id) != state.filters.end();
      items.push_back(b);
    }
    Button all{Target::theme_all, {}, "themes.all", content.strings.get(lang, "themes.all")};
    all.selected = state.filters.empty();
    actions.push_back(all);
  } else {
    const int current = era_at(content, state.animation ? state.animation->to : state.view);
    for (std::size_t i = 0; i < content.eras.size(); ++i) {
      Button b{Target::era, {}, "", content.eras[i].title.get(lang, content.default_language), static_cast<int>(i)};
      b.selected = static_cast<int>(i) == current;
      items.push_back(b);
    }
  }
  actions.push_back(Button{Target::close_panel, {}, "button.done", content.strings.get(lang, "button.done")});

  const float gap = 20 * u, pad = 40 * u, title_h = 80 * u;
  const float max_w = vp.width - 2 * z.margin, inner_max = max_w - 2 * pad;
  // A chip: padding, the colour swatch and its space (themes), the label, padding.
  const float extra = 2 * 28 * u + 24 * u + (themes ? 58 * u : 0);
  float widest = 0;
  for (const Button& b : items) widest = std::max(widest, static_cast<float>(metrics.button_label_px(b.text)));
  const float item_pref = std::min(inner_max, std::max(widest + extra, 2 * z.button_h));
  for (Button& b : actions)
    b.rect.w = std::min(inner_max, std::max(1.6f * z.button_h, static_cast<float>(metrics.button_label_px(b.text)) + 80 * u));
  float actions_w = gap * static_cast<float>(actions.size() - 1);
  for (const Button& b : actions) actions_w += b.rect.w;

  const int n = static_cast<int>(items.size());
  // Columns whose labels fit whole (without the breathing room item_pref adds).
  const float item_tight = std::min(item_pref, std::max(widest + extra - 24 * u, 2 * z.button_h));
  const int cols_wide = std::clamp(static_cast<int>((inner_max + gap) / (item_tight + gap)), 1, std::max(1, n));
  struct Grid {
    int cols, rows;
    float h;
    bool comfortable;  // items at full height and width
  };
  auto grid_for = [&](float bottom, float preferred_h) {
    const float band = bottom - z.top;
    // Room for the rows of items once the title, the action row (as tall as an item) and pads are in.
    auto rows_fit = [&](float h) {
      return std::max(1, static_cast<int>((band - 2 * pad - title_h - 1.5f * gap - h + gap) / (h + gap)));
    };
    Grid g{n > 3 ? std::min(2, cols_wide) : 1, 1, std::max(preferred_h, z.min_h), true};
    g.rows = std::max(1, (n + g.cols - 1) / g.cols);
    if (g.rows > rows_fit(g.h)) {  // too tall: first use the spare columns, then lower rows, then more columns
      g.cols = std::clamp((n + rows_fit(g.h) - 1) / rows_fit(g.h), g.cols, cols_wide);
      g.rows = std::max(1, (n + g.cols - 1) / g.cols);
      if (g.rows > rows_fit(g.h)) {
        g.comfortable = false;
        const auto r = static_cast<float>(g.rows);
        g.h = std::max(z.min_h, (band - 2 * pad - title_h - 1.5f * gap - (r - 1) * gap) / (r + 1));
        if (g.rows > rows_fit(g.h)) {
          g.cols = std::max(1, (n + rows_fit(g.h) - 1) / rows_fit(g.h));
          g.rows = std::max(1, (n + g.cols - 1) / g.cols);
        }
      }
    }
    return g;
  };
  // Above the footer, like the other choosers; when that is too cramped the chooser (modal, the
  // footer is out of use meanwhile) may also cover the footer.
  // An era's years go under its name (in a type about 0.8 of the button's) when there is room.
  const float tall = std::max(z.button_h, themes ? 0.0f : 1.8f * z.line_h + 16 * u);
  float bottom = z.bottom;
  Grid grid{};
  for (auto [b, h0] : {std::pair{z.bottom, tall}, std::pair{z.bottom, z.button_h}, std::pair{std::max(z.bottom, z.bottom_max), tall},
                       std::pair{std::max(z.bottom, z.bottom_max), z.button_h}}) {
    grid = grid_for(bottom = b, h0);
    if (grid.comfortable) break;
  }
  const int cols = grid.cols, rows = grid.rows;
  const float h = grid.h, action_h = std::min(h, std::max(z.button_h, z.min_h));
  const auto fcols = static_cast<float>(cols), frows = static_cast<float>(rows);
  const float title_w = static_cast<float>(metrics.button_label_px(content.strings.get(lang, themes ? "panel.themes" : "panel.eras")));
  float item_w = std::min(item_pref, (inner_max - (fcols - 1) * gap) / fcols);
  const float grid_w = fcols * item_w + (fcols - 1) * gap;
  const float w = std::min(max_w, std::max({grid_w, actions_w, title_w * 1.2f}) + 2 * pad);
  item_w = (w - 2 * pad - (fcols - 1) * gap) / fcols;  // the items fill the panel's width
  const float panel_h = 2 * pad + title_h + frows * h + (frows - 1) * gap + 1.5f * gap + action_h;
  out.chooser = Rect{(vp.width - w) / 2, std::max(z.top, bottom - panel_h), w, panel_h};
  const Rect& p = out.chooser;
  for (int i = 0; i < n; ++i) {
    const auto col = static_cast<float>(i % cols), row = static_cast<float>(i / cols);
    items[static_cast<std::size_t>(i)].rect = Rect{p.x + pad + col * (item_w + gap), p.y + pad + title_h + row * (h + gap), item_w, h};
  }
  // The actions below the items: "All themes" at the start, "Done" at the end; narrowed to fit.
  const float squeeze = std::min(1.0f, (w - 2 * pad - gap * static_cast<float>(actions.size() - 1)) /
                                           (actions_w - gap * static_cast<float>(actions.size() - 1)));
  for (Button& b : actions) b.rect.w *= squeeze;
  const float ay = p.y + pad + title_h + frows * h + (frows - 1) * gap + 1.5f * gap;
  for (std::size_t i = 0; i < actions.size(); ++i) {
    Button& b = actions[i];
    const bool last = i + 1 == actions.size();
    b.rect = Rect{last ? p.right() - pad - b.rect.w : p.x + pad, ay, b.rect.w, action_h};
    items.push_back(b);
  }
  return items;
}

}  // namespace kiosk::core
