#pragma once
// What a tap, or the keyboard and switch focus, can land on: the kinds of controls on screen.

namespace kiosk::core {

enum class Target {
  none, card, zoom_in, zoom_out, home, back,
  language_menu, language,                 // open the language chooser; pick language `index`
  tour_menu, tour, tour_next, tour_prev, tour_end,  // choose tour `index`; step through it
  badge,                                   // a count of hidden events: zoom in to them
  display_menu, text_size, contrast, motion,  // the display chooser: text size `index`, toggles
  pin_digit, pin_clear, pin_ok,            // the admin PIN pad: digit `index`
  admin_exit, admin_restart,               // the admin overlay: quit; quit with kRestartExitCode
  admin_reload, admin_touch_debug,         // load the content now; circles under the fingers on/off
  related, earlier, later,                 // in a detail: a related event `index`; the neighbours
  close_panel,                             // a tap outside an open chooser; its "Done" button
  themes_menu, theme, theme_all,           // the theme chooser: show theme `index` or not; show all
  eras_menu, era,                          // the era chooser: go to era `index`
  start_session,                           // anywhere on the attract screen
};

}  // namespace kiosk::core
