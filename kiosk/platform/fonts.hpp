#pragma once
// Reads fonts/manifest.json and finds each font file: fonts/ first, then the manifest's search paths.
#include <filesystem>
#include <string>

#include "ui/text.hpp"

namespace kiosk::platform {

// The font set for the text engine; `error` says which files are missing (the rest still load).
ui::FontSet load_font_manifest(const std::filesystem::path& fonts_dir, std::string* error);

}  // namespace kiosk::platform
