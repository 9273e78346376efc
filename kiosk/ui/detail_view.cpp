#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/i18n.hpp"
#include "ui/draw_common.hpp"
#include "ui/views.hpp"

namespace kiosk::ui {

namespace {

// The texts of a page with their styles, gathered before it is measured so that they are shaped
// together (TextEngine::prepare).
using PageTexts = std::vector<std::pair<std::string, TextStyle>>;

// Lays text blocks top to bottom down a column as long as its text. With no draw list it only
// measures: the layout asks where the columns end to know how far the page scrolls. With
// `collect` it only gathers the texts.
class Column {
 public:
  // `rtl`: the screen reads right to left, so an indent is at the right.
  Column(ImDrawList* dl, TextEngine& text, float x, float y, float w, bool rtl = false, PageTexts* collect = nullptr)
      : dl_(dl), text_(text), x_(x), w_(w), y_(y), rtl_(rtl), collect_(collect) {}

  void block(const std::string& s, TextStyle style, ImU32 color, float spacing_after, float line_spacing = 1.0f,
             float indent = 0, Align align = Align::start) {
    if (s.empty()) return;
    if (collect_) {
      collect_->emplace_back(s, style);
      return;
    }
    const float lh = text_.line_height(style, s) * line_spacing;  // as draw_wrapped spaces it
    const auto lines = text_.wrap(s, style, w_ - indent);
    if (dl_) text_.draw_wrapped(dl_, rtl_ ? x_ : x_ + indent, y_, s, style, w_ - indent, color, 0, line_spacing, align);
    y_ += lh * static_cast<float>(lines.size()) + spacing_after;
  }
  float x() const { return x_; }
  float y() const { return y_; }
  void skip(float dy) { y_ += dy; }

