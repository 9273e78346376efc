#include "platform/fonts.hpp"

#include <fstream>

#include <nlohmann/json.hpp>

namespace kiosk::platform {

ui::FontSet load_font_manifest(const std::filesystem::path& fonts_dir, std::string* error) {
  ui::FontSet set;
  const auto manifest_path = fonts_dir / "manifest.json";
  std::ifstream in(manifest_path);
  const nlohmann::json manifest = nlohmann::json::parse(in, nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object()) {
    *error = "cannot read the font manifest " + manifest_path.string();
    return set;
  }
  std::vector<std::filesystem::path> search{fonts_dir};
  for (const auto& p : manifest.value("search_paths", nlohmann::json::array()))
    if (p.is_string()) search.emplace_back(p.get<std::string>());
  auto resolve = [&](const char* role, std::vector<ui::FontFile>& out) {
    for (const auto& entry : manifest.value(role, nlohmann::json::array())) {
      if (!entry.is_object() || !entry.contains("file") || !entry["file"].is_string()) continue;
      const std::string file = entry["file"].get<std::string>();
      bool found = false;
      for (const auto& dir : search) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(dir / file, ec)) {
          out.push_back({(dir / file).string(), entry.value("index", 0)});
          found = true;
          break;
        }
      }
      if (!found) *error += (error->empty() ? "" : "; ") + ("font " + file + " not found in fonts/ or the Debian font folders");
    }
  };
  resolve("regular", set.regular);
  resolve("bold", set.bold);
  return set;
}

}  // namespace kiosk::platform
