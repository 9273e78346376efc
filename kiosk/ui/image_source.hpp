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
  // Called before each frame is drawn: images not drawn in the last frame may be let go of here
  // (surfaces handed out before this call become invalid).
  virtual void begin_frame() {}
};

}  // namespace kiosk::ui
