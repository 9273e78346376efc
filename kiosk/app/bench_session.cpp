// kiosk bench: a fixed, scripted visitor session replayed headlessly, frame by frame, timing each
// part of the frame on the CPU. Simulated time advances 1/60 s a frame, so the session is the same
// on every machine; only the measured milliseconds differ.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <future>
#include <map>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "app/commands.hpp"
#include "app/headless_kiosk.hpp"
#include "app/synthetic_content.hpp"
#include "core/look_ahead.hpp"
#include "platform/content_version.hpp"
#include "platform/cpu_time.hpp"
#include "platform/display.hpp"
#include "platform/image_loader.hpp"
#include "platform/imgui_backend.hpp"
#include "platform/process_memory.hpp"
#include "platform/renderer.hpp"

namespace kiosk::app {

namespace {

using Clock = std::chrono::steady_clock;
const Clock::time_point g_process_start = Clock::now();  // before main(): the start of startup

constexpr double kFrameMs = 1000.0 / 60.0;
constexpr double kBudgetMs = 1000.0 / 60.0;  // a frame over this misses a 60 Hz refresh

double ms_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

struct Percentiles {
  double p50 = 0, p95 = 0, p99 = 0, max = 0;
};

Percentiles percentiles(std::vector<double> v) {
  Percentiles p;
  if (v.empty()) return p;
  std::sort(v.begin(), v.end());
  auto at = [&](double q) { return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))]; };
  p.p50 = at(0.50);
  p.p95 = at(0.95);
  p.p99 = at(0.99);
  p.max = v.back();
  return p;
}

nlohmann::json to_json(const Percentiles& p) {
  auto r = [](double x) { return std::round(x * 1000) / 1000; };
  return {{"p50", r(p.p50)}, {"p95", r(p.p95)}, {"p99", r(p.p99)}, {"max", r(p.max)}};
}

// The scripted visitor. Each phase makes the input of one frame from the frame's number within
// the phase and what is on screen; a phase ends by returning false.
class Script {
 public:
  Script(float w, float h) : w_(w), h_(h) {}

  // Input for simulated time `t_ms`; `phase` names the phase for the slow-frame report.
  void frame(KioskApp& app, double t_ms, std::string* phase) {
    static const char* kNames[] = {"pan and fling", "pinch to days", "open and close details", "switch language",
                                   "open details in Urdu"};
    *phase = kNames[phase_];
    if (up_in_ > 0 && --up_in_ == 0) app.input(pointer(core::InputKind::pointer_up, 1, up_x_, up_y_, t_ms));
    bool more = false;
    switch (phase_) {
      case 0: more = pan(app, t_ms); break;
      case 1: more = pinch(app, t_ms); break;
      case 2: more = details(app, t_ms); break;
      case 3: more = language(app, t_ms); break;
      case 4: more = details_in(app, t_ms, "ur"); break;
    }
    ++f_;
    if (!more) {
      phase_ = (phase_ + 1) % 5;
      f_ = 0;
      step_ = 0;
    }
  }

 private:
  static core::InputEvent pointer(core::InputKind kind, std::int64_t id, float x, float y, double t) {
    return core::pointer_event(kind, t, id, x, y);
  }
  static core::InputEvent key(const char* name, double t) {
    core::InputEvent e;
    e.t_ms = t;
    e.kind = core::InputKind::key;
    e.key = name;
    return e;
  }
  // The button of kind `target` (and `index`, unless -1) on screen, or null.
  static const core::Button* find(const KioskApp& app, core::Target target, int index) {
    for (const core::Button& b : app.layout().buttons)
      if (b.target == target && (index < 0 || b.index == index)) return &b;
    return nullptr;
  }
  // Taps that button; false when it is not on screen.
  bool tap_button(KioskApp& app, core::Target target, int index, double t) {
    const core::Button* b = find(app, target, index);
    if (b) tap(app, b->rect.x + b->rect.w / 2, b->rect.y + b->rect.h / 2, t);
    return b != nullptr;
  }
  // A 40 ms press: presses under 30 ms that do not move are ghost touches.
  // A finger down now, lifted three frames (50 ms) later by frame().
  void tap(KioskApp& app, float x, float y, double t) {
    app.input(pointer(core::InputKind::pointer_down, 1, x, y, t));
    up_in_ = 3, up_x_ = x, up_y_ = y;
  }

