#include <algorithm>
#include <cmath>

#include "core/i18n.hpp"
#include "ui/draw_common.hpp"
#include "ui/views.hpp"

namespace kiosk::ui {

namespace {

void draw_eras(ImDrawList* dl, const Frame& f, const TypeScale& ts) {
  const core::Layout& l = f.layout;
  const float u = l.viewport.unit();
  for (const core::EraBand& band : l.eras) {
    const core::Era& era = f.content.eras[band.era];
    const core::Rgba fill = f.state.high_contrast ? core::mix(era.color, f.style.background, 0.85) : era.color;
    dl->AddRectFilled(ImVec2(band.x0, l.timeline.y), ImVec2(band.x1, l.axis.y), col(fill));
    dl->AddRectFilled(ImVec2(band.x0, l.timeline.y), ImVec2(band.x0 + 2 * u, l.axis.y), col(f.style.ink, 0.12f));
    const float pad = 16 * u, w = band.x1 - band.x0 - 2 * pad;
    if (w < 60 * u || !l.era_labels) continue;  // no room, or the cards took the names' strip
    const auto lines = f.text.wrap(era.title.get(f.state.language, f.content.default_language), ts.era, w, 1);
    if (!lines.empty()) f.text.draw(dl, band.x0 + pad, l.timeline.y + 14 * u, lines[0], ts.era, col(f.style.muted_ink));
  }
}

void draw_axis(ImDrawList* dl, const Frame& f, const TypeScale& ts) {
  const core::Layout& l = f.layout;
  const core::Style& st = f.style;
  const float u = l.viewport.unit();
  const float y = l.axis.y;
  dl->AddRectFilled(ImVec2(0, l.axis.y), ImVec2(l.viewport.width, l.axis.bottom()), col(st.background));
  dl->AddRectFilled(ImVec2(0, y), ImVec2(l.viewport.width, y + 5 * u), col(st.ink));
  for (const core::Tick& t : l.ticks) {
    const float x = std::round(static_cast<float>(t.x));
    if (!t.major) {
      dl->AddRectFilled(ImVec2(x - 1 * u, y), ImVec2(x + 1 * u, y + 14 * u), col(st.ink, 0.6f));
      continue;
    }
    dl->AddRectFilled(ImVec2(x - 1.5f * u, y), ImVec2(x + 1.5f * u, y + 24 * u), col(st.ink));
    const float w = f.text.measure(t.label, ts.tick);
    const float lx = std::clamp(x - w / 2, 8 * u, l.viewport.width - w - 8 * u);
    f.text.draw(dl, lx, y + 30 * u, t.label, ts.tick, col(st.ink));
  }
}

void draw_card(ImDrawList* dl, const Frame& f, const TypeScale& ts, const core::CardBox& box) {
  const core::Layout& l = f.layout;
  const core::Style& st = f.style;
  const core::Event& e = f.content.events[box.event];
  const float u = l.viewport.unit();
  const core::Rgba tc = event_color(f, e);
  const core::Rect& r = box.rect;
  const float radius = 14 * u;
  draw_shadow(dl, r, radius, 8 * u);
  dl->AddRectFilled(tl(r), br(r), col(st.card), radius);
  dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.x + 10 * u, r.bottom()), col(tc), radius, ImDrawFlags_RoundCornersLeft);
  const float pad = 22 * u, x = r.x + 10 * u + pad, w = r.w - 10 * u - 2 * pad;
  const std::string& lang = f.state.language;
  float y = r.y + 13 * u;
  // Lines start where reading starts: a date of digits alone sits at the right in Urdu too.
  const std::string date = event_date(f.content, e, lang);
  const auto date_lines = f.text.wrap(date, ts.card_date, w, 1);
  const Align date_align = reading_start(f.text, l.rtl, date);
  if (!date_lines.empty()) f.text.draw(dl, x, y, date_lines[0], ts.card_date, col(tc), w, date_align);
  y += f.text.line_height(ts.card_date, date) + 1 * u;
  // As many headline lines as the card holds, spaced by the script they are in (an English
  // headline in the Urdu screen is spaced as English, so more of it shows).
  const std::string& headline = e.headline.get(lang, f.content.default_language);
  const float lh = f.text.line_height(ts.card_headline, headline);
  const int max_lines = std::max(1, static_cast<int>((r.bottom() - 8 * u - y) / lh));
  f.text.draw_wrapped(dl, x, y, headline, ts.card_headline, w, col(st.ink), max_lines);
}

}  // namespace