 private:
  ImDrawList* dl_;
  TextEngine& text_;
  float x_, w_;
  float y_;
  bool rtl_;
  PageTexts* collect_;
};

// What the page is drawn (or measured) with.
struct Page {
  ImDrawList* dl;  // nullptr: measure only
  TextEngine& text;
  const core::Content& content;
  const core::Layout& layout;
  const core::Style& style;
  const std::string& lang;
  bool classroom;
  bool high_contrast;
  ImageSource* images;  // nullptr when measuring
  float dy;             // how far the page is scrolled: everything is drawn this much higher
  PageTexts* collect = nullptr;  // set: only gather the page's texts (dl is nullptr)
};

core::Rect shifted(core::Rect r, float dy) {
  r.y -= dy;
  return r;
}

// The picture (or a placeholder) in its box and the caption under the box; returns the y below them.
float image_and_caption(const Page& p, const core::Event& e, const TypeScale& ts) {
  const float u = p.layout.viewport.unit();
  const core::Rect box = shifted(p.layout.detail_image, p.dy);
  const core::Media* media = e.media.empty() ? nullptr : &e.media.front();
  if (p.dl) {
    const bool offline_only = media && media->image.empty();
    const ImageView view =
        media && !offline_only && p.images ? p.images->image(media->image) : ImageView{ImageStatus::failed, nullptr};
    const bool ready = view.status == ImageStatus::ready && view.surface && view.surface->width > 0;
    if (ready) {  // as large as fits the box, at the start of the line of reading
      core::Rect shown = box;
      const float aspect = static_cast<float>(view.surface->width) / static_cast<float>(view.surface->height);
      if (box.w / box.h > aspect) shown.w = box.h * aspect;
      else shown.h = box.w / aspect;
      if (p.layout.rtl) shown.x = box.right() - shown.w;
      p.dl->AddImageRounded(const_cast<Surface*>(view.surface), tl(shown), br(shown), ImVec2(0, 0), ImVec2(1, 1),
                            IM_COL32_WHITE, 10 * u);
    } else {
      // A calm placeholder in the theme colour, saying why there is no picture.
      p.dl->AddRectFilled(tl(box), br(box), col(theme_color(p.content, e, p.high_contrast), 0.18f), 10 * u);
      const std::string msg = p.content.strings.get(p.lang, offline_only ? "image.offline"
                                                            : view.status == ImageStatus::loading ? "image.loading"
                                                                                                  : "image.missing");
      const auto lines = p.text.wrap(msg, ts.label, box.w - 40 * u, 2);
      const float lh = p.text.line_height(ts.label, msg);
      float y = box.y + box.h / 2 - lh * static_cast<float>(lines.size()) / 2;
      for (const auto& line : lines) {
        p.text.draw(p.dl, box.x + 20 * u, y, line, ts.label, col(p.style.muted_ink), box.w - 40 * u, Align::center);
        y += lh;
      }
    }
  }
  if (!media) return box.bottom();
  std::string credit = media->credit;
  if (!media->license.empty()) credit += (credit.empty() ? "" : " · ") + media->license;
  const std::string& caption = media->caption.get(p.lang, p.content.default_language);
  Column c(p.dl, p.text, box.x, box.bottom() + 12 * u, box.w, false, p.collect);
  if (caption != credit) c.block(caption, ts.small, col(p.style.muted_ink), 2 * u);
  c.block(credit, ts.small, col(p.style.muted_ink), 0);
  return c.y();
}

// Draws (or measures) the page; returns where its main and side columns end (scrolled by p.dy).
std::pair<float, float> arrange(const Page& p, const core::Event& e) {
  const core::Layout& l = p.layout;
  const core::Style& st = p.style;
  const TypeScale ts = type_scale(l.viewport);
  const float u = l.viewport.unit();
  const std::string& lang = p.lang;
  const std::string& def = p.content.default_language;
  const core::Rgba tc = theme_color(p.content, e, p.high_contrast);
  const bool portrait = l.detail_side.w <= 0;

  const float image_bottom = image_and_caption(p, e, ts);
  const core::Rect text = shifted(l.detail_text, p.dy);
  // Portrait: the story starts below the picture and its caption, and everything is one column.
  Column c(p.dl, p.text, text.x, portrait ? image_bottom + 28 * u : text.y, text.w, l.rtl, p.collect);
  Column under_image(p.dl, p.text, l.detail_side.x, image_bottom + 26 * u, l.detail_side.w, l.rtl, p.collect);
  Column& side = portrait ? c : under_image;

  const std::string date = event_date(p.content, e, lang);
  c.block(date, ts.detail_date, col(tc), 4 * u, 1.0f, 0, reading_start(p.text, l.rtl, date));
  c.block(e.headline.get(lang, def), ts.detail_headline, col(st.ink), 16 * u);
  // The visitor's own language first: a translated summary beats a body in another language.
  const bool summary_instead = (!e.body.has(lang) && e.summary.has(lang)) || e.body.empty();
  c.block(summary_instead ? e.summary.get(lang, def) : e.body.get(lang, def), ts.body, col(st.ink), 20 * u, 1.1f);
  if (e.quote) {
    const float top = c.y();
    const float bar = 6 * u, indent = 24 * u;
    c.block("\xE2\x80\x9C" + e.quote->text.get(lang, def) + "\xE2\x80\x9D", ts.body, col(st.ink), 2 * u, 1.1f, indent);
    c.block("\xE2\x80\x94 " + e.quote->attribution, ts.small, col(st.muted_ink), 0, 1.0f, indent);
    // The bar stands where the lines start: at the left, or at the right in a right-to-left language.
    const float bx = l.rtl ? text.right() - bar : text.x;
    if (p.dl) p.dl->AddRectFilled(ImVec2(bx, top), ImVec2(bx + bar, c.y()), col(tc));
    c.skip(20 * u);
  }
  if (p.classroom) {  // discussion questions for the class, in the visitor's language if given
    auto q = e.questions.find(lang);
    if (q == e.questions.end()) q = e.questions.find(def);
    if (q != e.questions.end() && !q->second.empty()) {
      side.block(p.content.strings.get(lang, "detail.questions"), ts.label, col(tc), 4 * u);
      for (const auto& question : q->second) side.block("\xE2\x80\xA2 " + question, ts.small, col(st.ink), 6 * u, 1.05f);
      side.skip(14 * u);
    }
  }
  if (!e.solidarity.empty()) {
    side.block(p.content.strings.get(lang, "detail.solidarity"), ts.label, col(tc), 4 * u);
    side.block(e.solidarity.get(lang, def), ts.small, col(st.ink), 18 * u, 1.1f);
  }
  if (!e.sources.empty()) {
    side.block(p.content.strings.get(lang, "detail.sources"), ts.label, col(st.muted_ink), 4 * u);
    for (const auto& s : e.sources) {
      std::string line = s.title;
      if (!s.publisher.empty()) line += " \xE2\x80\x94 " + s.publisher;
      side.block("\xE2\x80\xA2 " + line, ts.small, col(st.muted_ink), 3 * u, 1.0f);
    }
  }
  return {c.y(), portrait ? c.y() : under_image.y()};
}

}  // namespace

// A bar at the page's trailing edge shows how much of it is in view and where; a soft fade at
// the bottom says there is more below. Drawn over the related chips too.
void draw_detail_scroll_indicator(ImDrawList* dl, const Frame& f) {
  const core::Layout& l = f.layout;
  const core::Style& st = f.style;
  if (l.mode != core::Mode::detail || l.detail_scroll_max <= 0) return;
  const core::Rect& a = l.detail_scroll_area;
  dl->PushClipRect(tl(a), br(a), true);
  const float u = l.viewport.unit();
  const float w = 10 * u, inset = 14 * u;
  const float x = l.rtl ? a.x + inset : a.right() - inset - w;
  const float track_y = a.y + 20 * u, track_h = a.h - 40 * u;
  const float thumb_h = std::max(60 * u, track_h * a.h / std::max(a.h, l.detail_page_h));
  const float at = std::clamp(l.detail_scroll / l.detail_scroll_max, 0.0f, 1.0f);
  const float y = track_y + (track_h - thumb_h) * at;
  dl->AddRectFilled(ImVec2(x, track_y), ImVec2(x + w, track_y + track_h), col(st.ink, 0.12f), w / 2);
  dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + thumb_h), col(st.ink, 0.6f), w / 2);
  if (l.detail_scroll < l.detail_scroll_max - 1) {
    const float fade = 56 * u;
    const ImU32 clear = col(st.card, 0.0f), solid = col(st.card, 0.95f);
    dl->AddRectFilledMultiColor(ImVec2(a.x + 20 * u, a.bottom() - fade), ImVec2(a.right() - 20 * u - 2 * inset, a.bottom()),
                                clear, clear, solid, solid);
  }
  dl->PopClipRect();
}

