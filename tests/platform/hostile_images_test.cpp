// Images written to attack the decoder (issue #9 §4): each is refused with a reason before or
// while decoding, shows a placeholder, and never costs more memory than the pixel budget allows.
// The decoder checks for itself rather than trusting the loader: a file can change after
// validation.
#include <stb_image_write.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "platform/image_loader.hpp"

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

// An images folder of its own inside a scratch folder (so "../" has somewhere to lead).
struct Scratch {
  fs::path dir;
  Scratch() {
    static int count = 0;
    dir = fs::temp_directory_path() /
          ("kiosk-hostile-images-" + std::to_string(::getpid()) + "-" + std::to_string(++count));
    fs::remove_all(dir);
    fs::create_directories(dir / "images");
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  fs::path images() const { return dir / "images"; }
};

void write(const fs::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

// A real `w` x `h` gradient encoded by stb_image_write as "png" or "jpg".
std::string encode(const char* format, int w, int h) {
  std::vector<unsigned char> rgb(static_cast<std::size_t>(w * h * 3));
  for (std::size_t i = 0; i < rgb.size(); ++i) rgb[i] = static_cast<unsigned char>(i * 7 % 251);
  std::string out;
  auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
  };
  if (std::string(format) == "png")
    stbi_write_png_to_func(append, &out, w, h, 3, rgb.data(), w * 3);
  else
    stbi_write_jpg_to_func(append, &out, w, h, 3, rgb.data(), 90);
  return out;
}

// A PNG whose header claims `w` x `h` pixels, with a tiny image body that claims nothing.
std::string png_claiming(std::uint32_t w, std::uint32_t h) {
  std::string png = encode("png", 4, 4);
  for (int i = 0; i < 4; ++i) {
    png[static_cast<std::size_t>(16 + i)] = static_cast<char>(w >> (24 - 8 * i));
    png[static_cast<std::size_t>(20 + i)] = static_cast<char>(h >> (24 - 8 * i));
  }
  return png;  // stb_image does not check chunk CRCs, so the changed header is read as written
}

// Asks for `path`, waits for the worker, and returns why it failed ("" when it decoded).
std::string outcome(platform::ImageLoader& loader, const std::string& path) {
  loader.image(path);
  loader.wait_idle();
  const ui::ImageView view = loader.image(path);
  if (view.status == ui::ImageStatus::ready) {
    REQUIRE(view.surface);
    return "";
  }
  CHECK(view.status == ui::ImageStatus::failed);
  CHECK(view.surface == nullptr);
  return loader.failure(path);
}

long peak_memory_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
  return -1;
}

bool reset_peak_memory() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
  clear.flush();
  return static_cast<bool>(clear);
}

}  // namespace

TEST_CASE("hostile: the decoder refuses a 30000x30000 PNG from its header, before decoding") {
  Scratch s;
  write(s.images() / "bomb.png", png_claiming(30000, 30000));
  write(s.images() / "overflow.png", png_claiming(0x7FFFFFFFu, 0x7FFFFFFFu));
  write(s.images() / "fine.png", encode("png", 64, 32));
  platform::ImageLoader loader(s.images());
  const bool can_measure = reset_peak_memory();
  const long before = peak_memory_kib();
  CHECK(outcome(loader, "bomb.png") == "is too large (30000x30000 pixels, over the limit of 40000000)");
  const long growth = peak_memory_kib() - before;
  if (can_measure) {
    INFO("peak memory grew by " << growth << " KiB");
    CHECK(growth < 16 * 1024);  // decoding would need 3.6 GB
  }
  CHECK(outcome(loader, "overflow.png") == "is too large (2147483647x2147483647 pixels, over the limit of 40000000)");

  CHECK(outcome(loader, "fine.png") == "");
  CHECK(loader.image("fine.png").surface->width == 64);

  // The budget is the decoder's own, not only the loader's: a real 64x32 image over a budget of
  // 1000 pixels is refused.
  platform::ImageLoader strict(s.images(), 1000);
  CHECK(outcome(strict, "fine.png") == "is too large (64x32 pixels, over the limit of 1000)");
}

