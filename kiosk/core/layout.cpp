#include "core/layout.hpp"

#include "core/detail_layout.hpp"
#include "core/filter_bar.hpp"
#include "core/footer.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <tuple>

namespace kiosk::core {

namespace {

struct Sizes {  // design sizes, in pixels for this viewport
  float margin, header_h, axis_h, footer_h, button, card_w, card_h, lane_gap, era_label_h;
  float card_top, card_line;  // a card's date line and paddings, and one headline line; 0 = unknown
};

Sizes sizes_for(const Viewport& vp, const LayoutMetrics& metrics) {
  const float u = vp.unit();
  Sizes s;
  s.margin = 36 * u;
  s.header_h = 132 * u * (1 + 0.45f * (vp.text_scale - 1));  // its title and hint grow with the text
  s.axis_h = (84 + 54 * (vp.text_scale - 1)) * u;  // room for its labels at every text size
  // Primary touch targets: at least 15 mm; taller for larger text, so that their labels breathe.
  s.button = std::max(104 * u, vp.mm(15)) * (1 + 0.3f * (vp.text_scale - 1));
  s.footer_h = s.button + 2 * 24 * u;
  s.card_w = 370 * u * vp.text_scale;
  s.card_h = metrics.card_height_px > 0 ? metrics.card_height_px : 170 * u;
  s.card_top = metrics.card_top_px;
  s.card_line = metrics.card_headline_line_px;
  s.lane_gap = 22 * u;
  s.era_label_h = (22 + 36 * vp.text_scale) * u;  // an era's name, at the visitor's text size
  return s;
}

bool overlaps(float a0, float a1, float b0, float b1) { return a0 < b1 && b0 < a1; }

float label_w(const Content& content, const KioskState& state, const LayoutMetrics& metrics, const char* key) {
  return static_cast<float>(metrics.button_label_px(content.strings.get(state.language, key)));
}

std::vector<Button> menu_buttons(const Content& content, const KioskState& state, const LayoutMetrics& metrics,
                                 const Viewport& vp, const Sizes& s);

// An event in view, with what placing it needs copied out of the (large) Event: each event is
// read once per frame.
struct Candidate {
  int event;
  float x0, x1;  // axis span in pixels
  int importance;
  double t0, t1;
};

// The events whose span is on screen (and that pass the theme filters), ordered by where they
// start on the axis, equal starts in content order.
void visible_events(const Content& content, const KioskState& state, const Layout& out, std::vector<Candidate>& visible) {
  const Rect& area = out.timeline;
  auto consider = [&](int i, double t0, double t1, int importance) {
    if (!state.filters.empty()) {
      bool shown = false;
      for (const auto& t : content.events[i].themes)
        shown |= std::find(state.filters.begin(), state.filters.end(), t) != state.filters.end();
      if (!shown) return;
    }
    const float x0 = static_cast<float>(out.scale.x_of(t0));
    const float x1 = static_cast<float>(out.scale.x_of(t1));
    if (x1 < area.x || x0 > area.right()) return;
    visible.push_back({i, x0, x1, importance, t0, t1});
  };
  if (!content.indexed()) {  // events edited by hand and not indexed again: look at every one
    for (std::size_t i = 0; i < content.events.size(); ++i) {
      const Event& e = content.events[i];
      consider(static_cast<int>(i), e.t0, e.t1, e.importance);
    }
    std::stable_sort(visible.begin(), visible.end(), [](const Candidate& a, const Candidate& b) { return a.x0 < b.x0; });
    return;
  }
  // Only the events the index finds near the visible years: a margin of pixels either side covers
  // rounding, and each is tested exactly as above.
  const double margin = 4 * out.scale.years_per_px() + 1e-9 * (std::abs(out.scale.view.start) + std::abs(out.scale.view.end));
  std::vector<int> near;
  content.index.overlapping(out.scale.year_at(area.x) - margin, out.scale.year_at(area.right()) + margin, near);
  visible.reserve(near.size());
  for (int i : near) {
    const EventIndex::Span& e = content.index.span(i);
    consider(i, e.t0, e.t1, e.importance);
  }
  // They come ordered by start time, so by x0; put runs of equal x0 in content order.
  auto same_x = [](const Candidate& a, const Candidate& b) { return a.x0 == b.x0; };
  for (auto run = visible.begin(); run != visible.end();) {
    auto next = std::adjacent_find(run, visible.end(), std::not_fn(same_x));
    next = next == visible.end() ? next : next + 1;
    std::sort(run, next, [](const Candidate& a, const Candidate& b) { return a.event < b.event; });
    run = next;
  }
}

// Positions in `visible` grouped by importance, most important first, keeping their order within
// each group.
std::vector<int> by_importance(const std::vector<Candidate>& visible) {
  std::vector<int> importance(visible.size());
  for (std::size_t k = 0; k < visible.size(); ++k) importance[k] = visible[k].importance;
  std::vector<int> order(visible.size());
  if (visible.empty()) return order;
  const auto [lo, hi] = std::minmax_element(importance.begin(), importance.end());
  const long long least = *lo, range = static_cast<long long>(*hi) - *lo + 1;
  if (range > 64) {  // importances beyond 1..5 are rare: sort
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return importance[a] < importance[b]; });
    return order;
  }
  std::vector<std::size_t> next(static_cast<std::size_t>(range) + 1, 0);  // a counting sort
  for (const int i : importance) ++next[static_cast<std::size_t>(i - least) + 1];
  for (std::size_t g = 1; g < next.size(); ++g) next[g] += next[g - 1];
  for (std::size_t k = 0; k < visible.size(); ++k) order[next[static_cast<std::size_t>(importance[k] - least)]++] = static_cast<int>(k);
  return order;
}

