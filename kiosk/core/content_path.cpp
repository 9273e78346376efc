#include "core/content_path.hpp"

#include <algorithm>
#include <cstdio>

namespace kiosk::core {

namespace fs = std::filesystem;

bool is_inside(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  const fs::path real = fs::weakly_canonical(path, ec);
  if (ec) return false;
  const fs::path base = fs::weakly_canonical(root, ec);
  if (ec) return false;
  const fs::path rel = real.lexically_relative(base);
  return !rel.empty() && *rel.begin() != "..";
}

// Escaped and shortened so a hostile id or path neither garbles the validator's output nor floods it.
std::string quote_text(const std::string& s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (i >= 80 && (c & 0xC0) != 0x80) {  // cut between characters, not inside one
      out += "...";
      break;
    }
    if (c < 0x20 || c == 0x7F) {
      char code[8];
      std::snprintf(code, sizeof code, "\\u%04X", c);
      out += code;
    } else {
      out += s[i];
    }
  }
  return out + "\"";
}

std::string image_path_problem(const std::string& rel, const fs::path& images_root, std::uintmax_t max_bytes,
                               fs::path* resolved) {
  if (rel.empty()) return "the image path is empty";
  const std::string q = quote_text(rel);
  // Checked on the whole text first: the system would read a path only up to a NUL byte.
  if (std::any_of(rel.begin(), rel.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }))
    return q + " holds an invisible control character; retype the image path";
  const fs::path p(rel);
  if (p.is_absolute())
    return q + " is an absolute path; write it relative to the images folder, e.g. \"events/delano.png\"";
  for (const auto& part : p)
    if (part == "..") return q + " climbs out of the images folder with \"..\"; keep images inside images/";
  std::error_code ec;
  const fs::path full = images_root / p;
  if (!is_inside(full, images_root))
    return q + " is a link that leads outside the images folder; copy the image into images/ instead";
  const fs::file_status status = fs::status(full, ec);
  if (!fs::exists(status)) return "the image " + q + " does not exist in the images folder; check the spelling";
  if (!fs::is_regular_file(status)) return q + " is not an ordinary file";
  const auto bytes = fs::file_size(full, ec);
  if (ec) return q + " cannot be read (" + ec.message() + ")";
  if (bytes > max_bytes)
    return q + " is " + std::to_string(bytes) + " bytes; image files may be at most " + std::to_string(max_bytes) +
           " bytes, so export it smaller";
  *resolved = fs::weakly_canonical(full, ec);
  return "";
}

}  // namespace kiosk::core
