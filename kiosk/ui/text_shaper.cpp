#include "ui/text_shaper.hpp"

#include <algorithm>
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

int pair_index(std::uint32_t c) {
  const auto* it = std::lower_bound(std::begin(kPaired), std::end(kPaired), c);
  return it != std::end(kPaired) && *it == c ? static_cast<int>(it - std::begin(kPaired)) : -1;
}

}  // namespace

Shaper::Shaper(int ft_load_flags) : load_flags_(ft_load_flags), buffer_(hb_buffer_create()) {}

Shaper::~Shaper() {
  for (auto& [face, f] : fonts_) hb_font_destroy(f.font);
  hb_buffer_destroy(buffer_);
}

hb_font_t* Shaper::font_for(FT_Face face) {
  Font& f = fonts_[face];
  const FT_Size_Metrics& m = face->size->metrics;
  if (!f.font) {
    f.font = hb_ft_font_create_referenced(face);
    hb_ft_font_set_load_flags(f.font, load_flags_);
  } else if (f.x_scale != m.x_scale || f.y_scale != m.y_scale) {
    hb_ft_font_changed(f.font);  // the face was set to another size since: new scale, advances forgotten
    ++rescales_;
  }
  f.x_scale = m.x_scale;
  f.y_scale = m.y_scale;
  return f.font;
}

bool Shaper::layout(const std::uint32_t* text, std::size_t len, const FT_Face* faces, bool rtl, const char* language,
                    std::vector<RawGlyph>& out) {
  out.clear();
  if (len == 0) return true;
  const int n = static_cast<int>(len);

  // Bidi levels (UAX #9 with paired brackets).
  types_.resize(len);
  brackets_.resize(len);
  levels_.resize(len);
  FriBidiParType par = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  fribidi_get_bidi_types(text, n, types_.data());
  fribidi_get_bracket_types(text, n, types_.data(), brackets_.data());
  if (fribidi_get_par_embedding_levels_ex(types_.data(), brackets_.data(), n, &par, levels_.data()) == 0) return false;

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

  // Each level run split where the face or the script changes, in visual order; each shaped.
  hb_language_t lang = hb_language_from_string(language, -1);
  auto shape = [&](std::size_t pos, std::size_t count, hb_direction_t dir) {
    hb_buffer_clear_contents(buffer_);
    hb_buffer_add_utf32(buffer_, text, n, static_cast<unsigned>(pos), static_cast<int>(count));
    hb_buffer_set_script(buffer_, static_cast<hb_script_t>(scripts_[pos]));
    hb_buffer_set_language(buffer_, lang);
    hb_buffer_set_direction(buffer_, dir);
    hb_buffer_set_flags(buffer_, static_cast<hb_buffer_flags_t>(HB_BUFFER_FLAG_BOT | HB_BUFFER_FLAG_EOT));
    hb_shape_full(font_for(faces[pos]), buffer_, nullptr, 0, nullptr);
    unsigned glyphs = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer_, &glyphs);
    const hb_glyph_position_t* place = hb_buffer_get_glyph_positions(buffer_, nullptr);
    for (unsigned g = 0; g < glyphs; ++g)
      out.push_back({info[g].codepoint, info[g].cluster, place[g].x_advance, place[g].y_advance, place[g].x_offset,
                     place[g].y_offset, faces[info[g].cluster]});
  };
  auto same = [&](std::size_t a, std::size_t b) { return faces[a] == faces[b] && scripts_[a] == scripts_[b]; };
  for (const BidiRun& r : bidi_runs_) {
    if (r.level % 2 == 1) {  // right to left: the pieces from the run's logical end
      std::size_t end = r.pos + r.len;
      while (end > r.pos) {
        std::size_t start = end - 1;
        while (start > r.pos && same(start - 1, end - 1)) --start;
        shape(start, end - start, HB_DIRECTION_RTL);
        end = start;
      }
    } else {
      for (std::size_t start = r.pos; start < r.pos + r.len;) {
        std::size_t end = start + 1;
        while (end < r.pos + r.len && same(end, start)) ++end;
        shape(start, end - start, HB_DIRECTION_LTR);
        start = end;
      }
    }
  }
  return true;
}

}  // namespace kiosk::ui