  // A tap that starts the visit (the kiosk may be showing its attract loop), then two drags with
  // a fling each, left then right, each followed by two seconds of coasting.
  bool pan(KioskApp& app, double t) {
    if (f_ < 10) {
      if (f_ == 0) tap(app, w_ / 2, h_ * 0.45f, t);
      return true;
    }
    const int k = (f_ - 10) % 150, dir = f_ - 10 < 150 ? -1 : 1;
    const float x0 = w_ * (dir < 0 ? 0.75f : 0.25f), y = h_ * 0.45f;
    const float x = x0 + static_cast<float>(dir * k) * w_ * 0.02f;
    if (k == 0) app.input(pointer(core::InputKind::pointer_down, 1, x, y, t));
    else if (k < 25) app.input(pointer(core::InputKind::pointer_move, 1, x, y, t));
    else if (k == 25) app.input(pointer(core::InputKind::pointer_up, 1, x, y, t));
    return f_ < 309;
  }

  // From the whole history, pinches spreading two fingers nine-fold until the view spans under
  // two days, then Home back to the whole history (and a second for its animation).
  bool pinch(KioskApp& app, double t) {
    if (f_ == 0) app.input(key("Home", t));
    if (f_ < 60) return true;  // the Home animation
    if (home_at_ >= 0) {
      if (f_ < home_at_ + 60) return true;
      home_at_ = -1;
      return false;
    }
    const int k = (f_ - 60) % 36;
    const float cx = w_ * 0.5f, cy = h_ * 0.45f;
    const float half = 60 + static_cast<float>(std::min(k, 30)) * 13.5f;  // 60 -> 465 px
    if (k == 0) {
      if (app.state().view.span() < 2.0 / 365.25 || f_ > 60 + 36 * 12) {
        app.input(key("Home", t));
        home_at_ = f_;
        return true;
      }
      app.input(pointer(core::InputKind::pointer_down, 1, cx - half, cy, t));
      app.input(pointer(core::InputKind::pointer_down, 2, cx + half, cy, t));
    } else if (k <= 30) {
      app.input(pointer(core::InputKind::pointer_move, 1, cx - half, cy, t));
      app.input(pointer(core::InputKind::pointer_move, 2, cx + half, cy, t));
    } else if (k == 31) {
      app.input(pointer(core::InputKind::pointer_up, 1, cx - half, cy, t));
      app.input(pointer(core::InputKind::pointer_up, 2, cx + half, cy, t));
    }
    return true;
  }

  // Three times: tap the card nearest the middle, read for a second, go back.
  bool details(KioskApp& app, double t) {
    if (f_ == 360) return false;
    open_and_close(app, t, f_, 0);
    return true;
  }

  // Frame k of 120 opening a story and going back: at 0 taps the card `rank`-th nearest the
  // middle (core::stories_in_reach; Return when there is none), at 80 goes back.
  void open_and_close(KioskApp& app, double t, int f, int rank) {
    const int k = f % 120;
    if (k == 0) {
      const std::vector<int> reach = core::stories_in_reach(app.content(), app.state(), app.layout());
      const int event = reach.empty() ? -1 : reach[std::min<std::size_t>(rank, reach.size() - 1)];
      const auto card = std::find_if(app.layout().cards.begin(), app.layout().cards.end(),
                                     [event](const core::CardBox& c) { return c.event == event; });
      if (card == app.layout().cards.end()) app.input(key("Return", t));
      else tap(app, card->rect.x + card->rect.w / 2, card->rect.y + card->rect.h / 2, t);
    } else if (k == 80) {
      app.input(key("Escape", t));
    }
  }

  // A visitor who reads `lang`: switches to it, looks at the timeline for a second, opens three
  // different stories (the cards nearest the middle, each read for a second), then switches back to
  // the first language. Skipped when the content does not offer `lang`.
  bool details_in(KioskApp& app, double t, const std::string& lang) {
    const std::vector<std::string>& offered = app.content().languages;
    const auto it = std::find(offered.begin(), offered.end(), lang);
    if (it == offered.end()) return false;
    const int target = static_cast<int>(it - offered.begin());
    if (f_ == 0 || f_ == 440) tap_button(app, core::Target::language_menu, -1, t);
    else if ((f_ == 10 || f_ == 450) && !tap_button(app, core::Target::language, f_ == 10 ? target : 0, t))
      f_ -= 11;  // the menu is not open (the content reload closed it): open it again
    else if (f_ >= 70 && f_ < 430) open_and_close(app, t, f_ - 70, (f_ - 70) / 120);
    return f_ < 480;
  }

