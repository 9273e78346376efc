#include "platform/log_file.hpp"

#include <chrono>
#include <cstdarg>
#include <mutex>
#include <vector>

#include "core/utc_time.hpp"

namespace kiosk::platform {

namespace fs = std::filesystem;

RotatingLog::RotatingLog(fs::path path, std::uintmax_t max_bytes, int keep)
    : path_(std::move(path)), max_bytes_(max_bytes), keep_(keep < 0 ? 0 : keep) {
  open();
}

RotatingLog::~RotatingLog() {
  if (file_) std::fclose(file_);
}

bool RotatingLog::open() {
  std::error_code ec;
  if (path_.has_parent_path()) fs::create_directories(path_.parent_path(), ec);
  file_ = std::fopen(path_.c_str(), "ab");
  if (!file_) return false;
  const auto size = fs::file_size(path_, ec);
  size_ = ec ? 0 : size;
  return true;
}

void RotatingLog::rotate() {
  if (file_) std::fclose(file_);
  file_ = nullptr;
  auto numbered = [&](int i) { return fs::path(path_.string() + "." + std::to_string(i)); };
  std::error_code ec;
  if (keep_ == 0) {
    fs::remove(path_, ec);
  } else {
    fs::remove(numbered(keep_), ec);
    for (int i = keep_ - 1; i >= 1; --i) fs::rename(numbered(i), numbered(i + 1), ec);
    fs::rename(path_, numbered(1), ec);
  }
  open();
}

bool RotatingLog::write(std::string_view line, double unix_ms) {
  const std::string text = core::iso8601_utc(unix_ms) + " " + std::string(line) + "\n";
  if (file_ && size_ > 0 && size_ + text.size() > max_bytes_) rotate();
  if (!file_ && !open()) return false;
  const bool ok = std::fwrite(text.data(), 1, text.size(), file_) == text.size() && std::fflush(file_) == 0;
  size_ += text.size();
  return ok;
}

namespace {
std::mutex g_mutex;
std::unique_ptr<RotatingLog> g_log;
bool g_failed = false;  // a failed write was reported once on stderr

double unix_now_ms() {
  return static_cast<double>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
}
}  // namespace

bool open_log_file(const fs::path& path, std::uintmax_t max_bytes, int keep) {
  auto log = std::make_unique<RotatingLog>(path, max_bytes, keep);
  if (!log->is_open()) {
    std::fprintf(stderr, "kiosk: cannot open the log file %s; logging to stderr only\n", path.c_str());
    return false;
  }
  std::lock_guard lock(g_mutex);
  g_log = std::move(log);
  g_failed = false;
  return true;
}

void log_line(const char* format, ...) {
  std::va_list args;
  va_start(args, format);
  std::va_list copy;
  va_copy(copy, args);
  const int n = std::vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  std::vector<char> buffer(static_cast<std::size_t>(n > 0 ? n : 0) + 1);
  std::vsnprintf(buffer.data(), buffer.size(), format, args);
  va_end(args);
  std::lock_guard lock(g_mutex);
  std::fprintf(stderr, "kiosk: %s\n", buffer.data());
  if (g_log && !g_log->write(buffer.data(), unix_now_ms()) && !g_failed) {
    g_failed = true;
    std::fprintf(stderr, "kiosk: the log file cannot be written; logging to stderr only until it can\n");
  }
}

}  // namespace kiosk::platform
