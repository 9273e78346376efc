#include "platform/fonts.hpp"

#include <fstream>

#include <nlohmann/json.hpp>

namespace kiosk::platform {

ui::FontSet load_font_manifest(const std::filesystem::path& fonts_dir, std::string* error) {
  using nlohmann::json;
  ui::FontSet set;
  const auto manifest_path = fonts_dir / "manifest.json";
  std::ifstream in(manifest_path);
  const json manifest = json::parse(in, nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object()) {
    *error = "cannot read the font manifest " + manifest_path.string();
    return set;
  }
  std::vector<std::filesystem::path> search{fonts_dir};
  const json search_paths = manifest.value("search_paths", json::array());
  for (const auto& p : search_paths)
    if (p.is_string()) search.emplace_back(p.get<std::string>());
  auto resolve = [&](const json& entry) {
    ui::FontFile out;
    if (!entry.is_object() || !entry.contains("file") || !entry["file"].is_string()) return out;
    const std::string file = entry["file"].get<std::string>();
    for (const auto& dir : search) {
      std::error_code ec;
      if (std::filesystem::is_regular_file(dir / file, ec)) {
        out.path = (dir / file).string();
        out.face_index = entry.value("index", 0);
        return out;
      }
    }
    *error += (error->empty() ? "" : "; ") + ("font " + file + " was not found in fonts/ or the Debian font folders");
    return out;
  };
  const json faces = manifest.value("faces", json::array());
  for (const auto& f : faces) {
    if (!f.is_object() || !f.contains("name") || !f["name"].is_string()) continue;
    ui::FontFace face;
    face.name = f["name"].get<std::string>();
    face.regular = resolve(f.value("regular", json::object()));
    face.bold = resolve(f.value("bold", json::object()));
    face.line_height_em = f.value("line_height_em", 0.0f);
    face.ascent_em = f.value("ascent_em", 0.0f);
    if (!face.regular.path.empty()) set.faces.push_back(std::move(face));
  }
  const json scripts = manifest.value("scripts", json::object());
  for (const auto& [script, name] : scripts.items())
    if (name.is_string()) set.script_faces[script] = name.get<std::string>();
  const json languages = manifest.value("languages", json::object());
  for (const auto& [lang, name] : languages.items())
    if (name.is_string()) set.language_faces[lang] = name.get<std::string>();
  return set;
}

}  // namespace kiosk::platform
