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

// The detail screen's choice of picture height and type size, remembered by whoever draws the
// frames (see Frame::detail_memo): finding it measures the whole text at up to a dozen sizes,
// while the choice changes only with what `key` records.
struct DetailMemo {
  std::string key;  // the event, language, screen and picture the choice was made for
  float image_h = 0, type = 0;
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
  DetailMemo* detail_memo = nullptr;  // kept between frames; nullptr searches every frame
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
                                   const core::Viewport& vp);

void draw_frame(ImDrawList* dl, const Frame& f);

}  // namespace kiosk::ui
