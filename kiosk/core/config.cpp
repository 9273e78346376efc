#include "core/config.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/json_positions.hpp"
#include "core/sha256.hpp"

namespace kiosk::core {

using nlohmann::json;

Config load_config(const std::filesystem::path& path, std::vector<Diagnostic>* out) {
  Config c;
  const std::string name = path.filename().string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out->push_back({name, 0, 0, "", Severity::error, "the config file cannot be read; check the path"});
    return c;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  JsonError error;
  const auto parsed = parse_positioned_json(text, 16, &error);
  if (!parsed || !parsed->value.is_object()) {
    out->push_back({name, error.position.line, error.position.column, "", Severity::error,
                    parsed ? "the config must be one JSON object { ... }" : error.message});
    return c;
  }
  const json& r = parsed->value;
  auto problem = [&](const std::string& key, const std::string& message) {
    const TextPosition p = parsed->position_of("/" + key, text);
    out->push_back({name, p.line, p.column, "/" + key, Severity::error, message});
  };
  auto boolean = [&](const char* key, std::optional<bool>& target) {
    if (!r.contains(key)) return;
    if (r[key].is_boolean()) target = r[key].get<bool>();
    else problem(key, std::string("\"") + key + "\" must be true or false");
  };
  auto number = [&](const char* key, std::optional<double>& target, double lo, double hi) {
    if (!r.contains(key)) return;
    if (r[key].is_number() && r[key].get<double>() >= lo && r[key].get<double>() <= hi) target = r[key].get<double>();
    else problem(key, std::string("\"") + key + "\" must be a number from " + std::to_string(static_cast<int>(lo)) + " to " +
                          std::to_string(static_cast<int>(hi)));
  };
  auto text_field = [&](const char* key, std::optional<std::string>& target) {
    if (!r.contains(key)) return;
    if (r[key].is_string()) target = r[key].get<std::string>();
    else problem(key, std::string("\"") + key + "\" must be a text in quotes");
  };
  boolean("kiosk", c.kiosk);
  boolean("classroom", c.classroom);
  boolean("fullscreen", c.fullscreen);
  std::optional<double> display;
  number("display", display, 0, 16);
  if (display) c.display = static_cast<int>(*display);
  number("idle_seconds", c.idle_seconds, 15, 3600);
  number("warning_seconds", c.warning_seconds, 5, 300);
  text_field("language", c.language);
  text_field("content", c.content);
  text_field("analytics_path", c.analytics_path);
  text_field("log_path", c.log_path);
  number("analytics_retention_days", c.analytics_retention_days, 1, 3650);
  if (c.analytics_retention_days && *c.analytics_retention_days != static_cast<int>(*c.analytics_retention_days)) {
    problem("analytics_retention_days", "\"analytics_retention_days\" must be a whole number of days");
    c.analytics_retention_days.reset();
  }
  if (r.contains("panel_mm")) {
    const json& p = r["panel_mm"];
    if (p.is_array() && p.size() == 2 && p[0].is_number() && p[1].is_number() && p[0].get<double>() > 50 &&
        p[1].get<double>() > 50) {
      c.panel_w_mm = p[0].get<double>();
      c.panel_h_mm = p[1].get<double>();
    } else {
      problem("panel_mm", "\"panel_mm\" must be the visible panel's [width, height] in millimetres, e.g. [1210, 680]");
    }
  }
  if (r.contains("admin_pin")) {
    const json& p = r["admin_pin"];
    if (p.is_object() && p.value("salt", json()).is_string() && p.value("sha256", json()).is_string() &&
        p["sha256"].get<std::string>().size() == 64) {
      c.pin_salt = p["salt"].get<std::string>();
      c.pin_sha256 = p["sha256"].get<std::string>();
    } else {
      problem("admin_pin", "\"admin_pin\" is not a PIN written by `kiosk set-pin`; run it again to set the PIN");
    }
  }
  for (const auto& item : r.items()) {
    const std::string& key = item.key();  // a plain name: lambdas may not capture structured bindings
    static const char* kKnown[] = {"kiosk", "classroom", "fullscreen", "display", "panel_mm", "idle_seconds",
                                   "warning_seconds", "language", "content", "admin_pin", "analytics_path",
                                   "analytics_retention_days", "log_path", "$schema"};
    if (std::none_of(std::begin(kKnown), std::end(kKnown), [&](const char* k) { return key == k; })) {
      const TextPosition p = parsed->position_of("/" + pointer_token(key), text);
      out->push_back({name, p.line, p.column, "/" + pointer_token(key), Severity::warning,
                      "\"" + key + "\" is not a config field and is ignored; check its spelling"});
    }
  }
  return c;
}

bool set_admin_pin(const std::filesystem::path& path, const std::string& pin, const std::string& salt, std::string* error) {
  if (pin.size() < 4 || pin.size() > 12 || !std::all_of(pin.begin(), pin.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
    *error = "the PIN must be 4 to 12 digits";
    return false;
  }
  json doc = json::object();
  if (std::ifstream in(path); in) {
    doc = json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
      *error = path.string() + " is not a JSON object; fix it first (kiosk run --config reports where)";
      return false;
    }
  }
  doc["admin_pin"] = {{"salt", salt}, {"sha256", sha256_hex(salt + pin)}};
  std::ofstream out(path, std::ios::trunc);
  out << doc.dump(2) << "\n";
  if (!out) {
    *error = "cannot write " + path.string();
    return false;
  }
  return true;
}

}  // namespace kiosk::core
