#include <algorithm>
#include <cmath>

#include "core/i18n.hpp"
#include "core/kiosk.hpp"
#include "ui/draw_common.hpp"
#include "ui/views.hpp"

namespace kiosk::ui {

AttractPlan plan_attract(TextEngine& text, const core::Content& content, const core::KioskState& state,
                         const core::Layout& l) {
  const float u = l.viewport.unit(), k = l.viewport.text_scale;  // k: the visitor's text size
  const core::Rect& b = l.attract_band;
  const bool wide = l.viewport.width >= l.viewport.height;
  AttractPlan p;
  p.pad = 48 * u;
  // "Touch to explore" in the language shown now, in a pill at the end of the band (wide) or at
  // its bottom: at the largest size whose lines (at most two) fit, the pill as tall as they are.
  p.invite_lang = content.languages.empty()
                      ? content.default_language
                      : content.languages[static_cast<std::size_t>(std::max(0.0, state.now_ms) / 4000.0) %
                                          content.languages.size()];
  text.set_language(p.invite_lang);
  const std::string invite = content.strings.get(p.invite_lang, "attract.touch");
  const float pill_w = wide ? b.w * 0.40f - p.pad : b.w - 2 * p.pad, inset = 30 * u * std::sqrt(k);
  const float pill_most_h = wide ? b.h - 2 * p.pad : (b.h - 2 * p.pad) * 0.45f;
  for (const float size : {54.0f, 46.0f, 40.0f, 34.0f}) {
    p.invite = TextStyle{size * u * k, Weight::bold};
    p.invite_lines = text.wrap(invite, p.invite, pill_w - 2 * inset);
    p.invite_lh = text.line_height(p.invite, invite);
    if (p.invite_lines.size() <= 2 && p.invite_lh * static_cast<float>(p.invite_lines.size()) + 2 * 20 * u <= pill_most_h)
      break;
  }
  if (p.invite_lines.size() > 2 || p.invite_lh * static_cast<float>(p.invite_lines.size()) + 40 * u > pill_most_h) {
    const int most = std::clamp(static_cast<int>((pill_most_h - 40 * u) / p.invite_lh), 1, 2);
    p.invite_lines = text.wrap(invite, p.invite, pill_w - 2 * inset, most);
    p.cut = true;
  }
  const float pill_h = std::min(pill_most_h, std::max(wide ? 150 * u * k : 130 * u * k,
                                                      p.invite_lh * static_cast<float>(p.invite_lines.size()) + 40 * u));
  p.pill = wide ? core::Rect{b.x + b.w * 0.60f, b.y + (b.h - pill_h) / 2, pill_w, pill_h}
                : core::Rect{b.x + p.pad, b.bottom() - p.pad - pill_h, pill_w, pill_h};
  p.invite_inset = inset;
  text.set_language(state.language);

  // The highlight: its date and headline beside the pill (wide) or above it.
  const auto highlights = content.attract_events();
  if (highlights.empty()) return p;
  p.event = content.event_index(highlights[core::attract_index(state, content)]);
  if (p.event < 0) return p;
  const core::Event& e = content.events[p.event];
  p.text_w = wide ? b.w * 0.58f - p.pad : b.w - 2 * p.pad;
  const float text_h = wide ? b.h - 2 * p.pad : p.pill.y - b.y - p.pad - 20 * u;
  p.date = TextStyle{30 * u * k, Weight::bold};
  p.date_text = event_date(content, e, state.language);
  p.date_lh = text.line_height(p.date, p.date_text);
  const std::string& headline = e.headline.get(state.language, content.default_language);
  const float room = text_h - p.date_lh - 10 * u;
  for (const float size : {48.0f, 42.0f, 36.0f, 32.0f, 28.0f}) {
    p.headline = TextStyle{size * u * k, Weight::bold};
    p.headline_lines = text.wrap(headline, p.headline, p.text_w);
    p.headline_lh = text.line_height(p.headline, headline);
    if (p.headline_lines.size() <= 3 && p.headline_lh * static_cast<float>(p.headline_lines.size()) <= room) return p;
  }
  // Too long even at the least size: as many lines as fit, the last ending in an ellipsis.
  const int most = std::clamp(static_cast<int>(room / p.headline_lh), 1, 3);
  p.headline_lines = text.wrap(headline, p.headline, p.text_w, most);
  p.cut = true;
  return p;
}

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
  const AttractPlan p = plan_attract(f.text, f.content, f.state, l);
  // In a right-to-left language the highlight starts at the right and the pill sits at the left.
  auto mirrored = [&](float x, float w) { return l.rtl ? b.x + b.w - (x - b.x) - w : x; };
  if (p.event >= 0) {
    const core::Event& e = f.content.events[p.event];
    const float x = mirrored(b.x + p.pad, p.text_w);
    const float block_h = p.date_lh + 10 * u + p.headline_lh * static_cast<float>(p.headline_lines.size());
    const bool wide = l.viewport.width >= l.viewport.height;
    float y = wide ? b.y + std::max(p.pad, (b.h - block_h) / 2) : b.y + p.pad;
    // Theme colours are chosen for light cards; on the dark band a light tint of the same hue reads.
    f.text.draw(dl, x, y, p.date_text, p.date, col(core::mix(theme_color(f.content, e, f.state.high_contrast), st.card, 0.6)),
                p.text_w, reading_start(f.text, l.rtl, p.date_text));
    y += p.date_lh + 10 * u;
    for (const auto& line : p.headline_lines) {
      f.text.draw(dl, x, y, line, p.headline, col(st.card), p.text_w);
      y += p.headline_lh;
    }
  }
  // "Touch to explore", changing language every four seconds.
  core::Rect pill = p.pill;
  pill.x = mirrored(pill.x, pill.w);
  dl->AddRectFilled(tl(pill), br(pill), col(st.accent), std::min(pill.h / 2, 75 * u));
  f.text.set_language(p.invite_lang);
  float y = pill.y + (pill.h - p.invite_lh * static_cast<float>(p.invite_lines.size())) / 2;
  for (const auto& line : p.invite_lines) {
    f.text.draw(dl, pill.x + p.invite_inset, y, line, p.invite, col(st.accent_ink), pill.w - 2 * p.invite_inset,
                Align::center);
    y += p.invite_lh;
  }
  f.text.set_language(f.state.language);
}

}  // namespace kiosk::ui
