#pragma once
// STATE.json: the kiosk state after a session, the project's own test interface.
#include <nlohmann/json.hpp>

#include "core/content.hpp"
#include "core/kiosk_state.hpp"
#include "core/layout.hpp"

namespace kiosk::core {

// running, mode, view {start, end}, selected_event, language, filters, idle_seconds, and
// cards [{id, x, y, w, h}] normalised to the window; buttons likewise, by target name.
nlohmann::json state_to_json(const KioskState& state, const Content& content, const Layout& layout);

const char* target_name(Target t);  // "card", "zoom_in", "zoom_out", "home", "back", "none"

}  // namespace kiosk::core
