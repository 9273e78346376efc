// Line breaking (UAX #14 through libunibreak) and drawing of shaped lines.
#include <algorithm>
#include <utility>
#include <cmath>
#include <cstring>

#include <linebreak.h>

#include "ui/text_impl.hpp"

namespace kiosk::ui {

namespace {
const std::string kEllipsis = "\xE2\x80\xA6";

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Korean is set with breaks at spaces, not between the syllables of a word (CSS word-break:
// keep-all); UAX #14 alone would allow both.
void keep_korean_words(std::string_view para, std::vector<char>& breaks) {
  Script previous = Script::common;
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < para.size();) {
    const char32_t c = decode_utf8(para, i);
    const Script script = script_of(c);
    if (script == Script::hangul && previous == Script::hangul && breaks[previous_end - 1] == LINEBREAK_ALLOWBREAK)
      breaks[previous_end - 1] = LINEBREAK_NOBREAK;
    previous = script;
    previous_end = i;
  }
}

struct LineBreakInit {
  LineBreakInit() { init_linebreak(); }
};

std::uint32_t bits(float f) {
  std::uint32_t u = 0;
  std::memcpy(&u, &f, sizeof u);
  return u;
}

bool first_strong_is_rtl(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = decode_utf8(text, i);
    if (is_rtl_char(c)) return true;
    if (is_ltr_char(c)) return false;
  }
  return false;
}
}  // namespace

bool TextEngine::Impl::ready(std::string_view text, TextStyle style, bool wrapped) {
  const int px = pixel_size(style);
  auto run_ready = [&](std::string_view t) {
    const auto it = runs.find(run_key(t, style, first_strong_is_rtl(t)));
    if (it == runs.end()) return false;
    for (const ShapedGlyph& g : it->second.run.glyphs) {
      if (g.face < 0) continue;
      if (!cached(GlyphKey{g.face, g.glyph, px})) return false;
    }
    return true;
  };
  if (!wrapped) return run_ready(text);
  for (std::size_t start = 0; start <= text.size();) {  // each paragraph was shaped whole
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start && !run_ready(text.substr(start, end - start))) return false;
    start = end + 1;
  }
  return true;
}

// A steady frame wraps the same texts again (cards, story pages, measured in the layout and then
// drawn): line breaking is kept, so such a frame neither shapes nor breaks anything.
std::vector<std::string> TextEngine::wrap(std::string_view text, TextStyle style, float max_width, int max_lines) {
  return wrap_kept(text, style, max_width, max_lines, nullptr);
}

std::vector<std::string> TextEngine::wrap_kept(std::string_view text, TextStyle style, float max_width, int max_lines,
                                               bool* first_draw, std::vector<bool>* line_rtl) {
  Impl& m = *impl_;
  if (first_draw) *first_draw = false;
  if (!m.ok()) return {};
  std::string key = m.run_key(text, style, false);
  std::uint32_t width_bits = 0;
  std::memcpy(&width_bits, &max_width, sizeof width_bits);
  key += '\x1f';
  key += std::to_string(width_bits);
  key += '/';
  key += std::to_string(max_lines);
  if (auto it = m.wraps.find(key); it != m.wraps.end()) {
    bool slices_kept = true;  // drawing a line whose slice was evicted would shape it alone
    for (const std::string& k : it->second.line_keys) slices_kept = slices_kept && m.runs.count(k) > 0;
    if (slices_kept) {
      m.wrap_lru.splice(m.wrap_lru.begin(), m.wrap_lru, it->second.lru);
      for (const std::string& k : it->second.line_keys) {  // text only measured keeps its slices too
        Impl::RunEntry& slice = m.runs.find(k)->second;
        m.run_lru.splice(m.run_lru.begin(), m.run_lru, slice.lru);
      }
      // And its paragraphs' whole runs, which prepare() looks for: kept with their lines.
      for (const std::string& k : it->second.para_keys)
        if (auto whole = m.runs.find(k); whole != m.runs.end())
          m.run_lru.splice(m.run_lru.begin(), m.run_lru, whole->second.lru);
      if (first_draw) *first_draw = !std::exchange(it->second.drawn, true);
      if (line_rtl) *line_rtl = it->second.line_rtl;
      return it->second.lines;
    }
    m.wrap_lru.erase(it->second.lru);
    m.wraps.erase(it);
  }
  Impl::WrapEntry entry;
  if (text.find('\n') != std::string_view::npos) prepare({{text, style}}, false);  // its paragraphs in one batch
  std::vector<std::string> lines =
      wrap_now(text, style, max_width, max_lines, &entry.line_keys, &entry.para_keys, &entry.line_rtl);
  if (line_rtl) *line_rtl = entry.line_rtl;
  entry.lines = lines;
  entry.drawn = first_draw != nullptr;
  if (first_draw) *first_draw = true;
  m.wrap_lru.push_front(key);
  entry.lru = m.wrap_lru.begin();
  m.wraps[std::move(key)] = std::move(entry);
  while (m.wraps.size() > m.limits.wrapped_texts && m.wrap_lru.size() > 1) {
    m.wraps.erase(m.wrap_lru.back());
    m.wrap_lru.pop_back();
  }
  return lines;
}

