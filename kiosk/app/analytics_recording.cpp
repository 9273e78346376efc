// Wiring of analytics: the app's records go to the day files of platform::AnalyticsFile.
#include <fstream>
#include <sstream>

#include "app/commands.hpp"
#include "app/kiosk_app.hpp"
#include "core/analytics_log.hpp"
#include "core/report.hpp"
#include "platform/analytics_file.hpp"

namespace kiosk::app {

std::unique_ptr<platform::AnalyticsFile> open_analytics(KioskApp& app, const Options& o, double epoch_unix_ms) {
  if (o.analytics_dir.empty()) return nullptr;
  auto file = std::make_unique<platform::AnalyticsFile>(o.analytics_dir, o.analytics_retention_days);
  app.record_analytics(epoch_unix_ms, file->previous_unclean());
  // The admin overlay's summary: today's file as written so far (earlier runs today included).
  app.today_report = [dir = std::filesystem::path(o.analytics_dir)](const std::string& day) -> std::optional<core::DayReport> {
    const std::string name = "analytics-" + day + ".jsonl";
    std::ifstream in(dir / name, std::ios::binary);
    if (!in) return core::DayReport{day};
    std::stringstream text;
    text << in.rdbuf();
    core::AnalyticsLog log;
    core::read_analytics(text.str(), name, &log);
    for (const auto& d : core::make_report(log, 1).days)
      if (d.day == day) return d;
    return core::DayReport{day};
  };
  write_analytics(app, file.get());
  return file;
}

void write_analytics(KioskApp& app, platform::AnalyticsFile* file) {
  if (!file) return;
  for (const core::Record& r : app.take_records()) file->write(r);
}

}  // namespace kiosk::app