  // Opens the language menu and picks each offered language in turn, then the first again.
  bool language(KioskApp& app, double t) {
    const int k = f_ % 40;
    if (k == 0) {
      if (!tap_button(app, core::Target::language_menu, -1, t)) return false;
    } else if (k == 10) {
      if (!find(app, core::Target::language, -1)) {  // the menu is not open (the content reload closed it)
        f_ -= 11;                                     // open it again
        return true;
      }
      if (tap_button(app, core::Target::language, step_, t)) {
        ++step_;
      } else {  // every language done: back to the first
        tap_button(app, core::Target::language, 0, t);
        done_ = true;
      }
    } else if (k == 39 && done_) {
      done_ = false;
      return false;
    }
    return true;
  }

  float w_, h_;
  int phase_ = 0, f_ = 0, step_ = 0;
  int up_in_ = 0;  // frames until the tapping finger lifts; 0: no finger down
  int home_at_ = -1;  // pinch: the frame Home was pressed, -1 before
  float up_x_ = 0, up_y_ = 0;
  bool done_ = false;
};

struct SlowFrame {
  int frame;
  double ms;       // frame thread CPU, update to render submit
  double wall_ms;  // wall clock over the same steps
  double update_ms, ui_ms, submit_ms;  // its CPU by step
  std::string phase;
};

}  // namespace

