#include "ui/text_shaper.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <utility>
#include <type_traits>

#include <fribidi.h>
#include <hb-ft.h>
#include <hb.h>

namespace kiosk::ui {

static_assert(std::is_same_v<FriBidiCharType, std::uint32_t> && std::is_same_v<FriBidiBracketType, std::uint32_t> &&
              std::is_same_v<FriBidiLevel, signed char>);

namespace {

// Brackets and quotes that take the script of their opening partner (even index: opening).
constexpr std::uint32_t kPaired[] = {
    0x0028, 0x0029, 0x003C, 0x003E, 0x005B, 0x005D, 0x007B, 0x007D, 0x00AB, 0x00BB, 0x2018, 0x2019,
    0x201C, 0x201D, 0x2039, 0x203A, 0x3008, 0x3009, 0x300A, 0x300B, 0x300C, 0x300D, 0x300E, 0x300F,
    0x3010, 0x3011, 0x3014, 0x3015, 0x3016, 0x3017, 0x3018, 0x3019, 0x301A, 0x301B};

// Whether a piece may begin with `c` (after a space): not a space, and not a mark or a format
// character (ZWJ, ZWNJ), which shape with the space before them.
bool starts_piece(std::uint32_t c) {
  if (c == U' ') return false;
  switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), c)) {
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_FORMAT: return false;
    default: return true;
  }
}

int pair_index(std::uint32_t c) {
  const auto* it = std::lower_bound(std::begin(kPaired), std::end(kPaired), c);
  return it != std::end(kPaired) && *it == c ? static_cast<int>(it - std::begin(kPaired)) : -1;
}

}  // namespace

Shaper::Shaper(int ft_load_flags) : load_flags_(ft_load_flags), buffer_(hb_buffer_create()) {}

Shaper::~Shaper() {
  stop();
  for (auto& [face, f] : fonts_) hb_font_destroy(f.font);
  for (auto& [face, tables] : file_faces_) hb_face_destroy(tables);
  for (auto& [path, file] : files_) hb_blob_destroy(file);
  hb_buffer_destroy(buffer_);
}

void Shaper::stop() {
  if (!second_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  second_.join();
  stop_ = false;  // a later job starts the thread again
}

std::pair<const unsigned char*, std::size_t> Shaper::map_file(const std::string& path) {
  hb_blob_t*& file = files_[path];
  if (!file) file = hb_blob_create_from_file_or_fail(path.c_str());
  if (!file) {
    files_.erase(path);
    return {nullptr, 0};
  }
  unsigned length = 0;
  const char* data = hb_blob_get_data(file, &length);
  return {reinterpret_cast<const unsigned char*>(data), length};
}

void Shaper::set_face_file(FT_Face face, const std::string& path, int face_index) {
  wait_for_second_thread();  // a warm-up may be reading file_faces_
  if (!map_file(path).first) return;  // read through FreeType instead
  hb_face_t*& tables = file_faces_[face];
  if (tables) hb_face_destroy(tables);
  tables = hb_face_create(files_[path], static_cast<unsigned>(face_index));
}

void Shaper::warm_up(std::vector<Sample> samples, std::function<void()> then) {
  if (!second_thread_idle()) wait_for_second_thread();
  run_on_second_thread([this, samples = std::move(samples), then = std::move(then)](hb_buffer_t* buffer) {
    for (const Sample& s : samples) {
      const auto tables = file_faces_.find(s.face);
      if (tables == file_faces_.end() || s.text.empty()) continue;
      hb_font_t* font = hb_font_create(tables->second);  // its own font: fonts_ is the calling thread's
      hb_buffer_clear_contents(buffer);
      hb_buffer_add_utf32(buffer, s.text.data(), static_cast<int>(s.text.size()), 0, -1);
      hb_buffer_set_language(buffer, hb_language_from_string(s.language.c_str(), -1));
      hb_buffer_guess_segment_properties(buffer);
      hb_shape(font, buffer, nullptr, 0);
      hb_font_destroy(font);
    }
    // A warm-up that fails only leaves the first use colder: its error must not surface later,
    // in the wait of an unrelated job.
    try {
      if (then) then();
    } catch (...) {
    }
  });
}

bool Shaper::try_share(const std::function<void()>& theirs, const std::function<void()>& mine) {
  if (!share_ || !second_thread_idle()) return false;
  run_both([&theirs](hb_buffer_t*) { theirs(); }, mine);
  return true;
}

void Shaper::run_both(std::function<void(hb_buffer_t*)> theirs, const std::function<void()>& mine) {
  run_on_second_thread(std::move(theirs));
  // The second thread reads what the caller owns: it is waited for however this part ends.
  try {
    mine();
  } catch (...) {
    try {
      wait_for_second_thread();
    } catch (...) {  // leaving with this thread's error already
    }
    throw;
  }
  const auto waiting = std::chrono::steady_clock::now();
  wait_for_second_thread();  // rethrows what the second thread threw
  waited_ms_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - waiting).count();
}

