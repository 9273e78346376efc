#include "app/headless_kiosk.hpp"

#include <cstdio>

namespace kiosk::app {

void HeadlessKiosk::draw(bool flush) {
  ImDrawList* dl = imgui->begin(viewport.width, viewport.height, 1.0f / 60);
  app->draw(dl);
  renderer->render(imgui->end());
  if (flush) SDL_RenderFlush(display->renderer());
}

std::unique_ptr<HeadlessKiosk> open_headless_kiosk(const Options& o, bool for_bench, int* exit_code) {
  auto k = std::make_unique<HeadlessKiosk>();
  std::string error;
  k->loaded = load_for_display(o, &error);
  if (k->loaded.text) k->display = platform::Display::open_headless(o.width, o.height, &error, for_bench);
  if (!k->loaded.text || !k->display) {
    std::fprintf(stderr, "kiosk: %s\n", error.c_str());
    *exit_code = 1;
    return nullptr;
  }
  k->imgui = std::make_unique<platform::ImGuiFrame>();
  k->renderer = std::make_unique<platform::Renderer>(k->display->renderer());
  k->images = std::make_unique<platform::ImageLoader>(k->loaded.content.content.images_root);
  k->images->fit_to(o.width, o.height);  // nothing is shown larger than the screen
  k->viewport = core::Viewport{static_cast<float>(o.width), static_cast<float>(o.height), density_px_per_mm(o, o.width, 0)};
  const auto diagnostics = k->loaded.content.diagnostics;
  k->app = std::make_unique<KioskApp>(std::make_shared<const core::Content>(std::move(k->loaded.content.content)),
                                      *k->loaded.text, *k->images, k->viewport);
  k->app->set_diagnostics(diagnostics);
  if (!configure(*k->app, o)) {
    *exit_code = 2;
    return nullptr;
  }
  return k;
}

}  // namespace kiosk::app
