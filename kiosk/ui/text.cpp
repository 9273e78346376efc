#include "ui/text.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "ui/text_impl.hpp"

namespace kiosk::ui {

namespace {
constexpr FT_Int32 kLoadFlags = FT_LOAD_TARGET_LIGHT;  // as HarfBuzz's advances are made (libraqm's flags)
// Glyph bitmaps from 28 px up are rendered from the outlines as designed, unhinted: there the
// auto-hinter's grid fitting is not visible, yet it costs 1.5-2x per glyph (Noto Nastaliq Urdu
// 14-16 µs against 6-9 µs at 24-40 px, Devanagari 18.5 against 8.5, Naskh 24 against 11).
// Smaller text keeps it: at 16-22 px it keeps Devanagari's headline and Latin stems crisp.
constexpr int kUnhintedFromPx = 28;
FT_Int32 render_flags(int px) { return FT_LOAD_RENDER | (px >= kUnhintedFromPx ? FT_LOAD_NO_HINTING : kLoadFlags); }

// Opens `file`'s face in `library`: on `data`, the file as the shaper mapped it, where there is
// such a mapping (one mapping shared by HarfBuzz and every FreeType face), else from its path.
FT_Face open_face(FT_Library library, const FontFile& file, std::pair<const unsigned char*, std::size_t> data) {
  FT_Face face = nullptr;
  const FT_Error failed =
      data.first ? FT_New_Memory_Face(library, data.first, static_cast<FT_Long>(data.second), file.face_index, &face)
                 : FT_New_Face(library, file.path.c_str(), file.face_index, &face);
  return failed == 0 ? face : nullptr;
}

// Adds the time from construction to destruction to `total`, in milliseconds.
struct AddTime {
  double& total;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  ~AddTime() { total += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(); }
};

// A word in each script, shaped once per face when the fonts are warmed up.
const char* sample_word(Script s) {
  switch (s) {
    case Script::latin: return "Delano";
    case Script::han: return "團結力量";
    case Script::hangul: return "연대";
    case Script::kana: return "かなカナ";
    case Script::arabic: return "اتحاد میں";
    case Script::devanagari: return "एकता में";
    case Script::gurmukhi: return "ਏਕਤਾ ਵਿੱਚ";
    case Script::khmer: return "សាមគ្គីភាព";
    case Script::lao: return "ສາມັກຄີ";
    case Script::myanmar: return "ညီညွတ်";
    case Script::thai: return "สามัคคี";
    case Script::ethiopic: return "አንድነት";
    case Script::common: return nullptr;
  }
  return nullptr;
}

Script script_from_code(const std::string& code) {
  for (Script s : {Script::latin, Script::han, Script::hangul, Script::kana, Script::arabic, Script::devanagari,
                   Script::gurmukhi, Script::khmer, Script::lao, Script::myanmar, Script::thai, Script::ethiopic})
    if (code == script_code(s)) return s;
  return Script::common;
}
}  // namespace

// ---- fonts ------------------------------------------------------------------------------------

TextEngine::Impl::Impl(TextCacheLimits cache_limits)
    : shaper(std::make_unique<Shaper>(kLoadFlags)),
      atlas(cache_limits.atlas_page_px, cache_limits.atlas_pages),
      limits(cache_limits) {}

TextEngine::TextEngine(const FontSet& fonts, TextCacheLimits limits) : impl_(std::make_unique<Impl>(limits)) {
  Impl& m = *impl_;
  if (FT_Init_FreeType(&m.library) != 0) {
    m.error = "FreeType could not start";
    return;
  }
  auto open = [&](const FontFile& file) {
    if (file.path.empty()) return -1;
    const auto data = m.shaper->map_file(file.path);
    FT_Face face = open_face(m.library, file, data);
    if (!face) {
      m.error += (m.error.empty() ? "" : "; ") + std::string("cannot open font ") + file.path;
      return -1;
    }
    m.shaper->set_face_file(face, file.path, file.face_index);
    m.ft_of_face[face] = static_cast<int>(m.ft.size());
    m.ft.push_back(face);
    m.ft_size.push_back(0);
    m.ft_file.push_back(file);
    m.ft_data.push_back(data);
    m.second_ft.push_back(nullptr);
    m.second_size.push_back(0);
    return static_cast<int>(m.ft.size()) - 1;
  };
  std::map<std::string, int> by_name;
  for (const FontFace& f : fonts.faces) {
    const int regular = open(f.regular);
    if (regular < 0) continue;
    by_name[f.name] = static_cast<int>(m.faces.size());
    m.faces.emplace_back(regular, open(f.bold));
    m.face_names.push_back(f.name);
    m.face_metrics.emplace_back(f.line_height_em, f.ascent_em);
  }
  for (const auto& [code, name] : fonts.script_faces)
    if (auto it = by_name.find(name); it != by_name.end()) m.script_face[script_from_code(code)] = it->second;
  for (const auto& [lang, name] : fonts.language_faces)
    if (auto it = by_name.find(name); it != by_name.end()) m.language_face[lang] = it->second;
  if (m.faces.empty() && m.error.empty()) m.error = "no font was given";
}

TextEngine::~TextEngine() {
  // The second thread first (it uses its faces), then the faces, while the shaper still holds the
  // mapped files they read; then the shaper (its HarfBuzz fonts may hold references to faces).
  impl_->shaper->stop();
  for (FT_Face f : impl_->second_ft)
    if (f) FT_Done_Face(f);
  if (impl_->second_library) FT_Done_FreeType(impl_->second_library);
  for (FT_Face f : impl_->ft) FT_Done_Face(f);
  impl_->shaper.reset();
  if (impl_->library) FT_Done_FreeType(impl_->library);
}

const std::string& TextEngine::error() const { return impl_->error; }

void TextEngine::begin_frame() {
  Impl& m = *impl_;
  m.atlas.begin_frame();
  m.frame_shaping_ms = m.frame_rasterising_ms = 0;
  m.frame_deferred = 0;
  ++m.frame;
  // Places not drawn at in the last frame are forgotten (panning makes new ones every frame).
  std::erase_if(m.slots, [&m](const auto& entry) { return entry.second.frame + 1 < m.frame; });
}

void TextEngine::set_cold_budget(double ms) {
  impl_->cold_budget_ms = std::max(0.0, ms);
  if (ms <= 0) impl_->slots.clear();
}

void TextEngine::set_two_shaping_threads(bool on) { impl_->shaper->set_shared(on); }

void TextEngine::warm_up_fonts() {
  Impl& m = *impl_;
  std::vector<Shaper::Sample> samples;
  for (std::size_t face = 0; face < m.faces.size(); ++face) {
    // The language this face is preferred for, if any (its regional forms and Urdu's Nastaliq).
    std::string language;
    for (const auto& [lang, f] : m.language_face)
      if (f == static_cast<int>(face)) language = lang;
    for (const Script script : {Script::latin, Script::han, Script::hangul, Script::kana, Script::arabic,
                                Script::devanagari, Script::gurmukhi, Script::khmer, Script::lao, Script::myanmar,
                                Script::thai, Script::ethiopic}) {
      // Latin only in the face that serves it (every face has a few Latin letters); others wherever covered.
      const auto serves = m.script_face.find(script);
      if (script == Script::latin && (serves == m.script_face.end() || serves->second != static_cast<int>(face)))
        continue;
      const std::string_view word = sample_word(script);
      std::vector<std::uint32_t> text;
      for (std::size_t i = 0; i < word.size();) text.push_back(decode_utf8(word, i));
      for (const int ft : {m.faces[face].first, m.faces[face].second})
        if (ft >= 0 && FT_Get_Char_Index(m.ft[ft], text.front()) != 0) samples.push_back({m.ft[ft], text, language});
    }
  }
  // Then the second thread opens its own copies of the faces, for the glyphs it renders.
  m.shaper->warm_up(std::move(samples), [&m] {
    for (std::size_t i = 0; i < m.second_ft.size(); ++i) m.second_face(static_cast<int>(i), 0);
  });
  m.atlas.prepare();  // meanwhile, on this thread
}

void TextEngine::wait_for_fonts() { impl_->shaper->wait_idle(); }

void TextEngine::set_language(std::string_view lang) {
  Impl& m = *impl_;
  if (m.language == lang) return;
  m.language = std::string(lang);
  m.language_preferred = -1;
  // "zh-Hant-TW" falls back to "zh-Hant", then "zh".
  for (std::string l = m.language; !l.empty(); l.erase(l.rfind('-') == std::string::npos ? 0 : l.rfind('-'))) {
    if (auto it = m.language_face.find(l); it != m.language_face.end()) {
      m.language_preferred = it->second;
      break;
    }
  }
}

FT_Face TextEngine::Impl::sized(int ft_index, int px) {
  if (ft_size[ft_index] != px) {
    FT_Set_Pixel_Sizes(ft[ft_index], 0, static_cast<FT_UInt>(px));
    ft_size[ft_index] = px;
  }
  return ft[ft_index];
}

int TextEngine::Impl::ft_for(int face, Weight w) const {
  const auto& [regular, bold] = faces[face];
  return w == Weight::bold && bold >= 0 ? bold : regular;
}

int TextEngine::Impl::pixel_size(TextStyle s) const { return std::max(1, static_cast<int>(std::lround(s.size_px))); }

std::vector<int> TextEngine::Impl::choose_faces(std::string_view text, Weight w) {
  struct Char {
    std::size_t start, end;
    char32_t c;
    Script script;
    int face = -1;
  };
  std::vector<Char> chars;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = decode_utf8(text, i);
    chars.push_back({start, i, c, script_of(c)});
  }
  auto covers = [&](int face, char32_t c) { return face >= 0 && FT_Get_Char_Index(ft[ft_for(face, w)], c) != 0; };
  auto fallback = [&](Char& ch) {
    for (int f = 0; f < static_cast<int>(faces.size()) && ch.face < 0; ++f)
      if (covers(f, ch.c)) ch.face = f;
  };
  // Letters: the language's own face for the scripts it styles (Urdu Nastaliq, Japanese Han),
  // else the script's face, else the first face that has the character.
  for (Char& ch : chars) {
    if (ch.script == Script::common) continue;
    const bool language_styles = ch.script == Script::han || ch.script == Script::arabic ||
                                 ch.script == Script::kana || ch.script == Script::hangul;
    if (language_styles && covers(language_preferred, ch.c)) ch.face = language_preferred;
    if (auto it = script_face.find(ch.script); ch.face < 0 && it != script_face.end() && covers(it->second, ch.c))
      ch.face = it->second;
    fallback(ch);
  }
  // Spaces, digits, punctuation and marks stay in the face of the letters around them.
  for (std::size_t i = 0; i < chars.size(); ++i) {
    Char& ch = chars[i];
    if (ch.script != Script::common) continue;
    int before = -1, after = -1;
    for (std::size_t k = i; k-- > 0 && before < 0;) before = chars[k].face;
    for (std::size_t k = i + 1; k < chars.size() && after < 0; ++k)
      if (chars[k].script != Script::common) after = chars[k].face;
    for (int candidate : {before, after, language_preferred})
      if (ch.face < 0 && covers(candidate, ch.c)) ch.face = candidate;
    fallback(ch);
  }
  std::vector<int> out(text.size(), -1);
  for (const Char& ch : chars)
    for (std::size_t b = ch.start; b < ch.end; ++b) out[b] = ch.face;
  return out;
}

