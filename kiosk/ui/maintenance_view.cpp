// The screen shown when no content could load: a calm "being updated" notice in every offered
// language, never a desktop or an error dialog. Curators see why in `kiosk validate` and the log.
#include <algorithm>

#include "ui/draw_common.hpp"
#include "ui/views.hpp"

namespace kiosk::ui {

void draw_maintenance(ImDrawList* dl, const Frame& f) {
  const core::Viewport& vp = f.layout.viewport;
  const core::Style& st = f.style;
  const float u = vp.unit();
  const std::string& first = f.content.default_language;
  std::vector<std::string> others;
  for (const auto& lang : f.content.languages)
    if (lang != first) others.push_back(lang);
  const TextStyle title{64 * u, Weight::bold}, body{34 * u, Weight::regular}, other{32 * u, Weight::regular};
  const float w = std::min(vp.width - 160 * u, 1500 * u), x = (vp.width - w) / 2;
  f.text.set_language(first);
  const auto title_lines = f.text.wrap(f.content.strings.get(first, "maintenance.title"), title, w, 2);
  const auto body_lines = f.text.wrap(f.content.strings.get(first, "maintenance.body"), body, w, 2);
  const float other_lh = f.text.line_height(other) * 1.2f;
  const float h = static_cast<float>(title_lines.size()) * f.text.line_height(title) +
                  static_cast<float>(body_lines.size()) * f.text.line_height(body) + 80 * u +
                  static_cast<float>(others.size()) * other_lh;
  float y = std::max(40 * u, (vp.height - h) / 2);
  for (const auto& line : title_lines) {
    f.text.draw(dl, x, y, line, title, col(st.ink), w, Align::center);
    y += f.text.line_height(title);
  }
  y += 16 * u;
  for (const auto& line : body_lines) {
    f.text.draw(dl, x, y, line, body, col(st.muted_ink), w, Align::center);
    y += f.text.line_height(body);
  }
  y += 30 * u;
  dl->AddRectFilled(ImVec2(vp.width / 2 - 120 * u, y), ImVec2(vp.width / 2 + 120 * u, y + 3 * u), col(st.accent));
  y += 34 * u;
  // The same notice in each other language, each shaped as its own language.
  for (const auto& lang : others) {
    if (y + other_lh > vp.height) break;
    f.text.set_language(lang);
    const auto lines = f.text.wrap(f.content.strings.get(lang, "maintenance.title"), other, w, 1);
    if (!lines.empty()) f.text.draw(dl, x, y, lines[0], other, col(st.muted_ink), w, Align::center);
    y += other_lh;
  }
  f.text.set_language(f.state.language);
}

}  // namespace kiosk::ui
