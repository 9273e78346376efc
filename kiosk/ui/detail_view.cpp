#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/i18n.hpp"
#include "ui/draw_common.hpp"
#include "ui/views.hpp"

namespace kiosk::ui {

namespace {

// Lays text blocks top to bottom inside a column. With no draw list it only measures, so the
// detail screen can try sizes until everything fits; `cut()` tells whether something did not.
class Column {
 public:
  Column(ImDrawList* dl, TextEngine& text, const core::Rect& r) : dl_(dl), text_(text), r_(r), y_(r.y) {}

  void block(const std::string& s, TextStyle style, ImU32 color, float spacing_after, float line_spacing = 1.0f,
             float indent = 0, float keep_with_next = 0) {
    if (s.empty()) return;
    const float lh = text_.line_height(style) * line_spacing;
    const int fits = static_cast<int>((r_.bottom() - y_ - keep_with_next) / lh);
    const auto lines = text_.wrap(s, style, r_.w - indent);
    if (static_cast<int>(lines.size()) > fits) cut_ = true;
    if (fits <= 0) return;
    if (dl_) text_.draw_wrapped(dl_, r_.x + indent, y_, s, style, r_.w - indent, color, fits, line_spacing);
    y_ += lh * static_cast<float>(std::min<int>(fits, static_cast<int>(lines.size()))) + spacing_after;
  }
  float y() const { return y_; }
  void skip(float dy) { y_ += dy; }
  bool cut() const { return cut_; }