void draw_timeline(ImDrawList* dl, const Frame& f) {
  const core::Layout& l = f.layout;
  const TypeScale ts = type_scale(l.viewport);
  const float u = l.viewport.unit();
  draw_eras(dl, f, ts);
  // Stems and spans first, so cards sit on top of them.
  const float axis_y = l.axis.y;
  // Spans that overlap in time take thin tracks one above the other (four at most), so that each
  // keeps its own colour instead of blending into the next (four tracks fit under the lowest cards).
  std::vector<const core::CardBox*> spans;
  for (const core::CardBox& box : l.cards)
    if (box.span_x1 - box.marker_x > 6 * u) spans.push_back(&box);
  std::sort(spans.begin(), spans.end(), [](const core::CardBox* a, const core::CardBox* b) { return a->marker_x < b->marker_x; });
  std::vector<float> track_end;
  for (const core::CardBox* box : spans) {
    const float x0 = std::max(box->marker_x, 0.0f), x1 = std::min(box->span_x1, l.viewport.width);
    std::size_t track = 0;
    while (track < track_end.size() && track_end[track] > x0 - 4 * u) ++track;
    if (track == track_end.size()) {
      if (track_end.size() < 4) track_end.push_back(x1);
      else track = static_cast<std::size_t>(std::min_element(track_end.begin(), track_end.end()) - track_end.begin());
    }
    track_end[track] = std::max(track_end[track], x1);
    const float y1 = axis_y - 1 * u - 6 * u * static_cast<float>(track);
    dl->AddRectFilled(ImVec2(x0, y1 - 4.5f * u), ImVec2(x1, y1), col(event_color(f, f.content.events[box->event]), 0.85f), 2.25f * u);
  }
  for (const core::CardBox& box : l.cards) {
    const core::Event& e = f.content.events[box.event];
    const ImU32 tc = col(event_color(f, e));
    const float sx = std::max(box.marker_x, l.timeline.x + 3 * u);
    dl->AddRectFilled(ImVec2(sx - 1.5f * u, box.rect.bottom()), ImVec2(sx + 1.5f * u, axis_y), tc);
  }
  draw_axis(dl, f, ts);
  for (const core::CardBox& box : l.cards) {
    const core::Event& e = f.content.events[box.event];
    const float sx = std::max(box.marker_x, l.timeline.x + 3 * u);
    dl->AddCircleFilled(ImVec2(sx, axis_y + 2 * u), 10 * u, col(f.style.card));
    dl->AddCircleFilled(ImVec2(sx, axis_y + 2 * u), 7 * u, col(event_color(f, e)));
  }
  for (const core::CardBox& box : l.cards) draw_card(dl, f, ts, box);
  // Keyboard focus: a thick ring that does not rely on colour alone.
  for (const core::CardBox& box : l.cards)
    if (f.content.events[box.event].id == f.state.focus_event) {
      const core::Rect& r = box.rect;
      dl->AddRect(ImVec2(r.x - 7 * u, r.y - 7 * u), ImVec2(r.right() + 7 * u, r.bottom() + 7 * u), col(f.style.ink),
                  20 * u, 0, 6 * u);
    }
  // Counts of the events without room for a card; a tap zooms in to them.
  const TextStyle count{22 * u * l.viewport.text_scale, Weight::bold};
  for (const core::Badge& b : l.badges) {
    const ImVec2 c(b.rect.x + b.rect.w / 2, b.rect.y + b.rect.h / 2);
    dl->AddCircleFilled(c, b.rect.w / 2, col(f.style.card), 32);
    dl->AddCircleFilled(c, b.rect.w / 2 - 3 * u, col(f.style.ink), 32);
    const std::string n = "+" + std::to_string(b.count);
    f.text.draw(dl, c.x - f.text.measure(n, count) / 2, c.y - f.text.line_height(count, n) / 2, n, count,
                col(f.style.card));
  }
}

}  // namespace kiosk::ui
