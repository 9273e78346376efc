// Decoded images are kept at the screen's size and within a memory budget (issue #9 §1).
#include <stb_image_write.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <vector>

#include "platform/image_loader.hpp"

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

struct Folder {
  fs::path dir = fs::temp_directory_path() / ("kiosk-image-budget-" + std::to_string(::getpid()));
  Folder() {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

// A `w` x `h` PNG: left half red, right half blue, fully opaque.
void write_png(const fs::path& file, int w, int h) {
  std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      unsigned char* p = &px[(static_cast<std::size_t>(y) * w + x) * 4];
      p[0] = x < w / 2 ? 255 : 0, p[1] = 0, p[2] = x < w / 2 ? 0 : 255, p[3] = 255;
    }
  REQUIRE(stbi_write_png(file.c_str(), w, h, 4, px.data(), w * 4));
}

}  // namespace

TEST_CASE("an image larger than the screen is decoded at the screen's size, keeping its shape") {
  Folder f;
  write_png(f.dir / "wide.png", 4000, 1000);
  write_png(f.dir / "small.png", 300, 200);
  platform::ImageLoader images(f.dir);
  images.fit_to(1920, 1080);
  images.image("wide.png");
  images.image("small.png");
  images.wait_idle();
  const ui::ImageView wide = images.image("wide.png"), small = images.image("small.png");
  REQUIRE(wide.status == ui::ImageStatus::ready);
  CHECK(wide.surface->width == 1920);
  CHECK(wide.surface->height == 480);
  const std::uint8_t* left = &wide.surface->rgba[(240 * 1920 + 100) * 4];
  const std::uint8_t* right = &wide.surface->rgba[(240 * 1920 + 1800) * 4];
  CHECK((left[0] == 255 && left[2] == 0 && right[0] == 0 && right[2] == 255));
  REQUIRE(small.status == ui::ImageStatus::ready);
  CHECK(small.surface->width == 300);  // never scaled up
  CHECK(small.surface->height == 200);
}

TEST_CASE("over the budget, the image drawn least recently is let go of and decoded again when asked for") {
  Folder f;
  for (const char* name : {"a.png", "b.png", "c.png"}) write_png(f.dir / name, 100, 100);  // 40,000 bytes each
  platform::ImageLoader images(f.dir);
  images.set_budget(90'000);  // room for two
  auto show = [&](std::initializer_list<const char*> names) {  // one frame drawing `names`
    images.begin_frame();
    for (const char* n : names) images.image(n);
    images.wait_idle();
  };
  show({"a.png"});
  show({"b.png"});
  show({"c.png"});
  CHECK(images.decoded_bytes() == 120'000);  // nothing is let go of before the next frame starts
  show({"c.png"});
  CHECK(images.decoded_bytes() == 80'000);   // a.png, drawn longest ago, went
  images.begin_frame();
  CHECK(images.image("b.png").status == ui::ImageStatus::ready);
  CHECK(images.image("a.png").status == ui::ImageStatus::loading);  // asked for again: decoded again
  images.wait_idle();
  CHECK(images.image("a.png").status == ui::ImageStatus::ready);
}

TEST_CASE("images on screen are kept even when they alone are over the budget") {
  Folder f;
  write_png(f.dir / "a.png", 100, 100);
  write_png(f.dir / "b.png", 100, 100);
  platform::ImageLoader images(f.dir);
  images.set_budget(10'000);
  images.begin_frame();
  images.image("a.png");
  images.image("b.png");
  images.wait_idle();
  images.begin_frame();
  CHECK(images.image("a.png").status == ui::ImageStatus::ready);
  CHECK(images.image("b.png").status == ui::ImageStatus::ready);
  CHECK(images.decoded_bytes() == 80'000);
}