void place_cards(const Content& content, const KioskState& state, const LayoutMetrics& metrics, Layout& out,
                 const Sizes& s) {
  const Rect& area = out.timeline;
  const float u = out.viewport.unit();
  float cards_top = area.y + s.era_label_h;
  const float cards_bottom = area.bottom() - 28 * u;
  // Large text on a small screen may leave less than a card's height: the cards then show fewer
  // headline lines, but never fewer than two (one line of a headline rarely says what happened).
  // When even that does not fit under the era names, the cards take the era names' strip (the
  // "Eras" menu still names every era) rather than cut every headline to a line.
  const bool measured = s.card_line > 0 && s.card_top > 0;
  const float least = measured ? std::min(s.card_h, s.card_top + 2 * s.card_line) : s.card_h * 0.5f;
  if (cards_bottom - cards_top < least && s.era_label_h > 0) {
    out.era_labels = false;
    cards_top = area.y + 10 * u;
  }
  const float card_h = std::max(1.0f, std::min(s.card_h, std::max(cards_bottom - cards_top, measured ? 0.0f : least)));
  const int headline_lines =
      measured ? std::max(0, static_cast<int>(std::floor((card_h - s.card_top) / s.card_line + 0.01f))) : 0;
  const int lanes = std::max(1, static_cast<int>((cards_bottom - cards_top + s.lane_gap) / (card_h + s.lane_gap)));

  std::vector<Candidate> visible;
  visible_events(content, state, out, visible);
  // Most important first, then earliest: they claim the lanes nearest the axis. `visible` is in
  // time order already, so a stable grouping by importance gives that order.
  std::vector<int> order = by_importance(visible);

  // Each lane's cards as [x, right + gap), in the order placed.
  std::vector<std::vector<std::pair<float, float>>> taken(static_cast<std::size_t>(lanes));
  std::vector<char> carded(visible.size(), 0);
  // Whether some lane still has a stretch as wide as a card and its gap: once none has, every
  // later event is hidden without testing it (a view of the whole history shows thousands).
  auto room_left = [&] {
    for (auto lane : taken) {
      std::sort(lane.begin(), lane.end());
      float free_from = area.x;
      for (const auto& [x0, x1] : lane) {
        if (x0 - free_from >= s.card_w + s.lane_gap) return true;
        free_from = std::max(free_from, x1);
      }
      if (area.right() + s.lane_gap - free_from >= s.card_w + s.lane_gap) return true;
    }
    return false;
  };
  bool full = false;
  for (const int k : order) {
    const Candidate& c = visible[k];
    if (full) {
      ++out.hidden_events;
      continue;
    }
    // A range that began off screen keeps its card at the left edge while its span is visible.
    float left = std::max(c.x0, area.x);
    left = std::min(left, area.right() - s.card_w);
    const float right = left + s.card_w + s.lane_gap;
    int chosen = -1;
    for (int lane = 0; lane < lanes && chosen < 0; ++lane) {
      bool free = true;
      // Stems may pass behind lower cards: stacking close events beats hiding them.
      for (const auto& [x0, x1] : taken[static_cast<std::size_t>(lane)]) {
        if (overlaps(left, right, x0, x1)) {
          free = false;
          break;
        }
      }
      if (free) chosen = lane;
    }
    if (chosen < 0) {
      ++out.hidden_events;
      continue;
    }
    CardBox box;
    box.event = c.event;
    box.lane = chosen;
    box.headline_lines = headline_lines;
    box.marker_x = c.x0;
    box.span_x1 = c.x1;
    const auto lane = static_cast<float>(chosen);
    box.rect = Rect{left, cards_bottom - (lane + 1) * card_h - lane * s.lane_gap, s.card_w, card_h};
    taken[static_cast<std::size_t>(chosen)].emplace_back(box.rect.x, box.rect.right() + s.lane_gap);
    carded[k] = 1;
    out.cards.push_back(box);
    full = !room_left();
  }
  // A card whose headline needs more lines than it holds grows upward, a line at a time, into
  // space no card above it uses (up to the era names): a sparse view shows whole headlines.
  // Upper lanes first, so a lower card grows only into what is still free.
  if (measured) {
    std::vector<int> events;
    for (const CardBox& box : out.cards) events.push_back(box.event);
    metrics.prepare_headlines(events);
    std::vector<std::size_t> by_lane(out.cards.size());
    for (std::size_t i = 0; i < by_lane.size(); ++i) by_lane[i] = i;
    std::stable_sort(by_lane.begin(), by_lane.end(),
                     [&](std::size_t a, std::size_t b) { return out.cards[a].lane > out.cards[b].lane; });
    for (const std::size_t i : by_lane) {
      CardBox& box = out.cards[i];
      const int extra = metrics.card_headline_lines(box.event, box.rect.w) - box.headline_lines;
      if (extra <= 0) continue;
      float ceiling = cards_top;
      for (std::size_t j = 0; j < out.cards.size(); ++j) {
        const Rect& other = out.cards[j].rect;
        if (j != i && other.bottom() <= box.rect.y + 0.5f &&
            overlaps(box.rect.x, box.rect.right() + s.lane_gap, other.x, other.right() + s.lane_gap))
          ceiling = std::max(ceiling, other.bottom() + s.lane_gap);
      }
      const int add = std::min(extra, static_cast<int>(std::floor((box.rect.y - ceiling) / s.card_line + 0.01f)));
      if (add <= 0) continue;
      box.rect.y -= static_cast<float>(add) * s.card_line;
      box.rect.h += static_cast<float>(add) * s.card_line;
      box.headline_lines += add;
    }
  }
  // Draw in time order so the picture does not depend on importance ties.
  std::sort(out.cards.begin(), out.cards.end(), [](const CardBox& a, const CardBox& b) { return a.rect.x < b.rect.x; });

  // The rest, still in time order.
  std::vector<Candidate> hidden;
  hidden.reserve(static_cast<std::size_t>(out.hidden_events));
  for (std::size_t k = 0; k < visible.size(); ++k)
    if (!carded[k]) hidden.push_back(visible[k]);

  // Hidden events become count badges on the axis, one per stretch about half a card wide.
  const float size = std::max(48 * out.viewport.unit(), out.viewport.mm(10)) * out.viewport.text_scale;  // its count grows too
  const float stretch = std::max(s.card_w / 2, size * 1.4f);
  for (std::size_t i = 0; i < hidden.size();) {
    std::size_t j = i;
    double t0 = 1e300, t1 = -1e300;
    float sum_x = 0;
    while (j < hidden.size() && hidden[j].x0 < hidden[i].x0 + stretch) {
      t0 = std::min(t0, hidden[j].t0);
      t1 = std::max(t1, hidden[j].t1);
      sum_x += std::clamp(hidden[j].x0, area.x, area.right());
      ++j;
    }
    float x = sum_x / static_cast<float>(j - i) - size / 2;
    x = std::clamp(x, area.x + 4, area.right() - size - 4);
    if (!out.badges.empty()) x = std::max(x, out.badges.back().rect.right() + 8 * out.viewport.unit());
    if (x + size <= area.right())
      out.badges.push_back(Badge{Rect{x, area.bottom() - size / 2, size, size}, static_cast<int>(j - i), t0, t1});
    i = j;
  }
}

