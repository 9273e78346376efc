// Wiring of analytics: the app's records go to the day files of platform::AnalyticsFile.
#include "app/commands.hpp"
#include "app/kiosk_app.hpp"
#include "platform/analytics_file.hpp"

namespace kiosk::app {

std::unique_ptr<platform::AnalyticsFile> open_analytics(KioskApp& app, const Options& o, double epoch_unix_ms) {
  if (o.analytics_dir.empty()) return nullptr;
  auto file = std::make_unique<platform::AnalyticsFile>(o.analytics_dir, o.analytics_retention_days);
  app.record_analytics(epoch_unix_ms, file->previous_unclean());
  write_analytics(app, file.get());
  return file;
}

void write_analytics(KioskApp& app, platform::AnalyticsFile* file) {
  if (!file) return;
  for (const core::Record& r : app.take_records()) file->write(r);
}

}  // namespace kiosk::app
