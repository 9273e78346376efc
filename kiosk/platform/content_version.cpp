#include "platform/content_version.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/sha256.hpp"

namespace kiosk::platform {

namespace fs = std::filesystem;

std::string content_version(const fs::path& content_dir) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(content_dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec) && it->path().extension() == ".json") files.push_back(it->path());
  if (files.empty()) return "";
  std::sort(files.begin(), files.end());
  std::string all;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    all += fs::relative(f, content_dir, ec).generic_string() + '\0' + text.str() + '\0';
  }
  return core::sha256_hex(all).substr(0, 12);
}

}  // namespace kiosk::platform
