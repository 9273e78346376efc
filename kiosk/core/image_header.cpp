#include "core/image_header.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <string_view>
#include <vector>

namespace kiosk::core {

namespace {
std::uint32_t be16(const unsigned char* p) { return static_cast<std::uint32_t>(p[0] << 8 | p[1]); }
std::uint32_t be32(const unsigned char* p) {
  return static_cast<std::uint32_t>(p[0]) << 24 | static_cast<std::uint32_t>(p[1]) << 16 | static_cast<std::uint32_t>(p[2]) << 8 | p[3];
}
std::uint32_t le16(const unsigned char* p) { return static_cast<std::uint32_t>(p[0] | p[1] << 8); }
std::int32_t le32(const unsigned char* p) {
  return static_cast<std::int32_t>(static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
                                   static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24);
}

// Whether the last bytes of the file at `in` hold `marker` (within the last 1 KiB, which allows
// the padding some editors append).
bool ends_with_marker(std::ifstream& in, std::string_view marker) {
  in.clear();
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  const std::streamoff tail = std::min<std::streamoff>(size, 1024);
  std::string bytes(static_cast<std::size_t>(tail), '\0');
  in.seekg(size - tail);
  in.read(bytes.data(), tail);
  return in && bytes.find(marker) != std::string::npos;
}
}  // namespace

std::optional<ImageHeader> read_image_header(const std::filesystem::path& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot be read; check its permissions";
    return std::nullopt;
  }
  std::vector<unsigned char> head(64 * 1024);
  in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const auto n = head.size();
  const unsigned char* p = head.data();
  if (n >= 4 && p[0] == 0x89 && p[1] == 'P' && p[2] == 'N' && p[3] == 'G') {
    if (n < 24 || p[12] != 'I' || p[13] != 'H') {
      *error = "is a PNG cut off or damaged before its size; copy or export it again";
      return std::nullopt;
    }
    return ImageHeader{"png", be32(p + 16), be32(p + 20), ends_with_marker(in, "IEND")};
  }
  if (n >= 10 && p[0] == 'G' && p[1] == 'I' && p[2] == 'F') return ImageHeader{"gif", le16(p + 6), le16(p + 8)};
  if (n >= 26 && p[0] == 'B' && p[1] == 'M') {
    const long long h = le32(p + 22);
    return ImageHeader{"bmp", le32(p + 18), h < 0 ? -h : h};
  }
  if (n >= 4 && p[0] == 0xFF && p[1] == 0xD8) {
    // Walk the JPEG segments to the first start-of-frame marker, which holds the size.
    std::size_t i = 2;
    while (i + 9 < n) {
      if (p[i] != 0xFF) break;
      const unsigned char marker = p[i + 1];
      if (marker == 0xFF) { ++i; continue; }
      const std::size_t length = be16(p + i + 2);
      const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) return ImageHeader{"jpeg", be16(p + i + 7), be16(p + i + 5), ends_with_marker(in, "\xFF\xD9")};
      if (length < 2) break;
      i += 2 + length;
    }
    *error = "looks like a JPEG but its size could not be read; re-save it from an image editor";
    return std::nullopt;
  }
  *error = "is not a PNG, JPEG, GIF or BMP image; export it as PNG or JPEG";
  return std::nullopt;
}

}  // namespace kiosk::core
