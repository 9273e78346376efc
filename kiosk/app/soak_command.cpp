// kiosk soak: a seeded monkey mashes the running kiosk, then simulated days of visitors, idle
// resets and attract loops pass, with the kiosk's own content watcher reading the content again
// every simulated hour. Everything runs headless through the real app, text engine, image decoder
// and renderer. It fails when the kiosk stops running or its memory keeps growing after warm-up.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <chrono>
#include <optional>
#include <thread>
#include <set>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/commands.hpp"
#include "app/headless_kiosk.hpp"
#include "core/frame_stats.hpp"
#include "core/monkey.hpp"
#include "platform/content_reloader.hpp"
#include "platform/process_memory.hpp"

namespace kiosk::app {

namespace {

constexpr double kFrameMs = 1000.0 / 60.0;
constexpr double kIdleStepMs = 1000.0;        // the kiosk alone: one step a second
constexpr double kIdleDrawMs = 60'000.0;      // ... and one drawn frame a minute
constexpr double kVisitorMs = 5'000.0;        // each simulated visitor touches for 5 s
constexpr double kHourMs = 3'600'000.0;
// The kiosk draws 60 frames a second and lets go of a texture, or a glyph page past the atlas's
// budget, once it has not been drawn for 120 frames (2 s). The soak draws a frame a minute while
// nobody is there, so those 120 frames would last two simulated hours and an hour's end would
// still hold the last visitor's textures. Each hour therefore ends with this much of the attract
// loop drawn at 60 frames a second, as the kiosk draws it.
constexpr double kHourEndDrawnMs = 3'000.0;
constexpr int kWarmupHours = 6;  // simulated hours at the end of the warm-up
constexpr long long kWarmupMonkeyInputs = 10'000;  // random inputs at the end of the warm-up (at most half of --inputs)

// Steps the kiosk to simulated time `t` and, when `draw`, draws and rasterises the frame.
struct Rig {
  HeadlessKiosk& kiosk;
  long long frames_drawn = 0;

  void step(double t, bool draw) {
    kiosk.app->step(t);
    if (kiosk.app->content_replaced()) kiosk.images->reload();
    if (!draw) return;
    kiosk.draw(true);
    ++frames_drawn;
  }
};

// One line of where the memory is: RSS next to the heap's figures and what each cache holds.
void print_memory(const char* when, HeadlessKiosk& k) {
  auto mb = [](std::size_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); };
  const platform::HeapFigures heap = platform::heap_figures();
  const ui::TextEngine::CacheSizes text = k.loaded.text->cache_sizes();
  const ImDrawList* dl = ImGui::GetBackgroundDrawList();
  std::fprintf(stderr,
               "kiosk soak: %s: RSS %.1f MB; heap %.1f in use, %.1f free, %.1f own-mmap MB, %d arenas (system/free MB: %s); "
               "text: %zu runs %.1f MB, %zu wraps %.1f MB, %zu glyphs %.1f MB, memo %zu %.1f MB, slots %zu, %d pages %.1f MB; "
               "images %zu, %.1f MB decoded; textures %zu, %.1f MB; draw list %d vertices %d indices kept, ImGui allocations %d\n",
               when, platform::rss_mb(), heap.in_use_mb, heap.free_mb, heap.mmapped_mb, heap.arenas, heap.per_arena.c_str(),
               text.runs, mb(text.run_bytes), text.wraps, mb(text.wrap_bytes), text.glyphs, mb(text.glyph_bytes), text.memo, mb(text.memo_bytes),
               text.slots, text.atlas_pages, mb(text.atlas_bytes), k.images->entries(), mb(k.images->decoded_bytes()),
               k.renderer->textures(), mb(k.renderer->texture_bytes()), dl->VtxBuffer.Capacity, dl->IdxBuffer.Capacity,
               ImGui::GetIO().MetricsActiveAllocations);
}

}  // namespace

