#pragma once
// Paragraph shaping for the text module: bidi levels (FriBidi), script runs, HarfBuzz shaping.
// It lays text out exactly as libraqm 0.7 does (the same bidi, script and run rules, the same
// HarfBuzz calls) but keeps an hb_font_t per FT_Face and size from layout to layout: libraqm makes a
// new HarfBuzz font, and with it a new face whose GSUB/GPOS tables are parsed again, for every run
// of every layout, which cost 0.1-0.5 ms per string before any glyph was shaped.
// A long paragraph is cut after spaces into pieces, and pieces are shaped on two threads: HarfBuzz
// gets the whole paragraph as context, and each font's tables are read from the mapped font file,
// not through FreeType, so the other thread never touches the caller's FT_Faces. (Noto Nastaliq Urdu costs
// HarfBuzz 2.5-4 microseconds a character; one thread alone shapes 2,000 in 6 ms.)
#include <condition_variable>
#include <exception>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include <ft2build.h>
#include FT_FREETYPE_H

struct hb_font_t;
struct hb_buffer_t;
struct hb_face_t;
struct hb_blob_t;

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

  // Tells where `face` was opened from (a font file and the face's index in it), so HarfBuzz reads
  // its tables from the mapped file and its pieces may be shaped on the second thread. A face not
  // told of is read through FreeType, on the calling thread only.
  void set_face_file(FT_Face face, const std::string& path, int face_index);
  // Maps the font file at `path` (once per path) and returns its bytes, valid while this Shaper
  // lives; {nullptr, 0} when it cannot be read. FreeType faces opened on them (FT_New_Memory_Face)
  // share one mapping with HarfBuzz's tables instead of each mapping the file.
  std::pair<const unsigned char*, std::size_t> map_file(const std::string& path);
  // Ends the second thread (waiting for its job); the destructor does it too. Nothing may be
  // shared with it afterwards.
  void stop();

  // Shapes `sample` in `face` once on the second thread, now, so that HarfBuzz reads the face's
  // tables and builds its lookup accelerators there rather than when the first paragraph in that
  // face is shown. Faces told of by set_face_file only; call wait_idle() before timing anything.
  struct Sample {
    FT_Face face;
    std::vector<std::uint32_t> text;
    std::string language;
  };
  // `then` (if given) runs on the second thread after the samples.
  void warm_up(std::vector<Sample> samples, std::function<void()> then = nullptr);
  // Runs `theirs` on the second thread while the caller runs `mine`, and returns true when both
  // are done (rethrowing what either threw). False, running neither, while the second thread is
  // busy (warming fonts up) or sharing is off. For other work of a cold screen, such as glyphs.
  bool try_share(const std::function<void()>& theirs, const std::function<void()>& mine);
  void wait_idle() { wait_for_second_thread(); }

  // Lays out one paragraph. `faces[i]` is the face of character i, already set to the wanted pixel
  // size; `rtl` the paragraph direction; `language` a BCP 47 tag. False when bidi failed.
  bool layout(const std::uint32_t* text, std::size_t len, const FT_Face* faces, bool rtl, const char* language,
              std::vector<RawGlyph>& out);

  // Lays out several paragraphs together, so that a screen of short paragraphs is shared between
  // the two threads as one long paragraph is: begin_batch(), add_paragraph() for each (faces sized
  // as for layout(); their sizes are read there, so a face may change size between paragraphs),
  // then shape_batch(). The texts and faces must live until shape_batch() returns.
  void begin_batch();
  bool add_paragraph(const std::uint32_t* text, std::size_t len, const FT_Face* faces, bool rtl);  // false: bidi failed, nothing added
  // `out[i]`: the glyphs of the i-th paragraph added, in visual order.
  void shape_batch(const char* language, std::vector<std::vector<RawGlyph>>& out);

  // HarfBuzz fonts made so far (one per face and size), and held now: once more than 256 are held,
  // those unused for 64 batches are let go.
  int fonts_made() const { return fonts_made_; }
  int fonts_held() const { return static_cast<int>(fonts_.size()); }
  // Layouts whose pieces were shared with the second thread, and the time the calling thread
  // spent waiting for it (ms, wall clock): CPU time of the caller alone leaves that out.
  long long shared_layouts() const { return shared_layouts_; }
  double waited_ms() const { return waited_ms_; }

  // A run longer than `chars` code points is cut after a space near its middle, again and again;
  // a paragraph of `min_shared` code points or more shares its pieces with the second thread.
  // Tests set small values to cut at many places.
  void set_pieces(std::size_t chars, std::size_t min_shared) {
    piece_chars_ = chars;
    min_shared_chars_ = min_shared;
  }
  // False: every piece is shaped on the calling thread, and try_share() declines.
  void set_shared(bool on) { share_ = on; }

 private:
  struct Font {
    hb_font_t* font = nullptr;
    bool from_file = false;      // tables read from the mapped file: safe on the second thread
    long long last_batch = 0;    // the batch that last used it
  };
  struct FontKey {
    FT_Face face;
    FT_Fixed x_scale, y_scale;  // the face's size
    bool operator==(const FontKey&) const = default;
  };
  struct FontKeyHash {
    std::size_t operator()(const FontKey& k) const {
      return std::hash<const void*>()(k.face) ^ (std::hash<long>()(k.x_scale) * 31) ^ std::hash<long>()(k.y_scale);
    }
  };
  static constexpr std::size_t kMostFonts = 256;
  std::unordered_map<FT_Face, hb_face_t*> file_faces_;  // tables from the mapped file, by set_face_file
  std::unordered_map<std::string, hb_blob_t*> files_;   // mapped font files, by path
  // One HarfBuzz call: `len` code points from `pos` of its paragraph `text`, in one face and script.
  struct Piece {
    const std::uint32_t* text;
    std::size_t text_len, pos, len;
    bool rtl;
    int script;
    hb_font_t* font;
    FT_Face face;
  };
  hb_font_t* font_for(FT_Face face, bool* from_file);
  void add_pieces(std::size_t pos, std::size_t len, bool rtl, FT_Face face, const std::uint32_t* text,
                  std::size_t text_len);
  // Shapes pieces [first, last) into piece_out_.
  void shape_pieces(hb_buffer_t* buffer, const char* language, std::size_t first, std::size_t last);
  void run_on_second_thread(std::function<void(hb_buffer_t*)> job);
  // `theirs` on the second thread (with its buffer) while `mine` runs here; returns when both are
  // done, rethrowing what either threw. The second thread must be idle.
  void run_both(std::function<void(hb_buffer_t*)> theirs, const std::function<void()>& mine);
  bool second_thread_idle();
  void wait_for_second_thread();

  int load_flags_;
  std::unordered_map<FontKey, Font, FontKeyHash> fonts_;
  int fonts_made_ = 0;
  long long batch_ = 0;            // batches begun
  bool all_from_files_ = true;     // every piece of this batch may go to the second thread
  hb_buffer_t* buffer_ = nullptr;  // reused for every run
  long long shared_layouts_ = 0;
  double waited_ms_ = 0;
  std::size_t piece_chars_ = 160, min_shared_chars_ = 400;
  bool share_ = true;
  std::vector<Piece> pieces_;                      // of every paragraph in the batch, in order
  std::vector<std::size_t> first_piece_;           // per paragraph added: its first piece
  std::vector<std::vector<RawGlyph>> piece_out_;   // per piece: its glyphs (either thread writes its own)
  std::vector<std::vector<RawGlyph>> one_;         // layout()'s batch of one
  // The second thread, started at the first shared layout; it owns its own HarfBuzz buffer.
  std::thread second_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::function<void(hb_buffer_t*)> job_;
  bool job_done_ = true, stop_ = false;
  std::exception_ptr job_error_;  // what the job threw, rethrown to the waiting thread
  // Scratch arrays, kept between calls so a layout allocates nothing once warm.
  std::vector<std::uint32_t> types_, brackets_;
  std::vector<signed char> levels_;
  std::vector<int> scripts_;  // of the paragraph being added
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