void set_header(Layout& out, const HeaderFit& fit, const Sizes& s) {
  out.header_fit = fit;
  if (fit.height > 0) out.header.h = std::max(fit.height, s.header_h);
}

void layout_browse(const Content& content, const KioskState& state, const LayoutMetrics& metrics, Layout& out,
                   const Sizes& s) {
  const Viewport& vp = out.viewport;
  // Primary controls sit in the lower half: the menus at the left, the navigation at the right
  // where a standing or seated hand reaches; in more rows when one row is not enough.
  const float home_w = std::max(s.button * 1.5f, label_w(content, state, metrics, "button.home") + 64 * vp.unit());
  const std::vector<Button> navigation{{Target::home, Rect{0, 0, home_w, s.button}, "button.home"},
                                       {Target::zoom_out, Rect{0, 0, s.button, s.button}, "button.zoom_out"},
                                       {Target::zoom_in, Rect{0, 0, s.button, s.button}, "button.zoom_in"}};
  const FooterPlan footer = plan_footer(menu_buttons(content, state, metrics, vp, s), navigation,
                                        FooterSizes{vp.width, vp.height, s.margin, 20 * vp.unit(), 24 * vp.unit(), s.button});
  out.footer = Rect{0, vp.height - footer.height, vp.width, footer.height};
  out.footer_hint = footer.hint;
  out.axis = Rect{0, out.footer.y - s.axis_h, vp.width, s.axis_h};
  // The header grows with its title up to a quarter of the screen, but leaves the timeline room
  // for cards of two headline lines (see place_cards).
  if (metrics.header) {
    const float u = vp.unit();
    const float cards = s.card_top > 0 && s.card_line > 0 ? std::min(s.card_h, s.card_top + 2 * s.card_line) : s.card_h * 0.5f;
    const float spare = out.axis.y - cards - 38 * u;
    set_header(out, metrics.header(state, std::clamp(spare, 1.0f, vp.height * 0.24f)), s);
  }
  out.timeline = Rect{0, out.header.bottom(), vp.width, out.axis.y - out.header.bottom()};
  out.scale = TimeScale{state.view, 0, vp.width};

  for (std::size_t i = 0; i < content.eras.size(); ++i) {
    const Era& era = content.eras[i];
    const float x0 = std::max(0.0f, static_cast<float>(out.scale.x_of(era.t0)));
    const float x1 = std::min(vp.width, static_cast<float>(out.scale.x_of(era.t1)));
    if (x1 > x0) out.eras.push_back({static_cast<int>(i), x0, x1});
  }
  const double extreme = std::abs(state.view.start) > std::abs(state.view.end) ? state.view.start : state.view.end;
  out.ticks = make_ticks(out.scale, [&](TickUnit unit) { return metrics.tick_label_px(unit, extreme); }, 40 * vp.unit(),
                         content.strings, state.language);
  place_cards(content, state, metrics, out, s);
  out.buttons = footer.buttons;
  // Each count badge is a control too: Tab reaches it and Return or Space zooms in to its events.
  for (std::size_t i = 0; i < out.badges.size(); ++i)
    out.buttons.push_back({Target::badge, out.badges[i].rect, "", "", static_cast<int>(i)});
}

