#pragma once
// Theme filters and era jumps: the buttons' alternatives to searching the timeline by hand.
// The footer's "Themes" button opens a chooser of theme chips, each with its colour (the legend of
// the cards' colours); "Eras" opens a chooser with a button per era that takes the view there.
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/kiosk_state.hpp"
#include "core/layout.hpp"

namespace kiosk::core {

// True when `e` shows under `filters` (theme ids; empty = every event shows).
bool event_shown(const Event& e, const std::vector<std::string>& filters);

// The nearest event `step` (+1 or -1) from event `index` in time order that shows under `filters`; -1 if none.
int shown_neighbour(const Content& content, int index, int step, const std::vector<std::string>& filters);

// The colour an event is drawn in: the colour of its first theme that is shown (its first theme
// when nothing is filtered), or nullptr when none of its themes is in the content.
const Theme* event_theme(const Content& content, const Event& e, const std::vector<std::string>& filters);

// `filters` with theme `theme` (an index into Content::themes) switched: from "all" a tap shows that
// theme alone; a shown theme is hidden again; choosing every theme is the same as all (empty).
// Kept in the content's theme order.
std::vector<std::string> toggle_theme(const Content& content, const std::vector<std::string>& filters, int theme);

// The view an era's jump button goes to: the era's own span.
View era_view(const Era& era);

// The era that fills at least half of `view` (the one a visitor is looking at), or -1.
int era_at(const Content& content, const View& view);

// Whether the footer offers the chooser: themes when there are two or more, eras when there is one.
bool offers_themes(const Content& content);
bool offers_eras(const Content& content);

// Sizes for laying out a theme or era chooser.
struct FilterPanelSizes {
  float top = 0, bottom = 0;  // the band it may use: below the header, above the footer ...
  float bottom_max = 0;       // ... or down to here (over the footer) when that band is too cramped
  float margin = 36;          // at the sides of the screen
  float button_h = 104;       // preferred height of an item (the layout's primary button)
  float min_h = 54;           // the least: 15 mm, and a line of text
  float line_h = 45;          // a line of button text; an era's button also has a line of its years
};

// The theme chooser (state.panel == Panel::themes): a chip per theme, then "All themes" and "Done";
// or the era chooser (Panel::eras): a button per era, then "Done". In as many columns as their
// labels and the screen allow; rows shrink towards `min_h` and more columns are used before the
// panel would leave its band, so a dozen themes fit a portrait screen at the largest text.
// Sets out.chooser and returns the items (rects set, left to right).
std::vector<Button> layout_filter_panel(const Content& content, const KioskState& state, const LayoutMetrics& metrics,
                                        const FilterPanelSizes& sizes, Layout& out);

}  // namespace kiosk::core
