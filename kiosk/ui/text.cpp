#include "ui/text.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include <ft2build.h>
#include FT_FREETYPE_H

namespace kiosk::ui {

namespace {

constexpr int kPageSize = 1024;
constexpr int kMaxPages = 4;  // 16 MiB of RGBA glyph pages at most; beyond it the cache restarts
constexpr char32_t kReplacement = 0xFFFD;

// Decodes one UTF-8 character at `i`, advancing it; invalid bytes become U+FFFD.
char32_t next_codepoint(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i++]);
  if (b0 < 0x80) return b0;
  int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : -1;
  if (extra < 0) return kReplacement;
  char32_t cp = b0 & (0x3F >> extra);
  for (int k = 0; k < extra; ++k) {
    if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return kReplacement;
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  }
  return cp;
}

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x2FFFF);
}

// Closing punctuation that must not start a line.
bool no_break_before(char32_t c) {
  return c == ',' || c == '.' || c == ')' || c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF09 ||
         c == 0x300D || c == 0xFF1A || c == 0xFF1B || c == '!' || c == '?' || c == ':' || c == ';';
}

struct GlyphKey {
  int face;
  unsigned glyph;
  int size;
  bool operator<(const GlyphKey& o) const { return std::tie(face, glyph, size) < std::tie(o.face, o.glyph, o.size); }
};

struct Glyph {
  int page = -1;  // -1: nothing to draw (space)
  int x = 0, y = 0, w = 0, h = 0;  // in the page
  int left = 0, top = 0;           // bearing from pen position, pixels
  float advance = 0;               // pixels
};

struct Page {
  Surface surface;
  int shelf_y = 0, shelf_h = 0, cursor_x = 0;
};

}  // namespace

struct TextEngine::Impl {
  FT_Library library = nullptr;
  std::vector<FT_Face> faces;  // regular chain, then bold chain
  std::size_t regular_count = 0;
  std::string error;
  std::map<GlyphKey, Glyph> glyphs;
  std::map<std::pair<int, char32_t>, std::pair<int, unsigned>> lookup;  // (weight, char) -> (face, glyph)
  std::vector<std::unique_ptr<Page>> pages;
  int missing = 0;
  std::map<std::pair<int, char32_t>, bool> missing_seen;

  std::pair<std::size_t, std::size_t> chain(Weight w) const {
    if (w == Weight::bold && faces.size() > regular_count) return {regular_count, faces.size()};
    return {0, regular_count};
  }

  // (face, glyph index) for `c`; face -1 when no font has it.
  std::pair<int, unsigned> find(Weight w, char32_t c) {
    const auto key = std::make_pair(static_cast<int>(w), c);
    if (auto it = lookup.find(key); it != lookup.end()) return it->second;
    std::pair<int, unsigned> found{-1, 0};
    const auto [begin, end] = chain(w);
    for (std::size_t f = begin; f < end && found.first < 0; ++f)
      if (unsigned g = FT_Get_Char_Index(faces[f], c)) found = {static_cast<int>(f), g};
    if (found.first < 0 && w == Weight::bold) found = find(Weight::regular, c);
    lookup[key] = found;
    return found;
  }

  int pixel_size(TextStyle s) const { return std::max(1, static_cast<int>(std::lround(s.size_px))); }

  FT_Face primary(TextStyle s) {
    FT_Face f = faces[chain(s.weight).first];
    FT_Set_Pixel_Sizes(f, 0, static_cast<FT_UInt>(pixel_size(s)));
    return f;
  }

