#include <algorithm>
#include <cmath>

#include "core/i18n.hpp"
#include "core/kiosk.hpp"
#include "ui/draw_common.hpp"
#include "ui/views.hpp"

namespace kiosk::ui {

void draw_attract(ImDrawList* dl, const Frame& f) {
  const core::Layout& l = f.layout;
  const core::Style& st = f.style;
  const float u = l.viewport.unit();
  // The artwork fills its area (cropped, never stretched).
  const ImageView art = f.images.image(f.content.attract.image);
  const core::Rect& a = l.attract_art;
  if (art.status == ImageStatus::ready && art.surface && art.surface->height > 0) {
    const float aspect = static_cast<float>(art.surface->width) / static_cast<float>(art.surface->height);
    float u0 = 0, v0 = 0, u1 = 1, v1 = 1;
    if (a.w / a.h > aspect) {
      const float visible = (a.w / aspect) > 0 ? a.h / (a.w / aspect) : 1;
      v0 = (1 - visible) / 2;
      v1 = 1 - v0;
    } else {
      const float visible = a.w / (a.h * aspect);
      u0 = (1 - visible) / 2;
      u1 = 1 - u0;
    }
    dl->AddImage(const_cast<Surface*>(art.surface), tl(a), br(a), ImVec2(u0, v0), ImVec2(u1, v1));
  } else {
    dl->AddRectFilled(tl(a), br(a), col(st.accent, 0.15f));
  }
  // The band: one highlight at a time, and an invitation in every offered language in turn.
  const core::Rect& b = l.attract_band;
  dl->AddRectFilled(tl(b), br(b), col(st.ink));
  const auto highlights = f.content.attract_events();
  const float pad = 48 * u;
  const bool wide = l.viewport.width >= l.viewport.height;
  const float text_w = wide ? b.w * 0.58f - pad : b.w - 2 * pad;
  if (!highlights.empty()) {
    const int index = f.content.event_index(highlights[core::attract_index(f.state, f.content)]);
    const core::Event& e = f.content.events[index];
    const std::string& lang = f.state.language;
    const TextStyle date{30 * u, Weight::bold}, headline{48 * u, Weight::bold};
    // Theme colours are chosen for light cards; on the dark band a light tint of the same hue reads.
    f.text.draw(dl, b.x + pad, b.y + pad, event_date(f.content, e, lang), date,
                col(core::mix(theme_color(f.content, e, f.state.high_contrast), st.card, 0.6)));
    f.text.draw_wrapped(dl, b.x + pad, b.y + pad + f.text.line_height(date) + 10 * u,
                        e.headline.get(lang, f.content.default_language), headline, text_w, col(st.card), 3);
  }
  // "Touch to explore", changing language every four seconds.
  const auto& langs = f.content.languages;
  const std::size_t which = langs.empty() ? 0 : static_cast<std::size_t>(std::max(0.0, f.state.now_ms) / 4000.0) % langs.size();
  const std::string lang = langs.empty() ? f.content.default_language : langs[which];
  f.text.set_language(lang);
  const TextStyle touch{54 * u, Weight::bold};
  const std::string invite = f.content.strings.get(lang, "attract.touch");
  const core::Rect pill = wide ? core::Rect{b.x + b.w * 0.60f, b.y + (b.h - 150 * u) / 2, b.w * 0.40f - pad, 150 * u}
                               : core::Rect{b.x + pad, b.bottom() - pad - 130 * u, b.w - 2 * pad, 130 * u};
  dl->AddRectFilled(tl(pill), br(pill), col(st.accent), 75 * u);
  const auto lines = f.text.wrap(invite, touch, pill.w - 60 * u, 1);
  if (!lines.empty())
    f.text.draw(dl, pill.x + 30 * u, pill.y + (pill.h - f.text.line_height(touch)) / 2, lines[0], touch,
                col(st.accent_ink), pill.w - 60 * u, Align::center);
  f.text.set_language(f.state.language);
}

}  // namespace kiosk::ui
