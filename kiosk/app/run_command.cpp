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
#include "platform/log_file.hpp"
#include "platform/process_memory.hpp"
#include "platform/renderer.hpp"
#include "platform/service_notify.hpp"

namespace kiosk::app {

int run_window(const Options& o) {
  platform::catch_stop_signals();
  if (!o.log_path.empty()) platform::open_log_file(o.log_path);
  platform::log_line("starting: content %s%s", resolve_content_dir(o).string().c_str(), o.kiosk ? ", kiosk mode" : "");
  std::string error;
  Loaded loaded = load_for_display(o, &error);
  if (!loaded.text) {
    platform::log_line("%s", error.c_str());
    return 1;
  }
  auto display = platform::Display::open_window({o.fullscreen, o.display, o.width, o.height}, &error);
  if (!display) {
    platform::log_line("%s", error.c_str());
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
  const auto diagnostics = loaded.content.diagnostics;
  loaded.text->set_cold_budget(kTextColdBudgetMs);
  loaded.text->warm_up_fonts();  // on the second shaping thread, while the first frames are drawn
  KioskApp app(std::make_shared<const core::Content>(std::move(loaded.content.content)), *loaded.text, images,
               viewport());
  app.set_diagnostics(diagnostics);
  app.set_preview(o.preview);
  app.set_look_ahead(true);  // stories in reach are made ready in still frames
  if (!configure(app, o)) return 2;

  if (o.kiosk) {  // touch-only and always on
    SDL_ShowCursor(SDL_DISABLE);
    SDL_DisableScreenSaver();
  }
  platform::ServiceNotifier service;
  const Uint64 start = SDL_GetTicks64();
  const double epoch_unix_ms = static_cast<double>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
  const auto analytics = open_analytics(app, o, epoch_unix_ms);
  double last_ms = 0, memory_ms = -1e9;
  const double ticks_per_ms = static_cast<double>(SDL_GetPerformanceFrequency()) / 1000.0;
  while (app.running() && !platform::stop_requested()) {
    const Uint64 frame_start = SDL_GetPerformanceCounter();
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
    if (auto reloaded = reloader.take()) {
      const bool was_maintenance = app.maintenance();
      app.offer_content(std::move(*reloaded));
      if (!app.notice().empty())
        platform::log_line("%s", app.notice().c_str());
      else if (was_maintenance)
        platform::log_line("content arrived: leaving the maintenance screen");
      else
        platform::log_line("content changed: it shows between visitor sessions");
    }
    app.step(now);
    if (app.take_reload_request()) {
      platform::log_line("admin: reload now");
      reloader.request_now();
    }
    write_analytics(app, analytics.get());
    if (app.content_replaced()) images.reload();
    if (now - memory_ms >= 1000) {  // reading /proc costs a little: once a second is plenty
      app.set_memory_mb(platform::rss_mb());
      memory_ms = now;
    }
    ImDrawList* dl = imgui.begin(vp.width, vp.height, static_cast<float>((now - last_ms) / 1000.0));
    app.draw(dl);
    renderer.render(imgui.end());
    SDL_RenderPresent(display->renderer());
    service.frame_shown(now);
    app.add_frame_time(static_cast<double>(SDL_GetPerformanceCounter() - frame_start) / ticks_per_ms);
    last_ms = now;
  }
  service.stopping();
  app.stop_analytics();
  write_analytics(app, analytics.get());
  if (app.restart_requested()) {
    platform::log_line("admin: restart (exit status %d)", core::kRestartExitCode);
    return core::kRestartExitCode;
  }
  platform::log_line("stopped");
  return 0;
}

}  // namespace kiosk::app
