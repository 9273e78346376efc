#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "app/commands.hpp"
#include "platform/cpu_time.hpp"
#include "platform/fonts.hpp"
#include "core/frame_stats.hpp"
#include "core/kiosk.hpp"
#include "core/layout.hpp"
#include "core/loader.hpp"
#include "platform/imgui_backend.hpp"

namespace kiosk::app {

namespace {

// About 2,000 characters made by repeating `parts`, as one detail screen holds.
std::string repeat_to_2000(std::initializer_list<const char*> parts) {
  std::string s;
  std::size_t chars = 0;
  while (chars < 2000) {
    for (const char* p : parts) {
      s += p;
      for (const char* c = p; *c; ++c) chars += (static_cast<unsigned char>(*c) & 0xC0) != 0x80;
    }
  }
  return s;
}

struct TextCase {
  const char* name;
  const char* lang;
  std::string text;
};

// Lays out 10,000 random events at zoom levels from the whole history to a week.
void bench_layout(int runs) {
  core::Content c;
  std::uint32_t seed = 12345;
  auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  for (int i = 0; i < 10'000; ++i) {
    core::Event e;
    e.id = "e" + std::to_string(i);
    e.start = core::Date{1880 + static_cast<int>(next() % 145), 1 + static_cast<int>(next() % 12), 1};
    e.t0 = core::period_start(e.start);
    e.t1 = core::period_end(e.start);
    e.importance = 1 + static_cast<int>(next() % 5);
    c.events.push_back(e);
  }
  std::sort(c.events.begin(), c.events.end(), [](const core::Event& a, const core::Event& b) { return a.t0 < b.t0; });
  c.reindex();
  core::KioskState s = core::initial_state(c);
  std::printf("layout: 10,000 events, one frame's layout, median of %d runs\n", runs);
  for (double span : {150.0, 10.0, 1.0, 0.05}) {
    s.view = core::clamp_view(core::View{1950 - span / 2, 1950 + span / 2}, s.limits);
    std::vector<double> ms;
    std::size_t cards = 0;
    for (int r = 0; r < runs; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      const core::Layout l = core::compute_layout(c, s, core::Viewport{1920, 1080, 3.6f}, core::LayoutMetrics{});
      const auto t1 = std::chrono::steady_clock::now();
      cards = l.cards.size();
      ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::printf("  view of %8.2f years: %6.3f ms (%zu cards)\n", span, core::median(ms), cards);
  }
}

// A detail screen's worth (~2,000 characters) of the bundled content's Urdu, as the detail page
// draws it: each event's headline, story and solidarity note, event after event, in their types.
// Cold (a new engine, fonts warmed up) and wall ms, median of `runs`: shaped together
// (TextEngine::prepare, as the story page's layout does) then drawn, drawn one paragraph at a
// time, and on one thread.
void bench_content_urdu(const ui::FontSet& fonts, platform::ImGuiFrame& imgui, int runs) {
  const core::LoadResult loaded = core::load_content(std::filesystem::path(KIOSK_SOURCE_DIR) / "content");
  std::vector<std::pair<std::string, ui::TextStyle>> page;
  std::size_t chars = 0;
  auto count = [](const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  for (const core::Event& e : loaded.content.events) {
    const core::LocalText* story = e.body.has("ur") ? &e.body : &e.summary;
    for (const auto& [text, style] : {std::pair{&e.headline, ui::TextStyle{40, ui::Weight::bold}},
                                      std::pair{story, ui::TextStyle{30, ui::Weight::regular}},
                                      std::pair{&e.solidarity, ui::TextStyle{24, ui::Weight::regular}}}) {
      if (chars >= 2000 || !text->has("ur")) continue;
      page.emplace_back(text->get("ur", "ur"), style);
      chars += count(page.back().first);
    }
  }
  if (page.empty()) return;
  // [0] prepared together, as the detail page does; [1] drawn one paragraph at a time; [2] one thread.
  std::vector<double> ms[3];
  for (int r = 0; r < runs; ++r) {
    for (int mode = 0; mode < 3; ++mode) {  // alternated, so all meet the same machine load
      ui::TextEngine text(fonts);
      text.set_language("ur");
      text.set_two_shaping_threads(mode < 2);
      text.warm_up_fonts();
      text.wait_for_fonts();
      ImDrawList* dl = imgui.begin(1920, 1080, 0);
      const auto t0 = std::chrono::steady_clock::now();
      text.begin_frame();
      if (mode == 0) {
        std::vector<ui::TextEngine::Paragraph> all;
        for (const auto& [s, style] : page) all.push_back({s, style});
        text.prepare(all, false);  // as the story page's layout: its glyphs are made as it is drawn
      }
      float y = 20;
      for (const auto& [s, style] : page) y += text.draw_wrapped(dl, 20, y, s, style, 900, IM_COL32(0, 0, 0, 255));
      const auto t1 = std::chrono::steady_clock::now();
      imgui.end();
      ms[mode].push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
  }
  std::printf("  %-30s cold %6.2f ms (paragraph by paragraph %6.2f, one thread %6.2f): %zu characters in %zu\n"
              "  %-30s paragraphs of the bundled content's Urdu, as a detail page\n",
              "Urdu detail screen, content", core::median(ms[0]), core::median(ms[1]), core::median(ms[2]), chars,
              page.size(), "");
}

}  // namespace

int run_bench_micro(const Options& o) {
  std::string error;
  const ui::FontSet fonts = platform::load_font_manifest(std::filesystem::path(KIOSK_SOURCE_DIR) / "fonts", &error);
  if (fonts.faces.empty()) {
    std::fprintf(stderr, "kiosk: %s\n", error.c_str());
    return 1;
  }
  platform::ImGuiFrame imgui;
  const std::vector<TextCase> cases = {
      {"English detail screen", "en",
       repeat_to_2000({"Filipino and Mexican American farmworkers strike together in Delano, California. ",
                       "The five-year strike used marches, nonviolent action and a consumer boycott. "})},
      {"Urdu detail screen", "ur", repeat_to_2000({"اتحاد میں طاقت ہے۔ ", "کسانوں نے مل کر ہڑتال کی۔ "})},
      {"Punjabi detail screen", "pa", repeat_to_2000({"ਏਕਤਾ ਵਿੱਚ ਬਲ ਹੈ। ", "ਕਿਸਾਨਾਂ ਨੇ ਮਿਲ ਕੇ ਹੜਤਾਲ ਕੀਤੀ। "})},
      {"Chinese detail screen", "zh-Hant",
       repeat_to_2000({"團結就是力量，我們一起走。", "一九六五年，菲律賓裔與墨西哥裔農工在德拉諾一同罷工。"})},
      {"Hindi with Latin names", "hi",
       repeat_to_2000({"एकता में बल है। ", "1965 में Delano के किसानों ने Larry Itliong के साथ हड़ताल की। "})},
      {"nine scripts in one paragraph", "en",
       repeat_to_2000({"Farmworkers strike together. ", "Tiếng Việt: Đoàn kết là sức mạnh. ", "團結就是力量，我們一起走。",
                       "연대는 우리의 힘입니다. ", "ਏਕਤਾ ਵਿੱਚ ਬਲ ਹੈ। ", "एकता में बल है। ", "សាមគ្គីភាពគឺជាកម្លាំង។ ",
                       "اتحاد میں طاقت ہے۔ ", "አንድነት ኃይል ነው። "})},
  };
  const ui::TextStyle style{30, ui::Weight::regular};
  std::printf("text engine: ~2000 characters wrapped to 1800 px and drawn, median of %d runs, wall ms: as the kiosk\n"
              "  does (a long paragraph shaped on two threads) and, in brackets, on one thread; steady: thread CPU ms\n"
              "  cold: a new engine (fonts opened and warmed up, nothing drawn yet); new text: an engine that has drawn the\n"
              "  same scripts at another size (fonts in use, as in a running kiosk), this text's runs and glyphs new\n",
              o.bench_runs);
  for (const TextCase& tc : cases) {
    if (std::string(tc.name).find(o.bench_case) == std::string::npos) continue;
    // Wall time, [0] with a long paragraph shaped on two threads (as the kiosk does), [1] on one.
    std::vector<double> cold_ms[2], new_ms[2], warm_ms, warm_up_ms;
    auto timed = [&](ui::TextEngine& text, ui::TextStyle st, std::vector<double>* wall, std::vector<double>* cpu) {
      ImDrawList* dl = imgui.begin(1920, 1080, 0);
      const auto t0 = std::chrono::steady_clock::now();
      const double c0 = platform::thread_cpu_ms();
      text.begin_frame();
      text.draw_wrapped(dl, 20, 20, tc.text, st, 1800, IM_COL32(0, 0, 0, 255));
      const double c1 = platform::thread_cpu_ms();
      const auto t1 = std::chrono::steady_clock::now();
      imgui.end();
      if (wall) wall->push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      if (cpu) cpu->push_back(c1 - c0);
    };
    for (int r = 0; r < o.bench_runs; ++r) {
      for (int one = 0; one < 2; ++one) {  // alternated, so both meet the same machine load
        ui::TextEngine text(fonts);        // a new engine: every cache is empty
        text.set_language(tc.lang);
        text.set_two_shaping_threads(one == 0);
        const auto w0 = std::chrono::steady_clock::now();
        text.warm_up_fonts();  // as the kiosk does at start
        text.wait_for_fonts();
        warm_up_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - w0).count());
        timed(text, style, &cold_ms[one], nullptr);
        timed(text, style, nullptr, one == 0 ? &warm_ms : nullptr);
        ui::TextEngine used(fonts);
        used.set_language(tc.lang);
        used.set_two_shaping_threads(one == 0);
        timed(used, ui::TextStyle{style.size_px - 4, style.weight}, nullptr, nullptr);
        timed(used, style, &new_ms[one], nullptr);
      }
    }
    std::printf("  %-30s cold %6.2f ms (one thread %6.2f)   new text %6.2f ms (%6.2f)   steady %6.3f ms\n", tc.name,
                core::median(cold_ms[0]), core::median(cold_ms[1]), core::median(new_ms[0]), core::median(new_ms[1]), core::median(warm_ms));
    if (std::string(tc.name).starts_with("English"))
      std::printf("  (fonts warmed up on the second thread at start: %.1f ms, not on the caller's thread)\n",
                  core::median(warm_up_ms));
  }
  if (std::string("Urdu detail screen, content").find(o.bench_case) != std::string::npos || o.bench_case.empty())
    bench_content_urdu(fonts, imgui, o.bench_runs);
  if (std::string("layout").find(o.bench_case) != std::string::npos || o.bench_case.empty()) bench_layout(o.bench_runs);
  return 0;
}

}  // namespace kiosk::app