hb_font_t* Shaper::font_for(FT_Face face, bool* from_file) {
  const FT_Size_Metrics& m = face->size->metrics;
  Font& f = fonts_[FontKey{face, m.x_scale, m.y_scale}];
  f.last_batch = batch_;
  if (!f.font) {
    // The font's tables straight from its file (mapped: the kernel shares the pages with FreeType's
    // mapping); a face not told of is read through FreeType instead.
    const auto known = file_faces_.find(face);
    f.from_file = known != file_faces_.end();
    hb_face_t* tables = f.from_file ? hb_face_reference(known->second) : hb_ft_face_create_referenced(face);
    f.font = hb_font_create(tables);  // HarfBuzz's own metrics (hmtx): no glyph is loaded to learn an advance
    hb_face_destroy(tables);
    ++fonts_made_;
    // The face's size as hb-ft would set it: 26.6 pixels per em (advances come out as FreeType's).
    const auto upem = static_cast<std::int64_t>(face->units_per_EM);
    hb_font_set_scale(f.font, static_cast<int>((m.x_scale * upem + (1 << 15)) >> 16),
                      static_cast<int>((m.y_scale * upem + (1 << 15)) >> 16));
    hb_font_set_ppem(f.font, m.x_ppem, m.y_ppem);
  }
  *from_file = f.from_file;
  return f.font;
}

// Pieces of one face and script, in visual order; a long one cut after the space nearest its middle.
void Shaper::add_pieces(std::size_t pos, std::size_t len, bool rtl, FT_Face face, const std::uint32_t* text,
                        std::size_t text_len) {
  if (len > piece_chars_) {
    const std::size_t middle = pos + len / 2;
    for (std::size_t d = 0; d < len / 2; ++d) {
      for (const std::size_t cut : {middle + d, middle - d}) {  // the first code point after a space
        if (cut <= pos || cut >= pos + len || text[cut - 1] != U' ' || !starts_piece(text[cut])) continue;
        const std::size_t first = cut - pos;
        if (rtl) {  // the logically later piece comes first on screen
          add_pieces(cut, len - first, rtl, face, text, text_len);
          add_pieces(pos, first, rtl, face, text, text_len);
        } else {
          add_pieces(pos, first, rtl, face, text, text_len);
          add_pieces(cut, len - first, rtl, face, text, text_len);
        }
        return;
      }
    }
  }
  pieces_.push_back({text, text_len, pos, len, rtl, scripts_[pos], nullptr, face});
}

void Shaper::shape_pieces(hb_buffer_t* buffer, const char* language, std::size_t first, std::size_t last) {
  const hb_language_t lang = hb_language_from_string(language, -1);
  for (std::size_t p = first; p < last; ++p) {
    const Piece& piece = pieces_[p];
    std::vector<RawGlyph>& out = piece_out_[p];
    out.clear();
    hb_buffer_clear_contents(buffer);
    // The paragraph around the piece is its context (HarfBuzz uses up to 5 characters each side
    // for Arabic joining); lookups never match across a cut, so cuts are only after spaces, and
    // the shaper test checks on every shipped string that cutting there changes no glyph.
    hb_buffer_add_utf32(buffer, piece.text, static_cast<int>(piece.text_len), static_cast<unsigned>(piece.pos),
                        static_cast<int>(piece.len));
    hb_buffer_set_script(buffer, static_cast<hb_script_t>(piece.script));
    hb_buffer_set_language(buffer, lang);
    hb_buffer_set_direction(buffer, piece.rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_set_flags(buffer, static_cast<hb_buffer_flags_t>(HB_BUFFER_FLAG_BOT | HB_BUFFER_FLAG_EOT));
    hb_shape_full(piece.font, buffer, nullptr, 0, nullptr);
    unsigned glyphs = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &glyphs);
    const hb_glyph_position_t* place = hb_buffer_get_glyph_positions(buffer, nullptr);
    for (unsigned g = 0; g < glyphs; ++g)
      out.push_back({info[g].codepoint, info[g].cluster, place[g].x_advance, place[g].y_advance, place[g].x_offset,
                     place[g].y_offset, piece.face});
  }
}

