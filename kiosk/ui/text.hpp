#pragma once
// The one text module: every visitor-facing string is measured, wrapped and drawn here.
// Text is shaped with HarfBuzz (bidi with FriBidi, by libraqm's rules: ui/text_shaper.hpp), broken
// into lines per UAX #14 with libunibreak, and drawn from a glyph cache that FreeType fills at the
// exact pixel size.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "ui/surface.hpp"

namespace kiosk::ui {

enum class Weight { regular, bold };

struct TextStyle {
  float size_px = 28;  // em size in pixels
  Weight weight = Weight::regular;
};

enum class Align { start, center, end };  // start is left for left-to-right text, right for right-to-left

struct FontFile {
  std::string path;
  int face_index = 0;  // for .ttc collections
};

// One typeface in regular and bold (bold may be empty: regular is used).
struct FontFace {
  std::string name;  // as in fonts/manifest.json, e.g. "gurmukhi"
  FontFile regular, bold;
  // Line metrics in ems when the font's own are far too loose for running text (Nastaliq's allow
  // for the tallest stack of all); 0 = the font's own.
  float line_height_em = 0, ascent_em = 0;
};

// Which typefaces serve which scripts; from fonts/manifest.json.
struct FontSet {
  std::vector<FontFace> faces;  // fallback order: a character no script face has is looked up here
  std::map<std::string, std::string> script_faces;    // ISO 15924 ("Guru") -> face name
  std::map<std::string, std::string> language_faces;  // language ("ur", "zh-Hans") -> face name,
                                                      // preferred for its scripts and line metrics
};

struct TextCacheLimits {
  int atlas_page_px = 1024;  // glyph pages are this many pixels square
  int atlas_pages = 4;       // pages kept before the least recently used is evicted
  std::size_t shaped_runs = 4096;  // shaped lines kept
  std::size_t wrapped_texts = 512;  // texts kept broken into lines (by style, width and line limit)
};

class TextEngine {
 public:
  explicit TextEngine(const FontSet& fonts, TextCacheLimits limits = {});
  ~TextEngine();
  TextEngine(const TextEngine&) = delete;
  TextEngine& operator=(const TextEngine&) = delete;

  // "" when every font loaded; otherwise which could not be opened.
  const std::string& error() const;

  // Starts a frame: glyphs drawn from now on are kept until the next begin_frame().
  void begin_frame();

  // Spreads a burst of new text (a language switch shapes and rasterises every visible card at
  // once) over a few frames. Once this frame has spent `ms` shaping and rasterising, a draw() or
  // draw_wrapped() whose text is not ready yet, at the same place, size and width as a call of
  // the previous frame, draws what that call drew (the previous language's words) and leaves the
  // new text for a later frame; after kMaxDeferredFrames frames in a row it is drawn regardless.
  // Nothing is ever left blank. 0 (the default) turns it off: every call draws what it is given,
  // as screenshots and tests need. For a loop that draws frames continuously.
  void set_cold_budget(double ms);
  static constexpr int kMaxDeferredFrames = 6;  // 100 ms at 60 Hz
  // Whether new text is shaped and rasterised on two threads (the default) or on the calling
  // thread alone; the result is the same glyphs and pixels. For benchmarks and tests that compare.
  void set_two_shaping_threads(bool on);
  // Starts reading every font's layout tables on the second shaping thread (tens of ms, off the
  // caller's thread), so the first screen in a script does not pay for it, and makes the first glyph
  // page meanwhile (about 1 ms, on the caller's thread). For the kiosk's own
  // loops; wait_for_fonts() blocks until it is done (benchmarks, before timing).
  void warm_up_fonts();
  void wait_for_fonts();
  // The language of the text that follows (BCP 47, e.g. "ur", "zh-Hant"): picks regional glyph
  // forms, the Urdu Nastaliq face and line breaking rules.
  void set_language(std::string_view lang);

  // Shapes these texts now, all together: a screen's paragraphs are shared between the two shaping
  // threads as one long paragraph is, so many short ones cost about half what they cost one at a
  // time. Texts already shaped are skipped; later calls with the same text and style find them
  // shaped. With `glyphs` their new glyphs are rasterised too, also on both threads (a burst the
  // cold budget could otherwise spread over frames). For a view that knows what it will measure or draw.
  struct Paragraph {
    std::string_view text;
    TextStyle style;
  };
  void prepare(const std::vector<Paragraph>& texts, bool glyphs = true);

