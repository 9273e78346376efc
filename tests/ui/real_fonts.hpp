#pragma once
// The fonts the kiosk ships (fonts/manifest.json), for tests that measure and draw with real text.
#include <catch2/catch.hpp>

#include <string>

#include "platform/fonts.hpp"

namespace kiosk::test {

// The shipped font set; the calling test fails when the manifest cannot be read.
inline ui::FontSet real_fonts() {
  std::string error;
  ui::FontSet set = platform::load_font_manifest(FONTS_DIR, &error);
  INFO(error);
  REQUIRE(error.empty());
  return set;
}

}  // namespace kiosk::test