void Shaper::run_on_second_thread(std::function<void(hb_buffer_t*)> job) {
  if (!second_.joinable()) {
    second_ = std::thread([this] {
      hb_buffer_t* buffer = hb_buffer_create();
      std::unique_lock lock(mutex_);
      for (;;) {
        wake_.wait(lock, [this] { return stop_ || !job_done_; });
        if (stop_) break;
        lock.unlock();
        try {
          job_(buffer);
        } catch (...) {  // handed to the waiting thread rather than ending the program
          lock.lock();
          job_error_ = std::current_exception();
          lock.unlock();
        }
        lock.lock();
        job_done_ = true;
        wake_.notify_all();
      }
      hb_buffer_destroy(buffer);
    });
  }
  {
    std::lock_guard lock(mutex_);
    job_ = std::move(job);
    job_done_ = false;
  }
  wake_.notify_all();
}

bool Shaper::second_thread_idle() {
  std::lock_guard lock(mutex_);
  return job_done_;
}

void Shaper::wait_for_second_thread() {
  std::unique_lock lock(mutex_);
  wake_.wait(lock, [this] { return job_done_; });
  if (job_error_) std::rethrow_exception(std::exchange(job_error_, nullptr));
}

bool Shaper::layout(const std::uint32_t* text, std::size_t len, const FT_Face* faces, bool rtl, const char* language,
                    std::vector<RawGlyph>& out) {
  begin_batch();
  if (!add_paragraph(text, len, faces, rtl)) {
    out.clear();
    return false;
  }
  shape_batch(language, one_);
  out.swap(one_[0]);
  return true;
}

void Shaper::begin_batch() {
  ++batch_;
  pieces_.clear();
  first_piece_.clear();
  all_from_files_ = true;
  if (fonts_.size() > kMostFonts)  // sizes come and go (a resized window): keep the recently used
    std::erase_if(fonts_, [this](auto& entry) {
      const bool old = entry.second.last_batch + 64 < batch_;
      if (old) hb_font_destroy(entry.second.font);
      return old;
    });
}

