#pragma once
// Paragraph shaping for the text module: bidi levels (FriBidi), script runs, HarfBuzz shaping.
// It lays text out exactly as libraqm 0.7 does (the same bidi, script and run rules, the same
// HarfBuzz calls) but keeps one hb_font_t per FT_Face for the engine's lifetime: libraqm makes a
// new HarfBuzz font, and with it a new face whose GSUB/GPOS tables are parsed again, for every run
// of every layout, which cost 0.1-0.5 ms per string before any glyph was shaped.
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include <ft2build.h>
#include FT_FREETYPE_H

struct hb_font_t;
struct hb_buffer_t;

namespace kiosk::ui {

// One shaped glyph, in visual order (as raqm_glyph_t).
struct RawGlyph {
  unsigned index = 0;          // glyph index in `face`
  std::uint32_t cluster = 0;   // index of the glyph's first character in the text
  int x_advance = 0, y_advance = 0, x_offset = 0, y_offset = 0;  // 26.6 pixels
  FT_Face face = nullptr;
};

class Shaper {
 public:
  explicit Shaper(int ft_load_flags);
  ~Shaper();
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  // Lays out one paragraph. `faces[i]` is the face of character i, already set to the wanted pixel
  // size; `rtl` the paragraph direction; `language` a BCP 47 tag. False when bidi failed.
  bool layout(const std::uint32_t* text, std::size_t len, const FT_Face* faces, bool rtl, const char* language,
              std::vector<RawGlyph>& out);

  // HarfBuzz fonts made so far (one per FT_Face) and times one was rescaled to its face's new size.
  int fonts_made() const { return static_cast<int>(fonts_.size()); }
  long long rescales() const { return rescales_; }

 private:
  struct Font {
    hb_font_t* font = nullptr;
    FT_Fixed x_scale = 0, y_scale = 0;  // the face's size when `font` last took it
  };
  hb_font_t* font_for(FT_Face face);

  int load_flags_;
  std::unordered_map<FT_Face, Font> fonts_;
  hb_buffer_t* buffer_ = nullptr;  // reused for every run
  long long rescales_ = 0;
  // Scratch arrays, kept between calls so a layout allocates nothing once warm.
  std::vector<std::uint32_t> types_, brackets_;
  std::vector<signed char> levels_;
  std::vector<int> scripts_;
  struct Pair {
    int script, pair;
  };
  std::vector<Pair> stack_;
  struct BidiRun {
    std::size_t pos, len;
    int level;
  };
  std::vector<BidiRun> bidi_runs_;
};

}  // namespace kiosk::ui
