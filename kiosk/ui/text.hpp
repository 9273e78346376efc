#pragma once
// The one text module: every visitor-facing string is measured, wrapped and drawn here.
// Glyphs are rasterised by FreeType at the exact pixel size on first use and cached.
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

struct FontFile {
  std::string path;
  int face_index = 0;  // for .ttc collections
};

// Fonts in fallback order: a character is drawn with the first font that has it.
struct FontSet {
  std::vector<FontFile> regular;
  std::vector<FontFile> bold;
};

class TextEngine {
 public:
  explicit TextEngine(const FontSet& fonts);
  ~TextEngine();
  TextEngine(const TextEngine&) = delete;
  TextEngine& operator=(const TextEngine&) = delete;

  // "" when every font loaded; otherwise which could not be opened.
  const std::string& error() const;

  float measure(std::string_view text, TextStyle style);  // advance width, pixels
  float line_height(TextStyle style);                      // baseline to baseline, pixels
  float ascent(TextStyle style);                           // top of line to baseline, pixels

  // Splits `text` into lines no wider than `max_width`; at most `max_lines` (0 = no limit),
  // the last one ending in an ellipsis when text was cut. Blank lines in the text are kept.
  std::vector<std::string> wrap(std::string_view text, TextStyle style, float max_width, int max_lines = 0);

  // Draws one line with its top-left corner at (x, y).
  void draw(ImDrawList* dl, float x, float y, std::string_view line, TextStyle style, ImU32 color);

  // Wraps and draws; returns the height used, pixels.
  float draw_wrapped(ImDrawList* dl, float x, float y, std::string_view text, TextStyle style, float max_width,
                     ImU32 color, int max_lines = 0, float line_spacing = 1.0f);

  int missing_glyphs() const;  // characters no font could draw since start (drawn as boxes)

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::ui
