#include "platform/display.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include <stb_image_write.h>

namespace kiosk::platform {

namespace {
bool has_display_server() {
  const char* x = std::getenv("DISPLAY");
  const char* wl = std::getenv("WAYLAND_DISPLAY");
  const char* driver = std::getenv("SDL_VIDEODRIVER");
  return (x && *x) || (wl && *wl) || (driver && *driver);
}
}  // namespace

std::unique_ptr<Display> Display::open_window(const WindowOptions& options, std::string* error) {
  if (!has_display_server()) {
    *error = "No display was found (DISPLAY is not set), so the kiosk cannot open its window; "
             "to render the screen to a file instead, run: kiosk screenshot --out home.png";
    return nullptr;
  }
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
  SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    *error = std::string("The display could not be opened, so the kiosk cannot show its window (") + SDL_GetError() +
             "); to render the screen to a file instead, run: kiosk screenshot --out home.png";
    return nullptr;
  }
  std::unique_ptr<Display> d(new Display());
  const int count = SDL_GetNumVideoDisplays();
  d->display_index_ = (options.display >= 0 && options.display < count) ? options.display : 0;
  if (options.display != d->display_index_)
    SDL_Log("kiosk: display %d does not exist (%d found); using display 0", options.display, count);
  Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  if (options.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
  const int pos = static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(static_cast<unsigned>(d->display_index_)));
  d->window_ = SDL_CreateWindow("Solidarity Timeline", pos, pos, options.width, options.height, flags);
  if (!d->window_) {
    *error = std::string("The kiosk window could not be created (") + SDL_GetError() + ")";
    return nullptr;
  }
  d->renderer_ = SDL_CreateRenderer(d->window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
  if (!d->renderer_) d->renderer_ = SDL_CreateRenderer(d->window_, -1, SDL_RENDERER_SOFTWARE);
  if (!d->renderer_) {
    *error = std::string("No renderer could draw into the kiosk window (") + SDL_GetError() + ")";
    return nullptr;
  }
  return d;
}

std::unique_ptr<Display> Display::open_headless(int width, int height, std::string* error, bool for_bench) {
  SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    *error = std::string("SDL's dummy video driver could not start (") + SDL_GetError() + ")";
    return nullptr;
  }
  std::unique_ptr<Display> d(new Display());
  if (for_bench) {  // SDL batches only for renderers made by SDL_CreateRenderer, which needs a window
    constexpr int kShrink = 8;
    SDL_SetHint(SDL_HINT_RENDER_BATCHING, "1");
    d->window_ = SDL_CreateWindow("kiosk", 0, 0, std::max(1, width / kShrink), std::max(1, height / kShrink),
                                  SDL_WINDOW_HIDDEN);
    d->renderer_ = d->window_ ? SDL_CreateRenderer(d->window_, -1, SDL_RENDERER_SOFTWARE) : nullptr;
    if (d->renderer_) SDL_RenderSetScale(d->renderer_, 1.0f / kShrink, 1.0f / kShrink);
    if (!d->renderer_) {
      *error = std::string("SDL's software renderer could not start (") + SDL_GetError() + ")";
      return nullptr;
    }
    return d;
  }
  d->canvas_ = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32);
  if (!d->canvas_) {
    *error = std::string("cannot allocate a ") + std::to_string(width) + "x" + std::to_string(height) + " canvas";
    return nullptr;
  }
  d->renderer_ = SDL_CreateSoftwareRenderer(d->canvas_);
  if (!d->renderer_) {
    *error = std::string("SDL's software renderer could not start (") + SDL_GetError() + ")";
    return nullptr;
  }
  return d;
}

Display::~Display() {
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (canvas_) SDL_FreeSurface(canvas_);
  if (window_) SDL_DestroyWindow(window_);
  SDL_Quit();
}

int Display::width() const {
  int w = 0, h = 0;
  if (renderer_) SDL_GetRendererOutputSize(renderer_, &w, &h);
  return w;
}

int Display::height() const {
  int w = 0, h = 0;
  if (renderer_) SDL_GetRendererOutputSize(renderer_, &w, &h);
  return h;
}

float Display::reported_px_per_mm() const {
  if (!window_) return 0;
  float ddpi = 0, hdpi = 0, vdpi = 0;
  if (SDL_GetDisplayDPI(display_index_, &ddpi, &hdpi, &vdpi) != 0 || hdpi <= 0) return 0;
  return hdpi / 25.4f;
}

bool Display::save_png(const std::string& path, std::string* error) const {
  const int w = width(), h = height();
  std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 4);
  if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGBA32, pixels.data(), w * 4) != 0) {
    *error = std::string("cannot read the rendered pixels (") + SDL_GetError() + ")";
    return false;
  }
  for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // the screen is opaque
  if (!stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4)) {
    *error = "cannot write " + path;
    return false;
  }
  return true;
}

}  // namespace kiosk::platform
