#include "app/kiosk_app.hpp"

#include <algorithm>
#include <chrono>
#include <optional>

#include "core/diagnostics.hpp"
#include "core/look_ahead.hpp"
#include "core/state_json.hpp"
#include "core/utc_time.hpp"
#include "platform/process_memory.hpp"
#include "ui/draw.hpp"

namespace kiosk::app {

namespace {
core::GestureConfig gestures_for(const core::Viewport& vp) {
  core::GestureConfig g;
  g.px_per_mm = vp.px_per_mm;
  g.window_width = vp.width;
  g.window_height = vp.height;
  return g;
}
}  // namespace

KioskApp::KioskApp(std::shared_ptr<const core::Content> content, ui::TextEngine& text, ui::ImageSource& images,
                   core::Viewport viewport)
    : content_(std::move(content)), text_(text), images_(images), viewport_(viewport),
      state_(core::initial_state(*content_)),
      gestures_(gestures_for(viewport)), admin_gesture_(viewport.mm(30), 3000) {
  relayout();
}

KioskApp::~KioskApp() {
  if (releaser_.joinable()) releaser_.join();
}

void KioskApp::set_viewport(core::Viewport viewport) {
  viewport_ = viewport;
  gestures_ = core::Gestures(gestures_for(viewport));
  commands_.push_back(core::Command{core::CommandKind::release});
  admin_gesture_ = core::AdminGesture(viewport.mm(30), 3000);
  relayout();
}

bool KioskApp::deep_link(const std::string& event, const std::string& tour) {
  bool ok = true;
  if (!tour.empty()) ok = core::start_tour(state_, *content_, tour) && ok;
  if (!event.empty()) ok = core::open_event(state_, *content_, event) && ok;
  relayout();
  return ok;
}

void KioskApp::set_classroom(bool on) {
  config.classroom = on;
  if (on) state_.text_scale = 1.25f;  // read from the back of a classroom
  relayout();
}

void KioskApp::set_language(const std::string& lang) {
  if (std::find(content_->languages.begin(), content_->languages.end(), lang) != content_->languages.end())
    state_.language = lang;
  relayout();
}

void KioskApp::input(const core::InputEvent& e) {
  if (e.kind == core::InputKind::pointer_down) touches_[e.pointer] = ImVec2(e.x, e.y);
  else if (e.kind == core::InputKind::pointer_move && touches_.count(e.pointer)) touches_[e.pointer] = ImVec2(e.x, e.y);
  else if (e.kind == core::InputKind::pointer_up) touches_.erase(e.pointer);
  // The maintenance screen has nothing to touch: only keys, quit, the admin gesture and its panels.
  const bool touch = e.kind == core::InputKind::pointer_down || e.kind == core::InputKind::pointer_move ||
                     e.kind == core::InputKind::pointer_up || e.kind == core::InputKind::wheel;
  if (!(maintenance() && touch && state_.panel == core::Panel::none)) gestures_.feed(e, commands_);
  if (config.kiosk_mode && admin_gesture_.feed(e)) commands_.push_back(core::Command{core::CommandKind::admin});
}

void KioskApp::forget_contacts() {
  gestures_.reset();
  // The fingers' release will not be seen now: let go of the timeline, so an overscroll springs back.
  commands_.push_back(core::Command{core::CommandKind::release});
}

void KioskApp::set_kiosk_mode(bool on, const std::string& pin_salt, const std::string& pin_sha256) {
  config.kiosk_mode = on;
  config.pin_salt = pin_salt;
  config.pin_sha256 = pin_sha256;
}

void KioskApp::set_diagnostics(const std::vector<core::Diagnostic>& diagnostics) {
  admin_info_.errors = core::count_errors(diagnostics);
  admin_info_.warnings = 0;
  admin_info_.messages.clear();
  for (const auto& d : diagnostics) {
    if (d.severity == core::Severity::warning) ++admin_info_.warnings;
    if (admin_info_.messages.size() < 3 && (d.severity == core::Severity::error || admin_info_.errors == 0))
      admin_info_.messages.push_back(core::format_diagnostic(d));
  }
}

bool KioskApp::take_reload_request() {
  if (!state_.reload_now) return false;
  state_.reload_now = false;
  apply_at_once_ = true;
  return true;
}

void KioskApp::offer_content(core::LoadResult result) {
  set_diagnostics(result.diagnostics);
  const std::size_t errors = core::count_errors(result.diagnostics);
  const std::string kept = maintenance() ? "The maintenance screen stays." : "Still showing the last good content.";
  if (result.content.events.empty()) {
    notice_ = "Content not updated: it has no events. " + kept;
    apply_at_once_ = false;
    return;
  }
  // Out of maintenance, content with errors but with events is shown as at start (the bad events
  // skipped): something to read beats "being updated". With good content on screen, it is refused.
  if (errors > 0 && !maintenance()) {
    apply_at_once_ = false;
    notice_ = "Content not updated: " + std::to_string(errors) + " error(s). " + kept;
    int shown = 0;
    for (const auto& d : result.diagnostics)
      if (d.severity == core::Severity::error && shown++ < 3) notice_ += "\n" + core::format_diagnostic(d);
    if (recording_)
      records_.push_back(core::error_record(analytics_, state_.now_ms,
                                            "content reload refused: " + std::to_string(errors) + " error(s)"));
    return;
  }
  notice_.clear();
  core::add_missing_strings(result.content.strings, fallback_strings_);
  pending_ = std::make_shared<const core::Content>(std::move(result.content));
}

void KioskApp::release(std::shared_ptr<const core::Content> old) {
  // Freeing a large content takes milliseconds per thousand events: off the frame thread, and the
  // freed memory goes back to the system (nobody waits on a frame in the attract loop).
  if (releaser_.joinable()) releaser_.join();
  releaser_ = std::thread([old = std::move(old)]() mutable {
    old.reset();
    platform::return_freed_heap();
  });
}

void KioskApp::apply_pending() {
  const core::KioskState before = state_;
  if (state_.mode == core::Mode::attract) {
    release(std::move(content_));
  } else {  // kept until the attract loop (one at a time: an older one goes now)
    if (replaced_content_) release(std::move(replaced_content_));
    replaced_content_ = std::move(content_);
  }
  content_ = std::move(pending_);
  pending_.reset();
  looked_ahead_.clear();  // indices into the content replaced
  ahead_texts_.clear();
  state_ = core::initial_state(*content_);
  if (preview_) {  // a curator watching the change keeps their place
    state_.view = core::clamp_view(before.view, state_.limits);
    state_.language = before.language;
    state_.now_ms = before.now_ms;
    state_.last_input_ms = before.last_input_ms;
    if (before.mode == core::Mode::detail && content_->event_index(before.selected_event) >= 0) {
      state_.mode = core::Mode::detail;
      state_.selected_event = before.selected_event;
    }
  } else {  // between sessions: the attract loop carries on, now with the new content
    state_.mode = before.mode == core::Mode::attract ? core::Mode::attract : core::Mode::browse;
    state_.now_ms = before.now_ms;
    state_.last_input_ms = before.last_input_ms;
    state_.idle_seconds = before.idle_seconds;
    state_.attract_started_ms = before.attract_started_ms;
    state_.sessions = before.sessions;
  }
  state_.touch_debug = before.touch_debug;
  if (before.panel == core::Panel::admin) state_.panel = core::Panel::admin;  // "Reload now" shows its result
  apply_at_once_ = false;
  forget_contacts();
  replaced_ = true;
}

void KioskApp::step(double now_ms) {
  gestures_.tick(now_ms, commands_);  // long-presses and resting palms need time, not input
  if (config.kiosk_mode && admin_gesture_.tick(now_ms)) commands_.push_back(core::Command{core::CommandKind::admin});
  const core::Mode before = state_.mode;
  const bool warned = core::warning_seconds_left(state_, config) > 0;
  const core::Panel panel = state_.panel;
  std::optional<core::KioskState> previous;
  if (recording_) previous = state_;
  core::update(state_, *content_, layout_, commands_, now_ms, config);
  commands_.clear();
  replaced_ = false;
  if (pending_ && (preview_ || apply_at_once_ || maintenance() || state_.mode == core::Mode::attract ||
                   (config.classroom && state_.idle_seconds >= config.idle_seconds)))
    apply_pending();
  if (replaced_content_ && state_.mode == core::Mode::attract) release(std::move(replaced_content_));
  if (recording_) {
    for (auto& r : core::analytics_records(analytics_, *previous, state_, *content_, config))
      records_.push_back(std::move(r));
    if (replaced_)
      records_.push_back(
          core::content_version_record(analytics_, now_ms, content_->version));
  }
  // The screen changed under the fingers: a finger still down must not also act on the new one.
  if (state_.mode != before || state_.panel != panel || (warned && core::warning_seconds_left(state_, config) == 0))
    forget_contacts();
  if (state_.panel == core::Panel::admin && panel != core::Panel::admin) refresh_admin_info();
  relayout();
}

void KioskApp::refresh_admin_info() {
  admin_info_.today.reset();
  if (!recording_ || !today_report) return;
  admin_info_.today_day = core::iso8601_utc(epoch_unix_ms_ + state_.now_ms).substr(0, 10);
  admin_info_.today = today_report(admin_info_.today_day);
}

void KioskApp::record_analytics(double epoch_unix_ms, const std::string& previous_unclean_t) {
  recording_ = true;
  epoch_unix_ms_ = epoch_unix_ms;
  analytics_ = core::start_analytics(epoch_unix_ms);
  records_.push_back(core::app_start_record(analytics_, state_.now_ms,
                                            content_->version, previous_unclean_t));
}

void KioskApp::stop_analytics() {
  if (!recording_) return;
  for (auto& r : core::analytics_stop(analytics_, state_, *content_)) records_.push_back(std::move(r));
  recording_ = false;
}

void KioskApp::relayout() {
  text_.set_language(state_.language);
  viewport_.text_scale = state_.text_scale;
  layout_ = core::compute_layout(*content_, state_, viewport_, ui::layout_metrics(text_, *content_, state_.language, viewport_, config.classroom));
}

std::vector<ImVec2> KioskApp::touches() const {
  std::vector<ImVec2> out;
  for (const auto& [id, at] : touches_) out.push_back(at);
  return out;
}

void KioskApp::draw(ImDrawList* dl) {
  images_.begin_frame();
  admin_info_.frames = frames_.count();
  admin_info_.frame_median_ms = frames_.median_ms();
  admin_info_.frame_worst_ms = frames_.worst_ms();
  text_.begin_frame();
  text_.set_language(state_.language);
  ui::draw_frame(dl, ui::Frame{*content_, state_, layout_, text_, images_, preview_ ? notice_ : std::string(),
                               core::warning_seconds_left(state_, config),
                               state_.high_contrast ? content_->high_contrast : content_->style, config.classroom,
                               &admin_info_, touches(), maintenance()});
  look_ahead_ms_ = 0;
  const auto start = std::chrono::steady_clock::now();
  if (look_ahead_ && look_ahead())
    look_ahead_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

bool KioskApp::still() const {
  // By the state, not by the fingers down: a finger whose release was lost (or a palm resting on
  // the glass) must not stop the look-ahead for good.
  const core::KioskState& s = state_;
  return !s.held && !s.animation && s.fling_px_per_ms == 0 && !s.rebound &&
         s.panel_fling_px_per_ms == 0 && s.detail_fling_px_per_ms == 0 && !s.detail_rebound &&
         s.detail_drag == core::DragAxis::none;
}

bool KioskApp::look_ahead() {
  // Only in a frame that drew nothing new: a language switch or a page just opened comes first.
  const ui::TextEngine::Stats st = text_.stats();
  if (st.frame_shaping_ms > 0 || st.frame_rasterising_ms > 0 || st.frame_deferred > 0 || !still()) return false;
  if (state_.language != looked_ahead_language_ || state_.text_scale != looked_ahead_scale_ ||
      config.classroom != looked_ahead_classroom_) {
    looked_ahead_language_ = state_.language;
    looked_ahead_scale_ = state_.text_scale;
    looked_ahead_classroom_ = config.classroom;
    looked_ahead_.clear();
    ahead_texts_.clear();
  }
  if (ahead_texts_.empty())
    for (const int index : core::stories_in_reach(*content_, state_, layout_))
      if (looked_ahead_.insert(index).second) {
        for (auto& t : ui::detail_page_texts(text_, *content_, state_.language, config.classroom, layout_, index))
          ahead_texts_.push_back(std::move(t));
        break;
      }
  // Shaped only: glyphs would fill the glyph pages with text that may never be opened, and
  // evicting pages costs the next language switch (measured: `kiosk bench`, README).
  std::vector<ui::TextEngine::Paragraph> some;
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < ahead_texts_.size() && bytes < kLookAheadBytes; ++i) {
    some.push_back({ahead_texts_[i].first, ahead_texts_[i].second});
    bytes += ahead_texts_[i].first.size();
  }
  text_.prepare(some, false);
  ahead_texts_.erase(ahead_texts_.begin(), ahead_texts_.begin() + static_cast<std::ptrdiff_t>(some.size()));
  return !some.empty();
}

nlohmann::json KioskApp::state_json() const {
  nlohmann::json j = core::state_to_json(state_, *content_, layout_);
  j["missing_glyphs"] = text_.missing_glyphs();
  j["warning_seconds_left"] = core::warning_seconds_left(state_, config);
  j["maintenance"] = maintenance();
  j["content_version"] = content_->version;
  return j;
}

}  // namespace kiosk::app
