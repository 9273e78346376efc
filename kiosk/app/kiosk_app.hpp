#pragma once
// Wires the layers for one kiosk: input -> gestures -> state -> layout -> draw. Used by the live
// window and by headless screenshots alike, so both behave the same.
#include <vector>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "core/content.hpp"
#include "core/gestures.hpp"
#include "core/kiosk.hpp"
#include "core/layout.hpp"
#include "ui/image_source.hpp"
#include "ui/text.hpp"

namespace kiosk::app {

class KioskApp {
 public:
  KioskApp(const core::Content& content, ui::TextEngine& text, ui::ImageSource& images, core::Viewport viewport);

  void set_viewport(core::Viewport viewport);
  void set_language(const std::string& lang);
  void input(const core::InputEvent& e);  // queued until the next step
  void step(double now_ms);               // applies queued input, advances time, lays out the frame
  void draw(ImDrawList* dl);              // draws the current frame
  bool running() const { return state_.running; }
  bool animating() const;                 // a view animation or fling is in progress
  nlohmann::json state_json() const;

 private:
  void relayout();

  const core::Content& content_;
  ui::TextEngine& text_;
  ui::ImageSource& images_;
  core::Viewport viewport_;
  core::KioskState state_;
  core::Gestures gestures_;
  core::Layout layout_;
  std::vector<core::Command> pending_;
};

}  // namespace kiosk::app
