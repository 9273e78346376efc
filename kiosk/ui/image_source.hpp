#pragma once
// Images as the views see them: asked for by path each frame, decoded elsewhere.
#include <string>

#include "ui/surface.hpp"

namespace kiosk::ui {

enum class ImageStatus { loading, ready, failed };

struct ImageView {
  ImageStatus status = ImageStatus::loading;
  const Surface* surface = nullptr;  // set when ready
};

class ImageSource {
 public:
  virtual ~ImageSource() = default;
  // The image at `path` (relative to the images folder); starts loading it on first request.
  virtual ImageView image(const std::string& path) = 0;
};

}  // namespace kiosk::ui
