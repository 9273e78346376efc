#pragma once
// The kiosk's config file (--config FILE): how one installation runs. Every field is optional.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace kiosk::core {

struct Config {
  std::optional<bool> kiosk;            // "kiosk": lock down (default false)
  std::optional<bool> classroom;        // "classroom": presenter mode (default false)
  std::optional<bool> fullscreen;       // "fullscreen" (default false)
  std::optional<int> display;           // "display": index (default 0)
  std::optional<double> panel_w_mm, panel_h_mm;  // "panel_mm": [width, height] of the visible panel
  std::optional<double> idle_seconds;   // "idle_seconds" (default 90)
  std::optional<double> warning_seconds;  // "warning_seconds" (default 20)
  std::optional<std::string> language;  // "language": the first screen's language
  std::optional<std::string> content;   // "content": the content folder
  std::optional<std::string> analytics_path;       // "analytics_path": folder of daily analytics files
  std::optional<double> analytics_retention_days;  // "analytics_retention_days": days kept (default 90)
  std::optional<std::string> log_path;  // "log_path": the rotating log file (default: stderr only)
  std::string pin_salt, pin_sha256;     // "admin_pin": {"salt", "sha256"}, written by `kiosk set-pin`
};

// Reads `path`; problems are diagnostics like content's (file, line, column, pointer, message).
Config load_config(const std::filesystem::path& path, std::vector<Diagnostic>* diagnostics);

// Writes a new salted hash of `pin` into the config file at `path`, keeping its other fields.
// False (with `error`) when the PIN is not 4-12 digits or the file cannot be written.
bool set_admin_pin(const std::filesystem::path& path, const std::string& pin, const std::string& salt, std::string* error);

}  // namespace kiosk::core