// The detail's controls along the bottom, placed as the browse footer's (two rows when one is
// too narrow); placeholders (Target::none) keep a place empty, unless keeping it would cost the
// story a row of its height (large text on a small screen).
void detail_footer(Layout& out, const Sizes& s, const std::vector<Button>& start, const std::vector<Button>& end) {
  const Viewport& vp = out.viewport;
  const FooterSizes sizes{vp.width, vp.height, s.margin, 20 * vp.unit(), 24 * vp.unit(), s.button};
  FooterPlan plan = plan_footer(start, end, sizes);
  auto without_placeholders = [](std::vector<Button> group) {
    std::erase_if(group, [](const Button& b) { return b.target == Target::none; });
    return group;
  };
  const FooterPlan tighter = plan_footer(without_placeholders(start), without_placeholders(end), sizes);
  if (tighter.height < plan.height) plan = tighter;
  out.footer = Rect{0, vp.height - plan.height, vp.width, plan.height};
  for (const Button& b : plan.buttons)
    if (b.target != Target::none) out.buttons.push_back(b);
}

void layout_detail(const Content& content, const KioskState& state, const LayoutMetrics& metrics, Layout& out,
                   const Sizes& s) {
  const Viewport& vp = out.viewport;
  const float u = vp.unit();
  const int index = content.event_index(state.selected_event);
  if (state.tour.empty()) {
    // Back at the start; the neighbours in time at the end: the same as a swipe in the detail.
    const float back_w = std::max(s.button * 2.0f, label_w(content, state, metrics, "button.back") + (66 + 44 * vp.text_scale) * u);
    std::vector<Button> end;
    for (auto [target, key, exists] : {std::tuple{Target::earlier, "button.earlier", shown_neighbour(content, index, -1, state.filters) >= 0},
                                       std::tuple{Target::later, "button.later", shown_neighbour(content, index, +1, state.filters) >= 0}}) {
      const float w = std::max(s.button * 1.6f, label_w(content, state, metrics, key) + 100 * u);
      // A missing neighbour keeps its place empty, so that the other does not jump.
      end.push_back({exists ? target : Target::none, Rect{0, 0, w, s.button}, exists ? key : ""});
    }
    detail_footer(out, s, {{Target::back, Rect{0, 0, back_w, s.button}, "button.back"}}, end);
  } else {
    // Tour stops: previous and next at the start, ending the tour at the end.
    const Tour* tour = content.tour(state.tour);
    const int stops = tour ? static_cast<int>(tour->events.size()) : 0;
    auto button = [&](Target t, const char* key) {
      return Button{t, Rect{0, 0, std::max(s.button * 1.6f, label_w(content, state, metrics, key) + 110 * u), s.button}, key};
    };
    std::vector<Button> start;
    if (state.tour_step > 0) start.push_back(button(Target::tour_prev, "button.tour_prev"));
    if (state.tour_step + 1 < stops) start.push_back(button(Target::tour_next, "button.tour_next"));
    detail_footer(out, s, start, {button(Target::tour_end, "button.tour_end")});
  }
  out.detail_panel = Rect{s.margin, out.header.bottom(), vp.width - 2 * s.margin, out.footer.y - out.header.bottom()};
  layout_detail_page(content, state, metrics, out);
}