// ---- shaping ----------------------------------------------------------------------------------

std::string TextEngine::Impl::run_key(std::string_view text, TextStyle style, bool rtl) const {
  std::string key;
  key.reserve(text.size() + 24);
  key += std::to_string(pixel_size(style));
  key += style.weight == Weight::bold ? 'b' : 'r';
  key += rtl ? '<' : '>';
  key += language;
  key += '\x1f';
  key += text;
  return key;
}

const ShapedRun& TextEngine::Impl::store(std::string key, ShapedRun run) {
  if (auto it = runs.find(key); it != runs.end()) {
    run_lru.splice(run_lru.begin(), run_lru, it->second.lru);
    return it->second.run;
  }
  run_lru.push_front(key);
  auto& entry = runs[std::move(key)];
  entry.run = std::move(run);
  entry.lru = run_lru.begin();
  while (runs.size() > limits.shaped_runs && run_lru.size() > 1) {
    runs.erase(run_lru.back());
    run_lru.pop_back();
  }
  return entry.run;
}

const ShapedRun& TextEngine::Impl::shape(std::string_view text, TextStyle style, bool rtl) {
  std::string key = run_key(text, style, rtl);
  if (auto it = runs.find(key); it != runs.end()) {
    run_lru.splice(run_lru.begin(), run_lru, it->second.lru);
    return it->second.run;
  }
  const ShapeRequest one{text, style, rtl};
  return shape_all(&one, 1, &key);
}

