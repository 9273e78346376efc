#pragma once
// Wires the layers for one kiosk: input -> gestures -> state -> layout -> draw. Used by the live
// window and by headless screenshots alike, so both behave the same.
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "core/analytics.hpp"
#include "core/content.hpp"
#include "core/admin_gesture.hpp"
#include "core/frame_stats.hpp"
#include "core/report.hpp"
#include "core/gestures.hpp"
#include "core/kiosk.hpp"
#include "core/layout.hpp"
#include "core/loader.hpp"
#include "ui/draw.hpp"
#include "ui/image_source.hpp"
#include "ui/text.hpp"

namespace kiosk::app {

class KioskApp {
 public:
  KioskApp(std::shared_ptr<const core::Content> content, ui::TextEngine& text, ui::ImageSource& images,
           core::Viewport viewport);
  ~KioskApp();
  KioskApp(const KioskApp&) = delete;
  KioskApp& operator=(const KioskApp&) = delete;

  void set_viewport(core::Viewport viewport);
  void set_language(const std::string& lang);
  // Starts at event `event` (detail) and/or tour `tour`; false if one of them does not exist.
  bool deep_link(const std::string& event, const std::string& tour);
  // Classroom / presenter mode: no idle reset, larger text, discussion questions shown.
  void set_classroom(bool on);
  // Lock-down: the window cannot be closed; three fingers held in the top-left corner for 3 s and
  // the PIN (salted SHA-256) open the admin overlay, whose "Exit" quits.
  void set_kiosk_mode(bool on, const std::string& pin_salt, const std::string& pin_sha256);
  void input(const core::InputEvent& e);  // queued until the next step
  void step(double now_ms);               // applies queued input, advances time, lays out the frame
  void draw(ImDrawList* dl);              // draws the current frame
  bool running() const { return state_.running; }
  const core::Layout& layout() const { return layout_; }  // of the last step()
  const core::KioskState& state() const { return state_; }
  const core::Content& content() const { return *content_; }
  nlohmann::json state_json() const;

  // New content from a reload. Without events, or with errors while other content is on screen,
  // it is refused and `notice()` says why; otherwise it replaces the current content between visitor sessions (once the kiosk is
  // back in its attract loop; in classroom mode, after config.idle_seconds without input), or at
  // once in preview mode, in maintenance, or when the admin asked for "Reload now".
  void offer_content(core::LoadResult result);
  // True when no content could load (no timeline, no events): the maintenance screen shows.
  bool maintenance() const { return content_->events.empty(); }
  // True once after the admin tapped "Reload now": load the content and offer it; it applies at once.
  bool take_reload_request();
  // The admin chose "Restart": exit with core::kRestartExitCode rather than 0.
  bool restart_requested() const { return state_.restart; }
  // The diagnostics of the content on screen, for the admin overlay (offer_content sets them too).
  void set_diagnostics(const std::vector<core::Diagnostic>& diagnostics);
  void add_frame_time(double ms) { frames_.add(ms); }  // one live frame's duration, milliseconds
  void set_memory_mb(double mb) { admin_info_.rss_mb = mb; }  // resident memory now, MB
  // Today's analytics for the admin overlay, asked for when it opens with the UTC day
  // ("YYYY-MM-DD"); unset or nullopt when none are recorded.
  std::function<std::optional<core::DayReport>(const std::string& day)> today_report;
  // True when offered content was applied by the last step() (images must be reloaded too).
  bool content_replaced() const { return replaced_; }
  void set_preview(bool preview) { preview_ = preview; }
  // Look-ahead: in frames where nothing moves and no text was new, the texts of the stories in
  // reach (core::stories_in_reach) are shaped, a few paragraphs (kLookAheadBytes) a frame, so that
  // a tapped story opens without shaping. Off by default (tests and screenshots count exactly
  // what each frame shapes); the kiosk window, the bench and the soak turn it on.
  void set_look_ahead(bool on) { look_ahead_ = on; }
  double look_ahead_ms() const { return look_ahead_ms_; }  // wall ms the last draw() spent shaping ahead
  // Strings that offered content lacks are taken from these (see core::add_missing_strings).
  void set_fallback_strings(core::Translations strings) { fallback_strings_ = std::move(strings); }
  const std::string& notice() const { return notice_; }

  // Records analytics from now on, starting with "app_start"; state time 0 is `epoch_unix_ms` on
  // the wall clock. `previous_unclean_t` (from the analytics file) marks an unclean previous run.
  void record_analytics(double epoch_unix_ms, const std::string& previous_unclean_t);
  // The records made since the last call, oldest first; always empty when not recording.
  std::vector<core::Record> take_records() { return std::exchange(records_, {}); }
  // Closes the open detail, tour and session and adds "app_stop": call once, as the program ends.
  void stop_analytics();
  core::KioskConfig config;  // idle and warning times, classroom mode

 private:
  void relayout();
  void forget_contacts();  // the screen changed under the fingers: drop them and let go of the view

  void apply_pending();
  void release(std::shared_ptr<const core::Content> old);  // frees `old` off the frame thread
  void refresh_admin_info();  // today's analytics, when the admin overlay opens
  bool still() const;          // nothing moves: no finger holds the view or page, no fling, bounce or animation
  bool look_ahead();           // shapes a few paragraphs of the stories in reach (set_look_ahead); false: none
  static constexpr std::size_t kLookAheadBytes = 1000;  // UTF-8 a frame, whole paragraphs (one at least)
  std::vector<ImVec2> touches() const;  // pointers down now, pixels

  std::shared_ptr<const core::Content> content_;
  std::thread releaser_;                          // frees replaced content
  // Content replaced while someone watches: freeing it then costs frames (at 10,000 events, three
  // of 16-44 ms, as the allocator hands memory back), so it waits for the attract loop.
  std::shared_ptr<const core::Content> replaced_content_;
  std::shared_ptr<const core::Content> pending_;  // valid new content waiting for a quiet moment
  std::string notice_;                            // why the last reload was refused, for curators
  bool preview_ = false;
  bool replaced_ = false;
  ui::TextEngine& text_;
  ui::ImageSource& images_;
  core::Viewport viewport_;
  core::KioskState state_;
  core::Gestures gestures_;
  core::AdminGesture admin_gesture_;
  core::Layout layout_;
  std::vector<core::Command> commands_;  // made by gestures since the last step
  bool recording_ = false;               // analytics on
  core::AnalyticsSession analytics_;     // session ids and open-detail times for the records
  std::vector<core::Record> records_;    // analytics records not yet taken
  double epoch_unix_ms_ = 0;             // wall clock of state time 0 while recording
  bool apply_at_once_ = false;           // the next offered content applies without waiting
  core::FrameStats frames_;              // live frame times, for the admin overlay
  ui::AdminInfo admin_info_;             // what the admin overlay shows besides the state
  core::Translations fallback_strings_;  // the kiosk's own UI strings, for what content lacks
  std::map<std::int64_t, ImVec2> touches_;  // pointers down now, by id, pixels (touch debugging)
  bool look_ahead_ = false;
  double look_ahead_ms_ = 0;
  // Stories shaped ahead (events' indices) since the content, language, text size or classroom
  // mode last changed, and those three as they were then.
  std::unordered_set<int> looked_ahead_;
  std::deque<std::pair<std::string, ui::TextStyle>> ahead_texts_;  // of the story being shaped, still to go
  std::string looked_ahead_language_;
  float looked_ahead_scale_ = 0;
  bool looked_ahead_classroom_ = false;
};

}  // namespace kiosk::app