  float measure(std::string_view text, TextStyle style);  // advance width of one line, pixels
  float line_height(TextStyle style);                      // baseline to baseline, pixels
  float ascent(TextStyle style);                           // top of line to baseline, pixels
  // The same for `text` as it is drawn: the largest metric of the faces its characters use (a
  // Latin fallback string inside Urdu gets Latin spacing, not Nastaliq's); the language's metric
  // for text with no face of its own. draw() and draw_wrapped() place lines by these.
  float line_height(TextStyle style, std::string_view text);
  float ascent(TextStyle style, std::string_view text);
  bool is_rtl(std::string_view text) const;                // first strong character is right-to-left

  // Splits `text` into lines no wider than `max_width`: at UAX #14 break opportunities, and inside
  // a word only when it alone is too wide. At most `max_lines` (0 = no limit); the last one ends in
  // an ellipsis when text was cut. Newlines start new paragraphs.
  std::vector<std::string> wrap(std::string_view text, TextStyle style, float max_width, int max_lines = 0);

  // Draws one line inside [x, x + width): aligned by `align` and the line's direction.
  void draw(ImDrawList* dl, float x, float y, std::string_view line, TextStyle style, ImU32 color,
            float width = 0, Align align = Align::start);

  // Wraps and draws within `max_width`; returns the height used, pixels.
  float draw_wrapped(ImDrawList* dl, float x, float y, std::string_view text, TextStyle style, float max_width,
                     ImU32 color, int max_lines = 0, float line_spacing = 1.0f, Align align = Align::start);

  // Where each glyph of a single line lands, in visual order (for tests and hit-testing).
  struct PlacedGlyph {
    std::uint32_t cluster;  // byte offset in `line` of the glyph's first character
    float x;                // pixels from the line's left edge
    float advance;          // pixels
    bool missing;           // no font has the character: drawn as a box
  };
  std::vector<PlacedGlyph> place(std::string_view line, TextStyle style);

  int missing_glyphs() const;  // distinct characters no font could draw (drawn as boxes)

  struct Stats {
    long long shaped = 0;      // runs shaped since start
    long long rasterised = 0;  // glyph bitmaps made since start
    int atlas_pages = 0;
    int evictions = 0;
    double frame_shaping_ms = 0;      // this frame so far: shaping text not in the cache
    double frame_rasterising_ms = 0;  // this frame so far: making glyph bitmaps
    int frame_deferred = 0;           // this frame so far: calls that drew the previous frame's text
    double shaping_wait_ms = 0;       // since start: waiting for the second shaping thread (wall clock)
    long long rasterised_elsewhere = 0;  // of `rasterised`: glyphs the second thread rendered (prepare)
  };
  Stats stats() const;

  // What the caches hold now, entries and bytes (their own allocations, estimated from sizes and
  // capacities): for memory diagnostics such as the soak's.
  struct CacheSizes {
    std::size_t runs = 0, run_bytes = 0;        // shaped lines (keys, glyphs, LRU list)
    std::size_t wraps = 0, wrap_bytes = 0;      // kept line breaks (keys, lines, their slices' keys)
    std::size_t glyphs = 0, glyph_bytes = 0;    // glyph bitmap places known (some on pages since reused)
    std::size_t memo = 0, memo_bytes = 0;       // faces-used memo of line metrics
    std::size_t slots = 0, slot_bytes = 0;      // the cold budget's places drawn at
    std::size_t missing = 0;                    // (size, character) pairs drawn as boxes
    int atlas_pages = 0;
    std::size_t atlas_bytes = 0;                // glyph pages' pixels
  };
  CacheSizes cache_sizes() const;

  struct Impl;  // internal: kiosk/ui/text_impl.hpp

 private:
  // wrap(); with `first_draw`, the lines are about to be drawn: it tells whether they are drawn
  // for the first time (measured before, perhaps, but their glyphs not made yet). `line_rtl`
  // gets, per line, whether its paragraph reads right to left.
  std::vector<std::string> wrap_kept(std::string_view text, TextStyle style, float max_width, int max_lines,
                                     bool* first_draw, std::vector<bool>* line_rtl = nullptr);
  // wrap() without its cache; `slice_keys` gets the cache key of each line's shaped slice,
  // `para_keys` that of each paragraph's whole run, `line_rtl` each line's paragraph direction.
  std::vector<std::string> wrap_now(std::string_view text, TextStyle style, float max_width, int max_lines,
                                    std::vector<std::string>* slice_keys, std::vector<std::string>* para_keys,
                                    std::vector<bool>* line_rtl);
  float draw_wrapped_now(ImDrawList* dl, float x, float y, std::string_view text, TextStyle style, float max_width,
                         ImU32 color, int max_lines, float line_spacing, Align align);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::ui
