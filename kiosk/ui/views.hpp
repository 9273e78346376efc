#pragma once
// The screens and their parts; each draws what the layout placed, reading state only.
#include "ui/draw.hpp"

namespace kiosk::ui {

void draw_header(ImDrawList* dl, const Frame& f);    // title and the hint for this screen
void draw_timeline(ImDrawList* dl, const Frame& f);  // eras, axis, ticks, cards
void draw_detail(ImDrawList* dl, const Frame& f);    // one event: image, text, sources
void draw_detail_scroll_indicator(ImDrawList* dl, const Frame& f);  // its scroll bar and "more below" fade
void draw_buttons(ImDrawList* dl, const Frame& f);   // the layout's touch controls
void draw_notice(ImDrawList* dl, const Frame& f);    // the curator banner, over everything
void draw_attract(ImDrawList* dl, const Frame& f);   // the loop shown while nobody is here
void draw_chooser(ImDrawList* dl, const Frame& f);   // the language or tour chooser's panel
void draw_warning(ImDrawList* dl, const Frame& f);   // "still there?" with its countdown
void draw_admin(ImDrawList* dl, const Frame& f);     // the admin overlay's panel and diagnostics
void draw_touches(ImDrawList* dl, const Frame& f);   // touch debugging: a ring under every finger
void draw_maintenance(ImDrawList* dl, const Frame& f);  // "this exhibit is being updated"

// Theme filters and era jumps (filter_view.cpp).
void draw_theme_chip(ImDrawList* dl, const Frame& f, const core::Button& b);  // Target::theme
void draw_era_button(ImDrawList* dl, const Frame& f, const core::Button& b);  // Target::era
void draw_chooser_scroll(ImDrawList* dl, const Frame& f);  // a too-tall chooser's scroll bar and fades
// The legend on the "Themes" button: swatches of the themes shown, around (cx, cy).
void draw_theme_legend_icon(ImDrawList* dl, const Frame& f, float cx, float cy, ImU32 ring);
// A theme's colour as cards and chips show it (lightened in high contrast, where it stands on black).
core::Rgba theme_swatch(const core::Theme& t, bool high_contrast);
// The colour of an event's card: its first theme that the visitor's filters show.
core::Rgba event_color(const Frame& f, const core::Event& e);

}  // namespace kiosk::ui
