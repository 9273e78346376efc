#pragma once
// A kiosk with no window, set up as `kiosk run` sets up its window: content and fonts, an
// offscreen canvas, the renderer, the image decoder and the app. Used by screenshot, bench, soak.
#include <memory>

#include "app/commands.hpp"
#include "app/kiosk_app.hpp"
#include "platform/display.hpp"
#include "platform/image_loader.hpp"
#include "platform/imgui_backend.hpp"
#include "platform/renderer.hpp"

namespace kiosk::app {

struct HeadlessKiosk {
  Loaded loaded;  // owns the text engine (its content has moved into the app)
  std::unique_ptr<platform::Display> display;
  std::unique_ptr<platform::ImGuiFrame> imgui;
  std::unique_ptr<platform::Renderer> renderer;
  std::unique_ptr<platform::ImageLoader> images;
  std::unique_ptr<KioskApp> app;  // declared last, so destroyed first
  core::Viewport viewport;

  // Draws the app's current frame into the canvas; `flush`: rasterise it now (a benchmark's
  // canvas queues until then).
  void draw(bool flush);
};

// Sets up a headless kiosk for `o` (size, content, language, modes); `for_bench` gives the
// benchmark canvas (Display::open_headless). nullptr, with the reason printed, and `exit_code`
// set (1: no fonts or canvas, 2: a deep link names nothing) when it cannot be set up.
std::unique_ptr<HeadlessKiosk> open_headless_kiosk(const Options& o, bool for_bench, int* exit_code);

}  // namespace kiosk::app
