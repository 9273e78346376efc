// The text module's own shaper (HarfBuzz fonts kept per face) against libraqm 0.7, which it
// replaced: glyph for glyph the same on every string the kiosk ships and on bidi edge cases.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <raqm.h>

#include "platform/fonts.hpp"
#include "ui/text_script.hpp"
#include "ui/text_shaper.hpp"

using namespace kiosk::ui;

namespace {

constexpr int kLoadFlags = FT_LOAD_TARGET_LIGHT;  // as the text engine

struct Faces {
  FT_Library library = nullptr;
  std::vector<FT_Face> regular, bold;
  std::vector<std::string> names;
  std::map<FT_Face, FontFile> files;
  Faces() {
    std::string error;
    const FontSet set = kiosk::platform::load_font_manifest(FONTS_DIR, &error);
    REQUIRE(error.empty());
    REQUIRE(FT_Init_FreeType(&library) == 0);
    for (const FontFace& f : set.faces) {
      FT_Face r = nullptr, b = nullptr;
      REQUIRE(FT_New_Face(library, f.regular.path.c_str(), f.regular.face_index, &r) == 0);
      const FontFile& bold_file = f.bold.path.empty() ? f.regular : f.bold;
      REQUIRE(FT_New_Face(library, bold_file.path.c_str(), bold_file.face_index, &b) == 0);
      regular.push_back(r);
      bold.push_back(b);
      files[r] = f.regular;
      files[b] = bold_file;
      names.push_back(f.name);
    }
  }
  ~Faces() {
    for (FT_Face f : regular) FT_Done_Face(f);
    for (FT_Face f : bold) FT_Done_Face(f);
    FT_Done_FreeType(library);
  }
  // Tells the shaper which file each face came from, as the text engine does.
  void tell(Shaper& shaper) const {
    for (const auto& [face, file] : files) shaper.set_face_file(face, file.path, file.face_index);
  }
  int index(const std::string& name) const {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) return static_cast<int>(i);
    return 0;
  }
};

std::vector<std::uint32_t> utf32(const std::string& s) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < s.size();) out.push_back(decode_utf8(s, i));
  return out;
}

// A face per character, as a font fallback would choose: the language's face first where it has
// the character, else the first face that has it; spaces and punctuation stay with the face before.
std::vector<int> choose(const Faces& faces, const std::vector<std::uint32_t>& text, const std::string& lang) {
  const int preferred = lang == "ur" ? faces.index("urdu") : lang == "ko" ? faces.index("cjk-ko") : -1;
  std::vector<int> out(text.size(), 0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (script_of(c) == Script::common && i > 0 && FT_Get_Char_Index(faces.regular[out[i - 1]], c) != 0) {
      out[i] = out[i - 1];
      continue;
    }
    if (preferred >= 0 && FT_Get_Char_Index(faces.regular[preferred], c) != 0) {
      out[i] = preferred;
      continue;
    }
    for (std::size_t f = 0; f < faces.regular.size(); ++f)
      if (FT_Get_Char_Index(faces.regular[f], c) != 0) {
        out[i] = static_cast<int>(f);
        break;
      }
  }
  return out;
}

std::vector<RawGlyph> with_raqm(const std::vector<std::uint32_t>& text, const std::vector<FT_Face>& face_of, bool rtl,
                                const std::string& lang) {
  std::vector<RawGlyph> out;
  raqm_t* rq = raqm_create();
  REQUIRE(rq);
  bool ok = raqm_set_text(rq, text.data(), text.size()) &&
            raqm_set_par_direction(rq, rtl ? RAQM_DIRECTION_RTL : RAQM_DIRECTION_LTR) &&
            raqm_set_language(rq, lang.c_str(), 0, text.size()) && raqm_set_freetype_load_flags(rq, kLoadFlags);
  for (std::size_t start = 0; ok && start < text.size();) {
    std::size_t end = start;
    while (end < text.size() && face_of[end] == face_of[start]) ++end;
    ok = raqm_set_freetype_face_range(rq, face_of[start], start, end - start);
    start = end;
  }
  REQUIRE(ok);
  REQUIRE(raqm_layout(rq));
  std::size_t count = 0;
  const raqm_glyph_t* g = raqm_get_glyphs(rq, &count);
  for (std::size_t i = 0; i < count; ++i)
    out.push_back({g[i].index, g[i].cluster, g[i].x_advance, g[i].y_advance, g[i].x_offset, g[i].y_offset, g[i].ftface});
  raqm_destroy(rq);
  return out;
}