// The menus at the left of the footer: language, tours, themes, eras and display; widths only.
std::vector<Button> menu_buttons(const Content& content, const KioskState& state, const LayoutMetrics& metrics,
                                 const Viewport& vp, const Sizes& s) {
  const float u = vp.unit();
  std::vector<Button> out;
  auto add = [&](Target t, const char* key, float icon_w) {
    const float w = std::max(s.button * 1.5f, label_w(content, state, metrics, key) + 64 * u + icon_w);
    out.push_back({t, Rect{0, 0, w, s.button}, key});
  };
  if (content.languages.size() > 1) {
    const std::string name = content.strings.get(state.language, "language.name");
    const float w = std::max(s.button * 1.5f, static_cast<float>(metrics.button_label_px(name)) + (66 + 44 * vp.text_scale) * u);
    out.push_back(Button{Target::language_menu, Rect{0, 0, w, s.button}, "", name});
  }
  if (!content.tours.empty()) add(Target::tour_menu, "button.tours", 0);
  if (offers_themes(content)) {  // its icon: swatches of the themes shown, a small legend
    add(Target::themes_menu, "button.themes", 52 * u);
    out.back().selected = !state.filters.empty();
  }
  if (offers_eras(content)) add(Target::eras_menu, "button.eras", 0);
  out.push_back({Target::display_menu, Rect{0, 0, std::max(s.button, label_w(content, state, metrics, "button.display") + 64 * u), s.button},
                 "button.display"});
  return out;
}