const ShapedRun& TextEngine::Impl::shape_all(const ShapeRequest* requests, std::size_t count, std::string* last_key,
                                             std::vector<GlyphKey>* used) {
  const AddTime timing{frame_shaping_ms};
  // Per request: its code points, the byte each starts at, its characters' faces (sized as the
  // request's style wants when it is added: a face may take another size for the next request).
  struct Prepared {
    std::vector<std::uint32_t> u32, byte_of;
    std::vector<FT_Face> face_of;
    std::vector<int> chosen;
    bool ok = false;
  };
  std::vector<Prepared> prepared(count);
  shaper->begin_batch();
  for (std::size_t r = 0; r < count; ++r) {
    const ShapeRequest& q = requests[r];
    Prepared& p = prepared[r];
    const int px = pixel_size(q.style);
    p.chosen = choose_faces(q.text, q.style.weight);
    for (std::size_t i = 0; i < q.text.size();) {
      p.byte_of.push_back(static_cast<std::uint32_t>(i));
      const int face = p.chosen[i] >= 0 ? p.chosen[i] : 0;  // a missing character is shaped in the first face
      p.u32.push_back(decode_utf8(q.text, i));
      p.face_of.push_back(sized(ft_for(face, q.style.weight), px));
    }
    p.byte_of.push_back(static_cast<std::uint32_t>(q.text.size()));
    p.ok = shaper->add_paragraph(p.u32.data(), p.u32.size(), p.face_of.data(), q.rtl);
  }
  std::vector<std::vector<RawGlyph>>& shaped = scratch_glyphs;
  shaper->shape_batch(language.c_str(), shaped);
  const ShapedRun* last = nullptr;
  for (std::size_t r = 0, added = 0; r < count; ++r) {
    const ShapeRequest& q = requests[r];
    const Prepared& p = prepared[r];
    const int px = pixel_size(q.style);
    static const std::vector<RawGlyph> kNone;
    const std::vector<RawGlyph>& raw = p.ok ? shaped[added++] : kNone;  // bidi failed: nothing drawn
    ++shaped_count;
    ShapedRun run;
    run.rtl = q.rtl;
    float pen = 0;
    run.glyphs.reserve(raw.size());
    for (const RawGlyph& sg : raw) {
      ShapedGlyph out;
      out.glyph = sg.index;
      out.cluster = sg.cluster < p.byte_of.size() ? p.byte_of[sg.cluster] : static_cast<std::uint32_t>(q.text.size());
      out.x = pen + static_cast<float>(sg.x_offset) / 64.0f;
      out.y = static_cast<float>(sg.y_offset) / 64.0f;
      out.advance = static_cast<float>(sg.x_advance) / 64.0f;
      if (auto it = ft_of_face.find(sg.face); it != ft_of_face.end()) out.face = it->second;
      if (out.cluster < p.chosen.size() && p.chosen[out.cluster] < 0) out.face = -1;  // no font has it
      if (out.face < 0 || out.glyph == 0) {
        std::size_t at = out.cluster;
        const char32_t c = at < q.text.size() ? decode_utf8(q.text, at) : 0;
        missing.insert({px, c});
        out.face = -1;
        out.advance = std::max(out.advance, static_cast<float>(px) * 0.6f);
      }
      pen += out.advance;
      run.glyphs.push_back(out);
      if (used && out.face >= 0) used->push_back({out.face, out.glyph, px});
    }
    run.width = pen;
    last = &store(r + 1 == count && last_key ? std::move(*last_key) : run_key(q.text, q.style, q.rtl), std::move(run));
  }
  static const ShapedRun kEmpty;
  return last ? *last : kEmpty;
}