bool Shaper::add_paragraph(const std::uint32_t* text, std::size_t len, const FT_Face* faces, bool rtl) {
  if (len == 0) {
    first_piece_.push_back(pieces_.size());
    return true;
  }
  const int n = static_cast<int>(len);

  // Bidi levels (UAX #9 with paired brackets).
  types_.resize(len);
  brackets_.resize(len);
  levels_.resize(len);
  FriBidiParType par = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  fribidi_get_bidi_types(text, n, types_.data());
  fribidi_get_bracket_types(text, n, types_.data(), brackets_.data());
  if (fribidi_get_par_embedding_levels_ex(types_.data(), brackets_.data(), n, &par, levels_.data()) == 0) return false;
  first_piece_.push_back(pieces_.size());
  // Scripts: a common or inherited character takes the script before it, a closing bracket that of
  // its opening one; what leads the text takes the script after it.
  hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
  scripts_.resize(len);
  for (std::size_t i = 0; i < len; ++i) scripts_[i] = static_cast<int>(hb_unicode_script(unicode, text[i]));
  stack_.clear();
  bool have_script = false;
  int last_script = HB_SCRIPT_INVALID;
  for (std::size_t i = 0; i < len; ++i) {
    int& s = scripts_[i];
    if (s == HB_SCRIPT_COMMON && have_script) {
      const int p = pair_index(text[i]);
      if (p >= 0 && p % 2 == 0) {  // opening
        s = last_script;
        stack_.push_back({s, p});
      } else if (p >= 0) {  // closing: the script of the nearest matching opening one
        while (!stack_.empty() && stack_.back().pair != p - 1) stack_.pop_back();
        s = stack_.empty() ? last_script : stack_.back().script;
        last_script = s;
      } else {
        s = last_script;
      }
    } else if (s == HB_SCRIPT_INHERITED && have_script) {
      s = last_script;
    } else {
      last_script = s;
      have_script = true;
    }
  }
  for (std::size_t i = len - 1; i-- > 0;)
    if (scripts_[i] == HB_SCRIPT_INHERITED || scripts_[i] == HB_SCRIPT_COMMON) scripts_[i] = scripts_[i + 1];

  // Visual order of the level runs (UAX #9 L1 for trailing white space, then L2).
  const FriBidiLevel base = FRIBIDI_DIR_TO_LEVEL(par);
  for (std::size_t i = len; i-- > 0 && FRIBIDI_IS_EXPLICIT_OR_BN_OR_WS(types_[i]);) levels_[i] = base;
  int max_level = 0;
  bidi_runs_.clear();
  for (std::size_t start = 0; start < len;) {
    std::size_t end = start;
    while (end < len && levels_[end] == levels_[start]) ++end;
    bidi_runs_.push_back({start, end - start, levels_[start]});
    max_level = std::max<int>(max_level, levels_[start]);
    start = end;
  }
  for (int level = max_level; level > 0; --level) {
    for (int i = static_cast<int>(bidi_runs_.size()) - 1; i >= 0; --i) {
      if (bidi_runs_[i].level < level) continue;
      const int last = i;
      while (i >= 0 && bidi_runs_[i].level >= level) --i;
      std::reverse(bidi_runs_.begin() + (i + 1), bidi_runs_.begin() + (last + 1));
    }
  }

  // Each level run split where the face or the script changes, in visual order.
  auto same = [&](std::size_t a, std::size_t b) { return faces[a] == faces[b] && scripts_[a] == scripts_[b]; };
  const std::size_t first = pieces_.size();
  for (const BidiRun& r : bidi_runs_) {
    if (r.level % 2 == 1) {  // right to left: the pieces from the run's logical end
      std::size_t end = r.pos + r.len;
      while (end > r.pos) {
        std::size_t start = end - 1;
        while (start > r.pos && same(start - 1, end - 1)) --start;
        add_pieces(start, end - start, true, faces[start], text, len);
        end = start;
      }
    } else {
      for (std::size_t start = r.pos; start < r.pos + r.len;) {
        std::size_t end = start + 1;
        while (end < r.pos + r.len && same(end, start)) ++end;
        add_pieces(start, end - start, false, faces[start], text, len);
        start = end;
      }
    }
  }
  for (std::size_t p = first; p < pieces_.size(); ++p) {
    bool from_file = false;
    pieces_[p].font = font_for(pieces_[p].face, &from_file);  // at the face's size now, on this thread
    all_from_files_ = all_from_files_ && from_file;
  }
  return true;
}

void Shaper::shape_batch(const char* language, std::vector<std::vector<RawGlyph>>& out) {
  if (piece_out_.size() < pieces_.size()) piece_out_.resize(pieces_.size());
  std::size_t chars = 0;
  for (const Piece& p : pieces_) chars += p.len;
  // Enough text: the pieces after the half-way character go to the second thread.
  std::size_t split = pieces_.size();
  // (Not while the second thread still warms fonts up: then this thread shapes everything.)
  if (share_ && chars >= min_shared_chars_ && pieces_.size() > 1 && all_from_files_ && second_thread_idle()) {
    // The cut between pieces nearest the half-way character, so both threads finish together.
    std::size_t mine = pieces_[0].len;
    split = 1;
    const auto off = [chars](std::size_t c) { return c * 2 > chars ? c * 2 - chars : chars - c * 2; };
    for (std::size_t s = 1, before = mine; s + 1 < pieces_.size(); ++s) {
      before += pieces_[s].len;
      if (off(before) < off(mine)) {
        mine = before;
        split = s + 1;
      }
    }
  }
  if (split < pieces_.size()) {
    ++shared_layouts_;
    const std::size_t count = pieces_.size();
    run_both([this, language, split, count](hb_buffer_t* buffer) { shape_pieces(buffer, language, split, count); },
             [this, language, split] { shape_pieces(buffer_, language, 0, split); });
  } else {
    shape_pieces(buffer_, language, 0, pieces_.size());
  }
  out.resize(first_piece_.size());
  for (std::size_t i = 0; i < first_piece_.size(); ++i) {
    out[i].clear();
    const std::size_t end = i + 1 < first_piece_.size() ? first_piece_[i + 1] : pieces_.size();
    for (std::size_t p = first_piece_[i]; p < end; ++p) out[i].insert(out[i].end(), piece_out_[p].begin(), piece_out_[p].end());
  }
}

}  // namespace kiosk::ui