// A chooser: a centred panel of large buttons, two columns when there is room.
void layout_chooser(const Content& content, const KioskState& state, const LayoutMetrics& metrics, Layout& out,
                    const Sizes& s) {
  const Viewport& vp = out.viewport;
  const float u = vp.unit();
  std::vector<Button> items;
  if (state.panel == Panel::themes || state.panel == Panel::eras) {
    const float line = metrics.button_line_px > 0 ? metrics.button_line_px : 45 * u * vp.text_scale;
    const FilterPanelSizes sizes{out.header.bottom() + 10 * u, out.footer.y - 20 * u, vp.height - 20 * u, s.margin,
                                 s.button, std::max(vp.mm(15), line + 16 * u), line};
    out.buttons = layout_filter_panel(content, state, metrics, sizes, out);
    out.buttons.push_back({Target::close_panel, Rect{0, 0, vp.width, vp.height}, ""});
    return;
  }
  if (state.panel == Panel::languages) {
    for (std::size_t i = 0; i < content.languages.size(); ++i) {
      Button b{Target::language, {}, "", content.strings.get(content.languages[i], "language.name"), static_cast<int>(i)};
      b.selected = content.languages[i] == state.language;
      items.push_back(b);
    }
  } else if (state.panel == Panel::pin) {
    for (int d : {1, 2, 3, 4, 5, 6, 7, 8, 9}) items.push_back({Target::pin_digit, {}, "", std::to_string(d), d});
    items.push_back({Target::pin_clear, {}, "admin.pin_clear", content.strings.get(state.language, "admin.pin_clear"), -1});
    items.push_back({Target::pin_digit, {}, "", "0", 0});
    items.push_back({Target::pin_ok, {}, "admin.pin_ok", content.strings.get(state.language, "admin.pin_ok"), -1});
  } else if (state.panel == Panel::display) {
    const char* sizes[] = {"display.text_normal", "display.text_large", "display.text_larger", "display.text_largest"};
    static_assert(sizeof(sizes) / sizeof(sizes[0]) == kTextScaleCount);
    for (int i = 0; i < kTextScaleCount; ++i) {
      Button b{Target::text_size, {}, sizes[i], content.strings.get(state.language, sizes[i]), i};
      b.selected = std::abs(state.text_scale - kTextScales[i]) < 0.01f;
      items.push_back(b);
    }
    Button contrast{Target::contrast, {}, "", content.strings.get(state.language, "display.contrast"), kTextScaleCount};
    contrast.selected = state.high_contrast;
    Button motion{Target::motion, {}, "", content.strings.get(state.language, "display.motion"), kTextScaleCount + 1};
    motion.selected = state.reduced_motion;
    items.push_back(contrast);
    items.push_back(motion);
  } else {
    for (std::size_t i = 0; i < content.tours.size(); ++i)
      items.push_back({Target::tour, {}, "", content.tours[i].title.get(state.language, content.default_language),
                       static_cast<int>(i)});
  }
  float widest = 0;
  for (const auto& b : items) widest = std::max(widest, static_cast<float>(metrics.button_label_px(b.text)));
  float item_w = state.panel == Panel::pin ? std::max(s.button * 1.4f, 150 * u)
                                           : std::clamp(widest + 80 * u, 320 * u, vp.width - 2 * s.margin - 80 * u);
  const float gap = 20 * u, pad = 40 * u, title_h = 80 * u * vp.text_scale;
  int columns = (2 * item_w + gap + 2 * pad <= vp.width - 2 * s.margin && items.size() > 3) ? 2 : 1;
  if (state.panel == Panel::pin) columns = 3;
  // Large text on a short screen: one column may not fit above the footer (nor on the screen).
  // Two narrower columns then, as wide as the screen allows (a label too long ends in an ellipsis
  // rather than a control falling off the screen).
  const auto height_of = [&](int c) {
    const auto r = static_cast<float>((items.size() + c - 1) / c);
    return title_h + r * s.button + (r - 1) * gap + 2 * pad;
  };
  if (columns == 1 && items.size() > 3 && height_of(1) > out.footer.y - 20 * u - out.header.bottom()) {
    columns = 2;
    item_w = std::min(item_w, (vp.width - 2 * s.margin - gap - 2 * pad) / 2);
  }
  const auto rows = static_cast<float>((items.size() + columns - 1) / columns);
  const auto cols = static_cast<float>(columns);
  const float w = cols * item_w + (cols - 1) * gap + 2 * pad;
  const float h = title_h + rows * s.button + (rows - 1) * gap + 2 * pad;
  // In the lower part of the screen, above the footer, where a seated visitor reaches it.
  const float bottom = out.footer.y - 20 * u;
  // When it is too tall for that: over the footer (it is modal), then over the header, never off
  // the screen.
  float y = bottom - h;
  if (y < out.header.bottom()) y = std::min(out.header.bottom(), vp.height - 20 * u - h);
  out.chooser = Rect{(vp.width - w) / 2, std::max(y, 20 * u), w, h};
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto col = static_cast<float>(static_cast<int>(i) % columns), row = static_cast<float>(static_cast<int>(i) / columns);
    items[i].rect = Rect{out.chooser.x + pad + col * (item_w + gap),
                         out.chooser.y + pad + title_h + row * (s.button + gap), item_w, s.button};
  }
  // The chooser is modal: its buttons, and a tap anywhere else closes it.
  out.buttons = std::move(items);
  out.buttons.push_back({Target::close_panel, Rect{0, 0, vp.width, vp.height}, ""});
}

