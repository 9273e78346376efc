// Content written to attack the loader (issue #9 §4): every case must end in a precise
// diagnostic, with no crash, no read outside the content root and bounded memory. Each test
// builds its own broken copy of the good fixture in a temporary folder.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "core/json_positions.hpp"
#include "core/loader.hpp"

namespace fs = std::filesystem;
using namespace kiosk::core;

namespace {

// A private copy of tests/fixtures/good: <dir>/content, <dir>/images; removed on destruction.
struct Scratch {
  fs::path dir;
  Scratch() {
    static int count = 0;
    dir = fs::temp_directory_path() / ("kiosk-hostile-" + std::to_string(::getpid()) + "-" + std::to_string(++count));
    fs::remove_all(dir);
    fs::copy(fs::path(FIXTURES_DIR) / "good", dir, fs::copy_options::recursive);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  fs::path content() const { return dir / "content"; }
  fs::path images() const { return dir / "images"; }
  LoadResult load(const LoadOptions& o = {}) const { return load_content(content(), o); }
};

void write(const fs::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

// An event "x" whose first picture is `image_json` (a JSON value), on line 2 at column 21.
std::string event_with_image(const std::string& image_json) {
  return "{\"id\": \"x\", \"start_date\": \"1965\", \"headline\": \"H\", \"sources\": [{\"title\": \"s\"}],\n"
         "\"media\": [{\"image\": " +
         image_json + ", \"alt\": \"a\"}]}\n";
}

// The one error about `file`; fails the test when there is none or more than one.
Diagnostic the_error(const LoadResult& r, const std::string& file) {
  std::vector<Diagnostic> errors;
  for (const auto& d : r.diagnostics) {
    if (d.file == file && d.severity == Severity::error) errors.push_back(d);
    if (d.file == file) UNSCOPED_INFO(format_diagnostic(d));
  }
  REQUIRE(errors.size() == 1);
  return errors.front();
}

bool loaded(const LoadResult& r, const std::string& id) { return r.content.event_index(id) >= 0; }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A PNG of `width` x `height` with only its signature, header and end chunk (CRCs correct).
std::string png_header(std::uint32_t width, std::uint32_t height, bool with_end = true) {
  auto be32 = [](std::uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                       static_cast<char>(v)};
  };
  auto chunk = [&](const std::string& type, const std::string& data) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char c : type + data) {
      crc ^= c;
      for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(~crc);
  };
  std::string png = "\x89PNG\r\n\x1a\n";
  png += chunk("IHDR", be32(width) + be32(height) + std::string("\x08\x06\x00\x00\x00", 5));
  if (with_end) png += chunk("IEND", "");
  return png;
}

// Start of a baseline JPEG: SOI, a JFIF APP0 segment and a start-of-frame for 128x64 pixels.
std::string jpeg_start() {
  return std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20) +
         std::string("\xFF\xC0\x00\x11\x08\x00\x40\x00\x80\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 19);
}

// Peak resident memory of this process in KiB since the last reset_peak_memory().
long peak_memory_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
  return -1;
}

// Sets the peak to the current resident size (Linux 4.0+); false when the kernel refuses.
bool reset_peak_memory() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
  clear.flush();
  return static_cast<bool>(clear);
}

}  // namespace

TEST_CASE("hostile: image paths that climb out of the images folder are refused unread") {
  Scratch s;
  struct Case {
    std::string path, gist;
  };
  const std::vector<Case> cases = {
      {"../../etc/passwd", "\"../../etc/passwd\" climbs out of the images folder with \"..\""},
      {"/etc/passwd", "\"/etc/passwd\" is an absolute path"},
      {"images/../../x.png", "\"images/../../x.png\" climbs out of the images folder"},
      {"pic.png/../../content/timeline.json", "climbs out of the images folder"},
  };
  for (const auto& c : cases) {
    INFO(c.path);
    write(s.content() / "events/x.json", event_with_image("\"" + c.path + "\""));
    const LoadResult r = s.load();
    const Diagnostic d = the_error(r, "events/x.json");
    CHECK(d.line == 2);
    CHECK(d.column == 21);
    CHECK(d.pointer == "/media/0/image");
    CHECK(contains(d.message, c.gist));
    CHECK(contains(d.message, "a placeholder is shown"));
    CHECK(loaded(r, "x"));  // a bad picture keeps its event
  }
}

