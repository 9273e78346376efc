// Contrast of both themes, computed from the colours the kiosk actually draws with.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/loader.hpp"

using namespace kiosk::core;

namespace {
const Rgba kWhite{255, 255, 255, 255};

// Each pair of text colour and the colour behind it, as the views draw them.
void check_theme(const Content& c, const Style& s, bool high_contrast, double minimum) {
  INFO((high_contrast ? "high contrast" : "normal") << " theme, minimum " << minimum);
  CHECK(contrast_ratio(s.ink, s.card) >= minimum);        // headlines and body on cards and panels
  CHECK(contrast_ratio(s.ink, s.background) >= minimum);  // title, tick labels
  CHECK(contrast_ratio(s.muted_ink, s.background) >= minimum);  // hints
  CHECK(contrast_ratio(s.muted_ink, s.card) >= minimum);  // captions and sources
  CHECK(contrast_ratio(s.accent_ink, s.accent) >= minimum);  // button labels
  for (const Era& era : c.eras) {
    INFO("era " << era.id);
    const Rgba band = high_contrast ? mix(era.color, s.background, 0.85) : era.color;
    CHECK(contrast_ratio(s.muted_ink, band) >= minimum);  // era titles
  }
  for (const Theme& t : c.themes) {
    INFO("theme " << t.id);
    const Rgba date = high_contrast ? mix(t.color, kWhite, 0.6) : t.color;
    CHECK(contrast_ratio(date, s.card) >= minimum);  // dates on cards
  }
}
}  // namespace

TEST_CASE("the bundled content's themes meet 4.5:1, and 7:1 in high contrast") {
  const LoadResult r = load_content(std::filesystem::path(FIXTURES_DIR) / "../../content");
  REQUIRE(count_errors(r.diagnostics) == 0);
  check_theme(r.content, r.content.style, false, 4.5);
  check_theme(r.content, r.content.high_contrast, true, 7.0);
}

TEST_CASE("contrast ratio follows WCAG 2") {
  CHECK(contrast_ratio(Rgba{0, 0, 0, 255}, kWhite) == Approx(21.0));
  CHECK(contrast_ratio(kWhite, kWhite) == Approx(1.0));
  CHECK(contrast_ratio(Rgba{0x76, 0x76, 0x76, 255}, kWhite) == Approx(4.54).epsilon(0.01));
}