std::vector<std::string> TextEngine::wrap_now(std::string_view text, TextStyle style, float max_width, int max_lines,
                                              std::vector<std::string>* slice_keys,
                                              std::vector<std::string>* para_keys, std::vector<bool>* line_rtl) {
  static const LineBreakInit init;
  Impl& m = *impl_;
  std::vector<std::string> lines;
  std::size_t para_start = 0;
  while (para_start <= text.size()) {
    std::size_t para_end = text.find('\n', para_start);
    if (para_end == std::string_view::npos) para_end = text.size();
    const std::string_view para = text.substr(para_start, para_end - para_start);
    // Advance of each byte's cluster from the paragraph shaped as a whole.
    std::vector<float> advance(para.size(), 0.0f);
    const bool para_rtl = is_rtl(para);
    if (para.empty()) {
      lines.emplace_back();
      line_rtl->push_back(para_rtl);
    }
    const ShapedRun whole = m.shape(para, style, para_rtl);  // a copy: slicing below stores runs
    if (para_keys && !para.empty()) para_keys->push_back(m.run_key(para, style, para_rtl));
    for (const ShapedGlyph& g : whole.glyphs)
      if (g.cluster < advance.size()) advance[g.cluster] += g.advance;
    std::vector<char> breaks(para.size(), LINEBREAK_NOBREAK);
    if (!para.empty())
      set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(para.data()), para.size(), m.language.c_str(), breaks.data());
    if (m.language == "ko" || m.language.starts_with("ko-")) keep_korean_words(para, breaks);

    std::size_t start = 0;
    while (start < para.size()) {
      float width = 0;
      std::size_t last_break = std::string_view::npos;  // a line may end after this byte
      std::size_t end = start;
      for (std::size_t i = start; i < para.size(); ++i) {
        const bool char_end = breaks[i] != LINEBREAK_INSIDEACHAR;
        width += advance[i];
        if (!char_end) continue;
        // Trailing spaces hang past the edge; they never force a break.
        if (width > max_width && !is_space_byte(para[i]) && i > start) {
          break;
        }
        end = i + 1;
        if (breaks[i] == LINEBREAK_ALLOWBREAK || breaks[i] == LINEBREAK_MUSTBREAK) last_break = i + 1;
      }
      if (end < para.size() && last_break != std::string_view::npos && last_break > start) end = last_break;
      if (end <= start) {  // not even one character fits: take one anyway
        end = start;
        decode_utf8(para, end);
      }
      std::string line(para.substr(start, end - start));
      while (!line.empty() && is_space_byte(line.back())) line.pop_back();
      if (!line.empty()) {
        // Each line is a slice of the shaped paragraph, so drawing it shapes nothing. The bidi
        // reordering of the paragraph restricted to a line equals the line's own (UAX #9 L2
        // reverses contiguous runs); only trailing spaces differ, and those are trimmed.
        ShapedRun slice;
        float pen = 0;  // pen position of each glyph in the paragraph
        for (const ShapedGlyph& g : whole.glyphs) {
          if (g.cluster >= start && g.cluster < start + line.size()) {
            ShapedGlyph s = g;
            s.cluster -= static_cast<std::uint32_t>(start);
            s.x = slice.width + (g.x - pen);
            slice.width += g.advance;
            slice.glyphs.push_back(s);
          }
          pen += g.advance;
        }
        slice.rtl = para_rtl;
        std::string slice_key = m.run_key(line, style, para_rtl);
        slice_keys->push_back(slice_key);
        m.store(std::move(slice_key), std::move(slice));
      }
      lines.push_back(std::move(line));
      line_rtl->push_back(para_rtl);
      start = end;
      while (start < para.size() && is_space_byte(para[start])) ++start;
    }
    para_start = para_end + 1;
    if (para_end == text.size()) break;
  }
  if (max_lines > 0 && static_cast<int>(lines.size()) > max_lines) {
    lines.resize(max_lines);
    line_rtl->resize(max_lines);
    std::string& last = lines.back();
    // Drop whole characters from the end until the line and the ellipsis fit.
    const float room = max_width - measure(kEllipsis, style);
    if (measure(last, style) > room) {
      const std::string full = last;
      // Each character's advance, in logical order whatever the direction (a glyph counts for the
      // character its cluster starts at); keep the characters from the start that fit.
      std::vector<float> advance(last.size() + 1, 0.0f);
      for (const auto& g : place(last, style))
        if (g.cluster < last.size()) advance[g.cluster] += g.advance;
      std::size_t keep = 0;
      float width = 0;
      for (std::size_t i = 0; i < last.size();) {
        std::size_t next = i;
        decode_utf8(last, next);
        float w = 0;
        for (std::size_t b = i; b < next && b < last.size(); ++b) w += advance[b];
        if (width + w > room) break;
        width += w;
        keep = i = next;
      }
      last.erase(std::min(keep, last.size()));
      while (!last.empty() && measure(last, style) > room) {  // shaping across the cut made it wider
        std::size_t cut = last.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(last[cut]) & 0xC0) == 0x80) --cut;
        last.erase(cut);
      }
      // End after a whole word where the line has one in its second half ("...the conference..."
      // rather than "...the conference w..."); text without spaces (Chinese) is cut between characters.
      if (last.size() < full.size() && !is_space_byte(full[last.size()])) {
        const std::size_t space = last.find_last_of(' ');
        if (space != std::string::npos && space >= last.size() / 2) last.erase(space);
      }
    }
    while (!last.empty() && (is_space_byte(last.back()) || last.back() == ',')) last.pop_back();
    last += kEllipsis;
  }
  return lines;
}

