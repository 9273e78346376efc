#pragma once
// A CPU-side RGBA picture that the renderer mirrors to a GPU texture. Views draw with
// `ImTextureID(surface)`; the renderer re-uploads whenever `version` changes.
#include <cstdint>
#include <vector>

namespace kiosk::ui {

struct Surface {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4 bytes, straight alpha, row-major
  std::uint64_t version = 0;       // bumped on every change of the pixels
};

}  // namespace kiosk::ui
