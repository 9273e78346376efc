#include "app/kiosk_app.hpp"

#include <algorithm>

#include "core/state_json.hpp"
#include "ui/draw.hpp"

namespace kiosk::app {

namespace {
core::GestureConfig gestures_for(const core::Viewport& vp) {
  core::GestureConfig g;
  g.px_per_mm = vp.px_per_mm;
  return g;
}
}  // namespace

KioskApp::KioskApp(const core::Content& content, ui::TextEngine& text, ui::ImageSource& images, core::Viewport viewport)
    : content_(content), text_(text), images_(images), viewport_(viewport), state_(core::initial_state(content)),
      gestures_(gestures_for(viewport)) {
  relayout();
}

void KioskApp::set_viewport(core::Viewport viewport) {
  viewport_ = viewport;
  gestures_ = core::Gestures(gestures_for(viewport));
  relayout();
}

void KioskApp::set_language(const std::string& lang) {
  if (std::find(content_.languages.begin(), content_.languages.end(), lang) != content_.languages.end())
    state_.language = lang;
  relayout();
}

void KioskApp::input(const core::InputEvent& e) { gestures_.feed(e, pending_); }

void KioskApp::step(double now_ms) {
  const core::Mode before = state_.mode;
  core::update(state_, content_, layout_, pending_, now_ms);
  pending_.clear();
  if (state_.mode != before) gestures_.reset();  // the screen changed under the fingers
  relayout();
}

bool KioskApp::animating() const { return state_.animation.has_value() || state_.fling_px_per_ms != 0; }

void KioskApp::relayout() {
  text_.set_language(state_.language);
  layout_ = core::compute_layout(content_, state_, viewport_, ui::layout_metrics(text_, content_, state_.language, viewport_));
}

void KioskApp::draw(ImDrawList* dl) {
  text_.begin_frame();
  text_.set_language(state_.language);
  ui::draw_frame(dl, ui::Frame{content_, state_, layout_, text_, images_});
}

nlohmann::json KioskApp::state_json() const {
  nlohmann::json j = core::state_to_json(state_, content_, layout_);
  j["missing_glyphs"] = text_.missing_glyphs();
  return j;
}

}  // namespace kiosk::app