namespace {

enum class Edge { left, center, right };

Edge resolve(Align align, bool rtl) {
  if (align == Align::center) return Edge::center;
  return (align == Align::start) != rtl ? Edge::left : Edge::right;
}

// Draws `line` shaped with base direction `rtl`, placed at `edge` of [x, x + width).
void draw_shaped(TextEngine::Impl& m, ImDrawList* dl, float x, float baseline, std::string_view line, TextStyle style,
                 ImU32 color, float width, Edge edge, bool rtl) {
  const ShapedRun run = m.shape(line, style, rtl);  // a copy: drawing may evict cache entries
  const int px = m.pixel_size(style);
  float left = x;
  if (width > 0 && edge == Edge::center) left = x + (width - run.width) / 2;
  else if (width > 0 && edge == Edge::right) left = x + width - run.width;
  left = std::round(left);
  const float inv = 1.0f / static_cast<float>(m.atlas.page_size());
  auto quad = [&](const ShapedGlyph& g, const TextEngine::Impl::Bitmap& b) {
    if (b.slot.page < 0) return;
    const Surface& page = m.atlas.use(b.slot);
    const float gx = std::round(left + g.x) + static_cast<float>(b.left);
    const float gy = std::round(baseline - g.y) - static_cast<float>(b.top);
    const auto sx = static_cast<float>(b.slot.x), sy = static_cast<float>(b.slot.y);
    const auto sw = static_cast<float>(b.slot.w), sh = static_cast<float>(b.slot.h);
    dl->PushTextureID(const_cast<Surface*>(&page));
    dl->PrimReserve(6, 4);
    dl->PrimRectUV(ImVec2(gx, gy), ImVec2(gx + sw, gy + sh), ImVec2(sx * inv, sy * inv),
                   ImVec2((sx + sw) * inv, (sy + sh) * inv), color);
    dl->PopTextureID();
  };
  std::vector<std::size_t> later;  // glyphs with no bitmap yet: made together below, then drawn
  for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
    const ShapedGlyph& g = run.glyphs[i];
    if (g.face < 0) {  // no font has this character: a visible box, never silently dropped
      const float h = style.size_px * 0.7f;
      dl->AddRect(ImVec2(left + g.x + 2, baseline - h), ImVec2(left + g.x + g.advance - 2, baseline), color, 0, 0,
                  std::max(1.0f, style.size_px / 16));
      continue;
    }
    if (const TextEngine::Impl::Bitmap* b = m.cached({g.face, g.glyph, px})) quad(g, *b);
    else later.push_back(i);
  }
  if (later.empty()) return;
  // A line new to the atlas (after a switch of language, say): many new glyphs are rendered on both
  // threads. Pages drawn from this frame are never evicted, so the quads above stay valid.
  std::vector<TextEngine::Impl::GlyphKey> keys;
  for (const std::size_t i : later) keys.push_back({run.glyphs[i].face, run.glyphs[i].glyph, px});
  m.rasterise_all(std::move(keys));
  for (const std::size_t i : later) quad(run.glyphs[i], m.bitmap(run.glyphs[i].face, run.glyphs[i].glyph, px));
}

}  // namespace