TEST_CASE("hostile: links inside the content folder that lead out of it are not followed") {
  Scratch s;
  const fs::path outside = s.dir / "outside";
  fs::create_directory(outside);
  write(outside / "leak.json",
        "{\"id\": \"leak\", \"start_date\": \"1965\", \"headline\": \"Secret\", \"sources\": [{\"title\": \"s\"}]}");
  fs::copy_file(s.images() / "pic.png", outside / "secret.png");

  fs::create_symlink(outside / "leak.json", s.content() / "events/leak.json");
  fs::create_symlink(outside / "secret.png", s.images() / "leak.png");
  fs::create_directory(s.images() / "events");
  fs::create_symlink("../../outside/secret.png", s.images() / "events/relative-leak.png");  // relative link
  write(s.content() / "events/x.json", event_with_image("\"leak.png\""));
  write(s.content() / "events/y.json",
        "{\"id\": \"y\", \"start_date\": \"1965\", \"headline\": \"H\", \"sources\": [{\"title\": \"s\"}],\n"
        "\"media\": [{\"image\": \"events/relative-leak.png\", \"alt\": \"a\"}]}\n");
  const LoadResult r = s.load();

  const Diagnostic event = the_error(r, "events/leak.json");
  CHECK(event.line == 0);
  CHECK(contains(event.message, "this file is a link that leads outside the content folder"));
  CHECK_FALSE(loaded(r, "leak"));  // never read: its headline would otherwise be on screen

  const Diagnostic image = the_error(r, "events/x.json");
  CHECK(image.pointer == "/media/0/image");
  CHECK(contains(image.message, "\"leak.png\" is a link that leads outside the images folder"));
  const Diagnostic relative = the_error(r, "events/y.json");
  CHECK(contains(relative.message, "\"events/relative-leak.png\" is a link that leads outside the images folder"));
  CHECK(count_errors(r.diagnostics) == 3);
}

TEST_CASE("hostile: a PNG header claiming 30000x30000 pixels is refused before any decoding") {
  Scratch s;
  write(s.images() / "bomb.png", png_header(30000, 30000));
  write(s.images() / "overflow.png", png_header(0xFFFFFFFFu, 0xFFFFFFFFu));  // width x height overflows 64 bits
  write(s.content() / "events/x.json", event_with_image("\"bomb.png\""));
  write(s.content() / "events/y.json",
        "{\"id\": \"y\", \"start_date\": \"1965\", \"headline\": \"H\", \"sources\": [{\"title\": \"s\"}],\n"
        "\"media\": [{\"image\": \"overflow.png\", \"alt\": \"a\"}]}\n");
  const LoadResult r = s.load();
  const Diagnostic bomb = the_error(r, "events/x.json");
  CHECK(bomb.line == 2);
  CHECK(bomb.column == 21);
  CHECK(contains(bomb.message, "\"bomb.png\" is 30000x30000 pixels, over the limit of 40000000 pixels"));
  const Diagnostic overflow = the_error(r, "events/y.json");
  CHECK(contains(overflow.message, "\"overflow.png\" is 4294967295x4294967295 pixels, over the limit"));
}

