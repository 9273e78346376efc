#pragma once
// Reads content/ into the model. Never throws; every problem becomes a diagnostic and a bad
// event is skipped while the rest loads.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/content.hpp"
#include "core/diagnostics.hpp"

namespace kiosk::core {

struct LoadOptions {
  std::size_t max_file_bytes = 1 << 20;  // bytes; a larger content JSON file is refused unread
  std::size_t max_depth = 32;            // deepest nesting of objects/arrays accepted
  long long max_image_pixels = 40'000'000;                // width x height; larger images are refused from their header
  std::uintmax_t max_image_bytes = 64 << 20;              // bytes; a larger image file is refused unread
  long long display_width = 3840, display_height = 2160;  // images over twice this get a warning
};

struct LoadResult {
  Content content;
  std::vector<Diagnostic> diagnostics;  // errors first, then warnings, each in file order
};

// Loads `content_dir` (timeline.json, events/*.json, i18n/*.json); images are looked up in
// `content_dir/../images`.
LoadResult load_content(const std::filesystem::path& content_dir, const LoadOptions& options = {});

}  // namespace kiosk::core
