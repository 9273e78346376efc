// The text module with the real fonts: direction, line breaking, fallback, caches.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "platform/fonts.hpp"
#include "real_fonts.hpp"
#include "platform/imgui_backend.hpp"
#include "ui/text.hpp"

using namespace kiosk::ui;

namespace {
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
  TextEngine text(kiosk::test::real_fonts());
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
  TextEngine text(kiosk::test::real_fonts());
  const std::string s = "a\xF0\x9F\x80\x80"  // U+1F000 MAHJONG TILE EAST WIND: not in the Noto set used
                        "b";
  const auto glyphs = text.place(s, kBody);
  REQUIRE(glyphs.size() == 3);
  CHECK(glyphs[1].missing);
  CHECK(glyphs[1].advance > 0);
  CHECK(text.missing_glyphs() == 1);
}

TEST_CASE("left-to-right text keeps its order, and Arabic and Urdu run right to left") {
  TextEngine text(kiosk::test::real_fonts());
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
  TextEngine text(kiosk::test::real_fonts());
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
  TextEngine text(kiosk::test::real_fonts());
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
  TextEngine text(kiosk::test::real_fonts());
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
  TextEngine text(kiosk::test::real_fonts());
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
  TextEngine text(kiosk::test::real_fonts());
  const auto lines = text.wrap("one two three four five six seven eight nine ten eleven twelve", kBody, 200, 2);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].ends_with("\xE2\x80\xA6"));
  CHECK(text.measure(lines[1], kBody) <= 200);
}

TEST_CASE("cut text ends after a whole word where it can, and between characters where it has no spaces") {
  TextEngine text(kiosk::test::real_fonts());
  const std::string words = "one two three four five six seven eight nine ten eleven twelve";
  for (float width : {180.0f, 200.0f, 230.0f, 260.0f}) {
    INFO(width);
    const auto lines = text.wrap(words, kBody, width, 2);
    REQUIRE(lines.size() == 2);
    const std::string kept = lines[1].substr(0, lines[1].size() - 3);  // less the ellipsis
    CHECK(text.measure(lines[1], kBody) <= width);
    // Every word kept is whole: the kept text ends a word of the sentence.
    CHECK(words.find(kept + " ") != std::string::npos);
  }
  text.set_language("ur");
  const std::string urdu = "\u06AF\u0631\u06CC\u0633 \u0644\u06CC \u0628\u0627\u06AF\u0632 \u0646\u06D2 \u0648\u06C1 "
                           "\u06A9\u0627\u0646\u0641\u0631\u0646\u0633 \u0645\u0646\u0638\u0645 \u06A9\u06CC";
  const float w = text.measure(urdu, kBody) * 0.8f;
  const auto ur = text.wrap(urdu, kBody, w, 1);
  REQUIRE(ur.size() == 1);
  const std::string ur_kept = ur[0].substr(0, ur[0].size() - 3);
  INFO(ur[0]);
  CHECK(urdu.find(ur_kept + " ") == 0);  // whole words from the start
  text.set_language("zh-Hant");
  const std::string han = "\u83EF\u57E0\u8863\u5DE5\u7F77\u5DE5\u7D50\u675F\u4E26\u8D0F\u5F97\u5408\u7D04";
  const auto zh = text.wrap(han, kBody, text.measure(han, kBody) * 0.6f, 1);
  REQUIRE(zh.size() == 1);
  CHECK(zh[0].size() > 3 * 3);  // several characters kept before the ellipsis
  CHECK(han.find(zh[0].substr(0, zh[0].size() - 3)) == 0);
}