  bool reserve(int w, int h, int* page, int* x, int* y) {
    if (w > kPageSize || h > kPageSize) return false;
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (!pages.empty()) {
        Page& p = *pages.back();
        if (p.cursor_x + w > kPageSize) {
          p.shelf_y += p.shelf_h + 1;
          p.shelf_h = 0;
          p.cursor_x = 0;
        }
        if (p.shelf_y + h <= kPageSize) {
          *page = static_cast<int>(pages.size()) - 1;
          *x = p.cursor_x;
          *y = p.shelf_y;
          p.cursor_x += w + 1;
          p.shelf_h = std::max(p.shelf_h, h);
          return true;
        }
      }
      if (static_cast<int>(pages.size()) >= kMaxPages) {  // full: start the cache again
        glyphs.clear();
        for (auto& pg : pages) {
          std::fill(pg->surface.rgba.begin(), pg->surface.rgba.end(), 0);
          for (std::size_t i = 0; i < pg->surface.rgba.size(); i += 4) pg->surface.rgba[i] = pg->surface.rgba[i + 1] = pg->surface.rgba[i + 2] = 255;
          ++pg->surface.version;
          pg->shelf_y = pg->shelf_h = pg->cursor_x = 0;
        }
        pages.resize(1);
      } else {
        auto pg = std::make_unique<Page>();
        pg->surface.width = pg->surface.height = kPageSize;
        pg->surface.rgba.assign(static_cast<std::size_t>(kPageSize) * kPageSize * 4, 255);
        for (std::size_t i = 3; i < pg->surface.rgba.size(); i += 4) pg->surface.rgba[i] = 0;
        pages.push_back(std::move(pg));
      }
    }
    return false;
  }

  const Glyph& glyph(int face, unsigned index, int size) {
    const GlyphKey key{face, index, size};
    if (auto it = glyphs.find(key); it != glyphs.end()) return it->second;
    Glyph g;
    FT_Face f = faces[face];
    FT_Set_Pixel_Sizes(f, 0, static_cast<FT_UInt>(size));
    if (FT_Load_Glyph(f, index, FT_LOAD_RENDER | FT_LOAD_TARGET_LIGHT) == 0) {
      const FT_GlyphSlot slot = f->glyph;
      g.advance = static_cast<float>(slot->advance.x) / 64.0f;
      g.left = slot->bitmap_left;
      g.top = slot->bitmap_top;
      g.w = static_cast<int>(slot->bitmap.width);
      g.h = static_cast<int>(slot->bitmap.rows);
      if (g.w > 0 && g.h > 0 && reserve(g.w, g.h, &g.page, &g.x, &g.y)) {
        Surface& s = pages[g.page]->surface;
        for (int row = 0; row < g.h; ++row)
          for (int col = 0; col < g.w; ++col)
            s.rgba[((g.y + row) * s.width + g.x + col) * 4 + 3] = slot->bitmap.buffer[row * slot->bitmap.pitch + col];
        ++s.version;
      }
    }
    return glyphs.emplace(key, g).first->second;
  }

  template <typename Fn>  // Fn(char32_t c, float pen_x, const Glyph* g (nullptr = missing), float advance)
  float run(std::string_view text, TextStyle style, Fn&& fn) {
    const int size = pixel_size(style);
    float pen = 0;
    for (std::size_t i = 0; i < text.size();) {
      const char32_t c = next_codepoint(text, i);
      if (c == '\n' || c == '\r') continue;
      const auto [face, index] = find(style.weight, c);
      if (face < 0) {
        const float adv = size * 0.6f;
        if (!missing_seen[{size, c}]) {
          missing_seen[{size, c}] = true;
          ++missing;
        }
        fn(c, pen, nullptr, adv);
        pen += adv;
        continue;
      }
      const Glyph& g = glyph(face, index, size);
      fn(c, pen, &g, g.advance);
      pen += g.advance;
    }
    return pen;
  }
};

TextEngine::TextEngine(const FontSet& fonts) : impl_(std::make_unique<Impl>()) {
  if (FT_Init_FreeType(&impl_->library) != 0) {
    impl_->error = "FreeType could not start";
    return;
  }
  auto open = [&](const std::vector<FontFile>& files) {
    std::size_t opened = 0;
    for (const auto& file : files) {
      FT_Face face = nullptr;
      if (FT_New_Face(impl_->library, file.path.c_str(), file.face_index, &face) == 0) {
        impl_->faces.push_back(face);
        ++opened;
      } else {
        impl_->error += (impl_->error.empty() ? "" : "; ") + std::string("cannot open font ") + file.path;
      }
    }
    return opened;
  };
  impl_->regular_count = open(fonts.regular);
  open(fonts.bold);
  if (impl_->regular_count == 0 && impl_->error.empty()) impl_->error = "no regular font was given";
}

TextEngine::~TextEngine() {
  for (FT_Face f : impl_->faces) FT_Done_Face(f);
  if (impl_->library) FT_Done_FreeType(impl_->library);
}

const std::string& TextEngine::error() const { return impl_->error; }

int TextEngine::missing_glyphs() const { return impl_->missing; }

float TextEngine::measure(std::string_view text, TextStyle style) {
  if (impl_->regular_count == 0) return 0;
  return impl_->run(text, style, [](char32_t, float, const Glyph*, float) {});
}

