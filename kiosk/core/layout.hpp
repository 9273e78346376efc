#pragma once
// Where everything goes on screen for one frame. Drawing and hit-testing both use it.
#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/content.hpp"
#include "core/kiosk_state.hpp"
#include "core/target.hpp"
#include "core/ticks.hpp"
#include "core/time_scale.hpp"

namespace kiosk::core {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
  float right() const { return x + w; }
  float bottom() const { return y + h; }
};

struct Viewport {
  float width = 1920, height = 1080;  // pixels
  float px_per_mm = 3.6f;             // from the display's physical size or config
  float text_scale = 1.0f;            // the visitor's text size; cards and labels grow with it
  // One design pixel: sizes are drawn for a 1080-pixel short side and scaled with the screen.
  float unit() const { return (width < height ? width : height) / 1080.0f; }
  // `mm` millimetres in pixels, for touch targets.
  float mm(float mm) const { return mm * px_per_mm; }
};

struct Hit {
  Target target = Target::none;
  int event = -1;  // index into Content::events for Target::card; the item for language and tour
  bool operator==(const Hit&) const = default;
};

struct CardBox {
  int event = -1;        // index into Content::events
  Rect rect;             // the card
  float marker_x = 0;    // where the event starts on the axis
  float span_x1 = 0;     // where a range event ends on the axis (== marker_x for moments)
  int lane = 0;          // 0 is nearest the axis
  int headline_lines = 0;  // headline lines the card has room for (0 = not measured)
};

// Events in view that had no room for a card, counted where they are.
struct Badge {
  Rect rect;             // a round target on the axis
  int count = 0;
  double t0 = 0, t1 = 0;  // decimal years the hidden events span
};

struct EraBand {
  int era = -1;          // index into Content::eras
  float x0 = 0, x1 = 0;  // clipped to the timeline
};

struct Button {
  Target target = Target::none;
  Rect rect;
  std::string label_key;  // UI string key, e.g. "button.zoom_in"
  std::string text;       // a label given as text (a language's own name, a tour title); wins over label_key
  int index = -1;         // which language or tour
  bool selected = false;  // the current language
  Rect art;               // an era's picture inside its button in the Eras chooser; w == 0 when none
};

struct Layout;

// How the header's title and hint fit at the visitor's text size (measured by the text module).
struct HeaderFit {
  float height = 0;      // the header band's height, px; 0 = the default
  int title_lines = 0;   // lines the title is drawn in
  bool title_cut = false;  // the title did not fit and ends in an ellipsis
  bool hint_shown = false;  // the hint (what to do here) is in the header
};

// Sizes the layout needs from the text module, measured in pixels.
struct LayoutMetrics {
  // Width of the widest tick label of `unit` for years as far from zero as `year`.
  std::function<double(TickUnit, double year)> tick_label_px = [](TickUnit, double) { return 120.0; };
  // Card height for a date line and three headline lines in the current language; 0 = default.
  float card_height_px = 0;
  // Width of a related-event chip's label in the chip type.
  std::function<double(const std::string&)> chip_label_px = [](const std::string& s) { return 12.0 * static_cast<double>(s.size()); };
  // Line height of a chip's label, px, and how many lines a label wraps to in a width; with
  // chip_line_px 0, every chip is one line at its least height.
  float chip_line_px = 0;
  std::function<int(const std::string&, float width)> chip_label_lines = [](const std::string&, float) { return 1; };
  // Width of a button label (the text itself) in the button type.
  std::function<double(const std::string&)> button_label_px = [](const std::string& s) { return 16.0 * static_cast<double>(s.size()); };
  // How many lines a label given as text wraps to in the button type within `width`.
  std::function<int(const std::string&, float width)> button_label_lines = [](const std::string& s, float width) {
    return std::max(1, static_cast<int>(std::ceil(16.0 * static_cast<double>(s.size()) / std::max(1.0f, width))));
  };
  // The detail page of event `index` laid out in `layout`'s detail rects (unscrolled): the y where
  // its main column (date, headline, story, quote) ends, and where its side column (the caption,
  // solidarity and sources under the picture; in portrait, the rest of the one column) ends.
  std::function<std::pair<float, float>(const Layout&, int index)> detail_text_bottoms =
      [](const Layout&, int) { return std::pair{0.0f, 0.0f}; };
  // Height of a line of button text in the current language and text size; 0 = estimate it.
  float button_line_px = 0;
  // The header for this state (its title and hint at the visitor's text size) in at most
  // `most_px` (0: a quarter of the screen); empty = the default header.
  std::function<HeaderFit(const KioskState&, float most_px)> header;
  // A card's date line with its padding above and below the headline, and one headline line, px:
  // cards are made tall enough for two headline lines where the timeline has room. 0 = estimate.
  float card_top_px = 0, card_headline_line_px = 0;
  // How many lines event `index`'s headline wraps to on a card `card_w` wide; 0 = not measured
  // (cards then keep their height).
  std::function<int(int index, float card_w)> card_headline_lines = [](int, float) { return 0; };
  // Called with every card's event before their headlines are measured, so the text module can
  // shape them together (a language switch measures every card at once).
  std::function<void(const std::vector<int>& events)> prepare_headlines = [](const std::vector<int>&) {};
};

