#include "core/filter_bar.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

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
  bool any_art = false;
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
      any_art |= !content.eras[i].art.image.empty();
      items.push_back(b);
    }
  }
  actions.push_back(Button{Target::close_panel, {}, "button.done", content.strings.get(lang, "button.done")});

  const float gap = 20 * u, pad = 40 * u, line = z.line_h;
  // The title is drawn in a type 36/32 of the buttons' from 34 px below the panel's top.
  const float title_h = std::max(80 * u, 34 * u + 1.125f * line + 14 * u - pad);
  const float max_w = vp.width - 2 * z.margin, inner_max = max_w - 2 * pad;
  // Around a chip's label, as draw_theme_chip and draw_era_button place it (and 4 px to spare):
  // padding, the colour swatch and its space (themes) or the room for the mark of the current era
  // (eras), padding; an era's picture takes its own width more.
  const float extra = themes ? 2 * 28 * u + 58 * u + 4 * u : 2 * 26 * u + 44 * u + 4 * u;
  // An era's years go under its name in the label type (25/32 of the button type's).
  const float dates_h = themes ? 0.0f : 0.8f * line;
  const float vpad = 12 * u + 16 * u;  // above and below the lines of an item
  // An era's picture at the start of its button: 3:2, as tall as a button with two lines of name
  // and the years (a script with tall lines does not make it larger than 1.35 buttons at this text size).
  const float art_h = std::min(std::max(z.button_h, 2 * line + dates_h), 1.35f * z.button_h * vp.text_scale) - 16 * u;
  const float art_w = any_art ? 1.5f * art_h : 0;
  float widest = 0;
  for (const Button& b : items) widest = std::max(widest, static_cast<float>(metrics.button_label_px(b.text)));
  for (Button& b : actions)
    b.rect.w = std::min(inner_max, std::max(1.6f * z.button_h, static_cast<float>(metrics.button_label_px(b.text)) + 80 * u));
  float actions_w = gap * static_cast<float>(actions.size() - 1);
  for (const Button& b : actions) actions_w += b.rect.w;
  const float title_w = static_cast<float>(metrics.button_label_px(content.strings.get(lang, themes ? "panel.themes" : "panel.eras")));
  const float action_h = std::max(z.button_h, z.min_h);

  const int n = static_cast<int>(items.size());
  struct Grid {
    int cols = 1, rows = 1;
    float item_w = 0, w = 0, panel_h = 0;
    std::vector<float> row_h;  // each row as tall as its longest label needs
    float items_h = 0;         // the rows and the gaps between them
    bool art = false, dates = false;
  };
  // The grid of `cols` columns; `art` and `dates` say whether eras show their pictures and years;
  // `full` keeps items at least as tall as the primary buttons. Every label gets the lines it needs.
  auto grid_for = [&](int cols, bool art, bool dates, bool full) {
    Grid g;
    g.cols = cols;
    g.rows = std::max(1, (n + cols - 1) / cols);
    g.art = art;
    g.dates = dates;
    const float own = extra + (art ? art_w : 0);
    const auto fcols = static_cast<float>(cols);
    const float pref = std::min(inner_max, std::max(widest + own + 24 * u, 2 * z.button_h));  // a little air
    const float grid_w = fcols * std::min(pref, (inner_max - (fcols - 1) * gap) / fcols) + (fcols - 1) * gap;
    g.w = std::min(max_w, std::max({grid_w, actions_w, title_w * 1.2f}) + 2 * pad);
    g.item_w = (g.w - 2 * pad - (fcols - 1) * gap) / fcols;  // the items fill the panel's width
    g.row_h.assign(static_cast<std::size_t>(g.rows), 0.0f);
    for (int i = 0; i < n; ++i) {
      const int lines = std::max(1, metrics.button_label_lines(items[static_cast<std::size_t>(i)].text, g.item_w - own));
      float h = std::max(z.min_h, static_cast<float>(lines) * line + (dates ? dates_h : 0) + vpad);
      if (full) h = std::max(h, std::max(z.button_h, art ? art_h + 16 * u : 0));
      float& row = g.row_h[static_cast<std::size_t>(i / cols)];
      row = std::max(row, h);
    }
    g.items_h = gap * static_cast<float>(g.rows - 1);
    for (float h : g.row_h) g.items_h += h;
    g.panel_h = 2 * pad + title_h + g.items_h + 1.5f * gap + action_h;
    if (art && g.item_w - own < std::min(widest, 7 * line) - 1)  // pictures only beside room to read
      g.panel_h = std::numeric_limits<float>::max();
    return g;
  };
  const int base = n > 3 ? 2 : 1;
  // Columns are worth trying while an item is still wider than its label needs a line to be.
  int cols_max = base;
  while (cols_max < n && (inner_max - static_cast<float>(cols_max) * gap) / static_cast<float>(cols_max + 1) >=
                             std::max(2 * z.button_h, 8 * line + extra))
    ++cols_max;
  // In order of preference: eras with their pictures and years, then years, then neither;
  // full-height items, then items just as tall as their lines; above the footer, like the other
  // choosers, else (modal, the footer is out of use meanwhile) also over it; two columns, then more.
  // Last, before its items scroll, the chooser may cover the header too.
  const float band_top = std::min(z.top, 20 * u), band_bottom = std::max(z.bottom, z.bottom_max);
  struct Try {
    float top, bottom;
    bool art, dates, full;
  };
  std::vector<Try> tries;
  for (const auto& [art, dates] : {std::pair{true, true}, std::pair{false, true}, std::pair{false, false}}) {
    if ((art && !any_art) || (dates && themes)) continue;
    for (bool full : {true, false})
      for (float b : {z.bottom, band_bottom}) tries.push_back({z.top, b, art, dates, full});
  }
  tries.push_back({band_top, band_bottom, false, !themes, false});
  tries.push_back({band_top, band_bottom, false, false, false});
  Grid grid;
  float top = z.top, bottom = z.bottom;
  bool found = false;
  for (const Try& t : tries) {
    for (int cols = std::min(base, std::max(1, n)); cols <= std::max(cols_max, 1) && !found; ++cols) {
      const Grid g = grid_for(cols, t.art, t.dates, t.full);
      if (g.panel_h <= t.bottom - t.top) {
        grid = g;
        top = t.top;
        bottom = t.bottom;
        found = true;
      }
    }
    if (found) break;
  }
  // Too many or too long for the screen at this text size: the items scroll between the title and
  // the actions, at full size (with the years, without pictures), in the columns that need least scrolling.
  if (!found) {
    bottom = band_bottom;
    for (int cols = std::min(base, std::max(1, n)); cols <= std::max(cols_max, 1); ++cols) {
      const Grid g = grid_for(cols, false, !themes, false);
      if (cols == std::min(base, std::max(1, n)) || g.panel_h < grid.panel_h - 1) grid = g;
    }
  }
  const float items_h = grid.items_h;
  // A chooser that fits only over the header, or scrolls, covers the header from the top of the
  // screen (never cutting through its lines).
  float panel_h = found ? grid.panel_h : band_bottom - band_top;
  if (!found) {  // the scrolling area ends half-way through a row: the cut row says there is more
    const float most = panel_h - (2 * pad + title_h + 1.5f * gap + action_h);
    float end = 0;  // the bottom of the rows shown whole
    std::size_t whole = 0;
    while (whole + 1 < grid.row_h.size() &&
           end + (whole > 0 ? gap : 0) + grid.row_h[whole] + gap + grid.row_h[whole + 1] / 2 <= most) {
      end += (whole > 0 ? gap : 0) + grid.row_h[whole];
      ++whole;
    }
    if (whole > 0) panel_h -= most - (end + gap + grid.row_h[whole] / 2);
  }
  const float y = !found ? band_top : top < z.top ? top : std::max(top, bottom - panel_h);
  out.chooser = Rect{(vp.width - grid.w) / 2, y, grid.w, panel_h};
  const Rect& p = out.chooser;
  const float area_y = p.y + pad + title_h;
  const float area_h = p.bottom() - pad - action_h - 1.5f * gap - area_y;
  double scroll = 0;
  if (!found) {
    out.chooser_scroll_area = Rect{p.x, area_y, p.w, area_h};
    out.chooser_scroll_max = std::max(0.0f, items_h - area_h);
    scroll = std::clamp(state.panel_scroll, 0.0, static_cast<double>(out.chooser_scroll_max));
  }
  std::vector<float> row_y(grid.row_h.size(), area_y - static_cast<float>(scroll));
  for (std::size_t r = 1; r < row_y.size(); ++r) row_y[r] = row_y[r - 1] + grid.row_h[r - 1] + gap;
  for (int i = 0; i < n; ++i) {
    const auto col = static_cast<float>(i % grid.cols);
    const auto row = static_cast<std::size_t>(i / grid.cols);
    Button& b = items[static_cast<std::size_t>(i)];
    const float h = grid.row_h[row];
    b.rect = Rect{p.x + pad + col * (grid.item_w + gap), row_y[row], grid.item_w, h};
    if (grid.art && !content.eras[static_cast<std::size_t>(b.index)].art.image.empty()) {
      const float ah = std::min(h - 16 * u, art_h);
      b.art = Rect{b.rect.x + 8 * u, b.rect.y + (h - ah) / 2, art_w, ah};
    }
  }
  // The actions below the items: "All themes" at the start, "Done" at the end; narrowed to fit.
  const float squeeze = std::min(1.0f, (p.w - 2 * pad - gap * static_cast<float>(actions.size() - 1)) /
                                           (actions_w - gap * static_cast<float>(actions.size() - 1)));
  for (Button& b : actions) b.rect.w *= squeeze;
  const float ay = found ? area_y + items_h + 1.5f * gap : p.bottom() - pad - action_h;
  for (std::size_t i = 0; i < actions.size(); ++i) {
    Button& b = actions[i];
    const bool last = i + 1 == actions.size();
    b.rect = Rect{last ? p.right() - pad - b.rect.w : p.x + pad, ay, b.rect.w, action_h};
    items.push_back(b);
  }
  return items;
}

}  // namespace kiosk::core
