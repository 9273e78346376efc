#pragma once
// Reads an image's size from its header without decoding it, so a curator's huge or broken
// file is refused before anything tries to decode it (a decompression bomb costs nothing here).
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::core {

struct ImageHeader {
  std::string format;  // "png", "jpeg", "gif", "bmp"
  long long width = 0, height = 0;  // pixels
  bool complete = true;             // false when a PNG or JPEG lacks its end marker: the file was cut off
};

// The header of the file at `path`, or nullopt with `error` saying what is wrong: unreadable, cut
// off inside its header, or not a PNG, JPEG, GIF or BMP image. Reads the first and last 64 KiB.
std::optional<ImageHeader> read_image_header(const std::filesystem::path& path, std::string* error);

}  // namespace kiosk::core
