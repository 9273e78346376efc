#pragma once
// Draws one frame of the kiosk from its state and layout. Keeps no state of its own.
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/content.hpp"
#include "core/kiosk_state.hpp"
#include "core/layout.hpp"
#include "core/report.hpp"
#include "ui/image_source.hpp"
#include "ui/text.hpp"

namespace kiosk::ui {

// What the admin overlay shows besides the state; the app fills it.
struct AdminInfo {
  std::size_t errors = 0, warnings = 0;  // diagnostics of the last content load (or refused reload)
  std::vector<std::string> messages;     // the first few of them, formatted
  std::size_t frames = 0;                // frames measured (0 headless: no frame times)
  double frame_median_ms = 0, frame_worst_ms = 0;  // of the last ~120 frames
  double rss_mb = 0;                     // resident memory, MB; 0 = unknown
  std::optional<core::DayReport> today;  // today's analytics; nullopt when none are recorded
  std::string today_day;                 // "YYYY-MM-DD" of `today`
};

struct Frame {
  const core::Content& content;
  const core::KioskState& state;
  const core::Layout& layout;
  TextEngine& text;
  ImageSource& images;
  std::string notice;  // a message for curators (preview mode), drawn as a banner; "" for none
  double warning_seconds_left = 0;  // > 0 while the "still there?" countdown shows
  const core::Style& style;         // the content's style, or its high-contrast style
  bool classroom = false;           // an educator presents: discussion questions show
  const AdminInfo* admin = nullptr;  // for the admin overlay; nullptr draws it without diagnostics
  std::vector<ImVec2> touches;       // fingers down now, pixels: circled while state.touch_debug
  bool maintenance = false;          // no content could load: the calm "being updated" screen
};

// Text sizes, in pixels for the layout's viewport.
struct TypeScale {
  TextStyle title, hint, card_date, card_headline, tick, era, button, detail_date, detail_headline, body,
      label, small, chip;
};
TypeScale type_scale(const core::Viewport& vp);

// What the layout needs measured: the widest tick label of each unit and button labels, in
// pixels. The result refers to `text` and `content`, which must outlive it.
core::LayoutMetrics layout_metrics(TextEngine& text, const core::Content& content, const std::string& lang,
                                   const core::Viewport& vp, bool classroom = false);

// Where the detail page of event `index` ends when laid out in `layout` (unscrolled): its main
// column and its side column, pixels (LayoutMetrics::detail_text_bottoms). With `classroom` the
// discussion questions are on it.
std::pair<float, float> measure_detail_page(TextEngine& text, const core::Content& content, const std::string& lang,
                                            bool classroom, const core::Layout& layout, int index);
// The texts of event `index`'s detail page with their styles, in the order it draws them: what
// to hand TextEngine::prepare for the page ahead of opening it. `layout` may be any layout of
// the same screen and text size: only its type scale and direction are used.
std::vector<std::pair<std::string, TextStyle>> detail_page_texts(TextEngine& text, const core::Content& content,
                                                                 const std::string& lang, bool classroom,
                                                                 const core::Layout& layout, int index);

// The header's title and hint as they fit at the visitor's text size: the title in at most two
// lines at the largest size that fits (down to half its design size), the hint beside it with as
// many of its whole parts (" · ") as fit, or left out when the title needs the width; the header
// grows up to `most_px` (0: a quarter of the screen), never below its design height. The layout
// sizes the header by `fit`, the view draws `title_lines` and `hint_lines` (planned again with the
// header's height as `most_px`, which gives the same plan).
struct HeaderPlan {
  TextStyle title, hint;
  std::vector<std::string> title_lines, hint_lines;
  std::string hint_text;  // the version of the hint shown (all of it, or its leading parts)
  float title_w = 0, hint_w = 0;
  core::HeaderFit fit;
};
HeaderPlan plan_header(TextEngine& text, const core::Content& content, const core::KioskState& state,
                       const core::Viewport& vp, float most_px = 0);

// The attract screen's band as it fits at the visitor's text size: the highlight's date and
// headline (at most three lines) and "Touch to explore" (at most two) in the language shown now,
// each at the largest size that fits the band. `cut` when even the least size did not fit and a
// line ends in an ellipsis. Positions are for a left-to-right screen (the view mirrors them).
struct AttractPlan {
  float pad = 0, text_w = 0;
  int event = -1;  // the highlight shown, index into Content::events; -1 for none
  TextStyle date, headline, invite;
  std::string date_text, invite_lang;
  std::vector<std::string> headline_lines, invite_lines;
  float date_lh = 0, headline_lh = 0, invite_lh = 0, invite_inset = 0;
  core::Rect pill;
  bool cut = false;
};
AttractPlan plan_attract(TextEngine& text, const core::Content& content, const core::KioskState& state,
                         const core::Layout& layout);

void draw_frame(ImDrawList* dl, const Frame& f);

}  // namespace kiosk::ui
