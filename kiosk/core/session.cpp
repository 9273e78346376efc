#include "core/session.hpp"

#include <nlohmann/json.hpp>

namespace kiosk::core {

using nlohmann::json;

namespace {

bool parse_line(const json& j, float width, float height, InputEvent* e, std::string* why) {
  if (!j.is_object()) return *why = "each line must be one JSON object", false;
  if (!j.contains("t_ms") || !j["t_ms"].is_number()) return *why = "\"t_ms\" (a number of milliseconds) is missing", false;
  if (!j.contains("type") || !j["type"].is_string()) return *why = "\"type\" is missing", false;
  e->t_ms = j["t_ms"].get<double>();
  if (!(e->t_ms >= 0)) return *why = "\"t_ms\" must be 0 or more", false;
  const std::string type = j["type"].get<std::string>();
  auto position = [&]() {
    if (!j.contains("x") || !j.contains("y") || !j["x"].is_number() || !j["y"].is_number())
      return *why = "\"" + type + "\" needs numbers \"x\" and \"y\" between 0 and 1", false;
    const double x = j["x"].get<double>(), y = j["y"].get<double>();
    if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) return *why = "\"x\" and \"y\" must be between 0 and 1", false;
    e->x = static_cast<float>(x * width);
    e->y = static_cast<float>(y * height);
    return true;
  };
  if (type == "finger_down" || type == "finger_move" || type == "finger_up") {
    if (!j.contains("id") || !j["id"].is_number_integer()) return *why = "\"" + type + "\" needs an integer \"id\"", false;
    e->pointer = j["id"].get<std::int64_t>();
    if (e->pointer < 0) return *why = "finger \"id\" must be 0 or more", false;
    e->kind = type == "finger_down" ? InputKind::pointer_down : type == "finger_move" ? InputKind::pointer_move : InputKind::pointer_up;
    return position();
  }
  if (type == "mouse_down" || type == "mouse_move" || type == "mouse_up") {
    const std::string button = j.value("button", std::string("left"));
    if (button != "left") return *why = "only the left mouse button is used", false;
    e->pointer = kMousePointer;
    e->kind = type == "mouse_down" ? InputKind::pointer_down : type == "mouse_move" ? InputKind::pointer_move : InputKind::pointer_up;
    return position();
  }
  if (type == "wheel") {
    if (!j.contains("dy") || !j["dy"].is_number()) return *why = "\"wheel\" needs a number \"dy\"", false;
    e->kind = InputKind::wheel;
    e->wheel_dy = j["dy"].get<float>();
    return position();
  }
  if (type == "key") {
    if (!j.contains("key") || !j["key"].is_string()) return *why = "\"key\" needs a key name, e.g. \"Right\"", false;
    e->kind = InputKind::key;
    e->key = j["key"].get<std::string>();
    if (j.contains("mods")) {
      if (!j["mods"].is_array()) return *why = "\"mods\" must be a list like [\"ctrl\"]", false;
      for (const auto& m : j["mods"]) {
        if (!m.is_string() || (m != "ctrl" && m != "alt" && m != "shift"))
          return *why = "\"mods\" may hold only \"ctrl\", \"alt\" and \"shift\"", false;
        e->mods.push_back(m.get<std::string>());
      }
    }
    return true;
  }
  if (type == "quit") return e->kind = InputKind::quit, true;
  if (type == "wait") return e->kind = InputKind::wait, true;
  return *why = "unknown type \"" + type + "\"", false;
}

}  // namespace

bool parse_session(std::string_view text, float width, float height, std::vector<InputEvent>* events,
                   SessionError* error) {
  int line_no = 0;
  double last_t = 0;
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(at, nl - at);
    at = nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      if (nl == text.size()) break;
      continue;
    }
    const json j = json::parse(line, nullptr, false);
    if (j.is_discarded()) {
      *error = {line_no, "this line is not valid JSON"};
      return false;
    }
    InputEvent e;
    std::string why;
    if (!parse_line(j, width, height, &e, &why)) {
      *error = {line_no, why};
      return false;
    }
    if (e.t_ms < last_t) {
      *error = {line_no, "\"t_ms\" goes back in time; lines must be in time order"};
      return false;
    }
    last_t = e.t_ms;
    events->push_back(std::move(e));
    if (nl == text.size()) break;
  }
  return true;
}

}  // namespace kiosk::core
