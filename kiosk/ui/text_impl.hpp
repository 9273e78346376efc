#pragma once
// Internals of the text module, shared by text.cpp (fonts, shaping, glyphs) and
// text_lines.cpp (line breaking and drawing). Not for the views.
#include <cstdint>
#include <list>
#include <memory>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <ft2build.h>
#include FT_FREETYPE_H

#include "ui/glyph_atlas.hpp"
#include "ui/text.hpp"
#include "ui/text_script.hpp"
#include "ui/text_shaper.hpp"

namespace kiosk::ui {

struct ShapedGlyph {
  int face = -1;            // index into Impl::ft (a loaded FT_Face); -1 for a missing character
  unsigned glyph = 0;       // glyph index in that face
  float x = 0, y = 0;       // pen offset of the glyph, pixels (y up)
  float advance = 0;        // pixels
  std::uint32_t cluster = 0;  // byte offset of the glyph's first character in the run's text
};

// A line shaped in visual order.
struct ShapedRun {
  std::vector<ShapedGlyph> glyphs;
  float width = 0;
  bool rtl = false;
};

struct TextEngine::Impl {
  explicit Impl(TextCacheLimits cache_limits);

  // Fonts
  FT_Library library = nullptr;
  std::vector<FT_Face> ft;                // every loaded face
  std::unordered_map<FT_Face, int> ft_of_face;  // face -> its index in ft
  std::unique_ptr<Shaper> shaper;          // bidi, script runs and HarfBuzz, with a font per face
  std::vector<std::pair<int, int>> faces;  // per FontSet face: (regular ft index, bold ft index or -1)
  std::vector<std::string> face_names;
  std::vector<std::pair<float, float>> face_metrics;  // per face: (line height, ascent) in ems, 0 = the font's
  std::map<Script, int> script_face;       // script -> FontSet face
  std::map<std::string, int, std::less<>> language_face;
  std::vector<int> ft_size;                // pixel size each FT_Face is set to now
  // Each FT_Face's file as HarfBuzz mapped it ({nullptr, 0}: not mapped), and where it came from.
  std::vector<std::pair<const unsigned char*, std::size_t>> ft_data;
  std::vector<FontFile> ft_file;
  // The second shaping thread's own FreeType and copies of the faces (a face is never used by two
  // threads): opened there, on first use or at warm-up, and used only there (rasterise_all).
  FT_Library second_library = nullptr;
  std::vector<FT_Face> second_ft;          // as `ft`; null until opened
  std::vector<int> second_size;
  FT_Face second_face(int ft_index, int px);  // on the second thread: the copy, at `px`
  std::string error;
  std::string language = "en";
  int language_preferred = -1;             // FontSet face preferred for the current language

  // Caches
  GlyphAtlas atlas;
  TextCacheLimits limits;
  struct GlyphKey {
    int face;
    unsigned glyph;
    int size;
    bool operator<(const GlyphKey& o) const {
      return face != o.face ? face < o.face : glyph != o.glyph ? glyph < o.glyph : size < o.size;
    }
  };
  struct Bitmap {
    AtlasSlot slot;
    int left = 0, top = 0;  // bearing from the pen position, pixels
  };
  std::map<GlyphKey, Bitmap> glyphs;
  struct RunEntry {
    ShapedRun run;
    std::list<std::string>::iterator lru;
  };
  std::unordered_map<std::string, RunEntry> runs;  // key: style + direction + language + text
  std::list<std::string> run_lru;                  // most recently used first
  // wrap() results; a hit stands only while every line's shaped slice is still in `runs`.
  struct WrapEntry {
    std::vector<std::string> lines;
    std::vector<std::string> line_keys;  // run_key of each line's slice as wrap stored it
    std::vector<std::string> para_keys;  // run_key of each paragraph shaped whole, kept as fresh as its slices
    std::vector<bool> line_rtl;          // per line: its paragraph reads right to left
    bool drawn = false;                  // draw_wrapped has drawn these lines (their glyphs are made)
    std::list<std::string>::iterator lru;
  };
  std::unordered_map<std::string, WrapEntry> wraps;  // key: run_key of the text + width + line limit
  std::list<std::string> wrap_lru;                   // most recently used first
  std::set<std::pair<int, char32_t>> missing;      // (size, character) drawn as a box
  long long shaped_count = 0, rasterised_count = 0, rasterised_elsewhere = 0;
  double frame_shaping_ms = 0, frame_rasterising_ms = 0;  // since begin_frame()

