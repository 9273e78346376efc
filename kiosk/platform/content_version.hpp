#pragma once
// Which content a kiosk showed, for analytics: a short fingerprint of the content folder's files.
#include <filesystem>
#include <string>

namespace kiosk::platform {

// First 12 hex digits of a SHA-256 over the relative paths and bytes of every .json file under
// `content_dir`, in path order; "" when the folder cannot be read.
std::string content_version(const std::filesystem::path& content_dir);

}  // namespace kiosk::platform