void TextEngine::prepare(const std::vector<Paragraph>& texts, bool glyphs) {
  Impl& m = *impl_;
  if (!m.ok()) return;
  std::vector<Impl::ShapeRequest> wanted;
  std::set<std::string> keys;  // a paragraph asked for twice is shaped once
  for (const Paragraph& t : texts) {
    // Paragraph by paragraph, as wrap() shapes them.
    for (std::size_t start = 0; start < t.text.size();) {
      std::size_t end = t.text.find('\n', start);
      if (end == std::string_view::npos) end = t.text.size();
      const std::string_view para = t.text.substr(start, end - start);
      start = end + 1;
      if (para.empty()) continue;
      const bool rtl = is_rtl(para);
      std::string key = m.run_key(para, t.style, rtl);
      if (m.runs.contains(key) || !keys.insert(std::move(key)).second) continue;
      wanted.push_back({para, t.style, rtl});
    }
  }
  if (wanted.empty()) return;
  std::vector<Impl::GlyphKey> used;
  m.shape_all(wanted.data(), wanted.size(), nullptr, glyphs ? &used : nullptr);
  if (glyphs) m.rasterise_all(std::move(used));
}

// ---- glyph bitmaps ----------------------------------------------------------------------------

const TextEngine::Impl::Bitmap* TextEngine::Impl::cached(const GlyphKey& key) const {
  const auto it = glyphs.find(key);
  return it != glyphs.end() && atlas.valid(it->second.slot) ? &it->second : nullptr;
}