  // The cold budget (TextEngine::set_cold_budget): what each draw call drew, by where it drew it.
  struct SlotKey {
    std::uint32_t x, y, width, size, spacing;  // float bits
    std::uint16_t max_lines;
    std::uint8_t weight, align, wrapped;
    bool operator==(const SlotKey&) const = default;
  };
  struct SlotHash {
    std::size_t operator()(const SlotKey& k) const {
      std::uint64_t h = 1469598103934665603ull;
      for (std::uint64_t v : {std::uint64_t{k.x}, std::uint64_t{k.y}, std::uint64_t{k.width}, std::uint64_t{k.size},
                              std::uint64_t{k.spacing}, std::uint64_t{k.max_lines},
                              std::uint64_t{k.weight} | std::uint64_t{k.align} << 8 | std::uint64_t{k.wrapped} << 16})
        h = (h ^ v) * 1099511628211ull;
      return static_cast<std::size_t>(h);
    }
  };
  struct Slot {
    std::string text, language;  // what was drawn there
    float height = 0;            // draw_wrapped's result
    std::uint64_t frame = 0;     // the frame it was last drawn in
    int deferred = 0;            // frames in a row it stood in for newer text
  };
  double cold_budget_ms = 0;
  std::uint64_t frame = 0;
  std::unordered_map<SlotKey, Slot, SlotHash> slots;
  int frame_deferred = 0;
  bool replaying = false;
  // True when `text` is shaped (per paragraph, for `wrapped`) and every glyph has its bitmap.
  bool ready(std::string_view text, TextStyle style, bool wrapped);
  Slot* slot_for(const SlotKey& key, std::string_view text, TextStyle style, bool* defer);
  void record(Slot* slot, std::string_view text, float height);
  // Scratch for shape_all(), kept between calls.
  std::vector<std::vector<RawGlyph>> scratch_glyphs;

  bool ok() const { return !faces.empty(); }
  FT_Face sized(int ft_index, int px);
  int ft_for(int face, Weight w) const;
  // The FontSet face for each character of `text` (by script, language and coverage), or -1.
  std::vector<int> choose_faces(std::string_view text, Weight w);
  // The shaped run for one line, cached. `rtl` sets the paragraph direction.
  const ShapedRun& shape(std::string_view text, TextStyle style, bool rtl);
  // Shapes `count` texts not in the cache in one batch (shared between the two shaping threads)
  // and stores each; returns the last one's run. `last_key`: its run_key, if already made.
  struct ShapeRequest {
    std::string_view text;
    TextStyle style;
    bool rtl;
  };
  // `used`: if given, gets the glyphs (face, glyph, size) the runs draw.
  const ShapedRun& shape_all(const ShapeRequest* requests, std::size_t count, std::string* last_key,
                             std::vector<GlyphKey>* used = nullptr);
  // Cache key of a run; and storing a run made without shaping (a slice of a shaped paragraph).
  std::string run_key(std::string_view text, TextStyle style, bool rtl) const;
  const ShapedRun& store(std::string key, ShapedRun run);
  const Bitmap* cached(const GlyphKey& key) const;  // its bitmap while still in the atlas, else null
  const Bitmap& bitmap(int ft_index, unsigned glyph, int px);  // cached, or made now on this thread
  // A glyph's coverage as FreeType rendered it, on either thread; `ok` false when it could not.
  struct Rendered {
    bool ok = false;
    int left = 0, top = 0, w = 0, h = 0;  // bearing from the pen position, and size, pixels
    std::vector<std::uint8_t> coverage;   // w * h
  };
  static Rendered render(FT_Face sized_face, const GlyphKey& key);
  const Bitmap& place(const GlyphKey& key, const Rendered& r);  // into the atlas, cached (this thread)
  const Bitmap& make_bitmap(const GlyphKey& key);  // rendered and placed now on this thread
  // Bitmaps for every key not cached yet; with many, half are rendered on the second thread.
  void rasterise_all(std::vector<GlyphKey> keys);
  static constexpr std::size_t kShareGlyphs = 24;  // fewer are not worth waking the second thread
  int pixel_size(TextStyle s) const;
  float face_metric(int face, Weight w, int px, bool want_ascent);
  float line_metric(TextStyle style, bool want_ascent);
  float text_metric(std::string_view text, TextStyle style, bool want_ascent);
  std::unordered_map<std::string, std::vector<int>> faces_used;  // key: weight + language + text
};

}  // namespace kiosk::ui