struct Case {
  std::string lang, text;
};

// Every string in `j`; a string under a language's key ("ur": ...) is in that language.
void collect_strings(const nlohmann::json& j, const std::string& lang, std::vector<Case>& out) {
  static const std::set<std::string> languages = {"en", "es", "zh-Hant", "ko", "tl", "vi", "pa", "hi", "ur"};
  if (j.is_string()) out.push_back({lang, j.get<std::string>()});
  else if (j.is_object())
    for (const auto& [key, v] : j.items()) collect_strings(v, languages.count(key) ? key : lang, out);
  else if (j.is_array())
    for (const auto& v : j) collect_strings(v, lang, out);
}

std::vector<Case> corpus() {
  std::vector<Case> cases;
  namespace fs = std::filesystem;
  for (const auto& entry : fs::directory_iterator(fs::path(CONTENT_DIR) / "i18n")) {
    std::ifstream in(entry.path());
    collect_strings(nlohmann::json::parse(in), entry.path().stem().string(), cases);
  }
  for (const auto& entry : fs::directory_iterator(fs::path(CONTENT_DIR) / "events")) {
    std::ifstream in(entry.path());
    collect_strings(nlohmann::json::parse(in), "en", cases);
  }
  const Case extra[] = {
      {"vi", "Tiếng Việt: Đoàn kết là sức mạnh."},
      {"zh-Hant", "團結就是力量，我們一起走。「團結」（力量）"},
      {"ko", "연대는 우리의 힘입니다."},
      {"pa", "ਏਕਤਾ ਵਿੱਚ ਬਲ ਹੈ। ਸਿੱਖ ਭਾਈਚਾਰਾ"},
      {"hi", "एकता में बल है। हिन्दी भाषा"},
      {"km", "សាមគ្គីភាពគឺជាកម្លាំង។"},
      {"ur", "اتحاد میں طاقت ہے۔ Grace Lee"},
      {"ur", "کسانوں نے (Delano, 1965) میں ہڑتال کی۔ ۱۹۶۵ اور 1965 «اتحاد» [Larry Itliong]   "},
      {"ar", "الاتحاد قوة. 123 ٤٥٦ (مرحبا [world])"},
      {"am", "አንድነት ኃይል ነው።"},
      {"en", "  (leading spaces) and \"quotes\", a tab\tand trailing spaces   "},
      {"en", "Grace Lee Boggs said «اتحاد میں طاقت ہے» (in Urdu) and 團結 [zh]."},
      {"en", "\xCC\x81" "a mark first, then \xE2\x80\xAB" "embedded اتحاد" "\xE2\x80\xAC" " and \xE2\x81\xA7" "isolate" "\xE2\x81\xA9" "."},
      {"en", "((([unbalanced brackets)) » ] 「a」"},
      {"ur", "١٢٣ - ٤٥٦"},
      {"en", "https://example.org/a/very/long/path?query=value&other=1"},
      {"en", "a \xCC\x81" "b and a \xE2\x80\x8D" "joiner after a space"},  // a mark and a ZWJ after spaces: never cut there
      {"ur", "\xD8\xA8 \xD9\x8E\xD8\xA8 \xD8\xA8 \xE2\x80\x8C\xD8\xA8"},
      {"ko", "한국어 (Korean) 한글 English 日本語 かな"},
  };
  for (const Case& c : extra) cases.push_back(c);
  return cases;
}

}  // namespace

