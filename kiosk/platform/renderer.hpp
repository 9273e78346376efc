#pragma once
// Renders ImGui draw data with SDL_Renderer (SDL_RenderGeometryRaw). Debian's libimgui 1.86 ships
// no SDL_Renderer backend, so this is the project's own.
// Implemented: textured triangles with per-vertex colour, clip rectangles, vertex offsets
// (ImGuiBackendFlags_RendererHasVtxOffset), textures mirrored from ui::Surface by version.
// Missing: user callbacks (the kiosk uses none).
#include <cstddef>
#include <cstdint>
#include <unordered_map>

#include <SDL.h>
#include <imgui.h>

#include "ui/surface.hpp"

namespace kiosk::platform {

class Renderer {
 public:
  explicit Renderer(SDL_Renderer* renderer) : renderer_(renderer) {}
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // Clears to black and draws `data` at the renderer's output size.
  void render(const ImDrawData* data);
  // Texture memory kept at most, bytes: beyond it, textures not drawn in this frame are freed
  // after it, least recently drawn first (the images and glyph pages stay on the CPU side).
  void set_budget(std::size_t bytes) { budget_ = bytes; }
  // Bytes of pixels held in textures now, and at most since the start (RGBA, 4 bytes a pixel).
  std::size_t texture_bytes() const { return bytes_; }
  std::size_t peak_texture_bytes() const { return peak_bytes_; }
  std::size_t textures() const { return textures_.size(); }  // textures held now

 private:
  struct Texture {
    SDL_Texture* texture = nullptr;
    std::uint64_t uid = 0, version = 0;
    std::uint64_t last_frame = 0;  // textures unused for a while are freed
  };
  static constexpr std::uint64_t kUnusedFrames = 120;  // a texture not drawn for 2 s at 60 Hz is freed
  SDL_Texture* texture_for(const ui::Surface* surface);
  static bool w_h_changed(SDL_Texture* texture, const ui::Surface* surface);
  void destroy(SDL_Texture* texture);

  SDL_Renderer* renderer_;
  std::unordered_map<const ui::Surface*, Texture> textures_;
  std::uint64_t frame_ = 0;
  std::size_t bytes_ = 0, peak_bytes_ = 0;
  std::size_t budget_ = std::size_t{64} << 20;
  void keep_within_budget();
};

}  // namespace kiosk::platform
