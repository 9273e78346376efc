// The admin overlay's text: content version and load diagnostics, frame time and memory, today's
// analytics. Staff read it standing at the screen, so it is large and one fact a line.
#include <cmath>
#include <cstdio>

#include "core/i18n.hpp"
#include "ui/draw_common.hpp"
#include "ui/views.hpp"

namespace kiosk::ui {

namespace {

std::string number(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// Fills each "{name}" of `key`'s string in `lang` with its value.
std::string filled(const Frame& f, const char* key, std::initializer_list<std::pair<const char*, std::string>> values) {
  std::string s = f.content.strings.get(f.state.language, key);
  for (const auto& [name, value] : values) s = core::fill(s, name, value);
  return s;
}

}  // namespace

void draw_admin(ImDrawList* dl, const Frame& f) {
  const core::Layout& l = f.layout;
  const core::Style& st = f.style;
  const float u = l.viewport.unit();
  const core::Rect& p = l.chooser;
  const core::Rect& area = l.admin_info;
  f.text.draw(dl, area.x, p.y + 34 * u, f.content.strings.get(f.state.language, "admin.title"),
              TextStyle{36 * u, Weight::bold}, col(st.ink), area.w);
  struct Line {
    std::string text;
    bool problem = false;  // drawn in the error colour
  };
  std::vector<Line> lines;
  const std::string version = f.content.version.empty() ? "-" : f.content.version;
  lines.push_back({filled(f, "admin.content",
                          {{"version", version},
                           {"events", std::to_string(f.content.events.size())},
                           {"languages", std::to_string(f.content.languages.size())}})});
  if (f.admin) {
    const AdminInfo& a = *f.admin;
    lines.push_back({filled(f, "admin.diagnostics",
                            {{"errors", std::to_string(a.errors)}, {"warnings", std::to_string(a.warnings)}}),
                     a.errors > 0});
    for (const auto& m : a.messages) lines.push_back({"  " + m, true});
    std::string frames = a.frames == 0 ? f.content.strings.get(f.state.language, "admin.frames_none")
                                       : filled(f, "admin.frames",
                                                {{"median", number(a.frame_median_ms, 1)},
                                                 {"worst", number(a.frame_worst_ms, 1)},
                                                 {"count", std::to_string(a.frames)}});
    if (a.rss_mb > 0) frames += " \xC2\xB7 " + filled(f, "admin.memory", {{"mb", number(a.rss_mb, 0)}});
    lines.push_back({frames});
    if (a.today) {
      const core::DayReport& d = *a.today;
      const std::string top = d.top_by_views.empty() ? "-" : d.top_by_views.front().id;
      lines.push_back({filled(f, "admin.today",
                              {{"day", a.today_day},
                               {"sessions", std::to_string(d.sessions)},
                               {"median", number(d.median_session_s, 0)},
                               {"top", top}})});
    } else {
      lines.push_back({f.content.strings.get(f.state.language, "admin.today_none")});
    }
  }
  lines.push_back({filled(f, "admin.since_start", {{"sessions", std::to_string(f.state.sessions)}})});

  const TextStyle style{28 * u, Weight::regular};
  const float lh = f.text.line_height(style) * 1.15f;
  const auto room = static_cast<std::size_t>(std::floor(area.h / lh));
  float y = area.y;
  for (std::size_t i = 0; i < lines.size() && i < room; ++i) {
    const auto wrapped = f.text.wrap(lines[i].text, style, area.w, 1);  // one line each; cut with an ellipsis
    if (!wrapped.empty())
      f.text.draw(dl, area.x, y, wrapped[0], style, lines[i].problem ? IM_COL32(170, 20, 20, 255) : col(st.ink),
                  area.w);
    y += lh;
  }
}

void draw_touches(ImDrawList* dl, const Frame& f) {
  const float r = f.layout.viewport.mm(9), w = f.layout.viewport.mm(0.8f);
  for (const ImVec2& t : f.touches) {
    dl->AddCircleFilled(t, r, IM_COL32(255, 0, 120, 60), 40);
    dl->AddCircle(t, r, IM_COL32(255, 0, 120, 230), 40, w);
    dl->AddLine(ImVec2(t.x - r * 0.3f, t.y), ImVec2(t.x + r * 0.3f, t.y), IM_COL32(255, 0, 120, 230), w);
    dl->AddLine(ImVec2(t.x, t.y - r * 0.3f), ImVec2(t.x, t.y + r * 0.3f), IM_COL32(255, 0, 120, 230), w);
  }
}

}  // namespace kiosk::ui