const TextEngine::Impl::Bitmap& TextEngine::Impl::bitmap(int ft_index, unsigned glyph, int px) {
  const GlyphKey key{ft_index, glyph, px};
  if (const Bitmap* b = cached(key)) return *b;
  const AddTime timing{frame_rasterising_ms};
  return make_bitmap(key);
}

TextEngine::Impl::Rendered TextEngine::Impl::render(FT_Face sized_face, const GlyphKey& key) {
  Rendered r;
  if (!sized_face || FT_Load_Glyph(sized_face, key.glyph, render_flags(key.size)) != 0) return r;
  const FT_GlyphSlot slot = sized_face->glyph;
  const FT_Bitmap& bm = slot->bitmap;
  r.ok = true;
  r.left = slot->bitmap_left;
  r.top = slot->bitmap_top;
  if (bm.pixel_mode != FT_PIXEL_MODE_GRAY || bm.width == 0 || bm.rows == 0) return r;  // e.g. a space
  r.w = static_cast<int>(bm.width);
  r.h = static_cast<int>(bm.rows);
  r.coverage.resize(static_cast<std::size_t>(r.w) * r.h);
  for (int row = 0; row < r.h; ++row)
    std::copy_n(bm.buffer + static_cast<std::ptrdiff_t>(row) * bm.pitch, r.w, r.coverage.data() + row * r.w);
  return r;
}

const TextEngine::Impl::Bitmap& TextEngine::Impl::place(const GlyphKey& key, const Rendered& r) {
  Bitmap b;
  b.left = r.left;
  b.top = r.top;
  if (r.w > 0 && r.h > 0 && atlas.reserve(r.w, r.h, &b.slot)) {
    atlas.write(b.slot, r.coverage.data(), r.w);
    ++rasterised_count;
  }
  return glyphs[key] = b;
}

const TextEngine::Impl::Bitmap& TextEngine::Impl::make_bitmap(const GlyphKey& key) {
  return place(key, render(sized(key.face, key.size), key));
}

FT_Face TextEngine::Impl::second_face(int ft_index, int px) {
  if (!second_library && FT_Init_FreeType(&second_library) != 0) return nullptr;
  FT_Face& f = second_ft[ft_index];
  if (!f) f = open_face(second_library, ft_file[ft_index], ft_data[ft_index]);
  if (f && px > 0 && second_size[ft_index] != px) {
    FT_Set_Pixel_Sizes(f, 0, static_cast<FT_UInt>(px));
    second_size[ft_index] = px;
  }
  return f;
}

