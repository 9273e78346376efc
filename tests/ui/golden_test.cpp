// Golden renders: one sentence per script, drawn headlessly through the real renderer and
// compared with a reference PNG that a person has looked at (tests/ui/golden/).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <stb_image.h>

#include "platform/display.hpp"
#include "platform/fonts.hpp"
#include "real_fonts.hpp"
#include "platform/imgui_backend.hpp"
#include "platform/renderer.hpp"
#include "ui/text.hpp"

using namespace kiosk;

namespace {

struct Sample {
  const char* name;
  const char* lang;
  const char* text;
};

// "Unity is strength" and similar short sentences, one per script the kiosk must shape.
const Sample kSamples[] = {
    {"vi", "vi", "Tiếng Việt: Đoàn kết là sức mạnh."},
    {"zh-Hant", "zh-Hant", "團結就是力量，我們一起走。"},
    {"ko", "ko", "연대는 우리의 힘입니다."},
    {"pa", "pa", "ਏਕਤਾ ਵਿੱਚ ਬਲ ਹੈ। ਸਿੱਖ ਭਾਈਚਾਰਾ"},
    {"hi", "hi", "एकता में बल है। हिन्दी भाषा"},
    {"km", "km", "សាមគ្គីភាពគឺជាកម្លាំង។"},
    {"ur", "ur", "اتحاد میں طاقت ہے۔ Grace Lee"},
    {"ar", "ar", "الاتحاد قوة."},
    {"am", "am", "አንድነት ኃይል ነው።"},
};

constexpr int kWidth = 900, kHeight = 120;

// Renders what `draw` draws on white, w x h, through the real renderer headless; writes `out`.
void render_png(int w, int h, const std::string& out, const std::function<void(ImDrawList*)>& draw) {
  std::string error;
  auto display = platform::Display::open_headless(w, h, &error);
  REQUIRE(display);
  platform::ImGuiFrame imgui;
  platform::Renderer renderer(display->renderer());
  ImDrawList* dl = imgui.begin(static_cast<float>(w), static_cast<float>(h), 0);
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(static_cast<float>(w), static_cast<float>(h)), IM_COL32(255, 255, 255, 255));
  draw(dl);
  renderer.render(imgui.end());
  REQUIRE(display->save_png(out, &error));
}

// Renders one sample with `text` (start-aligned: right for right-to-left text); writes `out`.
void render(ui::TextEngine& text, const Sample& s, const std::string& out) {
  text.begin_frame();
  text.set_language(s.lang);
  render_png(kWidth, kHeight, out, [&](ImDrawList* dl) {
    text.draw(dl, 20, 20, s.text, ui::TextStyle{44, ui::Weight::regular}, IM_COL32(20, 20, 40, 255), kWidth - 40);
  });
  CHECK(text.missing_glyphs() == 0);
}

std::filesystem::path out_dir() {
  const auto dir = std::filesystem::temp_directory_path() / "kiosk-golden";
  std::filesystem::create_directories(dir);
  return dir;
}

std::string golden_of(const Sample& s) { return std::string(GOLDEN_DIR) + "/" + s.name + ".png"; }

// Share of pixels whose colour differs by more than 48 in any channel.
double differing_share(const std::string& a, const std::string& b) {
  int wa = 0, ha = 0, wb = 0, hb = 0, c = 0;
  unsigned char* pa = stbi_load(a.c_str(), &wa, &ha, &c, 3);
  unsigned char* pb = stbi_load(b.c_str(), &wb, &hb, &c, 3);
  double share = 1.0;
  if (pa && pb && wa == wb && ha == hb) {
    long differing = 0;
    for (long i = 0; i < static_cast<long>(wa) * ha; ++i)
      for (int k = 0; k < 3; ++k)
        if (std::abs(pa[i * 3 + k] - pb[i * 3 + k]) > 48) {
          ++differing;
          break;
        }
    share = static_cast<double>(differing) / (static_cast<double>(wa) * ha);
  }
  stbi_image_free(pa);
  stbi_image_free(pb);
  return share;
}

}  // namespace

TEST_CASE("each script renders like its reviewed golden image") {
  for (const Sample& s : kSamples) {
    ui::TextEngine text(kiosk::test::real_fonts());
    const std::string out = (out_dir() / (std::string(s.name) + ".png")).string();
    INFO(s.name << ": rendered " << out << ", reference " << golden_of(s));
    render(text, s, out);
    REQUIRE(std::filesystem::exists(golden_of(s)));  // a new sample: look at `out`, then copy it there
    CHECK(differing_share(out, golden_of(s)) < 0.002);
  }
}

TEST_CASE("a tiny glyph cache evicts pages yet every render stays correct") {
  ui::TextEngine text(kiosk::test::real_fonts(), ui::TextCacheLimits{128, 2, 4});  // two 128-px pages, four runs
  for (int round = 0; round < 2; ++round) {
    for (const Sample& s : kSamples) {
      const std::string out = (out_dir() / (std::string("tiny-") + s.name + ".png")).string();
      INFO("round " << round << ", " << s.name << ": " << out);
      render(text, s, out);
      CHECK(differing_share(out, golden_of(s)) < 0.002);
    }
  }
  CHECK(text.stats().evictions > 0);
}

