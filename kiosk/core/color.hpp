#pragma once
// Colours as curators write them in content ("#RRGGBB" or "#RRGGBBAA").
#include <cstdint>
#include <optional>
#include <string_view>

namespace kiosk::core {

struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Rgba&) const = default;
};

// Parses "#RRGGBB" or "#RRGGBBAA"; nullopt for anything else.
std::optional<Rgba> parse_color(std::string_view text);

// `a` moved toward `b` by t (0..1), per channel.
Rgba mix(Rgba a, Rgba b, double t);

// WCAG 2 contrast ratio between two opaque colours, 1..21.
double contrast_ratio(Rgba a, Rgba b);

}  // namespace kiosk::core
