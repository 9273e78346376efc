#pragma once
// The SDL window and renderer for a live kiosk, and an offscreen canvas for headless rendering.
#include <memory>
#include <string>

#include <SDL.h>

namespace kiosk::platform {

struct WindowOptions {
  bool fullscreen = false;  // SDL_WINDOW_FULLSCREEN_DESKTOP on `display`
  int display = 0;          // display index for fullscreen
  int width = 1600, height = 900;  // windowed size, pixels
};

class Display {
 public:
  // Opens a window with a vsynced renderer; nullptr and a plain-language `error` on failure.
  static std::unique_ptr<Display> open_window(const WindowOptions& options, std::string* error);
  // An offscreen software canvas of `width` x `height` pixels on SDL's dummy video driver.
  // `for_bench`: draw calls are queued and rasterised only by SDL_RenderFlush, into a canvas of
  // 1/8 the size (SDL scales the geometry), so a benchmark times the CPU's work apart from the
  // software rasteriser's (a GPU's on a kiosk) and does not wait for it. Not for saving PNGs.
  static std::unique_ptr<Display> open_headless(int width, int height, std::string* error, bool for_bench = false);
  ~Display();
  Display(const Display&) = delete;
  Display& operator=(const Display&) = delete;

  SDL_Renderer* renderer() const { return renderer_; }
  int width() const;   // drawable pixels
  int height() const;
  // Display density, px/mm, from SDL's DPI; 0 when the display does not say.
  float reported_px_per_mm() const;
  // Writes the canvas (headless only) or the current back buffer to a PNG file.
  bool save_png(const std::string& path, std::string* error) const;

 private:
  Display() = default;
  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  SDL_Surface* canvas_ = nullptr;  // headless only
  int display_index_ = 0;
};

}  // namespace kiosk::platform
