#include "core/state_json.hpp"

#include <algorithm>

namespace kiosk::core {

const char* target_name(Target t) {
  switch (t) {
    case Target::card: return "card";
    case Target::zoom_in: return "zoom_in";
    case Target::zoom_out: return "zoom_out";
    case Target::home: return "home";
    case Target::back: return "back";
    case Target::language_menu: return "language_menu";
    case Target::language: return "language";
    case Target::tour_menu: return "tour_menu";
    case Target::tour: return "tour";
    case Target::tour_next: return "tour_next";
    case Target::tour_prev: return "tour_prev";
    case Target::tour_end: return "tour_end";
    case Target::close_panel: return "close_panel";
    case Target::start_session: return "start_session";
    case Target::badge: return "badge";
    case Target::related: return "related";
    case Target::earlier: return "earlier";
    case Target::later: return "later";
    case Target::display_menu: return "display_menu";
    case Target::pin_digit: return "pin_digit";
    case Target::pin_clear: return "pin_clear";
    case Target::pin_ok: return "pin_ok";
    case Target::admin_exit: return "admin_exit";
    case Target::admin_restart: return "admin_restart";
    case Target::admin_reload: return "admin_reload";
    case Target::admin_touch_debug: return "admin_touch_debug";
    case Target::text_size: return "text_size";
    case Target::contrast: return "contrast";
    case Target::motion: return "motion";
    case Target::themes_menu: return "themes_menu";
    case Target::theme: return "theme";
    case Target::theme_all: return "theme_all";
    case Target::eras_menu: return "eras_menu";
    case Target::era: return "era";
    case Target::none: return "none";
  }
  return "none";
}

nlohmann::json state_to_json(const KioskState& state, const Content& content, const Layout& layout) {
  using nlohmann::json;
  const float w = layout.viewport.width, h = layout.viewport.height;
  auto rect = [&](const Rect& r) { return json{{"x", r.x / w}, {"y", r.y / h}, {"w", r.w / w}, {"h", r.h / h}}; };
  json cards = json::array();
  for (const CardBox& c : layout.cards) {
    json card = rect(c.rect);
    card["id"] = content.events[c.event].id;
    card["headline_lines"] = c.headline_lines;  // lines its headline has room for (0: not measured)
    cards.push_back(card);
  }
  json badges = json::array();
  for (const Badge& b : layout.badges) {
    json badge = rect(b.rect);
    badge["count"] = b.count;
    badges.push_back(badge);
  }
  json buttons = json::array();
  for (const Button& b : layout.buttons) {
    json button = rect(b.rect);
    button["target"] = target_name(b.target);
    if (b.index >= 0) button["index"] = b.index;
    if (b.selected) button["selected"] = true;
    if (b.art.w > 0) {  // an era's picture, with what it shows for those who cannot see it
      button["art"] = rect(b.art);
      if (b.target == Target::era && b.index >= 0 && b.index < static_cast<int>(content.eras.size())) {
        const Media& art = content.eras[static_cast<std::size_t>(b.index)].art;
        button["image"] = art.image;
        button["alt"] = art.alt.get(state.language, content.default_language);
      }
    }
    buttons.push_back(button);
  }
  return json{
      {"running", state.running},
      {"mode", mode_name(state.mode)},
      {"view", {{"start", state.view.start}, {"end", state.view.end}}},
      {"overscroll", state.overscroll},
      {"selected_event", state.selected_event.empty() ? json(nullptr) : json(state.selected_event)},
      {"focus", state.focus_target == Target::none ? json(nullptr)
                                                   : json{{"target", target_name(state.focus_target)}, {"index", state.focus_index}}},
      {"language", state.language},
      {"filters", state.filters},
      {"idle_seconds", state.idle_seconds},
      {"cards", cards},
      {"header", {{"h", layout.header.h / h}, {"title_lines", layout.header_fit.title_lines},
                  {"title_cut", layout.header_fit.title_cut}, {"hint_shown", layout.header_fit.hint_shown}}},
      {"era_labels", layout.era_labels},
      {"hidden_events", layout.hidden_events},
      {"badges", badges},
      {"buttons", buttons},
      {"window", {{"width", w}, {"height", h}}},
      {"panel", state.panel == Panel::languages ? "languages" : state.panel == Panel::tours ? "tours" : state.panel == Panel::display ? "display"
                 : state.panel == Panel::pin ? "pin" : state.panel == Panel::admin ? "admin"
                 : state.panel == Panel::themes ? "themes" : state.panel == Panel::eras ? "eras" : "none"},
      {"chooser_scroll", layout.chooser_scroll_max > 0 ? std::clamp(state.panel_scroll, 0.0, static_cast<double>(layout.chooser_scroll_max)) : 0.0},
      {"chooser_scroll_max", layout.chooser_scroll_max},  // px a too-tall theme or era chooser's items can scroll; 0 when they fit
      {"chooser_scroll_area", layout.chooser_scroll_area.w > 0 ? rect(layout.chooser_scroll_area) : json(nullptr)},
      {"tour", state.tour.empty() ? json(nullptr) : json(state.tour)},
      {"tour_step", state.tour_step},
      {"sessions", state.sessions},
      {"text_scale", state.text_scale},
      {"detail_scroll", layout.detail_scroll},          // px the detail page is scrolled now (0: its top)
      {"detail_scroll_max", layout.detail_scroll_max},  // px it can scroll; 0 when it fits
      {"high_contrast", state.high_contrast},
      {"reduced_motion", state.reduced_motion},
      {"blank", state.blank},
      {"pin_failures", state.pin_failures},
      {"touch_debug", state.touch_debug},
  };
}

}  // namespace kiosk::core
