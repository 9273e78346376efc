#pragma once
// Synthetic content for benchmarks: N events with images, as a curator's folder would hold them.
#include <filesystem>
#include <string>

namespace kiosk::app {

// Writes `dir`/content (timeline.json, i18n/, events/*.json) and `dir`/images (24 generated PNGs
// of 1600x1000 pixels plus the attract art) with `events` events spread over 1880-2025. Texts,
// translations and sources are borrowed, in turn, from the events of `template_content` so that
// every script and the real string lengths appear; ids, dates, ranges and importance are drawn
// from a fixed seed. False, with `error`, when the template cannot be read or a file not written.
bool write_synthetic_content(const std::filesystem::path& dir, int events,
                             const std::filesystem::path& template_content, std::string* error);

}  // namespace kiosk::app
