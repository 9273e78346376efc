#include "platform/imgui_backend.hpp"

#include <cstring>

namespace kiosk::platform {

ImGuiFrame::ImGuiFrame() {
  IMGUI_CHECKVERSION();
  context_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
  io.LogFilename = nullptr;
  io.BackendRendererName = "kiosk_sdl_renderer";
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  atlas_.width = w;
  atlas_.height = h;
  atlas_.rgba.assign(pixels, pixels + static_cast<std::size_t>(w) * h * 4);
  atlas_.version = 1;
  io.Fonts->SetTexID(&atlas_);
}

ImGuiFrame::~ImGuiFrame() { ImGui::DestroyContext(context_); }

ImDrawList* ImGuiFrame::begin(float width, float height, float dt_s) {
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(width, height);
  io.DeltaTime = dt_s > 0 ? dt_s : 1.0f / 60.0f;
  ImGui::NewFrame();
  return ImGui::GetBackgroundDrawList();
}

const ImDrawData* ImGuiFrame::end() {
  ImGui::Render();
  return ImGui::GetDrawData();
}

}  // namespace kiosk::platform