std::vector<std::pair<std::string, TextStyle>> detail_page_texts(TextEngine& text, const core::Content& content,
                                                                 const std::string& lang, bool classroom,
                                                                 const core::Layout& layout, int index) {
  PageTexts texts;
  if (index < 0 || index >= static_cast<int>(content.events.size())) return texts;
  arrange(Page{nullptr, text, content, layout, content.style, lang, classroom, false, nullptr, 0.0f, &texts},
          content.events[index]);
  return texts;
}

std::pair<float, float> measure_detail_page(TextEngine& text, const core::Content& content, const std::string& lang,
                                            bool classroom, const core::Layout& layout, int index) {
  if (index < 0 || index >= static_cast<int>(content.events.size())) return {0.0f, 0.0f};
  // The page's texts first, shaped together on the two threads, then measured from the cache.
  // Their glyphs are made as they are drawn, in the frame (on both threads too, paragraph by
  // paragraph): the layout runs before the frame begins.
  std::vector<TextEngine::Paragraph> paragraphs;
  const PageTexts texts = detail_page_texts(text, content, lang, classroom, layout, index);
  for (const auto& [s, style] : texts) paragraphs.push_back({s, style});
  text.prepare(paragraphs, false);
  const Page page{nullptr, text, content, layout, content.style, lang, classroom, false, nullptr, 0.0f};
  return arrange(page, content.events[index]);
}

void draw_detail(ImDrawList* dl, const Frame& f) {
  const core::Layout& l = f.layout;
  const core::Style& st = f.style;
  const int index = f.content.event_index(f.state.selected_event);
  if (index < 0) return;
  const core::Event& e = f.content.events[index];
  const float u = l.viewport.unit();
  const core::Rgba tc = theme_color(f.content, e, f.state.high_contrast);

  draw_shadow(dl, l.detail_panel, 18 * u, 10 * u);
  dl->AddRectFilled(tl(l.detail_panel), br(l.detail_panel), col(st.card), 18 * u);
  dl->AddRectFilled(tl(l.detail_panel), ImVec2(l.detail_panel.right(), l.detail_panel.y + 12 * u), col(tc), 18 * u,
                    ImDrawFlags_RoundCornersTop);
  const core::Rect& a = l.detail_scroll_area;
  dl->PushClipRect(tl(a), br(a), true);
  const Page page{dl, f.text, f.content, l, st, f.state.language, f.classroom, f.state.high_contrast, &f.images,
                  l.detail_scroll};
  arrange(page, e);
  dl->PopClipRect();
}

}  // namespace kiosk::ui