 private:
  ImDrawList* dl_;
  TextEngine& text_;
  core::Rect r_;
  float y_;
  bool cut_ = false;
};

TypeScale scaled(TypeScale t, float k) {
  for (TextStyle* s : {&t.detail_date, &t.detail_headline, &t.body, &t.label, &t.small}) s->size_px *= k;
  return t;
}

// One way to arrange the detail screen: how tall the picture may be and how large the type.
struct Plan {
  float image_h;
  float type;
};

// The picture (or a placeholder) and its caption, inside `box`; returns the y below them.
float draw_image(ImDrawList* dl, const Frame& f, const core::Event& e, const TypeScale& ts, const core::Rect& box) {
  const core::Style& st = f.style;
  const float u = f.layout.viewport.unit();
  const std::string& lang = f.state.language;
  const core::Media* media = e.media.empty() ? nullptr : &e.media.front();
  const bool offline_only = media && media->image.empty();
  const ImageView view = media && !offline_only ? f.images.image(media->image) : ImageView{ImageStatus::failed, nullptr};
  core::Rect shown = box;
  const bool ready = view.status == ImageStatus::ready && view.surface && view.surface->width > 0;
  if (ready) {
    const float aspect = static_cast<float>(view.surface->width) / static_cast<float>(view.surface->height);
    if (box.w / box.h > aspect) shown.w = box.h * aspect;
    else shown.h = box.w / aspect;
  }
  if (dl && ready) {
    dl->AddImageRounded(const_cast<Surface*>(view.surface), tl(shown), br(shown), ImVec2(0, 0), ImVec2(1, 1),
                        IM_COL32_WHITE, 10 * u);
  } else if (dl) {
    // A calm placeholder in the theme colour, saying why there is no picture.
    dl->AddRectFilled(tl(box), br(box), col(theme_color(f.content, e, f.state.high_contrast), 0.18f), 10 * u);
    const std::string msg = f.content.strings.get(lang, offline_only ? "image.offline"
                                                        : view.status == ImageStatus::loading ? "image.loading"
                                                                                              : "image.missing");
    const float w = f.text.measure(msg, ts.label);
    f.text.draw(dl, box.x + (box.w - w) / 2, box.y + box.h / 2 - f.text.line_height(ts.label) / 2, msg, ts.label,
                col(st.muted_ink));
  }
  if (!media) return shown.bottom();
  std::string credit = media->credit;
  if (!media->license.empty()) credit += (credit.empty() ? "" : " · ") + media->license;
  const std::string& caption = media->caption.get(lang, f.content.default_language);
  Column c(dl, f.text, core::Rect{box.x, shown.bottom() + 12 * u, box.w, 200 * u});
  if (caption != credit) c.block(caption, ts.small, col(st.muted_ink), 2 * u);
  c.block(credit, ts.small, col(st.muted_ink), 0);
  return c.y();
}

// Draws (or, with no draw list, measures) the detail screen under `plan`; true when all fits.
bool arrange(ImDrawList* dl, const Frame& f, const core::Event& e, Plan plan) {
  const core::Layout& l = f.layout;
  const core::Style& st = f.style;
  const TypeScale ts = scaled(type_scale(l.viewport), plan.type);
  const float u = l.viewport.unit();
  const std::string& lang = f.state.language;
  const std::string& def = f.content.default_language;
  const core::Rgba tc = theme_color(f.content, e, f.state.high_contrast);
  const bool side_by_side = l.detail_text.y < l.detail_image.bottom();  // else the text is below the picture

  core::Rect image_box = l.detail_image;
  image_box.h = plan.image_h;
  const float image_bottom = draw_image(dl, f, e, ts, image_box);

  // Portrait: the text starts below the picture and its caption.
  core::Rect text_rect = l.detail_text;
  if (!side_by_side) {
    const float y = image_bottom + 24 * u;
    text_rect.h = l.detail_text.bottom() - y;
    text_rect.y = y;
  }
  Column c(dl, f.text, text_rect);
  // Landscape: solidarity and sources go under the picture; portrait: all in one column.
  Column under_image(dl, f.text, core::Rect{l.detail_image.x, image_bottom + 26 * u, l.detail_image.w,
                                            l.detail_panel.bottom() - 36 * u - image_bottom - 26 * u});
  Column& side = side_by_side ? under_image : c;

  c.block(event_date(f.content, e, lang), ts.detail_date, col(tc), 4 * u);
  c.block(e.headline.get(lang, def), ts.detail_headline, col(st.ink), 16 * u);
  // The visitor's own language first: a translated summary beats a body in another language.
  const bool summary_instead = (!e.body.has(lang) && e.summary.has(lang)) || e.body.empty();
  c.block(summary_instead ? e.summary.get(lang, def) : e.body.get(lang, def), ts.body, col(st.ink), 20 * u, 1.1f);
  if (e.quote) {
    const float top = c.y();
    c.block("\xE2\x80\x9C" + e.quote->text.get(lang, def) + "\xE2\x80\x9D", ts.body, col(st.ink), 2 * u, 1.1f, 24 * u);
    c.block("\xE2\x80\x94 " + e.quote->attribution, ts.small, col(st.muted_ink), 0, 1.0f, 24 * u);
    if (dl) dl->AddRectFilled(ImVec2(text_rect.x, top), ImVec2(text_rect.x + 6 * u, c.y()), col(tc));
    c.skip(20 * u);
  }
  const float small_lh = f.text.line_height(ts.small);
  if (f.classroom) {  // discussion questions for the class, in the visitor's language if given
    auto q = e.questions.find(lang);
    if (q == e.questions.end()) q = e.questions.find(def);
    if (q != e.questions.end() && !q->second.empty()) {
      side.block(f.content.strings.get(lang, "detail.questions"), ts.label, col(tc), 4 * u, 1.0f, 0, small_lh);
      for (const auto& question : q->second) side.block("\xE2\x80\xA2 " + question, ts.small, col(st.ink), 6 * u, 1.05f);
      side.skip(14 * u);
    }
  }
  if (!e.solidarity.empty()) {
    side.block(f.content.strings.get(lang, "detail.solidarity"), ts.label, col(tc), 4 * u, 1.0f, 0, small_lh);
    side.block(e.solidarity.get(lang, def), ts.small, col(st.ink), 18 * u, 1.1f);
  }
  if (!e.sources.empty()) {
    side.block(f.content.strings.get(lang, "detail.sources"), ts.label, col(st.muted_ink), 4 * u, 1.0f, 0, small_lh);
    for (const auto& s : e.sources) {
      std::string line = s.title;
      if (!s.publisher.empty()) line += " \xE2\x80\x94 " + s.publisher;
      side.block("\xE2\x80\xA2 " + line, ts.small, col(st.muted_ink), 3 * u, 1.0f);
    }
  }
  return !c.cut() && !side.cut() && !under_image.cut();
}

// Everything the choice of plan depends on besides the text engine: the content (its texts and
// UI strings), the event, the language, the screen's rectangles and type, the classroom questions
// and the picture (its size decides the caption's place; its status, the placeholder text).
std::string memo_key(const Frame& f, const core::Event& e) {
  const core::Layout& l = f.layout;
  const core::Media* media = e.media.empty() ? nullptr : &e.media.front();
  const ImageView view = media && !media->image.empty() ? f.images.image(media->image) : ImageView{ImageStatus::failed, nullptr};
  const bool ready = view.status == ImageStatus::ready && view.surface && view.surface->width > 0;
  char numbers[512];
  std::snprintf(numbers, sizeof numbers, "%p|%p|%a %a %a %a|%a %a %a %a|%a %a %a %a|%a %a %a|%d|%d|%d %d|",
                static_cast<const void*>(&f.content), static_cast<const void*>(&f.text), l.detail_panel.x,
                l.detail_panel.y, l.detail_panel.w, l.detail_panel.h, l.detail_image.x, l.detail_image.y,
                l.detail_image.w, l.detail_image.h, l.detail_text.x, l.detail_text.y, l.detail_text.w,
                l.detail_text.h, l.viewport.width, l.viewport.height, l.viewport.text_scale, f.classroom ? 1 : 0,
                static_cast<int>(view.status), ready ? view.surface->width : 0, ready ? view.surface->height : 0);
  return std::string(numbers) + f.content.version + '|' + f.state.language + '|' + e.id;
}

}  // namespace

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

  // The largest picture and type with which everything fits; the smallest if nothing does.
  const float full = l.detail_image.h;
  const bool portrait = l.detail_text.y >= l.detail_image.bottom();
  const std::string key = memo_key(f, e);
  if (f.detail_memo && f.detail_memo->key == key) {
    arrange(dl, f, e, Plan{f.detail_memo->image_h, f.detail_memo->type});
    return;
  }
  std::vector<Plan> plans;
  const std::vector<float> image_steps = portrait ? std::vector<float>{1.0f, 0.75f, 0.55f} : std::vector<float>{1.0f, 0.8f};
  for (float type : {1.0f, 0.92f, 0.85f, 0.78f})
    for (float image : image_steps) plans.push_back({full * image, type});
  Plan chosen = plans.back();
  for (const Plan& p : plans)
    if (arrange(nullptr, f, e, p)) {
      chosen = p;
      break;
    }
  if (f.detail_memo) *f.detail_memo = DetailMemo{key, chosen.image_h, chosen.type};
  arrange(dl, f, e, chosen);
}

}  // namespace kiosk::ui