struct Layout {
  Viewport viewport;
  Mode mode = Mode::browse;
  bool rtl = false;    // the language reads right to left: controls and panels are mirrored
  TimeScale scale;
  Rect header;         // title bar
  HeaderFit header_fit;  // how its title and hint fit
  bool era_labels = true;  // era names show above the cards (false: the cards needed their strip)
  Rect timeline;       // era bands, cards and stems
  Rect axis;           // ticks and labels
  Rect footer;         // controls and hints, in one row or more
  Rect footer_hint;    // room between the footer's buttons for a one-line hint; w == 0 when none
  std::vector<EraBand> eras;
  std::vector<Tick> ticks;
  std::vector<CardBox> cards;  // drawn in order; no two overlap
  int hidden_events = 0;       // events in view that had no room for a card
  std::vector<Badge> badges;   // those events, grouped where they are on the axis
  std::vector<Button> buttons;
  // Detail screen (mode detail). The page scrolls inside detail_scroll_area, between the header
  // and the footer's controls, which never move. detail_image, detail_text (the main column) and
  // detail_side (landscape: the column under the picture; empty in portrait) are where they are
  // at scroll 0, and are drawn detail_scroll higher; the related-event chips among the buttons
  // are already placed where they show now.
  Rect detail_panel, detail_image, detail_text, detail_side;
  Rect detail_scroll_area;
  float detail_page_h = 0;      // the page's height from the top of the scroll area, px
  float detail_scroll_max = 0;  // how far it can scroll: 0 when it fits
  float detail_scroll = 0;      // how far it is scrolled in this frame, px, the rubber band's overscroll included
  Rect chooser;        // the open language or tour chooser, or empty
  // A theme or era chooser whose items do not all fit the screen at this text size scrolls them
  // inside this area (between its title and its actions), by panel_scroll; w == 0 when all fit.
  Rect chooser_scroll_area;
  float chooser_scroll_max = 0;  // how far its items can scroll, px
  Rect admin_info;     // in the admin overlay: the area for its diagnostics text, above its buttons
  Rect attract_art, attract_band;  // attract screen: picture and the band with the highlight

  // What is under (x, y): buttons first, then cards.
  Hit hit(float x, float y) const;
};

// True when `b` is a control drawn on screen that keyboard and switch users can move focus to
// (not the invisible backdrop that closes a panel, nor the whole-screen "touch to start").
bool is_focusable(const Button& b);

// True when `lang`'s UI strings say it reads right to left ("language.direction": "rtl").
bool is_rtl_language(const Content& content, const std::string& lang);

// Lays out one frame for the state's mode and view.
Layout compute_layout(const Content& content, const KioskState& state, const Viewport& viewport,
                      const LayoutMetrics& metrics);

}  // namespace kiosk::core
