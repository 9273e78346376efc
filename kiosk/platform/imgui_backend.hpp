#pragma once
// Every call that depends on the Dear ImGui version lives here, so an upgrade touches one file.
#include <memory>

#include <imgui.h>

#include "ui/surface.hpp"

namespace kiosk::platform {

class ImGuiFrame {
 public:
  ImGuiFrame();   // creates the context and its (admin/debug) font atlas as a ui::Surface
  ~ImGuiFrame();  // destroys the context
  ImGuiFrame(const ImGuiFrame&) = delete;
  ImGuiFrame& operator=(const ImGuiFrame&) = delete;

  // Starts a frame of `width` x `height` pixels, `dt_s` seconds after the last one, and returns
  // the list the views draw into.
  ImDrawList* begin(float width, float height, float dt_s);
  // Ends the frame; the result stays valid until the next begin().
  const ImDrawData* end();

  const ui::Surface& font_atlas() const { return atlas_; }

 private:
  ImGuiContext* context_ = nullptr;
  ui::Surface atlas_;
};

}  // namespace kiosk::platform
