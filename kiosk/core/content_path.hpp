#pragma once
// The rules that keep every read inside the content and images folders, shared by the loader
// (which tells the curator) and the image decoder (which shows a placeholder).
#include <cstdint>
#include <filesystem>
#include <string>

namespace kiosk::core {

// Whether `path`, after following every link, lies inside `root`.
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& root);

// `s` in quotes for a message: control characters as \u escapes, cut after about 80 bytes.
std::string quote_text(const std::string& s);

// Why the image path `rel` (relative to `images_root`) may not be read, or "" when it names an
// ordinary file of at most `max_bytes` bytes inside the folder; then `resolved` gets its real path.
// Refuses control characters (a NUL would cut the path short), absolute paths, "..", and links
// leading out of the folder.
std::string image_path_problem(const std::string& rel, const std::filesystem::path& images_root,
                               std::uintmax_t max_bytes, std::filesystem::path* resolved);

}  // namespace kiosk::core