void TextEngine::Impl::rasterise_all(std::vector<GlyphKey> keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end(), [](const GlyphKey& a, const GlyphKey& b) { return !(a < b || b < a); }),
             keys.end());
  std::erase_if(keys, [this](const GlyphKey& k) { return cached(k) != nullptr; });
  if (keys.empty()) return;
  const AddTime timing{frame_rasterising_ms};
  // Every other glyph goes to the second thread (sorted by face, so each thread gets some of
  // each face): rendered there with its own faces, placed in the atlas here afterwards.
  std::vector<Rendered> theirs(keys.size() / 2);
  const auto render_theirs = [&] {
    for (std::size_t i = 0; i < theirs.size(); ++i) {
      const GlyphKey& k = keys[2 * i + 1];
      theirs[i] = render(second_face(k.face, k.size), k);
    }
  };
  const auto render_mine = [&] {
    for (std::size_t i = 0; i < keys.size(); i += 2) make_bitmap(keys[i]);
  };
  if (keys.size() < kShareGlyphs || !shaper->try_share(render_theirs, render_mine)) {
    for (const GlyphKey& k : keys) make_bitmap(k);
    return;
  }
  for (std::size_t i = 0; i < theirs.size(); ++i) {
    const GlyphKey& k = keys[2 * i + 1];
    if (!theirs[i].ok) {  // its copy of the face did not open there: made here
      make_bitmap(k);
      continue;
    }
    if (place(k, theirs[i]).slot.page >= 0) ++rasterised_elsewhere;
  }
}

// ---- metrics ----------------------------------------------------------------------------------

// Line height (or ascent) of `face` at `px`: the manifest's override in ems, else the font's own.
float TextEngine::Impl::face_metric(int face, Weight w, int px, bool want_ascent) {
  const auto [own_height, own_ascent] = face_metrics[face];
  const float own = want_ascent ? own_ascent : own_height;
  if (own > 0) return own * static_cast<float>(px);
  const FT_Size_Metrics& fm = sized(ft_for(face, w), px)->size->metrics;
  return static_cast<float>(want_ascent ? fm.ascender : fm.height) / 64.0f;
}

// The first face's metric, widened for the current language's own face (Nastaliq is tall).
float TextEngine::Impl::line_metric(TextStyle style, bool want_ascent) {
  const int px = pixel_size(style);
  float v = face_metric(0, style.weight, px, want_ascent);
  if (language_preferred > 0) v = std::max(v, face_metric(language_preferred, style.weight, px, want_ascent));
  return std::ceil(v);
}

// The metric of the faces that `text` is actually drawn with: a Latin name in an Urdu screen is
// spaced as Latin, not as Nastaliq. Text of spaces and digits alone (no face of its own) keeps the
// language's metric.
float TextEngine::Impl::text_metric(std::string_view text, TextStyle style, bool want_ascent) {
  std::string key;
  key.reserve(text.size() + 16);
  key += style.weight == Weight::bold ? 'b' : 'r';
  key += language;
  key += '\x1f';
  key += text;
  auto it = faces_used.find(key);
  if (it == faces_used.end()) {
    if (faces_used.size() > limits.shaped_runs) faces_used.clear();  // a bounded memo, rebuilt as needed
    std::vector<int> used;
    for (const int f : choose_faces(text, style.weight))
      if (f >= 0 && std::find(used.begin(), used.end(), f) == used.end()) used.push_back(f);
    it = faces_used.emplace(std::move(key), std::move(used)).first;
  }
  if (it->second.empty()) return line_metric(style, want_ascent);
  // As line_metric: the first face's metric, widened for the faces in use (not for the language's).
  const int px = pixel_size(style);
  float v = face_metric(0, style.weight, px, want_ascent);
  for (const int f : it->second) v = std::max(v, face_metric(f, style.weight, px, want_ascent));
  return std::ceil(v);
}

float TextEngine::line_height(TextStyle style) {
  return impl_->ok() ? impl_->line_metric(style, false) : style.size_px * 1.4f;
}