float TextEngine::line_height(TextStyle style) {
  if (impl_->regular_count == 0) return style.size_px * 1.3f;
  FT_Face f = impl_->primary(style);
  return static_cast<float>(f->size->metrics.height) / 64.0f;
}

float TextEngine::ascent(TextStyle style) {
  if (impl_->regular_count == 0) return style.size_px;
  FT_Face f = impl_->primary(style);
  return static_cast<float>(f->size->metrics.ascender) / 64.0f;
}

std::vector<std::string> TextEngine::wrap(std::string_view text, TextStyle style, float max_width, int max_lines) {
  std::vector<std::string> lines;
  // Break opportunities: after spaces, and between CJK characters; never before closing punctuation.
  std::size_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t paragraph_end = text.find('\n', line_start);
    if (paragraph_end == std::string_view::npos) paragraph_end = text.size();
    std::size_t start = line_start;
    if (start == paragraph_end) lines.emplace_back();
    while (start < paragraph_end) {
      float width = 0;
      std::size_t i = start, last_break = std::string_view::npos, fit_end = start;
      char32_t prev = 0;
      while (i < paragraph_end) {
        const std::size_t char_start = i;
        const char32_t c = next_codepoint(text, i);
        const float adv = measure(text.substr(char_start, i - char_start), style);
        if (char_start > start && ((prev == ' ') || ((is_cjk(c) || is_cjk(prev)) && !no_break_before(c) && c != ' ')))
          last_break = char_start;
        if (width + adv > max_width && c != ' ' && char_start > start) break;
        width += adv;
        fit_end = i;
        prev = c;
      }
      std::size_t end = fit_end;
      if (fit_end < paragraph_end && last_break != std::string_view::npos && last_break > start) end = last_break;
      std::string line(text.substr(start, end - start));
      while (!line.empty() && line.back() == ' ') line.pop_back();
      lines.push_back(std::move(line));
      start = end;
      while (start < paragraph_end && text[start] == ' ') ++start;
    }
    line_start = paragraph_end + 1;
    if (paragraph_end == text.size()) break;
  }
  if (max_lines > 0 && static_cast<int>(lines.size()) > max_lines) {
    lines.resize(max_lines);
    std::string& last = lines.back();
    const std::string ellipsis = "\xE2\x80\xA6";
    while (!last.empty() && measure(last + ellipsis, style) > max_width) {
      std::size_t cut = last.size() - 1;
      while (cut > 0 && (static_cast<unsigned char>(last[cut]) & 0xC0) == 0x80) --cut;
      last.erase(cut);
    }
    while (!last.empty() && (last.back() == ' ' || last.back() == ',')) last.pop_back();
    last += ellipsis;
  }
  return lines;
}

void TextEngine::draw(ImDrawList* dl, float x, float y, std::string_view line, TextStyle style, ImU32 color) {
  if (impl_->regular_count == 0) return;
  const float baseline = std::round(y + ascent(style));
  const float x0 = std::round(x);
  impl_->run(line, style, [&](char32_t, float pen, const Glyph* g, float adv) {
    if (!g) {  // no font has it: a visible box, never silently dropped
      const float h = style.size_px * 0.7f;
      dl->AddRect(ImVec2(x0 + pen + 2, baseline - h), ImVec2(x0 + pen + adv - 2, baseline), color, 0, 0,
                  std::max(1.0f, style.size_px / 16));
      return;
    }
    if (g->page < 0) return;
    const Surface& s = impl_->pages[g->page]->surface;
    const float gx = x0 + pen + static_cast<float>(g->left), gy = baseline - static_cast<float>(g->top);
    dl->PushTextureID(const_cast<Surface*>(&s));
    dl->PrimReserve(6, 4);
    const float inv = 1.0f / kPageSize;
    dl->PrimRectUV(ImVec2(gx, gy), ImVec2(gx + g->w, gy + g->h), ImVec2(g->x * inv, g->y * inv),
                   ImVec2((g->x + g->w) * inv, (g->y + g->h) * inv), color);
    dl->PopTextureID();
  });
}

float TextEngine::draw_wrapped(ImDrawList* dl, float x, float y, std::string_view text, TextStyle style, float max_width,
                               ImU32 color, int max_lines, float line_spacing) {
  const float lh = line_height(style) * line_spacing;
  float cy = y;
  for (const auto& line : wrap(text, style, max_width, max_lines)) {
    draw(dl, x, cy, line, style, color);
    cy += lh;
  }
  return cy - y;
}

}  // namespace kiosk::ui