int run_bench(const Options& o) {
  if (o.bench_micro) return run_bench_micro(o);
  Options opts = o;
  std::filesystem::path synthetic_dir;
  if (o.synthetic > 0) {
    synthetic_dir = std::filesystem::temp_directory_path() / ("kiosk-bench-" + std::to_string(::getpid()));
    std::string error;
    Options defaults;
    const auto template_dir = std::filesystem::weakly_canonical(resolve_content_dir(defaults));
    std::fprintf(stderr, "kiosk bench: writing %d synthetic events to %s\n", o.synthetic, synthetic_dir.c_str());
    if (!write_synthetic_content(synthetic_dir, o.synthetic, template_dir, &error)) {
      std::fprintf(stderr, "kiosk: %s\n", error.c_str());
      return 1;
    }
    opts.content_dir = synthetic_dir / "content";
  }
  const Clock::time_point start = o.synthetic > 0 ? Clock::now() : g_process_start;

  // The benchmark canvas queues draw commands and rasterises them at 1/8 size when flushed, so
  // the software rasteriser (a GPU's work on a real kiosk) is timed apart from the CPU's.
  int exit_code = 0;
  const auto kiosk = open_headless_kiosk(opts, true, &exit_code);
  if (!kiosk) return exit_code;
  KioskApp& app = *kiosk->app;
  platform::ImageLoader& images = *kiosk->images;
  platform::Renderer& renderer = *kiosk->renderer;
  const core::Viewport vp = kiosk->viewport;
  const std::size_t event_count = app.content().events.size();
  app.set_preview(true);  // the reload below applies at once, in the middle of the session
  kiosk->loaded.text->set_cold_budget(kTextColdBudgetMs);  // as the kiosk window
  kiosk->loaded.text->warm_up_fonts();  // as the kiosk window
  app.set_look_ahead(o.look_ahead);      // as the kiosk window, unless --no-look-ahead

  std::vector<double> update_ms, ui_ms, submit_ms, raster_ms, cpu_ms;
  std::vector<double> look_ahead_ms;  // frames that shaped stories ahead: that work (wall ms)
  std::vector<SlowFrame> slow;
  std::vector<double> wall_ms;  // wall clock, update to render submit
  int slow_wall = 0;            // frames over budget in wall time (preemption included)
  std::map<std::string, std::vector<double>> by_phase;  // update + layout + UI, per phase of the script
  std::map<std::string, std::vector<double>> first_frames;  // ... of the frames that open a story or a language
  Script script(vp.width, vp.height);
  std::future<core::LoadResult> reload;
  const int reload_frame = o.frames / 2;
  double startup_ms = 0;
  // Frame-thread CPU time plus the time that thread waited for the second shaping thread (its
  // share of a long paragraph): part of the frame's latency, not of this thread's CPU time. The
  // loader, decoder and releaser threads and other processes can preempt the frame thread; that
  // shows in wall time (reported apart) but is not the frame's cost.
  const ui::TextEngine& text = *kiosk->loaded.text;
  auto busy_ms = [&text] { return platform::thread_cpu_ms() + text.stats().shaping_wait_ms; };
  for (int f = 0; f < o.frames; ++f) {
    const double t = f * kFrameMs;
    std::string phase = "startup";
    // What this frame opens, for the first frames' rows (taken before the clock starts).
    const std::string story_before = app.state().mode == core::Mode::detail ? app.state().selected_event : "";
    const std::string language_before = app.state().language;
    const Clock::time_point t0 = Clock::now();
    const double c0 = busy_ms();
    if (f > 0) script.frame(app, t, &phase);
    if (f == reload_frame)  // a curator saves: the content is read again off the frame thread
      reload = std::async(std::launch::async, [dir = resolve_content_dir(opts)] {
        core::LoadResult r = core::load_content(dir);
        r.content.version = platform::content_version(dir);
        return r;
      });
    if (reload.valid() && reload.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
      app.offer_content(reload.get());
      phase += " + content reload";
    }
    app.step(t);
    if (app.content_replaced()) images.reload();
    const double c1 = busy_ms();
    ImDrawList* dl = kiosk->imgui->begin(vp.width, vp.height, static_cast<float>(kFrameMs / 1000));
    app.draw(dl);
    const ImDrawData* data = kiosk->imgui->end();
    const double c2 = busy_ms();
    renderer.render(data);
    const Clock::time_point t3 = Clock::now();
    const double c3 = busy_ms();
    SDL_RenderFlush(kiosk->display->renderer());
    const Clock::time_point t4 = Clock::now();
    if (f == 0) {
      startup_ms = ms_between(start, t4);
      continue;  // the first frame counts as startup, not as a frame
    }
    update_ms.push_back(c1 - c0);
    // Shaping stories ahead in a still frame is reported apart: no frame in motion does it.
    ui_ms.push_back(std::max(0.0, c2 - c1 - app.look_ahead_ms()));
    if (app.look_ahead_ms() > 0) look_ahead_ms.push_back(app.look_ahead_ms());
    submit_ms.push_back(c3 - c2);
    raster_ms.push_back(ms_between(t3, t4));
    cpu_ms.push_back(c3 - c0);
    wall_ms.push_back(ms_between(t0, t3));
    if (wall_ms.back() > kBudgetMs) ++slow_wall;
    if (cpu_ms.back() > kBudgetMs) slow.push_back({f, cpu_ms.back(), wall_ms.back(), c1 - c0, c2 - c1, c3 - c2, phase});
    by_phase[phase.substr(0, phase.find(" + "))].push_back(update_ms.back() + ui_ms.back());
    if (app.state().mode == core::Mode::detail && app.state().selected_event != story_before)
      first_frames["a story's first frame"].push_back(update_ms.back() + ui_ms.back());
    if (app.state().language != language_before)
      first_frames["a language's first frame"].push_back(update_ms.back() + ui_ms.back());
  }
  if (reload.valid()) reload.wait();
  images.wait_idle();

  const Percentiles wall = percentiles(wall_ms);
  const Percentiles cpu = percentiles(cpu_ms), upd = percentiles(update_ms), ui = percentiles(ui_ms),
                    sub = percentiles(submit_ms), ras = percentiles(raster_ms);
  std::vector<double> ul;  // update + layout + UI, the figure with a 2 ms target at 10,000 events
  for (std::size_t i = 0; i < update_ms.size(); ++i) ul.push_back(update_ms[i] + ui_ms[i]);
  const Percentiles upd_ui = percentiles(ul);
  const double texture_mb = static_cast<double>(renderer.texture_bytes()) / (1024.0 * 1024.0);
  const double peak_texture_mb = static_cast<double>(renderer.peak_texture_bytes()) / (1024.0 * 1024.0);
  const double images_mb = static_cast<double>(images.decoded_bytes()) / (1024.0 * 1024.0);
  if (!synthetic_dir.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(synthetic_dir, ec);
  }
  if (o.json) {
    nlohmann::json j = {{"events", event_count},
                        {"size", {{"width", o.width}, {"height", o.height}}},
                        {"frames", cpu_ms.size()},
                        {"startup_ms", std::round(startup_ms * 10) / 10},
                        {"frame_cpu_ms", to_json(cpu)},
                        {"update_layout_ms", to_json(upd)},
                        {"ui_ms", to_json(ui)},
                        {"submit_ms", to_json(sub)},
                        {"update_layout_ui_ms", to_json(upd_ui)},
                        {"raster_ms", to_json(ras)},
                        {"look_ahead_ms", to_json(percentiles(look_ahead_ms))},
                        {"look_ahead_frames", look_ahead_ms.size()},
                        {"peak_rss_mb", std::round(platform::peak_rss_mb() * 10) / 10},
                        {"texture_mb", std::round(texture_mb * 10) / 10},
                        {"peak_texture_mb", std::round(peak_texture_mb * 10) / 10},
                        {"decoded_images_mb", std::round(images_mb * 10) / 10},
                        {"frames_over_16ms", slow.size()},
                        {"frame_wall_ms", to_json(wall)},
                        {"frames_over_16ms_wall", slow_wall}};
    nlohmann::json slow_json = nlohmann::json::array();
    for (const SlowFrame& s : slow) slow_json.push_back({{"frame", s.frame}, {"ms", s.ms}, {"wall_ms", s.wall_ms},
                           {"update_layout_ms", s.update_ms}, {"ui_ms", s.ui_ms}, {"submit_ms", s.submit_ms},
                           {"phase", s.phase}});
    j["slow_frames"] = slow_json;
    for (const auto& [name, ms] : by_phase) j["update_layout_ui_ms_by_phase"][name] = to_json(percentiles(ms));
    for (const auto& [name, ms] : first_frames) {
      j["update_layout_ui_ms_first_frames"][name] = to_json(percentiles(ms));
      j["update_layout_ui_ms_first_frames"][name]["count"] = ms.size();
    }
    std::printf("%s\n", j.dump(2).c_str());
    return 0;
  }
  std::printf("kiosk bench: %zu events, %dx%d, %zu frames of a scripted session (simulated 60 Hz)\n", event_count,
              o.width, o.height, cpu_ms.size());
  std::printf("  startup to first frame             %8.1f ms\n", startup_ms);
  std::printf("  %-34s %8s %8s %8s %8s\n", "frame thread CPU (ms)*", "p50", "p95", "p99", "max");
  auto row = [](const char* name, const Percentiles& p) {
    std::printf("  %-34s %8.3f %8.3f %8.3f %8.3f\n", name, p.p50, p.p95, p.p99, p.max);
  };
  row("frame (CPU, no raster)", cpu);
  row("  update + layout", upd);
  row("  UI build", ui);
  row(("  look-ahead (" + std::to_string(look_ahead_ms.size()) + " still frames)").c_str(), percentiles(look_ahead_ms));
  row("  render submit", sub);
  row("update + layout + UI", upd_ui);
  for (const auto& [name, ms] : by_phase) row(("  while " + name).c_str(), percentiles(ms));
  for (const auto& [name, ms] : first_frames)
    row(("  " + name + " (" + std::to_string(ms.size()) + ")").c_str(), percentiles(ms));
  row("software raster (not CPU)", ras);
  row("frame wall clock, no raster", wall);
  std::printf("  peak RSS                           %8.1f MB\n", platform::peak_rss_mb());
  std::printf("  texture memory                     %8.1f MB at the end, %.1f MB at most\n", texture_mb, peak_texture_mb);
  std::printf("  decoded images                     %8.1f MB held at the end (budget %zu MB)\n", images_mb, images.budget() >> 20);
  std::printf("  frames over 16.7 ms (CPU)          %8zu\n", slow.size());
  for (std::size_t i = 0; i < slow.size() && i < 10; ++i)
    std::printf("    frame %5d  %6.2f ms CPU (update %.1f, UI %.1f, submit %.1f), %6.2f ms wall  %s\n", slow[i].frame,
                slow[i].ms, slow[i].update_ms, slow[i].ui_ms, slow[i].submit_ms, slow[i].wall_ms, slow[i].phase.c_str());
  std::printf("  frames over 16.7 ms (wall)         %8d  (includes preemption by other threads and processes)\n", slow_wall);
  std::printf("  * with the time the frame thread waited for the second shaping thread (%.1f ms in all)\n",
              text.stats().shaping_wait_ms);
  return 0;
}

}  // namespace kiosk::app