// The cold budget: the slot a draw call records into, or null when the budget is off. When the call
// should draw its slot's previous text instead, sets *defer.
TextEngine::Impl::Slot* TextEngine::Impl::slot_for(const SlotKey& key, std::string_view text, TextStyle style,
                                                   bool* defer) {
  *defer = false;
  if (cold_budget_ms <= 0 || replaying) return nullptr;
  Slot& slot = slots[key];
  const bool changed = slot.text != text || slot.language != language;
  *defer = changed && slot.frame > 0 && slot.frame + 1 == frame && slot.deferred < kMaxDeferredFrames &&
           frame_shaping_ms + frame_rasterising_ms >= cold_budget_ms && !ready(text, style, key.wrapped != 0);
  return &slot;
}

void TextEngine::Impl::record(Slot* slot, std::string_view text, float height) {
  if (!slot) return;
  if (slot->text != text || slot->language != language) {
    slot->text.assign(text);
    slot->language = language;
  }
  slot->height = height;
  slot->frame = frame;
  slot->deferred = 0;
}

void TextEngine::draw(ImDrawList* dl, float x, float y, std::string_view line, TextStyle style, ImU32 color,
                      float width, Align align) {
  Impl& m = *impl_;
  if (!m.ok() || line.empty()) return;
  bool defer = false;
  Impl::Slot* slot = m.slot_for(Impl::SlotKey{bits(x), bits(y), bits(width), bits(style.size_px), 0, 0,
                                              static_cast<std::uint8_t>(style.weight), static_cast<std::uint8_t>(align), 0},
                                line, style, &defer);
  if (defer) {  // this frame's budget is spent: what this place showed last frame, once more
    const std::string language = m.language;
    m.replaying = true;
    set_language(slot->language);
    draw(dl, x, y, slot->text, style, color, width, align);
    set_language(language);
    m.replaying = false;
    ++slot->deferred;
    slot->frame = m.frame;
    ++m.frame_deferred;
    return;
  }
  const bool rtl = is_rtl(line);
  draw_shaped(m, dl, x, std::round(y + ascent(style, line)), line, style, color, width, resolve(align, rtl), rtl);
  m.record(slot, line, 0);
}

float TextEngine::draw_wrapped(ImDrawList* dl, float x, float y, std::string_view text, TextStyle style, float max_width,
                               ImU32 color, int max_lines, float line_spacing, Align align) {
  Impl& m = *impl_;
  bool defer = false;
  Impl::Slot* slot =
      m.ok() ? m.slot_for(Impl::SlotKey{bits(x), bits(y), bits(max_width), bits(style.size_px), bits(line_spacing),
                                        static_cast<std::uint16_t>(std::clamp(max_lines, 0, 65535)),
                                        static_cast<std::uint8_t>(style.weight), static_cast<std::uint8_t>(align), 1},
                          text, style, &defer)
             : nullptr;
  if (defer) {  // this frame's budget is spent: what this place showed last frame, once more
    const std::string language = m.language;
    m.replaying = true;
    set_language(slot->language);
    draw_wrapped(dl, x, y, slot->text, style, max_width, color, max_lines, line_spacing, align);
    set_language(language);
    m.replaying = false;
    ++slot->deferred;
    slot->frame = m.frame;
    ++m.frame_deferred;
    return slot->height;
  }
  const float used = draw_wrapped_now(dl, x, y, text, style, max_width, color, max_lines, line_spacing, align);
  m.record(slot, text, used);
  return used;
}

float TextEngine::draw_wrapped_now(ImDrawList* dl, float x, float y, std::string_view text, TextStyle style,
                                   float max_width, ImU32 color, int max_lines, float line_spacing, Align align) {
  Impl& m = *impl_;
  // Lines are spaced by the faces the paragraph is drawn with (Latin in an Urdu screen as Latin).
  const float lh = line_height(style, text) * line_spacing;
  const float a = ascent(style, text);
  bool first_draw = false;
  std::vector<bool> line_rtl;
  const std::vector<std::string> lines = wrap_kept(text, style, max_width, max_lines, &first_draw, &line_rtl);
  if (first_draw && m.ok()) {  // new lines: their glyphs rasterised on both threads before they are drawn
    std::vector<Impl::GlyphKey> glyphs;
    const int px = m.pixel_size(style);
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (!lines[i].empty())
        for (const ShapedGlyph& g : m.shape(lines[i], style, i < line_rtl.size() && line_rtl[i]).glyphs)
          if (g.face >= 0) glyphs.push_back({g.face, g.glyph, px});
    m.rasterise_all(std::move(glyphs));
  }
  float cy = y;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    // Every line aligns and orders by its paragraph's direction, even a line of only Latin words
    // in an Urdu paragraph, or an Urdu paragraph after an English one.
    const std::string& line = lines[i];
    const bool rtl = i < line_rtl.size() && line_rtl[i];
    if (impl_->ok() && !line.empty())
      draw_shaped(*impl_, dl, x, std::round(cy + a), line, style, color, max_width, resolve(align, rtl), rtl);
    cy += lh;
  }
  return cy - y;
}

}  // namespace kiosk::ui
