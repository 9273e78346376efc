#include "platform/renderer.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace kiosk::platform {

Renderer::~Renderer() {
  for (auto& [surface, t] : textures_)
    if (t.texture) SDL_DestroyTexture(t.texture);
}

SDL_Texture* Renderer::texture_for(const ui::Surface* surface) {
  if (!surface || surface->width <= 0 || surface->height <= 0) return nullptr;
  Texture& t = textures_[surface];
  t.last_frame = frame_;
  if (t.texture && t.uid == surface->uid && t.version == surface->version) return t.texture;
  if (t.texture && t.uid == surface->uid && t.version == surface->changed_since &&
      surface->changed_y1 > surface->changed_y0 && surface->changed_y1 <= surface->height &&
      !w_h_changed(t.texture, surface)) {  // only the rows changed since the version mirrored
    const SDL_Rect rows{0, surface->changed_y0, surface->width, surface->changed_y1 - surface->changed_y0};
    SDL_UpdateTexture(t.texture, &rows, surface->rgba.data() + static_cast<std::size_t>(rows.y) * surface->width * 4,
                      surface->width * 4);
    t.version = surface->version;
    return t.texture;
  }
  if (t.texture && (t.uid != surface->uid || w_h_changed(t.texture, surface))) {
    destroy(t.texture);
    t.texture = nullptr;
  }
  if (!t.texture) {
    t.texture = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, surface->width,
                                  surface->height);
    if (!t.texture) return nullptr;
    bytes_ += static_cast<std::size_t>(surface->width) * static_cast<std::size_t>(surface->height) * 4;
    peak_bytes_ = std::max(peak_bytes_, bytes_);
    SDL_SetTextureBlendMode(t.texture, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(t.texture, SDL_ScaleModeLinear);
  }
  SDL_UpdateTexture(t.texture, nullptr, surface->rgba.data(), surface->width * 4);
  t.uid = surface->uid;
  t.version = surface->version;
  return t.texture;
}

void Renderer::destroy(SDL_Texture* texture) {
  int w = 0, h = 0;
  SDL_QueryTexture(texture, nullptr, nullptr, &w, &h);
  bytes_ -= std::min(bytes_, static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  SDL_DestroyTexture(texture);
}

bool Renderer::w_h_changed(SDL_Texture* texture, const ui::Surface* surface) {
  int w = 0, h = 0;
  SDL_QueryTexture(texture, nullptr, nullptr, &w, &h);
  return w != surface->width || h != surface->height;
}

void Renderer::render(const ImDrawData* data) {
  ++frame_;
  for (auto it = textures_.begin(); it != textures_.end();) {  // free textures of surfaces gone by
    if (frame_ - it->second.last_frame > kUnusedFrames) {
      if (it->second.texture) destroy(it->second.texture);
      it = textures_.erase(it);
    } else {
      ++it;
    }
  }
  SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
  SDL_RenderClear(renderer_);
  if (!data) return;
  int out_w = 0, out_h = 0;  // in the draw data's units: output pixels over the render scale
  SDL_GetRendererOutputSize(renderer_, &out_w, &out_h);
  float scale_x = 1, scale_y = 1;
  SDL_RenderGetScale(renderer_, &scale_x, &scale_y);
  out_w = static_cast<int>(static_cast<float>(out_w) / scale_x + 0.5f);
  out_h = static_cast<int>(static_cast<float>(out_h) / scale_y + 0.5f);
  const ImVec2 offset = data->DisplayPos;
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    const ImDrawVert* vertices = list->VtxBuffer.Data;
    const ImDrawIdx* indices = list->IdxBuffer.Data;
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) continue;  // the kiosk registers none
      ImVec2 clip_min(cmd.ClipRect.x - offset.x, cmd.ClipRect.y - offset.y);
      ImVec2 clip_max(cmd.ClipRect.z - offset.x, cmd.ClipRect.w - offset.y);
      if (clip_min.x < 0) clip_min.x = 0;
      if (clip_min.y < 0) clip_min.y = 0;
      if (clip_max.x > static_cast<float>(out_w)) clip_max.x = static_cast<float>(out_w);
      if (clip_max.y > static_cast<float>(out_h)) clip_max.y = static_cast<float>(out_h);
      if (clip_max.x <= clip_min.x || clip_max.y <= clip_min.y) continue;
      const SDL_Rect clip{static_cast<int>(clip_min.x), static_cast<int>(clip_min.y),
                          static_cast<int>(clip_max.x - clip_min.x), static_cast<int>(clip_max.y - clip_min.y)};
      SDL_RenderSetClipRect(renderer_, &clip);
      const ImDrawVert* v = vertices + cmd.VtxOffset;
      const auto* base = reinterpret_cast<const std::byte*>(v);
      SDL_RenderGeometryRaw(
          renderer_, texture_for(static_cast<const ui::Surface*>(cmd.TextureId)),
          reinterpret_cast<const float*>(base + offsetof(ImDrawVert, pos)), sizeof(ImDrawVert),
          reinterpret_cast<const SDL_Color*>(base + offsetof(ImDrawVert, col)), sizeof(ImDrawVert),
          reinterpret_cast<const float*>(base + offsetof(ImDrawVert, uv)), sizeof(ImDrawVert),
          list->VtxBuffer.Size - static_cast<int>(cmd.VtxOffset), indices + cmd.IdxOffset,
          static_cast<int>(cmd.ElemCount), sizeof(ImDrawIdx));
    }
  }
  SDL_RenderSetClipRect(renderer_, nullptr);
  keep_within_budget();
}

void Renderer::keep_within_budget() {
  if (bytes_ <= budget_) return;
  std::vector<std::pair<std::uint64_t, const ui::Surface*>> unused;  // (last frame drawn, key)
  for (const auto& [surface, t] : textures_)
    if (t.last_frame < frame_) unused.emplace_back(t.last_frame, surface);
  std::sort(unused.begin(), unused.end());
  for (const auto& [last, surface] : unused) {
    if (bytes_ <= budget_) break;
    const auto it = textures_.find(surface);
    if (it->second.texture) destroy(it->second.texture);
    textures_.erase(it);
  }
}

}  // namespace kiosk::platform