// Twice: as the kiosk cuts paragraphs (long ones shared with the second thread), and cut after
// nearly every space with every paragraph shared, so each cut point is checked against raqm's whole run.
TEST_CASE("the shaper lays out every string glyph for glyph like libraqm") {
  const bool cut_everywhere = GENERATE(false, true);
  Faces faces;
  Shaper shaper(kLoadFlags);
  faces.tell(shaper);
  if (cut_everywhere) shaper.set_pieces(6, 12);
  std::vector<RawGlyph> ours;
  int compared = 0;
  int size_index = 0;
  for (const Case& c : corpus()) {
    const std::vector<std::uint32_t> text = utf32(c.text);
    if (text.empty()) continue;
    const std::vector<int> chosen = choose(faces, text, c.lang);
    for (const bool rtl : {false, true}) {
      for (const bool bold : {false, true}) {
        // Sizes change between layouts as the views' do, so the kept fonts are rescaled often.
        const int px = (size_index++ % 3 == 0) ? 24 : (size_index % 3 == 1) ? 31 : 56;
        std::vector<FT_Face> face_of;
        for (const int f : chosen) {
          FT_Face face = bold ? faces.bold[f] : faces.regular[f];
          FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(px));
          face_of.push_back(face);
        }
        const std::vector<RawGlyph> theirs = with_raqm(text, face_of, rtl, c.lang);
        REQUIRE(shaper.layout(text.data(), text.size(), face_of.data(), rtl, c.lang.c_str(), ours));
        INFO(c.lang << (rtl ? " rtl " : " ltr ") << (bold ? "bold " : "") << px << " px: " << c.text);
        REQUIRE(ours.size() == theirs.size());
        for (std::size_t i = 0; i < ours.size(); ++i) {
          INFO("glyph " << i);
          CHECK(ours[i].index == theirs[i].index);
          CHECK(ours[i].cluster == theirs[i].cluster);
          CHECK(ours[i].x_advance == theirs[i].x_advance);
          CHECK(ours[i].y_advance == theirs[i].y_advance);
          CHECK(ours[i].x_offset == theirs[i].x_offset);
          CHECK(ours[i].y_offset == theirs[i].y_offset);
          CHECK(ours[i].face == theirs[i].face);
        }
        ++compared;
      }
    }
  }
  CHECK(compared > 400);
  // One HarfBuzz font per face and size, however many layouts: 14 faces in regular and bold, 3 sizes.
  CHECK(shaper.fonts_made() <= 28 * 3);
  if (cut_everywhere) CHECK(shaper.shared_layouts() > 300);
}

TEST_CASE("fonts warmed up on the second thread shape every string as fonts never warmed") {
  Faces faces;
  Shaper warmed(kLoadFlags), plain(kLoadFlags);
  faces.tell(warmed);
  faces.tell(plain);
  std::vector<Shaper::Sample> samples;
  for (std::size_t f = 0; f < faces.regular.size(); ++f)
    for (FT_Face face : {faces.regular[f], faces.bold[f]})
      samples.push_back({face, utf32("Delano \xD8\xA7\xD8\xAA\xD8\xAD\xD8\xA7\xD8\xAF \xE5\x9C\x98\xE7\xB5\x90"), "ur"});
  warmed.warm_up(samples);
  // Shaping goes on meanwhile: a layout while the second thread is busy shapes on this thread.
  std::vector<RawGlyph> a, b;
  int compared = 0;
  for (const Case& c : corpus()) {
    const std::vector<std::uint32_t> text = utf32(c.text);
    if (text.empty() || compared > 300) continue;
    std::vector<FT_Face> face_of;
    for (const int f : choose(faces, text, c.lang)) face_of.push_back(faces.regular[f]);
    for (FT_Face face : face_of) FT_Set_Pixel_Sizes(face, 0, 30);
    REQUIRE(warmed.layout(text.data(), text.size(), face_of.data(), false, c.lang.c_str(), a));
    REQUIRE(plain.layout(text.data(), text.size(), face_of.data(), false, c.lang.c_str(), b));
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].index == b[i].index);
      CHECK(a[i].x_advance == b[i].x_advance);
      CHECK(a[i].x_offset == b[i].x_offset);
      CHECK(a[i].y_offset == b[i].y_offset);
    }
    ++compared;
  }
  warmed.wait_idle();
  CHECK(compared > 300);
}