// The admin overlay: a wide panel, its diagnostics text at the top (Layout::admin_info) and its
// buttons below, as many to a row as fit, each at least 15 mm high.
void layout_admin(const Content& content, const KioskState& state, const LayoutMetrics& metrics, Layout& out,
                  const Sizes& s) {
  const Viewport& vp = out.viewport;
  const float u = vp.unit();
  auto item = [&](Target t, const char* key) { return Button{t, {}, key, content.strings.get(state.language, key)}; };
  std::vector<Button> items{item(Target::admin_reload, "admin.reload"), item(Target::admin_touch_debug, "admin.touch_debug"),
                            item(Target::admin_restart, "admin.restart"), item(Target::admin_exit, "admin.exit"),
                            item(Target::close_panel, "admin.close")};
  items[1].selected = state.touch_debug;
  const float gap = 20 * u, pad = 40 * u, title_h = 70 * u, info_h = 9 * 44 * u;
  const float w = std::min(vp.width - 2 * s.margin, 1700 * u);
  float widest = 0;
  for (const auto& b : items) widest = std::max(widest, static_cast<float>(metrics.button_label_px(b.text)));
  const float min_item_w = std::min(std::max(widest + 80 * u, 2 * s.button), w - 2 * pad);
  const int columns = std::clamp(static_cast<int>((w - 2 * pad + gap) / (min_item_w + gap)), 1, static_cast<int>(items.size()));
  const auto cols = static_cast<float>(columns);
  const auto rows = static_cast<float>((items.size() + columns - 1) / columns);
  const float item_w = (w - 2 * pad - (cols - 1) * gap) / cols;
  const float h = 2 * pad + title_h + info_h + gap + rows * s.button + (rows - 1) * gap;
  const float y = std::max(out.header.bottom() + 10 * u, (vp.height - h) / 2);
  out.chooser = Rect{(vp.width - w) / 2, y, w, h};
  out.admin_info = Rect{out.chooser.x + pad, y + pad + title_h, w - 2 * pad, info_h};
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto col = static_cast<float>(static_cast<int>(i) % columns), row = static_cast<float>(static_cast<int>(i) / columns);
    items[i].rect = Rect{out.chooser.x + pad + col * (item_w + gap), out.admin_info.bottom() + gap + row * (s.button + gap),
                         item_w, s.button};
  }
  // Modal: a tap beside the panel does nothing (it neither closes it nor reaches the timeline).
  out.buttons = std::move(items);
  out.buttons.push_back({Target::none, Rect{0, 0, vp.width, vp.height}, ""});
}

