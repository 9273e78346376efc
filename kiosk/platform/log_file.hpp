#pragma once
// The kiosk's diagnostics: each line goes to stderr (the journal, under systemd) and, once a log
// file is open, is also appended to it with a UTC timestamp. The file rotates at a size, so weeks
// of unattended running never fill the disk.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace kiosk::platform {

class RotatingLog {
 public:
  // Appends to `path` (its folder is created); at `max_bytes` it becomes `path`.1, the older ones
  // move up to `path`.`keep`, and the oldest is deleted: at most keep + 1 files.
  RotatingLog(std::filesystem::path path, std::uintmax_t max_bytes = 5u << 20, int keep = 3);
  ~RotatingLog();
  RotatingLog(const RotatingLog&) = delete;
  RotatingLog& operator=(const RotatingLog&) = delete;

  // Writes "<timestamp> <line>\n" and flushes it; false when the file cannot be written (the
  // caller still has stderr). `unix_ms`: the wall-clock time of the line.
  bool write(std::string_view line, double unix_ms);
  bool is_open() const { return file_ != nullptr; }

 private:
  void rotate();
  bool open();

  std::filesystem::path path_;
  std::uintmax_t max_bytes_;
  int keep_;
  std::FILE* file_ = nullptr;
  std::uintmax_t size_ = 0;  // bytes in the current file
};

// Process-wide: from now on log_line() also appends to a RotatingLog at `path` (the config's
// "log_path" or --log). False, with the reason on stderr, when it cannot be opened.
bool open_log_file(const std::filesystem::path& path, std::uintmax_t max_bytes = 5u << 20, int keep = 3);

// One diagnostic line, printf-style, without the trailing newline: to stderr as "kiosk: ...",
// and to the log file when one is open. Safe from any thread.
void log_line(const char* format, ...) __attribute__((format(printf, 1, 2)));

}  // namespace kiosk::platform