TEST_CASE("a steady frame shapes and rasterises nothing") {
  TextEngine text(kiosk::test::real_fonts());
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

TEST_CASE("a paragraph's whole run stays cached while its kept line breaks are used") {
  TextCacheLimits small;
  small.shaped_runs = 12;
  TextEngine text(kiosk::test::real_fonts(), small);
  const std::string story = "Filipino and Mexican American farmworkers strike together in Delano, California, in 1965.";
  text.wrap(story, kBody, 300);  // the whole run and three or four line slices
  for (int i = 0; i < 40; ++i) {  // other text comes and goes; the story is measured every frame
    text.begin_frame();
    text.measure("label " + std::to_string(i), kBody);
    text.wrap(story, kBody, 300);
  }
  const long long shaped = text.stats().shaped;
  text.prepare({{story, kBody}});  // finds it shaped: nothing is shaped again
  CHECK(text.stats().shaped == shaped);
}

TEST_CASE("each paragraph aligns and orders by its own direction, drawn from the lines the wrap shaped") {
  TextEngine text(kiosk::test::real_fonts());
  text.set_language("ur");
  // An English paragraph, then an Urdu one ("unity is strength."), start-aligned in 800 px.
  const std::string s = "Unity is strength.\n\xD8\xA7\xD8\xAA\xD8\xAD\xD8\xA7\xD8\xAF \xD9\x85\xDB\x8C\xDA\xBA "
                        "\xD8\xB7\xD8\xA7\xD9\x82\xD8\xAA \xDB\x81\xDB\x92.";
  kiosk::platform::ImGuiFrame imgui;
  ImDrawList* dl = imgui.begin(1000, 400, 0);
  text.begin_frame();
  REQUIRE(text.wrap(s, kBody, 800).size() == 2);
  const long long shaped = text.stats().shaped;
  const float height = text.draw_wrapped(dl, 0, 0, s, kBody, 800, IM_COL32(0, 0, 0, 255));
  CHECK(text.stats().shaped == shaped);  // both lines drawn from the slices the wrap kept
  float first_min = 1e9f, first_max = -1e9f, second_min = 1e9f, second_max = -1e9f;
  for (const ImDrawVert& v : dl->VtxBuffer) {
    const bool second = v.pos.y > height / 2;
    (second ? second_min : first_min) = std::min(second ? second_min : first_min, v.pos.x);
    (second ? second_max : first_max) = std::max(second ? second_max : first_max, v.pos.x);
  }
  imgui.end();
  CHECK(first_min < 10);     // English starts at the left
  CHECK(first_max < 400);
  CHECK(second_max > 790);   // Urdu starts at the right
  CHECK(second_min > 400);
}

TEST_CASE("an engine without fonts prepares, wraps and draws nothing, and says why") {
  TextEngine text(FontSet{});
  CHECK_FALSE(text.error().empty());
  text.prepare({{"Delano 1965", kBody}});
  CHECK(text.wrap("Delano 1965", kBody, 300).empty());
  kiosk::platform::ImGuiFrame imgui;
  ImDrawList* dl = imgui.begin(400, 200, 0);
  text.begin_frame();
  text.draw_wrapped(dl, 0, 0, "Delano 1965", kBody, 300, IM_COL32(0, 0, 0, 255));
  imgui.end();
  CHECK(text.stats().shaped == 0);
  CHECK(text.stats().rasterised == 0);
}

TEST_CASE("kept line breaks match fresh ones, also when tiny caches evict them and their shaped lines") {
  const std::vector<std::string> texts = {
      "Filipino and Mexican American farmworkers strike together in Delano, California.",
      "\xD8\xA7\xD8\xAA\xD8\xAD\xD8\xA7\xD8\xAF \xD9\x85\xDB\x8C\xDA\xBA \xD8\xB7\xD8\xA7\xD9\x82\xD8\xAA "
      "\xDB\x81\xDB\x92 Grace Lee Boggs \xD8\xA7\xD9\x88\xD8\xB1 Malcolm X",
      "Grace Lee Boggs and Malcolm X in Detroit\nA second paragraph after a line break.",
  };
  TextEngine fresh(kiosk::test::real_fonts());
  TextEngine kept(kiosk::test::real_fonts());
  TextCacheLimits tiny;
  tiny.shaped_runs = 3;
  tiny.wrapped_texts = 2;
  TextEngine evicting(kiosk::test::real_fonts(), tiny);
  for (TextEngine* t : {&fresh, &kept, &evicting}) t->set_language("ur");
  for (int round = 0; round < 4; ++round) {
    for (const std::string& s : texts) {
      for (const float width : {260.0f, 520.0f}) {
        for (const int max_lines : {0, 2}) {
          INFO(s << " at " << width << " px, " << max_lines << " lines, round " << round);
          TextEngine cold(kiosk::test::real_fonts());
          cold.set_language("ur");
          const std::vector<std::string> expected = cold.wrap(s, kBody, width, max_lines);
          CHECK(kept.wrap(s, kBody, width, max_lines) == expected);
          CHECK(evicting.wrap(s, kBody, width, max_lines) == expected);
          // Drawn lines come from the shaped slices the break kept, or are shaped again alike.
          CHECK(evicting.measure(expected.front(), kBody) == cold.measure(expected.front(), kBody));
        }
      }
    }
  }
  // The kept engine broke each text once per width and line limit: later rounds shaped nothing new.
  const long long shaped_after_first_round = [&] {
    TextEngine once(kiosk::test::real_fonts());
    once.set_language("ur");
    for (const std::string& s : texts)
      for (const float width : {260.0f, 520.0f})
        for (const int max_lines : {0, 2}) once.wrap(s, kBody, width, max_lines);
    return once.stats().shaped;
  }();
  CHECK(kept.stats().shaped == shaped_after_first_round);
  CHECK(evicting.stats().shaped > shaped_after_first_round);
}

namespace {
// Draws `texts` wrapped at places one above the other in `lang`; returns the vertices drawn and
// each call's height.
struct Drawn {
  int vertices = 0;
  std::vector<float> heights;
  int deferred = 0;
};
Drawn draw_places(kiosk::platform::ImGuiFrame& imgui, TextEngine& text, const char* lang,
                  const std::vector<std::string>& texts) {
  Drawn d;
  ImDrawList* dl = imgui.begin(1200, 900, 1.0f / 60);
  text.begin_frame();
  text.set_language(lang);
  for (std::size_t i = 0; i < texts.size(); ++i)
    d.heights.push_back(text.draw_wrapped(dl, 20, 20 + 150 * static_cast<float>(i), texts[i], kBody, 500,
                                          IM_COL32(0, 0, 0, 255)));
  d.vertices = dl->VtxBuffer.Size;
  d.deferred = text.stats().frame_deferred;
  imgui.end();
  return d;
}
}  // namespace

TEST_CASE("with a cold budget new text waits a frame where old text was, and is never left blank") {
  kiosk::platform::ImGuiFrame imgui;
  const std::vector<std::string> en = {"Farmworkers strike together in Delano.", "Unity is strength."};
  const std::vector<std::string> ur = {"کسانوں نے مل کر ہڑتال کی۔", "اتحاد میں طاقت ہے۔"};
  TextEngine reference(kiosk::test::real_fonts());  // no budget: draws what it is given
  const Drawn ref_en = draw_places(imgui, reference, "en", en);
  const Drawn ref_mixed = draw_places(imgui, reference, "ur", {ur[0]});
  CHECK(ref_en.deferred == 0);
  CHECK(ref_mixed.deferred == 0);

  TextEngine text(kiosk::test::real_fonts());
  text.set_cold_budget(1e-6);  // spent by the first new text of each frame
  const Drawn en1 = draw_places(imgui, text, "en", en);
  CHECK(en1.deferred == 0);  // nothing was drawn at these places before
  CHECK(en1.vertices == ref_en.vertices);
  // The switch: the first place gets its Urdu, the second shows its English once more.
  const Drawn ur1 = draw_places(imgui, text, "ur", ur);
  CHECK(ur1.deferred == 1);
  CHECK(ur1.heights[1] == en1.heights[1]);
  const int english_second_vertices = ref_en.vertices - [&] {
    TextEngine t(kiosk::test::real_fonts());
    return draw_places(imgui, t, "en", {en[0]}).vertices;
  }();
  CHECK(ur1.vertices == ref_mixed.vertices + english_second_vertices);
  // The next frame finishes it.
  const Drawn ur2 = draw_places(imgui, text, "ur", ur);
  CHECK(ur2.deferred == 0);
  TextEngine all_urdu(kiosk::test::real_fonts());
  CHECK(ur2.vertices == draw_places(imgui, all_urdu, "ur", ur).vertices);
  CHECK(ur2.heights[1] > en1.heights[1]);  // Nastaliq lines are taller
}

TEST_CASE("with a cold budget a place waits at most kMaxDeferredFrames frames") {
  kiosk::platform::ImGuiFrame imgui;
  TextEngine text(kiosk::test::real_fonts());
  text.set_cold_budget(1e-6);
  const char* en_words[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
  const char* hi_words[] = {"एक", "दो", "तीन", "चार", "पाँच", "छह", "सात", "आठ", "नौ", "दस"};
  const int places = TextEngine::kMaxDeferredFrames + 2;
  REQUIRE(places <= 10);
  const std::vector<std::string> en(en_words, en_words + places), hi(hi_words, hi_words + places);
  CHECK(draw_places(imgui, text, "en", en).deferred == 0);
  // Each frame the first text not ready is drawn and the others wait, none more than the limit:
  // in the frame after the limit, the one due and the last (which waited the limit) are drawn.
  for (int frame = 1; frame <= TextEngine::kMaxDeferredFrames; ++frame) {
    INFO("frame " << frame);
    CHECK(draw_places(imgui, text, "hi", hi).deferred == places - frame);
  }
  CHECK(draw_places(imgui, text, "hi", hi).deferred == 0);
  const auto before = text.stats();
  CHECK(draw_places(imgui, text, "hi", hi).deferred == 0);
  CHECK(text.stats().shaped == before.shaped);  // all of it is ready now
}

TEST_CASE("with the cold budget off, or at places not drawn last frame, nothing waits") {
  kiosk::platform::ImGuiFrame imgui;
  TextEngine off(kiosk::test::real_fonts());
  CHECK(draw_places(imgui, off, "en", {"one", "two"}).deferred == 0);
  CHECK(draw_places(imgui, off, "hi", {"एक", "दो"}).deferred == 0);

  TextEngine text(kiosk::test::real_fonts());
  text.set_cold_budget(1e-6);
  CHECK(draw_places(imgui, text, "en", {"one"}).deferred == 0);
  CHECK(draw_places(imgui, text, "hi", {"एक", "दो", "तीन"}).deferred == 0);  // only the first place had text
  // A frame without a place forgets it: drawing there later is not held back.
  CHECK(draw_places(imgui, text, "en", {}).deferred == 0);
  CHECK(draw_places(imgui, text, "ko", {"하나", "둘"}).deferred == 0);
}