TEST_CASE("hostile: truncated and damaged PNG and JPEG files get a diagnostic from their header") {
  Scratch s;
  std::ifstream in(s.images() / "pic.png", std::ios::binary);
  const std::string pic((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(pic.size() > 60);
  struct Case {
    std::string name, bytes, gist;
  };
  const std::vector<Case> cases = {
      {"cut-in-header.png", pic.substr(0, 16), "\"cut-in-header.png\" is a PNG cut off or damaged before its size"},
      {"cut-in-data.png", pic.substr(0, pic.size() - 20),
       "\"cut-in-data.png\" is cut off: the png file ends before its end marker"},
      {"no-header.png", pic.substr(0, 8) + std::string(40, 'x'),
       "\"no-header.png\" is a PNG cut off or damaged before its size"},
      {"cut-before-size.jpg", jpeg_start().substr(0, 20),
       "\"cut-before-size.jpg\" looks like a JPEG but its size could not be read"},
      {"cut-in-data.jpg", jpeg_start() + std::string(200, '\x55'),
       "\"cut-in-data.jpg\" is cut off: the jpeg file ends before its end marker"},
      {"zero-size.jpg", std::string(jpeg_start()).replace(25, 4, std::string(4, '\0')) + "\xFF\xD9",
       "\"zero-size.jpg\" has no pixels (0x0)"},
      {"bad-segment.jpg", "\xFF\xD8\xFF\xE0\x00\x00" + std::string(30, '\0'),
       "looks like a JPEG but its size could not be read"},
      {"text.png", "<html>not found</html>", "\"text.png\" is not a PNG, JPEG, GIF or BMP image"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    write(s.images() / c.name, c.bytes);
    write(s.content() / "events/x.json", event_with_image("\"" + c.name + "\""));
    const LoadResult r = s.load();
    const Diagnostic d = the_error(r, "events/x.json");
    CHECK(d.pointer == "/media/0/image");
    CHECK(contains(d.message, c.gist));
    CHECK(loaded(r, "x"));
  }
  // The complete JPEG header the cases above were cut from is accepted.
  write(s.images() / "whole.jpg", jpeg_start() + std::string(200, '\x55') + "\xFF\xD9");
  write(s.content() / "events/x.json", event_with_image("\"whole.jpg\""));
  CHECK(count_errors(s.load().diagnostics) == 0);
}

TEST_CASE("hostile: a 100 MB event file is refused from its size, unread, in bounded memory") {
  Scratch s;
  const fs::path huge = s.content() / "events/huge.json";
  {
    std::ofstream out(huge, std::ios::binary);
    out << "{\"id\": \"huge\", \"start_date\": \"1965\", \"headline\": \"";
    const std::string block(1 << 20, 'x');
    for (int i = 0; i < 100; ++i) out << block;
    out << "\", \"sources\": [{\"title\": \"s\"}]}";
  }
  const auto size = fs::file_size(huge);
  REQUIRE(size > 100u << 20);
  const bool can_measure = reset_peak_memory();
  const long before = peak_memory_kib();
  const LoadResult r = s.load();
  const long growth = peak_memory_kib() - before;
  const Diagnostic d = the_error(r, "events/huge.json");
  CHECK(d.line == 0);
  CHECK(d.message == "the file is " + std::to_string(size) +
                         " bytes; content files may be at most 1048576 bytes, so split it or remove pasted data");
  CHECK_FALSE(loaded(r, "huge"));
  CHECK(r.content.events.size() == 2);  // the rest loads
  if (can_measure) {
    INFO("peak memory grew by " << growth << " KiB");
    CHECK(growth < 16 * 1024);  // reading the file would cost over 100 MiB
  } else {
    WARN("cannot reset the peak memory counter here; the memory bound was not measured");
  }
}

TEST_CASE("hostile: 10,000-deep nesting stops at the depth limit with its position") {
  Scratch s;
  const std::size_t n = 10'000;
  std::string arrays = std::string(n, '[') + std::string(n, ']');
  std::string objects;
  for (std::size_t i = 0; i < n; ++i) objects += "{\"a\":";
  objects += "1" + std::string(n, '}');
  write(s.content() / "events/arrays.json", arrays);
  write(s.content() / "events/objects.json", objects);
  const LoadResult r = s.load();
  const Diagnostic a = the_error(r, "events/arrays.json");
  CHECK(a.line == 1);
  CHECK(a.column == 33);  // the 33rd bracket
  CHECK(contains(a.message, "nested more than 32 levels deep here"));
  const Diagnostic o = the_error(r, "events/objects.json");
  CHECK(o.line == 1);
  CHECK(o.column == 161);  // the 33rd {"a":
  CHECK(contains(o.message, "nested more than 32 levels deep here"));
  CHECK(r.content.events.size() == 2);

  // With no depth limit the parser itself (iterative, not recursive) must still cope, and the
  // recorded positions (a pointer per level, each longer than the last) stay within budget.
  for (const std::string* text : {&arrays, &objects}) {
    JsonError error;
    const auto parsed = parse_positioned_json(*text, n + 1, &error);
    REQUIRE(parsed);
    std::size_t pointer_bytes = 0;
    for (const auto& [pointer, offset] : parsed->offsets) pointer_bytes += pointer.size();
    CHECK(pointer_bytes <= 8 * text->size() + 64 * 1024);
  }
}

TEST_CASE("hostile: long names nested over many values cost bounded memory and diagnostics") {
  // Each value's pointer copies its parents' names: 400 KB of name over 200,000 values would
  // be 80 GB of pointers if every one were recorded.
  const std::string name(400'000, 'k');
  std::string text = "{\"" + name + "\": [";
  for (int i = 0; i < 200'000; ++i) text += i ? ",0" : "0";
  text += "]}";
  JsonError error;
  const auto parsed = parse_positioned_json(text, 32, &error);
  REQUIRE(parsed);
  std::size_t pointer_bytes = 0;
  for (const auto& [pointer, offset] : parsed->offsets) pointer_bytes += pointer.size();
  CHECK(pointer_bytes <= 8 * text.size() + 64 * 1024);
  const TextPosition last = parsed->position_of("/" + name + "/199999", text);
  CHECK(last.line == 1);  // an unrecorded value reports its nearest recorded ancestor

  // 300,000 wrong entries in one list: the first 100 are listed, then one summary line.
  Scratch s;
  std::string themes =
      "{\"id\": \"t\", \"start_date\": \"1965\", \"headline\": {\"en\": \"H\", \"es\": \"H\"}, "
      "\"sources\": [{\"title\": \"s\"}], \"themes\": [";
  for (int i = 0; i < 300'000; ++i) themes += i ? ",1" : "1";
  write(s.content() / "events/t.json", themes + "]}");
  const LoadResult r = s.load();
  std::vector<Diagnostic> about;
  for (const auto& d : r.diagnostics)
    if (d.file == "events/t.json") about.push_back(d);
  REQUIRE(about.size() == 101);
  CHECK(about[0].pointer == "/themes/0");
  CHECK(about[0].column == 111);
  CHECK(contains(about[0].message, "each entry must be a text in quotes, not a number"));
  CHECK(about[100].message == "more than 100 problems in this file; fix those listed, then validate again");
  CHECK_FALSE(loaded(r, "t"));
}

TEST_CASE("hostile: invalid UTF-8 and NUL bytes in texts, ids and image paths") {
  Scratch s;
  const std::string head = "{\"id\": \"x\", \"start_date\": \"1965\", \"sources\": [{\"title\": \"s\"}],\n";
  struct Case {
    std::string name, text;
    int line, column;
    std::string pointer, gist;
  };
  const std::vector<Case> cases = {
      {"latin1", head + "\"headline\": \"Caf\xE9 strike\"}", 2, 13, "", "not valid UTF-8"},
      {"overlong", head + "\"headline\": \"\xC0\xAF\"}", 2, 13, "", "not valid UTF-8"},
      {"utf8-surrogate", head + "\"headline\": \"\xED\xA0\x80\"}", 2, 13, "", "not valid UTF-8"},
      {"bad-key", head + "\"head\xFFline\": \"H\"}", 2, 1, "", "not valid UTF-8"},
      {"raw-nul", head + "\"headline\": \"H" + std::string(1, '\0') + "\"}", 2, 13, "",
       "invisible control character (U+0000, a NUL byte)"},
      {"raw-tab", head + "\"headline\": \"H\tI\"}", 2, 13, "", "invisible control character (U+0009)"},
      {"lone-surrogate", head + "\"headline\": \"\\uD800\"}", 2, 13, "", "lone UTF-16 surrogate"},
      {"nul-id",
       "{\"id\": \"x\\u0000y\", \"start_date\": \"1965\", \"headline\": \"H\", \"sources\": [{\"title\": \"s\"}]}", 1,
       8, "/id", "\"x\\u0000y\" is not a valid id"},
      {"nul-image",
       head + "\"headline\": \"H\", \"media\": [{\"image\": \"pic.png\\u0000../../../etc/passwd\", \"alt\": \"a\"}]}",
       2, 38, "/media/0/image", "\"pic.png\\u0000../../../etc/passwd\" holds an invisible control character"},
      {"nul-image-end", head + "\"headline\": \"H\", \"media\": [{\"image\": \"pic.png\\u0000\", \"alt\": \"a\"}]}", 2,
       38, "/media/0/image", "\"pic.png\\u0000\" holds an invisible control character"},
  };
  for (const auto& c : cases) {  // each its own id, so that none is a duplicate of another
    std::string text = c.text;
    if (text.starts_with(head)) text.replace(8, 1, c.name);
    write(s.content() / "events" / (c.name + ".json"), text);
  }
  const LoadResult r = s.load();
  for (const auto& c : cases) {
    INFO(c.name);
    const Diagnostic d = the_error(r, "events/" + c.name + ".json");
    CHECK(d.line == c.line);
    CHECK(d.column == c.column);
    CHECK(d.pointer == c.pointer);
    CHECK(contains(d.message, c.gist));
    CHECK(d.message.find('\0') == std::string::npos);  // the validator's output stays printable
  }
  // A NUL in ordinary text is kept as a character, not a place to cut the text short.
  write(s.content() / "events/x.json", head + "\"headline\": \"A\\u0000B\"}");
  const LoadResult ok = s.load();
  REQUIRE(loaded(ok, "x"));
  CHECK(ok.content.events[ok.content.event_index("x")].headline.get("en", "en") == std::string("A\0B", 3));
}

TEST_CASE("hostile: a folder, an empty file, a pipe and an unreadable file where content or images belong") {
  Scratch s;
  fs::create_directory(s.content() / "events/folder.json");
  write(s.content() / "events/empty.json", "");
  REQUIRE(::mkfifo((s.content() / "events/pipe.json").c_str(), 0644) == 0);  // opening it would block
  write(s.content() / "events/locked.json", "{}");
  fs::permissions(s.content() / "events/locked.json", fs::perms::none);
  fs::create_symlink(s.content() / "events/missing-target.json", s.content() / "events/dangling.json");

  fs::create_directory(s.images() / "folder.png");
  REQUIRE(::mkfifo((s.images() / "pipe.png").c_str(), 0644) == 0);
  write(s.content() / "events/x.json", event_with_image("\"folder.png\""));
  write(s.content() / "events/y.json",
        "{\"id\": \"y\", \"start_date\": \"1965\", \"headline\": \"H\", \"sources\": [{\"title\": \"s\"}],\n"
        "\"media\": [{\"image\": \"pipe.png\", \"alt\": \"a\"}]}\n");
  const LoadResult r = s.load();

  CHECK(the_error(r, "events/folder.json").message ==
        "this is a folder, not a file; rename it so its name does not end in .json");
  CHECK(the_error(r, "events/empty.json").message ==
        "the file is empty; write one JSON object { ... } in it, or delete it");
  CHECK(the_error(r, "events/pipe.json").message ==
        "this is not an ordinary file (a pipe, socket or device); remove it from the content folder");
  CHECK(contains(the_error(r, "events/dangling.json").message,
                 "cannot read this file: it is a link to a file that does not exist"));
  if (::geteuid() != 0) {
    CHECK(the_error(r, "events/locked.json").message == "cannot open this file; check its permissions");
  } else {
    WARN("running as root, which reads any file: the unreadable-file case is not checked");
  }
  CHECK(contains(the_error(r, "events/x.json").message, "\"folder.png\" is not an ordinary file"));
  CHECK(contains(the_error(r, "events/y.json").message, "\"pipe.png\" is not an ordinary file"));
  CHECK(r.content.events.size() == 4);  // founding, strike, x and y (placeholders)
}