float TextEngine::ascent(TextStyle style) { return impl_->ok() ? impl_->line_metric(style, true) : style.size_px; }

float TextEngine::line_height(TextStyle style, std::string_view text) {
  return impl_->ok() ? impl_->text_metric(text, style, false) : style.size_px * 1.4f;
}

float TextEngine::ascent(TextStyle style, std::string_view text) {
  return impl_->ok() ? impl_->text_metric(text, style, true) : style.size_px;
}

bool TextEngine::is_rtl(std::string_view text) const {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = decode_utf8(text, i);
    if (is_rtl_char(c)) return true;
    if (is_ltr_char(c)) return false;
  }
  return false;
}

float TextEngine::measure(std::string_view text, TextStyle style) {
  if (!impl_->ok()) return 0;
  return impl_->shape(text, style, is_rtl(text)).width;
}

std::vector<TextEngine::PlacedGlyph> TextEngine::place(std::string_view line, TextStyle style) {
  std::vector<PlacedGlyph> out;
  if (!impl_->ok()) return out;
  for (const ShapedGlyph& g : impl_->shape(line, style, is_rtl(line)).glyphs)
    out.push_back({g.cluster, g.x, g.advance, g.face < 0});
  return out;
}

int TextEngine::missing_glyphs() const { return static_cast<int>(impl_->missing.size()); }

TextEngine::Stats TextEngine::stats() const {
  return Stats{impl_->shaped_count,        impl_->rasterised_count,     impl_->atlas.pages(),
               impl_->atlas.evictions(), impl_->frame_shaping_ms, impl_->frame_rasterising_ms,
               impl_->frame_deferred,    impl_->shaper->waited_ms(),     impl_->rasterised_elsewhere};
}

TextEngine::CacheSizes TextEngine::cache_sizes() const {
  const Impl& m = *impl_;
  // A string's heap block when it does not fit its small buffer; a node of a map or list.
  auto str = [](const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; };
  constexpr std::size_t kNode = 2 * sizeof(void*);
  CacheSizes c;
  c.runs = m.runs.size();
  c.run_bytes = m.runs.bucket_count() * sizeof(void*);
  for (const auto& [key, entry] : m.runs)
    c.run_bytes += kNode + sizeof(key) + sizeof(entry) + str(key) + entry.run.glyphs.capacity() * sizeof(ShapedGlyph);
  for (const std::string& key : m.run_lru) c.run_bytes += kNode + sizeof(key) + str(key);
  c.wraps = m.wraps.size();
  c.wrap_bytes = m.wraps.bucket_count() * sizeof(void*);
  for (const auto& [key, entry] : m.wraps) {
    c.wrap_bytes += kNode + sizeof(key) + sizeof(entry) + str(key);
    for (const std::string& line : entry.lines) c.wrap_bytes += sizeof(line) + str(line);
    for (const std::string& k : entry.line_keys) c.wrap_bytes += sizeof(k) + str(k);
  }
  for (const std::string& key : m.wrap_lru) c.wrap_bytes += kNode + sizeof(key) + str(key);
  c.glyphs = m.glyphs.size();
  c.glyph_bytes = m.glyphs.size() * (4 * sizeof(void*) + sizeof(Impl::GlyphKey) + sizeof(Impl::Bitmap));
  c.memo = m.faces_used.size();
  c.memo_bytes = m.faces_used.bucket_count() * sizeof(void*);
  for (const auto& [key, faces] : m.faces_used)
    c.memo_bytes += kNode + sizeof(key) + sizeof(faces) + str(key) + faces.capacity() * sizeof(int);
  c.slots = m.slots.size();
  c.slot_bytes = m.slots.bucket_count() * sizeof(void*);
  for (const auto& [key, slot] : m.slots)
    c.slot_bytes += kNode + sizeof(key) + sizeof(slot) + str(slot.text) + str(slot.language);
  c.missing = m.missing.size();
  c.atlas_pages = m.atlas.pages();
  c.atlas_bytes = static_cast<std::size_t>(m.atlas.pages()) * m.atlas.page_size() * m.atlas.page_size() * 4;
  return c;
}

}  // namespace kiosk::ui
