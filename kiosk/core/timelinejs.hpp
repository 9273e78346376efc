#pragma once
// TimelineJS3 interchange: its JSON to the kiosk's content files and back.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/content.hpp"

namespace kiosk::core {

struct ImportResult {
  std::map<std::string, nlohmann::json> files;  // path relative to the content folder -> document
  std::vector<std::string> messages;            // what was skipped or changed, one line each
  int imported = 0, skipped = 0;                // events
};

// Converts a TimelineJS3 document. Date parts may be strings or numbers ("" and null mean absent);
// HTML becomes plain paragraphs; groups become themes; online media stay as links shown as "not
// available offline"; events without a start date are reported and skipped; unknown keys are ignored.
// Never throws.
ImportResult import_timelinejs(const nlohmann::json& tjs, const std::string& language);

// The content as a TimelineJS3 document, in `language` (falling back to the default language).
nlohmann::json export_timelinejs(const Content& content, const std::string& language);

}  // namespace kiosk::core
