// The text module with the real fonts: direction, line breaking, fallback, caches.
#include <catch2/catch.hpp>

#include <string>

#include "platform/fonts.hpp"
#include "ui/text.hpp"

using namespace kiosk::ui;

namespace {
FontSet fonts() {
  std::string error;
  FontSet set = kiosk::platform::load_font_manifest(FONTS_DIR, &error);
  INFO(error);
  REQUIRE(error.empty());
  return set;
}

const TextStyle kBody{32, Weight::regular};

// Visual x of the glyph whose cluster starts at byte `cluster`.
float x_of(const std::vector<TextEngine::PlacedGlyph>& glyphs, std::uint32_t cluster) {
  for (const auto& g : glyphs)
    if (g.cluster == cluster) return g.x;
  FAIL("no glyph for cluster " << cluster);
  return 0;
}
}  // namespace

TEST_CASE("every script of the kiosk's languages is covered") {
  TextEngine text(fonts());
  const char* samples[][2] = {
      {"vi", "Tiếng Việt: Đoàn kết là sức mạnh."}, {"zh-Hant", "團結就是力量，我們一起走。"},
      {"ko", "연대는 우리의 힘입니다."},             {"pa", "ਏਕਤਾ ਵਿੱਚ ਬਲ ਹੈ।"},
      {"hi", "एकता में बल है।"},                     {"km", "សាមគ្គីភាពគឺជាកម្លាំង។"},
      {"ur", "اتحاد میں طاقت ہے۔"},                  {"ar", "الاتحاد قوة."},
      {"am", "አንድነት ኃይል ነው።"},                    {"th", "ความสามัคคีคือพลัง"},
  };
  for (const auto& [lang, sample] : samples) {
    INFO(lang << ": " << sample);
    text.set_language(lang);
    CHECK(text.measure(sample, kBody) > 0);
    for (const auto& g : text.place(sample, kBody)) CHECK_FALSE(g.missing);
  }
  CHECK(text.missing_glyphs() == 0);
}

TEST_CASE("a character no font has is counted, drawn as a box, never dropped") {
  TextEngine text(fonts());
  const std::string s = "a\xF0\x9F\x80\x80"  // U+1F000 MAHJONG TILE EAST WIND: not in the Noto set used
                        "b";
  const auto glyphs = text.place(s, kBody);
  REQUIRE(glyphs.size() == 3);
  CHECK(glyphs[1].missing);
  CHECK(glyphs[1].advance > 0);
  CHECK(text.missing_glyphs() == 1);
}

TEST_CASE("left-to-right text keeps its order, and Arabic and Urdu run right to left") {
  TextEngine text(fonts());
  const auto latin = text.place("abc", kBody);
  CHECK(x_of(latin, 0) < x_of(latin, 1));
  CHECK(x_of(latin, 1) < x_of(latin, 2));
  text.set_language("ur");
  const std::string urdu = "اتحاد میں";
  CHECK(text.is_rtl(urdu));
  const auto u = text.place(urdu, kBody);
  CHECK(x_of(u, 0) > x_of(u, static_cast<std::uint32_t>(std::string("اتحاد ").size())));
}

TEST_CASE("a Latin name inside an Urdu sentence stays left to right") {
  TextEngine text(fonts());
  text.set_language("ur");
  const std::string before = "یہ ";
  const std::string s = before + "Grace Lee" + " ہے";
  const auto glyphs = text.place(s, kBody);
  const auto at = static_cast<std::uint32_t>(before.size());
  CHECK(x_of(glyphs, at) < x_of(glyphs, at + 1));  // G left of r
  CHECK(x_of(glyphs, at + 6) > x_of(glyphs, at));   // L right of G
  CHECK(x_of(glyphs, 0) > x_of(glyphs, at + 8));    // the Urdu start is rightmost
}

TEST_CASE("CJK breaks between characters but never before closing punctuation") {
  TextEngine text(fonts());
  text.set_language("zh-Hant");
  const std::string s = "團結就是力量，我們一起走向未來。";
  const float w = text.measure("團結就是力量", kBody) + 1;
  const auto lines = text.wrap(s, kBody, w);
  REQUIRE(lines.size() >= 2);
  for (const auto& line : lines) {
    CHECK(text.measure(line, kBody) <= w + text.measure("，", kBody));
    CHECK_FALSE(line.starts_with("，"));
    CHECK_FALSE(line.starts_with("。"));
  }
  std::string joined;
  for (const auto& line : lines) joined += line;
  CHECK(joined == s);
}

TEST_CASE("Korean breaks between words, not inside them") {
  TextEngine text(fonts());
  text.set_language("ko");
  const std::string s = "연대는 우리의 힘입니다 함께 걸어요";
  const auto lines = text.wrap(s, kBody, text.measure("연대는 우리의 힘", kBody));
  REQUIRE(lines.size() >= 2);
  for (const auto& line : lines) {
    INFO(line);
    CHECK(s.find(line) != std::string::npos);
    // every line ends at a word end: the next character in the sentence is a space or the end
    const std::size_t end = s.find(line) + line.size();
    CHECK((end == s.size() || s[end] == ' '));
  }
}

TEST_CASE("mixed Latin and CJK, long URLs and Arabic paragraphs wrap within the width") {
  TextEngine text(fonts());
  const float width = 300;
  for (const char* s : {"The 1982 strike 華埠制衣工人大罷工 brought 20,000 workers to the streets of Chinatown.",
                        "Source: https://www.example.org/a/very/long/path/without/any/spaces/at/all/index.html",
                        "الاتحاد قوة والعمل معا يبني مستقبلا أفضل لكل العمال في كل مكان."}) {
    INFO(s);
    const auto lines = text.wrap(s, kBody, width);
    CHECK(lines.size() >= 2);
    for (const auto& line : lines) CHECK(text.measure(line, kBody) <= width + 0.5f);
  }
}

TEST_CASE("cut text ends in an ellipsis within the width") {
  TextEngine text(fonts());
  const auto lines = text.wrap("one two three four five six seven eight nine ten eleven twelve", kBody, 200, 2);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].ends_with("\xE2\x80\xA6"));
  CHECK(text.measure(lines[1], kBody) <= 200);
}

TEST_CASE("a steady frame shapes and rasterises nothing") {
  TextEngine text(fonts());
  const std::string s = "Filipino and Mexican American farmworkers strike together";
  text.begin_frame();
  text.wrap(s, kBody, 400);
  text.measure(s, kBody);
  const auto after_first = text.stats();
  for (int frame = 0; frame < 3; ++frame) {
    text.begin_frame();
    text.wrap(s, kBody, 400);
    text.measure(s, kBody);
  }
  CHECK(text.stats().shaped == after_first.shaped);
  CHECK(text.stats().rasterised == after_first.rasterised);
}
