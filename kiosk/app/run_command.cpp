#include <chrono>
#include <cstdio>

#include <SDL.h>

#include "app/commands.hpp"
#include "app/kiosk_app.hpp"
#include "platform/analytics_file.hpp"
#include "platform/content_reloader.hpp"
#include "platform/display.hpp"
#include "platform/image_loader.hpp"
#include "platform/imgui_backend.hpp"
#include "platform/input.hpp"
#include "platform/renderer.hpp"

namespace kiosk::app {

int run_window(const Options& o) {
  std::string error;
  Loaded loaded = load_for_display(o, &error);
  if (!loaded.text) {
    std::fprintf(stderr, "kiosk: %s\n", error.c_str());
    return 1;
  }
  auto display = platform::Display::open_window({o.fullscreen, o.display, o.width, o.height}, &error);
  if (!display) {
    std::fprintf(stderr, "kiosk: %s\n", error.c_str());
    return 1;
  }
  platform::ImGuiFrame imgui;
  platform::Renderer renderer(display->renderer());
  platform::ImageLoader images(loaded.content.content.images_root);
  images.fit_to(display->width(), display->height());  // nothing is shown larger than the screen
  platform::ContentReloader reloader(resolve_content_dir(o), loaded.content.content.images_root);
  auto viewport = [&] {
    const int w = display->width(), h = display->height();
    return core::Viewport{static_cast<float>(w), static_cast<float>(h),
                          density_px_per_mm(o, w, display->reported_px_per_mm())};
  };
  KioskApp app(std::make_shared<const core::Content>(std::move(loaded.content.content)), *loaded.text, images,
               viewport());
  app.set_preview(o.preview);
  if (!configure(app, o)) return 2;

  if (o.kiosk) {  // touch-only and always on
    SDL_ShowCursor(SDL_DISABLE);
    SDL_DisableScreenSaver();
  }
  const Uint64 start = SDL_GetTicks64();
  const double epoch_unix_ms = static_cast<double>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
  const auto analytics = open_analytics(app, o, epoch_unix_ms);
  double last_ms = 0;
  while (app.running()) {
    const double now = static_cast<double>(SDL_GetTicks64() - start);
    core::Viewport vp = viewport();
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
      if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
        vp = viewport();
        app.set_viewport(vp);
      }
      if (auto in = platform::translate_event(e, vp.width, vp.height, now)) app.input(*in);
    }
    if (auto reloaded = reloader.take()) app.offer_content(std::move(*reloaded));
    app.step(now);
    write_analytics(app, analytics.get());
    if (app.content_replaced()) images.reload();
    ImDrawList* dl = imgui.begin(vp.width, vp.height, static_cast<float>((now - last_ms) / 1000.0));
    app.draw(dl);
    renderer.render(imgui.end());
    SDL_RenderPresent(display->renderer());
    last_ms = now;
  }
  app.stop_analytics();
  write_analytics(app, analytics.get());
  return 0;
}

}  // namespace kiosk::app
