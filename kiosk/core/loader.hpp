#pragma once
// Reads content/ into the model. Never throws; every problem becomes a diagnostic and a bad
// event is skipped while the rest loads.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/diagnostics.hpp"

namespace kiosk::core {

struct LoadOptions {
  std::size_t max_file_bytes = 1 << 20;  // bytes; a larger content JSON file is refused unread
  std::size_t max_depth = 32;            // deepest nesting of objects/arrays accepted
  long long max_image_pixels = 40'000'000;                // width x height; larger images are refused from their header
  std::uintmax_t max_image_bytes = 64 << 20;              // bytes; a larger image file is refused unread
  long long display_width = 3840, display_height = 2160;  // images over twice this get a warning
};

struct LoadResult {
  Content content;
  std::vector<Diagnostic> diagnostics;  // errors first, then warnings, each in file order
};

// Loads `content_dir` (timeline.json, events/*.json, i18n/*.json); images are looked up in
// `content_dir/../images`.
LoadResult load_content(const std::filesystem::path& content_dir, const LoadOptions& options = {});

// load_content one file's text at a time: load_content reads the folder's files and hands their
// text here; tests and fuzzing hand text directly. Call timeline(), then strings() for each UI
// strings file and check_strings(), then event() for each event file, then finish(). A `file` is
// the path relative to the content folder, as diagnostics name it ("events/delano.json").
class ContentReader {
 public:
  // Image paths are checked (and their headers read) inside `images_root`.
  ContentReader(std::filesystem::path content_root, std::filesystem::path images_root, const LoadOptions& options = {});

  void timeline(const std::string& text);                        // timeline.json
  void strings(const std::string& text, const std::string& file);  // i18n/<language>.json
  void check_strings();  // the default language has UI strings; warns about gaps in the others
  void event(const std::string& text, const std::string& file);  // events/<id>.json; skipped on errors
  void unreadable(const std::string& file, std::string message);  // a file that could not be read
  LoadResult finish();  // checks ids across files (related, tours, highlights), sorts events and diagnostics

 private:
  LoadResult result_;
  LoadOptions options_;
  std::set<std::string> ids_;               // ids of the events loaded so far
  std::vector<std::string> tour_pointers_;  // JSON pointer of each loaded tour in timeline.json
};

}  // namespace kiosk::core