// A screen's paragraphs prepared together (shaped and rasterised on two threads, the second with
// its own copies of the faces), or drawn one by one on two threads, draw exactly the pixels that
// drawing them one at a time on one thread does.
TEST_CASE("text prepared or drawn on two threads draws the same pixels as on one thread") {
  const std::vector<std::pair<std::string, ui::TextStyle>> page = {
      {"\xD8\xA7\xD8\xAA\xD8\xAD\xD8\xA7\xD8\xAF \xD9\x85\xDB\x8C\xDA\xBA \xD8\xB7\xD8\xA7\xD9\x82\xD8\xAA \xDB\x81\xDB\x92\xDB\x94 "
       "Grace Lee Boggs", ui::TextStyle{40, ui::Weight::bold}},
      {"Tiếng Việt: Đoàn kết là sức mạnh. 團結就是力量，我們一起走。 연대는 우리의 힘입니다.", ui::TextStyle{30, ui::Weight::regular}},
      {"ਏਕਤਾ ਵਿੱਚ ਬਲ ਹੈ। एकता में बल है। សាមគ្គីភាពគឺជាកម្លាំង។ አንድነት ኃይል ነው።\nالاتحاد قوة.", ui::TextStyle{24, ui::Weight::regular}},
      {"Filipino and Mexican American farmworkers strike together in Delano, California.", ui::TextStyle{30, ui::Weight::regular}},
  };
  constexpr int kW = 900, kH = 700;
  // `how`: "prepared" (shaped and rasterised together first), "measured" (wrapped first, as the
  // layout measures text before it is drawn) or "drawn" (nothing first).
  auto render_page = [&](ui::TextEngine& text, const std::string& how, const std::string& out) {
    text.begin_frame();
    text.set_language("ur");
    if (how == "prepared") {
      std::vector<ui::TextEngine::Paragraph> all;
      for (const auto& [s, style] : page) all.push_back({s, style});
      text.prepare(all);
    }
    if (how == "measured")
      for (const auto& [s, style] : page) text.wrap(s, style, kW - 40);
    render_png(kW, kH, out, [&](ImDrawList* dl) {
      float y = 10;
      for (const auto& [s, style] : page) y += text.draw_wrapped(dl, 20, y, s, style, kW - 40, IM_COL32(20, 20, 40, 255)) + 10;
    });
  };
  auto pixels = [](const std::string& path) {
    int w = 0, h = 0, c = 0;
    unsigned char* p = stbi_load(path.c_str(), &w, &h, &c, 3);
    REQUIRE(p);
    std::vector<unsigned char> v(p, p + static_cast<std::size_t>(w) * h * 3);
    stbi_image_free(p);
    return v;
  };
  ui::TextEngine alone(kiosk::test::real_fonts());
  alone.set_two_shaping_threads(false);  // one paragraph at a time, on this thread alone
  const std::string alone_png = (out_dir() / "page-alone.png").string();
  render_page(alone, "drawn", alone_png);
  CHECK(alone.stats().rasterised_elsewhere == 0);
  // Prepared with the second thread's faces opened on first use, or at warm-up; or not prepared:
  // each paragraph drawn for the first time has its glyphs rasterised on both threads, whether it
  // was measured before or not.
  for (const char* mode : {"together", "warmed", "drawn", "measured"}) {
    const std::string name = mode;
    ui::TextEngine together(kiosk::test::real_fonts());
    if (name == "warmed") {
      together.warm_up_fonts();
      together.wait_for_fonts();
    }
    const std::string together_png = (out_dir() / ("page-" + name + ".png")).string();
    INFO(together_png << " against " << alone_png);
    render_page(together, name == "together" || name == "warmed" ? "prepared" : name, together_png);
    CHECK(together.stats().rasterised == alone.stats().rasterised);
    CHECK(together.stats().rasterised_elsewhere > 40);
    CHECK(pixels(together_png) == pixels(alone_png));
    CHECK(together.missing_glyphs() == 0);
  }
  // Single lines (draw(), as the header, labels and buttons are drawn), each with many glyphs new
  // to the atlas: made on both threads, the same pixels as on one.
  auto render_lines = [&](ui::TextEngine& text, const std::string& out) {
    text.begin_frame();
    text.set_language("ur");
    render_png(kW, kH, out, [&](ImDrawList* dl) {
      float y = 10;
      for (const auto& [s, style] : page)
        for (const std::string& line : text.wrap(s, style, kW - 40)) {
          text.draw(dl, 20, y, line, style, IM_COL32(20, 20, 40, 255), kW - 40);
          y += text.line_height(style, line);
        }
    });
  };
  ui::TextEngine lines_alone(kiosk::test::real_fonts());
  lines_alone.set_two_shaping_threads(false);
  ui::TextEngine lines_both(kiosk::test::real_fonts());
  const std::string lines_alone_png = (out_dir() / "lines-alone.png").string();
  const std::string lines_both_png = (out_dir() / "lines-both.png").string();
  render_lines(lines_alone, lines_alone_png);
  render_lines(lines_both, lines_both_png);
  CHECK(lines_alone.stats().rasterised_elsewhere == 0);
  CHECK(lines_both.stats().rasterised_elsewhere > 40);
  CHECK(lines_both.stats().rasterised == lines_alone.stats().rasterised);
  CHECK(pixels(lines_both_png) == pixels(lines_alone_png));
}