TEST_CASE("hostile: the decoder reads nothing outside its images folder") {
  Scratch s;
  write(s.dir / "secret.png", encode("png", 8, 8));
  write(s.images() / "pic.png", encode("png", 8, 8));
  fs::create_symlink(s.dir / "secret.png", s.images() / "link.png");
  fs::create_directory(s.images() / "events");
  fs::create_symlink("../../secret.png", s.images() / "events/relative-link.png");
  platform::ImageLoader loader(s.images());

  CHECK(outcome(loader, "../secret.png") ==
        "\"../secret.png\" climbs out of the images folder with \"..\"; keep images inside images/");
  CHECK(outcome(loader, "events/../../secret.png")
            .starts_with("\"events/../../secret.png\" climbs out of the images folder"));
  CHECK(outcome(loader, (s.dir / "secret.png").string())
            .ends_with(" is an absolute path; write it relative to the images folder, e.g. \"events/delano.png\""));
  CHECK(outcome(loader, "link.png") ==
        "\"link.png\" is a link that leads outside the images folder; copy the image into images/ instead");
  CHECK(outcome(loader, "events/relative-link.png")
            .starts_with("\"events/relative-link.png\" is a link that leads outside"));
  // The system would read "pic.png\0..." as "pic.png": a NUL must not pass as the end of the path.
  CHECK(outcome(loader, std::string("pic.png\0../../secret.png", 24)) ==
        "\"pic.png\\u0000../../secret.png\" holds an invisible control character; retype the image path");
  CHECK(outcome(loader, std::string("pic.png\0", 8)) ==
        "\"pic.png\\u0000\" holds an invisible control character; retype the image path");
  CHECK(outcome(loader, "pic.png") == "");  // the folder itself works
}

TEST_CASE("hostile: truncated and corrupt PNG and JPEG files show a placeholder") {
  Scratch s;
  const std::string png = encode("png", 64, 64);
  const std::string jpg = encode("jpg", 64, 64);
  REQUIRE(png.size() > 200);
  REQUIRE(jpg.size() > 200);
  std::string png_garbled = png;
  for (std::size_t i = 60; i < png.size() - 12; ++i) png_garbled[i] = static_cast<char>(png[i] ^ 0x5A);
  std::string jpg_garbled = jpg;
  for (std::size_t i = 0; i < jpg.size(); ++i)  // break every marker after the header
    if (i > 20 && static_cast<unsigned char>(jpg[i]) == 0xFF) jpg_garbled[i] = '\x01';
  write(s.images() / "half.png", png.substr(0, png.size() / 2));
  write(s.images() / "header-only.png", png.substr(0, 33));
  write(s.images() / "garbled.png", png_garbled);
  write(s.images() / "half.jpg", jpg.substr(0, jpg.size() / 2));
  write(s.images() / "soi-only.jpg", jpg.substr(0, 2));
  write(s.images() / "garbled.jpg", jpg_garbled);
  write(s.images() / "empty.png", "");
  platform::ImageLoader loader(s.images());

  // The reasons in parentheses are stb_image's own words.
  CHECK(outcome(loader, "half.png") == "is corrupt (outofdata)");
  CHECK(outcome(loader, "header-only.png") == "is corrupt");
  CHECK(outcome(loader, "garbled.png").starts_with("is corrupt ("));  // which check trips depends on the bytes
  CHECK(outcome(loader, "half.jpg") == "is corrupt (expected marker)");
  CHECK(outcome(loader, "soi-only.jpg") == "is not an image stb_image can read (unknown image type)");
  CHECK(outcome(loader, "garbled.jpg") == "is not an image stb_image can read (unknown image type)");
  CHECK(outcome(loader, "empty.png") == "is not an image stb_image can read (unknown image type)");
}

TEST_CASE("hostile: a 100 MB file, a folder and a pipe named like images are refused unread") {
  Scratch s;
  {
    std::ofstream big(s.images() / "huge.png", std::ios::binary);
    big << png_claiming(100, 100);
  }
  fs::resize_file(s.images() / "huge.png", 100u << 20);  // sparse: costs no disk
  fs::create_directory(s.images() / "folder.png");
  REQUIRE(::mkfifo((s.images() / "pipe.png").c_str(), 0644) == 0);  // opening it would block the worker
  platform::ImageLoader loader(s.images());

  const bool can_measure = reset_peak_memory();
  const long before = peak_memory_kib();
  CHECK(outcome(loader, "huge.png") ==
        "\"huge.png\" is 104857600 bytes; image files may be at most 67108864 bytes, so export it smaller");
  if (can_measure) CHECK(peak_memory_kib() - before < 16 * 1024);
  CHECK(outcome(loader, "folder.png") == "\"folder.png\" is not an ordinary file");
  CHECK(outcome(loader, "pipe.png") == "\"pipe.png\" is not an ordinary file");
  CHECK(outcome(loader, "missing.png") ==
        "the image \"missing.png\" does not exist in the images folder; check the spelling");
}
