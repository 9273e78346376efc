#include <algorithm>
#include <cmath>

#include "core/i18n.hpp"
#include "ui/draw_common.hpp"
#include "ui/views.hpp"

namespace kiosk::ui {

namespace {

// Lays text blocks top to bottom inside a column, cutting the last one that does not fit.
class Column {
 public:
  Column(ImDrawList* dl, TextEngine& text, const core::Rect& r) : dl_(dl), text_(text), r_(r), y_(r.y) {}

  void block(const std::string& s, TextStyle style, ImU32 color, float spacing_after, float line_spacing = 1.0f,
             float indent = 0) {
    if (s.empty()) return;
    const float lh = text_.line_height(style) * line_spacing;
    const int fits = static_cast<int>((r_.bottom() - y_) / lh);
    if (fits <= 0) return;
    y_ += text_.draw_wrapped(dl_, r_.x + indent, y_, s, style, r_.w - indent, color, fits, line_spacing);
    y_ += spacing_after;
  }
  float y() const { return y_; }
  void skip(float dy) { y_ += dy; }
  bool room(float h) const { return y_ + h <= r_.bottom(); }

 private:
  ImDrawList* dl_;
  TextEngine& text_;
  core::Rect r_;
  float y_;
};

// Draws the event's picture (or a placeholder) with its caption; returns the y below them.
float draw_image(ImDrawList* dl, const Frame& f, const core::Event& e, const TypeScale& ts) {
  const core::Layout& l = f.layout;
  const core::Style& st = f.content.style;
  const float u = l.viewport.unit();
  const core::Rect& box = l.detail_image;
  const std::string& lang = f.state.language;
  const core::Media* media = e.media.empty() ? nullptr : &e.media.front();
  const ImageView view = media ? f.images.image(media->image) : ImageView{ImageStatus::failed, nullptr};
  core::Rect shown = box;
  if (view.status == ImageStatus::ready && view.surface && view.surface->width > 0) {
    const float aspect = static_cast<float>(view.surface->width) / static_cast<float>(view.surface->height);
    if (box.w / box.h > aspect) shown.w = box.h * aspect;
    else shown.h = box.w / aspect;
    shown.x = box.x;
    shown.y = box.y;
    dl->AddImageRounded(const_cast<Surface*>(view.surface), tl(shown), br(shown), ImVec2(0, 0), ImVec2(1, 1),
                        IM_COL32_WHITE, 10 * u);
  } else {
    // A calm placeholder in the theme colour, saying why there is no picture.
    dl->AddRectFilled(tl(box), br(box), col(theme_color(f.content, e), 0.18f), 10 * u);
    const std::string msg = f.content.strings.get(lang, view.status == ImageStatus::loading ? "image.loading" : "image.missing");
    const float w = f.text.measure(msg, ts.label);
    f.text.draw(dl, box.x + (box.w - w) / 2, box.y + box.h / 2 - f.text.line_height(ts.label) / 2, msg, ts.label,
                col(st.muted_ink));
  }
  if (!media) return shown.bottom();
  std::string caption = media->caption.get(lang, f.content.default_language);
  std::string credit = media->credit;
  if (!media->license.empty()) credit += (credit.empty() ? "" : " · ") + media->license;
  core::Rect below{box.x, shown.bottom() + 14 * u, box.w, l.detail_panel.bottom() - shown.bottom() - 40 * u};
  Column c(dl, f.text, below);
  c.block(caption, ts.small, col(st.muted_ink), 2 * u);
  c.block(credit, ts.small, col(st.muted_ink), 0);
  return c.y();
}

}  // namespace

void draw_detail(ImDrawList* dl, const Frame& f) {
  const core::Layout& l = f.layout;
  const core::Style& st = f.content.style;
  const int index = f.content.event_index(f.state.selected_event);
  if (index < 0) return;
  const core::Event& e = f.content.events[index];
  const TypeScale ts = type_scale(l.viewport);
  const float u = l.viewport.unit();
  const std::string& lang = f.state.language;
  const std::string& def = f.content.default_language;
  const core::Rgba tc = theme_color(f.content, e);

  draw_shadow(dl, l.detail_panel, 18 * u, 10 * u);
  dl->AddRectFilled(tl(l.detail_panel), br(l.detail_panel), col(st.card), 18 * u);
  dl->AddRectFilled(tl(l.detail_panel), ImVec2(l.detail_panel.right(), l.detail_panel.y + 12 * u), col(tc), 18 * u,
                    ImDrawFlags_RoundCornersTop);
  const float image_bottom = draw_image(dl, f, e, ts);

  Column c(dl, f.text, l.detail_text);
  // Landscape: solidarity and sources go under the picture; portrait: all in one column.
  const bool side_by_side = l.detail_text.x > l.detail_image.right();
  Column under_image(dl, f.text, core::Rect{l.detail_image.x, image_bottom + 26 * u, l.detail_image.w,
                                            l.detail_panel.bottom() - 30 * u - image_bottom - 26 * u});
  Column& side = side_by_side ? under_image : c;
  std::string themes;
  for (const auto& id : e.themes)
    if (const core::Theme* t = f.content.theme(id)) themes += (themes.empty() ? "" : "  ·  ") + t->title.get(lang, def);
  c.block(event_date(f.content, e, lang), ts.detail_date, col(tc), 4 * u);
  c.block(e.headline.get(lang, def), ts.detail_headline, col(st.ink), 18 * u);
  const std::string& body = e.body.get(lang, def);
  c.block(body.empty() ? e.summary.get(lang, def) : body, ts.body, col(st.ink), 22 * u, 1.1f);
  if (e.quote) {
    const float top = c.y();
    c.block("\xE2\x80\x9C" + e.quote->text.get(lang, def) + "\xE2\x80\x9D", ts.body, col(st.ink), 2 * u, 1.1f, 24 * u);
    c.block("\xE2\x80\x94 " + e.quote->attribution, ts.small, col(st.muted_ink), 0, 1.0f, 24 * u);
    dl->AddRectFilled(ImVec2(l.detail_text.x, top), ImVec2(l.detail_text.x + 6 * u, c.y()), col(tc));
    c.skip(22 * u);
  }
  if (!e.solidarity.empty()) {
    side.block(f.content.strings.get(lang, "detail.solidarity"), ts.label, col(tc), 4 * u);
    side.block(e.solidarity.get(lang, def), ts.small, col(st.ink), 20 * u, 1.1f);
  }
  if (!e.sources.empty()) {
    side.block(f.content.strings.get(lang, "detail.sources"), ts.label, col(st.muted_ink), 4 * u);
    for (const auto& s : e.sources) {
      std::string line = s.title;
      if (!s.publisher.empty()) line += " \xE2\x80\x94 " + s.publisher;
      side.block("\xE2\x80\xA2 " + line, ts.small, col(st.muted_ink), 2 * u, 1.0f);
    }
  }
  if (!themes.empty() && c.room(60 * u)) {
    c.skip(10 * u);
    c.block(themes, ts.small, col(tc), 0);
  }
}

}  // namespace kiosk::ui
