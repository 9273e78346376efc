// Golden renders: one sentence per script, drawn headlessly through the real renderer and
// compared with a reference PNG that a person has looked at (tests/ui/golden/).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>

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

// Renders one sample with `text` (start-aligned: right for right-to-left text); writes `out`.
void render(ui::TextEngine& text, const Sample& s, const std::string& out) {
  std::string error;
  auto display = platform::Display::open_headless(kWidth, kHeight, &error);
  REQUIRE(display);
  platform::ImGuiFrame imgui;
  platform::Renderer renderer(display->renderer());
  text.begin_frame();
  text.set_language(s.lang);
  ImDrawList* dl = imgui.begin(kWidth, kHeight, 0);
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(kWidth, kHeight), IM_COL32(255, 255, 255, 255));
  text.draw(dl, 20, 20, s.text, ui::TextStyle{44, ui::Weight::regular}, IM_COL32(20, 20, 40, 255), kWidth - 40);
  renderer.render(imgui.end());
  REQUIRE(display->save_png(out, &error));
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