void layout_attract(Layout& out) {
  const Viewport& vp = out.viewport;
  // The band grows with the visitor's text size (the picture gives way), up to 60 % of the screen.
  const float band_h = vp.height * std::min(0.6f, (vp.width >= vp.height ? 0.34f : 0.30f) * (1 + 0.6f * (vp.text_scale - 1)));
  out.attract_band = Rect{0, vp.height - band_h, vp.width, band_h};
  out.attract_art = Rect{0, 0, vp.width, vp.height - band_h};
  out.buttons.push_back({Target::start_session, Rect{0, 0, vp.width, vp.height}, ""});
}

}  // namespace

Hit Layout::hit(float x, float y) const {
  for (const Button& b : buttons) {
    if (!b.rect.contains(x, y)) continue;
    if (b.target == Target::related && !detail_scroll_area.contains(x, y)) continue;  // chips scroll with the page
    if ((b.target == Target::theme || b.target == Target::era) && chooser_scroll_area.w > 0 &&
        !chooser_scroll_area.contains(x, y))
      continue;  // a chooser's items scrolled out of its area
    return Hit{b.target, b.index};
  }
  for (std::size_t i = 0; i < badges.size(); ++i)
    if (badges[i].rect.contains(x, y)) return Hit{Target::badge, static_cast<int>(i)};
  for (auto it = cards.rbegin(); it != cards.rend(); ++it)
    if (it->rect.contains(x, y)) return Hit{Target::card, it->event};
  return Hit{};
}

bool is_focusable(const Button& b) {
  return b.target != Target::none && b.target != Target::start_session &&
         !(b.target == Target::close_panel && b.text.empty() && b.label_key.empty());
}

bool is_rtl_language(const Content& content, const std::string& lang) {
  return content.strings.get(lang, "language.direction") == "rtl";
}

namespace {

// Mirrors the controls and panels for a right-to-left language. The time axis keeps running
// left to right, as the dates on it do.
void mirror(Layout& out) {
  const float w = out.viewport.width;
  auto flip = [w](Rect& r) { r.x = w - r.x - r.w; };
  for (Button& b : out.buttons)  // badges stay on the time axis, which is not mirrored
    if (!(b.rect.x == 0 && b.rect.w == w) && b.target != Target::badge) {
      flip(b.rect);
      if (b.art.w > 0) flip(b.art);
    }
  flip(out.detail_image);
  flip(out.footer_hint);
  flip(out.detail_text);
  flip(out.detail_side);
  flip(out.detail_scroll_area);
  flip(out.chooser);
  flip(out.chooser_scroll_area);
  flip(out.admin_info);
}

}  // namespace

Layout compute_layout(const Content& content, const KioskState& state, const Viewport& viewport,
                      const LayoutMetrics& metrics) {
  Layout out;
  out.viewport = viewport;
  out.mode = state.mode;
  out.rtl = is_rtl_language(content, state.language);
  const Sizes s = sizes_for(viewport, metrics);
  out.header = Rect{0, 0, viewport.width, s.header_h};
  if (state.mode == Mode::attract) {
    layout_attract(out);
    return out;
  }
  // The header is as tall as its title and hint need at this text size (measured), at least the
  // design's height, at most a fifth of the screen in a story (which scrolls under it, and needs
  // the room more); the timeline's share is settled in layout_browse.
  if (metrics.header && state.mode != Mode::browse)
    set_header(out, metrics.header(state, std::max(s.header_h, viewport.height * 0.2f)), s);
  if (state.mode == Mode::detail) layout_detail(content, state, metrics, out, s);
  else layout_browse(content, state, metrics, out, s);
  if (state.panel == Panel::admin) layout_admin(content, state, metrics, out, s);
  else if (state.panel != Panel::none) layout_chooser(content, state, metrics, out, s);
  if (out.rtl) mirror(out);
  return out;
}

}  // namespace kiosk::core