int run_soak(const Options& o) {
  const bool hourly_memory = std::getenv("KIOSK_SOAK_HOURLY") != nullptr;  // a memory line every hour
  int exit_code = 0;
  const auto kiosk = open_headless_kiosk(o, true, &exit_code);
  if (!kiosk) return exit_code;
  KioskApp& app = *kiosk->app;
  platform::ImageLoader& images = *kiosk->images;
  const core::Viewport vp = kiosk->viewport;
  kiosk->loaded.text->set_cold_budget(kTextColdBudgetMs);  // as the kiosk window
  app.set_look_ahead(true);                                // as the kiosk window
  // The kiosk's own content watcher, asked to read the content again every simulated hour.
  platform::ContentReloader reloader(resolve_content_dir(o), app.content().images_root, 3'600'000, 0);
  // Locked down with a PIN no random tapping can find: nothing the monkey does may end the kiosk.
  app.set_kiosk_mode(true, "soak", std::string(64, 'f'));
  Rig rig{*kiosk};
  core::Monkey monkey(o.seed, vp.width, vp.height);
  std::vector<core::InputEvent> input;
  std::set<std::string> languages, modes;
  long long inputs = 0, details = 0;
  double t = 0, rss_warm = 0;
  auto fail = [&](const char* what) {
    std::fprintf(stderr, "kiosk soak: FAILED: %s (seed %u, simulated %.0f s, %lld inputs)\n", what, o.seed, t / 1000, inputs);
    return 1;
  };
  auto feed = [&] {
    for (const core::InputEvent& e : input) app.input(e);
    inputs += static_cast<long long>(input.size());
    input.clear();
    languages.insert(app.state().language);
    modes.insert(core::mode_name(app.state().mode));
    if (app.state().mode == core::Mode::detail) ++details;
  };

  // 0. Warm-up: every event's detail, top and end, every chooser, in every language at every text size, so the glyph, text
  // and image caches hold what the monkey can show; memory is measured from here on.
  auto tap_button = [&](core::Target target, int index) {
    for (const core::Button& b : app.layout().buttons)
      if (b.target == target && (index < 0 || b.index == index)) {
        const float x = b.rect.x + b.rect.w / 2, y = b.rect.y + b.rect.h / 2;
        input.push_back(core::InputEvent{t, core::InputKind::pointer_down, 1, x, y});
        feed();
        for (int f = 0; f < 3; ++f, t += kFrameMs) rig.step(t, true);
        input.push_back(core::InputEvent{t, core::InputKind::pointer_up, 1, x, y});
        break;
      }
    feed();
    rig.step(t, true);
    t += kFrameMs;
  };
  auto press = [&](const char* key) {
    core::InputEvent e;
    e.t_ms = t;
    e.kind = core::InputKind::key;
    e.key = key;
    input.push_back(e);
    feed();
    for (int f = 0; f < 30; ++f, t += kFrameMs) rig.step(t, true);  // let the animation finish
  };
  const std::vector<std::string> offered = app.content().languages;
  for (int size = 0; size < core::kTextScaleCount; ++size) {
    tap_button(core::Target::display_menu, -1);
    tap_button(core::Target::text_size, size);
    for (const std::string& lang : offered) {
      app.set_language(lang);
      for (const char* k : {"Escape", "End", "Home"}) press(k);  // the whole history, both ends
      for (int z = 0; z < 24; ++z) press("=");                    // zoomed in step by step to days
      press("Home");
      for (core::Target chooser : {core::Target::tour_menu, core::Target::themes_menu, core::Target::eras_menu}) {
        tap_button(chooser, -1);
        images.wait_idle();  // the eras' art
        rig.step(t += kFrameMs, true);
        tap_button(core::Target::close_panel, -1);
      }
      for (const core::Event& e : app.content().events) {  // each story, its top and its end
        app.deep_link(e.id, "");
        rig.step(t, true);
        images.wait_idle();
        rig.step(t += kFrameMs, true);
        press("End");
      }
    }
  }
  press("Escape");
  // The monkey for a while: views, widths and words no scripted visit makes (tick dates at every
  // zoom, half-open choosers) fill the bounded caches (shaped runs, glyph pages, images) up to
  // their limits.
  const double rss_visits = platform::rss_mb();
  const long long warmup_inputs = std::min(kWarmupMonkeyInputs, o.soak_inputs / 2);
  for (long long warm = 0; warm < warmup_inputs;) {
    monkey.frame(t, app.layout(), &input);
    warm += static_cast<long long>(input.size());
    feed();
    rig.step(t, true);
    t += kFrameMs;
  }
  monkey.lift_all(t, &input);
  feed();
  // The still-there warning, the reset and the attract loop, drawn once a second for a minute.
  for (const double end = t + (app.config.idle_seconds + app.config.warning_seconds + 60) * 1000; t < end; t += 1000)
    rig.step(t, true);
  // Two content reloads applied in the attract loop, read on other threads as later ones are.
  for (int r = 0; r < 2; ++r) {
    reloader.request_now();
    std::optional<core::LoadResult> loaded_again;
    for (int wait = 0; wait < 2000 && !(loaded_again = reloader.take()); ++wait)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (!loaded_again) return fail("the content reloader did not read the content within 10 s");
    app.offer_content(std::move(*loaded_again));
    rig.step(t += 1000, true);
    if (!app.content_replaced()) return fail("a reload during the warm-up was not applied in the attract loop");
  }

  // An hour as the simulated days have them: a visitor, then nobody: the warning, the reset and the
  // attract loop, with the content read again off the frame thread (applied between sessions)
  // and asked for again at the hour's end. Returns what went wrong, or nullptr.
  int reloads_started = 0, reloads_applied = 0;
  double next_draw = t;
  auto hour = [&](double hour_end) -> const char* {
    const double visitor_end = t + kVisitorMs;
    while (t < visitor_end) {  // a visitor
      monkey.frame(t, app.layout(), &input);
      feed();
      rig.step(t, true);
      if (!app.running()) return "the kiosk stopped running during a visitor's session";
      t += kFrameMs;
    }
    monkey.lift_all(t, &input);
    feed();
    while (t < hour_end) {  // nobody
      if (auto again = reloader.take()) app.offer_content(std::move(*again));
      const bool drawn_end = t >= hour_end - kHourEndDrawnMs;  // the hour's last seconds at 60 Hz
      const bool draw = drawn_end || t >= next_draw;
      if (draw) next_draw = t + kIdleDrawMs;
      rig.step(t, draw);
      if (app.content_replaced()) ++reloads_applied;
      if (!app.running()) return "the kiosk stopped running while idle";
      t += drawn_end ? kFrameMs : kIdleStepMs;
    }
    if (app.state().mode != core::Mode::attract) return "an hour without input did not end in the attract loop";
    reloader.request_now();
    ++reloads_started;
    images.wait_idle();
    return nullptr;
  };
  // Memory is compared at the same point of an hour, its end, and as the median of several hours:
  // what one hour's last visitor opened (pictures decoded, within their budget) moves it by
  // 10-20 MB. So the warm-up ends with kWarmupHours such hours.
  reloader.request_now();
  std::vector<double> hourly_rss;
  for (int h = 0; h < kWarmupHours; ++h) {
    if (const char* error = hour(t + kHourMs)) return fail(error);
    hourly_rss.push_back(platform::rss_mb());
    if (hourly_memory) print_memory("warm-up hour", *kiosk);
  }
  rss_warm = core::median(hourly_rss);
  std::fprintf(stderr, "kiosk soak: warm-up done: RSS %.1f MB after the scripted visits; after %lld random inputs and %d hours "
               "%.1f MB (median of the hours' ends)\n", rss_visits, warmup_inputs, kWarmupHours, rss_warm);
  print_memory("at the warm-up's last hour's end", *kiosk);
  reloads_started = 1;  // counted from here: the warm-up hour's last request is still to be applied
  reloads_applied = 0;

  // 1. The monkey, frame by frame, every frame drawn.
  std::fprintf(stderr, "kiosk soak: %lld monkey inputs (seed %u)\n", o.soak_inputs, o.seed);
  for (const long long before = inputs; inputs - before < o.soak_inputs;) {
    monkey.frame(t, app.layout(), &input);
    feed();
    rig.step(t, true);
    if (!app.running()) return fail("the kiosk stopped running during the monkey");
    t += kFrameMs;
  }
  monkey.lift_all(t, &input);
  feed();
  print_memory("after the monkey", *kiosk);

  // 2. Simulated days of such hours.
  std::fprintf(stderr, "kiosk soak: %d simulated day(s)\n", o.soak_days);
  const double days_end = t + o.soak_days * 24 * kHourMs;
  hourly_rss.clear();
  std::vector<double> last_day;  // the ends of the last 24 hours
  for (int hours = 1; t < days_end; ++hours) {
    if (const char* error = hour(t + kHourMs)) return fail(error);
    hourly_rss.push_back(platform::rss_mb());
    if (hourly_memory) print_memory("hour", *kiosk);
    if (hours % 24 == 0) {  // memory over the days shows whether it levels off
      last_day = hourly_rss;
      std::fprintf(stderr, "kiosk soak: day %d: RSS %.1f MB (median of its hours' ends; %.1f to %.1f)\n", hours / 24,
                   core::median(last_day), *std::min_element(last_day.begin(), last_day.end()),
                   *std::max_element(last_day.begin(), last_day.end()));
      print_memory("at its last hour's end", *kiosk);
      hourly_rss.clear();
    }
  }
  if (last_day.empty()) last_day = hourly_rss;
  const double rss_end = last_day.empty() ? platform::rss_mb() : core::median(last_day);
  const double growth = rss_warm > 0 ? (rss_end - rss_warm) / rss_warm : 0;
  std::printf("kiosk soak: seed %u, %lld inputs, %lld frames drawn, %.1f simulated days\n", o.seed, inputs,
              rig.frames_drawn, t / (24 * kHourMs));
  std::printf("  languages seen %zu, screens seen %zu, frames in a detail %lld\n", languages.size(), modes.size(), details);
  std::printf("  content reloads started %d, applied between sessions %d\n", reloads_started, reloads_applied);
  std::printf("  RSS after warm-up %.1f MB, over the last day %.1f MB (%+.1f%%; medians of hours' ends), peak %.1f MB\n", rss_warm, rss_end,
              growth * 100, platform::peak_rss_mb());
  if (growth * 100 >= o.soak_max_growth) return fail("memory grew by --max-growth (default 5%) or more after warm-up");
  if (o.soak_days > 0 && reloads_applied + 1 < reloads_started) return fail("hourly content reloads were not applied");
  std::printf("  passed\n");
  return 0;
}

}  // namespace kiosk::app
