#include "app/synthetic_content.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>
#include <stb_image_write.h>

namespace kiosk::app {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kImages = 24;
constexpr int kImageW = 1600, kImageH = 1000;

bool read_json(const fs::path& p, json* out, std::string* error) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  *out = json::parse(s.str(), nullptr, false);
  if (!in || out->is_discarded()) {
    *error = "cannot read " + p.string() + " as JSON (run kiosk validate on the template content)";
    return false;
  }
  return true;
}

bool write_text(const fs::path& p, const std::string& text, std::string* error) {
  std::ofstream out(p, std::ios::binary);
  out << text;
  if (!out) *error = "cannot write " + p.string();
  return static_cast<bool>(out);
}

// A poster-like picture: a diagonal two-colour gradient with a ring, different for each `k`.
bool write_image(const fs::path& p, int k, std::string* error) {
  std::vector<unsigned char> rgba(static_cast<std::size_t>(kImageW) * kImageH * 4);
  const float hue = static_cast<float>(k) / kImages;
  const float cx = kImageW * (0.3f + 0.4f * std::fmod(hue * 7, 1.0f)), cy = kImageH * 0.5f;
  for (int y = 0; y < kImageH; ++y)
    for (int x = 0; x < kImageW; ++x) {
      const float t = static_cast<float>(x + y) / (kImageW + kImageH);
      const float d = std::hypot(static_cast<float>(x) - cx, static_cast<float>(y) - cy);
      const bool ring = std::abs(d - kImageH * 0.3f) < 40;
      unsigned char* px = &rgba[(static_cast<std::size_t>(y) * kImageW + x) * 4];
      px[0] = static_cast<unsigned char>(ring ? 250 : 60 + 150 * t * hue);
      px[1] = static_cast<unsigned char>(ring ? 230 : 40 + 120 * (1 - t));
      px[2] = static_cast<unsigned char>(ring ? 200 : 90 + 140 * (1 - hue) * t);
      px[3] = 255;
    }
  if (!stbi_write_png(p.c_str(), kImageW, kImageH, 4, rgba.data(), kImageW * 4)) {
    *error = "cannot write " + p.string();
    return false;
  }
  return true;
}

std::string date_text(int year, int month, int day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

}  // namespace

bool write_synthetic_content(const fs::path& dir, int events, const fs::path& template_content, std::string* error) {
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir / "content" / "events", ec);
  fs::create_directories(dir / "images" / "events", ec);
  fs::copy(template_content / "i18n", dir / "content" / "i18n", fs::copy_options::recursive, ec);
  if (ec) {
    *error = "cannot copy " + (template_content / "i18n").string() + " to " + dir.string() + ": " + ec.message();
    return false;
  }
  std::vector<json> templates;
  for (const auto& entry : fs::directory_iterator(template_content / "events", ec)) {
    if (entry.path().extension() != ".json") continue;
    json e;
    if (!read_json(entry.path(), &e, error)) return false;
    templates.push_back(std::move(e));
  }
  json timeline;
  if (!read_json(template_content / "timeline.json", &timeline, error)) return false;
  if (templates.empty()) {
    *error = "no events in " + (template_content / "events").string() + " to borrow texts from";
    return false;
  }

  std::mt19937 rng(20261128);
  std::vector<std::string> ids;
  for (int i = 0; i < events; ++i) {
    json e = templates[static_cast<std::size_t>(i) % templates.size()];
    char id[32];
    std::snprintf(id, sizeof id, "synthetic-%06d", i);
    const int year = 1880 + static_cast<int>(rng() % 146), month = 1 + static_cast<int>(rng() % 12);
    const int day = 1 + static_cast<int>(rng() % 28);
    e.erase("$schema");
    e.erase("related");
    e.erase("display_date");
    e["id"] = id;
    e["start_date"] = date_text(year, month, day);
    e.erase("end_date");
    if (year < 2024 && rng() % 5 == 0) e["end_date"] = std::to_string(std::min(2025, year + 1 + static_cast<int>(rng() % 10)));
    e["importance"] = 1 + static_cast<int>(rng() % 5);
    char image[48];
    std::snprintf(image, sizeof image, "events/synthetic-%02d.png", i % kImages);
    if (e.contains("media") && e["media"].is_array() && !e["media"].empty()) e["media"][0]["image"] = image;
    if (!write_text(dir / "content" / "events" / (std::string(id) + ".json"), e.dump(1), error)) return false;
    if (ids.size() < 6) ids.push_back(id);
  }
  timeline.erase("$schema");
  timeline["tours"] = json::array();
  if (timeline.contains("attract")) {
    timeline["attract"]["highlights"] = ids;
    if (timeline["attract"].contains("image")) {
      const std::string art = timeline["attract"]["image"].get<std::string>();
      fs::copy_file(template_content.parent_path() / "images" / art, dir / "images" / art,
                    fs::copy_options::overwrite_existing, ec);
      if (ec) timeline["attract"].erase("image");
    }
  }
  if (timeline.contains("eras") && timeline["eras"].is_array())  // the eras keep their pictures, as the kiosk shows them
    for (json& era : timeline["eras"]) {
      if (!era.is_object() || !era.contains("image") || !era["image"].is_string()) continue;
      const std::string art = era["image"].get<std::string>();
      const fs::path to = dir / "images" / art;
      fs::create_directories(to.parent_path(), ec);
      fs::copy_file(template_content.parent_path() / "images" / art, to, fs::copy_options::overwrite_existing, ec);
      if (ec) era.erase("image");
    }
  if (!write_text(dir / "content" / "timeline.json", timeline.dump(1), error)) return false;
  for (int k = 0; k < kImages; ++k) {
    char name[32];
    std::snprintf(name, sizeof name, "synthetic-%02d.png", k);
    if (!write_image(dir / "images" / "events" / name, k, error)) return false;
  }
  return true;
}

}  // namespace kiosk::app