TEST_CASE("the shaper keeps one HarfBuzz font per face and size") {
  Faces faces;
  Shaper shaper(kLoadFlags);
  const std::vector<std::uint32_t> text = utf32("Delano 1965");
  FT_Face latin = faces.regular[faces.index("latin")];
  const std::vector<FT_Face> face_of(text.size(), latin);
  std::vector<RawGlyph> at24, again24, at48;

  FT_Set_Pixel_Sizes(latin, 0, 24);
  REQUIRE(shaper.layout(text.data(), text.size(), face_of.data(), false, "en", at24));
  CHECK(shaper.fonts_made() == 1);
  REQUIRE(shaper.layout(text.data(), text.size(), face_of.data(), false, "en", again24));
  CHECK(shaper.fonts_made() == 1);  // same face and size: the same font

  FT_Set_Pixel_Sizes(latin, 0, 48);
  REQUIRE(shaper.layout(text.data(), text.size(), face_of.data(), false, "en", at48));
  CHECK(shaper.fonts_made() == 2);
  REQUIRE(at24.size() == text.size());
  REQUIRE(at48.size() == at24.size());
  int width24 = 0, width48 = 0;
  for (std::size_t i = 0; i < at24.size(); ++i) {
    CHECK(again24[i].x_advance == at24[i].x_advance);
    width24 += at24[i].x_advance;
    width48 += at48[i].x_advance;
  }
  // Twice the size, twice the width (within hinting's rounding of each advance to a pixel).
  CHECK(std::abs(width48 - 2 * width24) <= 64 * static_cast<int>(text.size()));
  CHECK(width48 > width24 * 3 / 2);

  // A second face gets its own font; going back to the first face at 24 px finds its font again.
  FT_Face urdu = faces.regular[faces.index("urdu")];
  FT_Set_Pixel_Sizes(urdu, 0, 24);
  const std::vector<std::uint32_t> ur = utf32("اتحاد");
  const std::vector<FT_Face> ur_faces(ur.size(), urdu);
  std::vector<RawGlyph> out;
  REQUIRE(shaper.layout(ur.data(), ur.size(), ur_faces.data(), true, "ur", out));
  CHECK(shaper.fonts_made() == 3);
  FT_Set_Pixel_Sizes(latin, 0, 24);
  REQUIRE(shaper.layout(text.data(), text.size(), face_of.data(), false, "en", out));
  CHECK(shaper.fonts_made() == 3);
  REQUIRE(out.size() == at24.size());
  for (std::size_t i = 0; i < out.size(); ++i) CHECK(out[i].x_advance == at24[i].x_advance);

  // Sizes that come and go (a window resized by a pixel at a time) do not pile fonts up.
  for (int px = 10; px < 400; ++px) {
    FT_Set_Pixel_Sizes(latin, 0, static_cast<FT_UInt>(px));
    REQUIRE(shaper.layout(text.data(), text.size(), face_of.data(), false, "en", out));
  }
  CHECK(shaper.fonts_made() > 300);
  CHECK(shaper.fonts_held() <= 257);
}

// A detail screen's paragraphs, shaped in one batch (shared between the two threads), come out as
// each one laid out alone, though the same face changes size between them.
TEST_CASE("a batch of paragraphs gives each one's glyphs as laid out alone") {
  Faces faces;
  Shaper batch(kLoadFlags), alone(kLoadFlags);
  faces.tell(batch);
  faces.tell(alone);
  batch.set_pieces(6, 12);  // cut after nearly every space, every batch shared
  std::vector<Case> cases = corpus();
  int batches = 0, compared = 0;
  for (std::size_t first = 0; first + 6 <= cases.size(); first += 6) {
    // Six paragraphs at sizes and weights that alternate, as a story's headline, body and caption.
    struct Para {
      std::vector<std::uint32_t> text;
      std::vector<FT_Face> faces;
      std::vector<RawGlyph> expected;
      bool rtl;
    };
    std::vector<Para> paras;
    batch.begin_batch();
    for (std::size_t i = first; i < first + 6; ++i) {
      Para p{utf32(cases[i].text), {}, {}, i % 2 == 1};
      if (p.text.empty()) continue;
      const int px = i % 3 == 0 ? 40 : i % 3 == 1 ? 30 : 24;
      for (const int f : choose(faces, p.text, cases[i].lang)) {
        FT_Face face = i % 3 == 0 ? faces.bold[f] : faces.regular[f];
        FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(px));
        p.faces.push_back(face);
      }
      REQUIRE(alone.layout(p.text.data(), p.text.size(), p.faces.data(), p.rtl, "en", p.expected));
      REQUIRE(batch.add_paragraph(p.text.data(), p.text.size(), p.faces.data(), p.rtl));
      paras.push_back(std::move(p));  // the vectors' buffers do not move
    }
    std::vector<std::vector<RawGlyph>> out;
    batch.shape_batch("en", out);
    ++batches;
    REQUIRE(out.size() == paras.size());
    for (std::size_t i = 0; i < paras.size(); ++i) {
      REQUIRE(out[i].size() == paras[i].expected.size());
      for (std::size_t g = 0; g < out[i].size(); ++g) {
        CHECK(out[i][g].index == paras[i].expected[g].index);
        CHECK(out[i][g].cluster == paras[i].expected[g].cluster);
        CHECK(out[i][g].x_advance == paras[i].expected[g].x_advance);
        CHECK(out[i][g].x_offset == paras[i].expected[g].x_offset);
        CHECK(out[i][g].y_offset == paras[i].expected[g].y_offset);
        CHECK(out[i][g].face == paras[i].expected[g].face);
      }
      ++compared;
    }
  }
  CHECK(batches > 20);
  CHECK(compared > 100);
  CHECK(batch.shared_layouts() >= batches / 2);
}
