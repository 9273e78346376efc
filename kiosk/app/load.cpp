#include <cstdio>

#include "app/commands.hpp"
#include "app/kiosk_app.hpp"
#include "core/diagnostics.hpp"
#include "platform/content_version.hpp"
#include "platform/fonts.hpp"
#include "platform/log_file.hpp"

namespace kiosk::app {

Loaded load_for_display(const Options& o, std::string* error) {
  Loaded loaded;
  const auto content_dir = resolve_content_dir(o);
  loaded.content = core::load_content(content_dir);
  loaded.content.content.version = platform::content_version(content_dir);
  const std::size_t errors = core::count_errors(loaded.content.diagnostics);
  if (errors > 0) {
    platform::log_line("the content has %zu error(s); showing what loaded. Run `kiosk validate %s` for details.",
                       errors, content_dir.string().c_str());
    for (const auto& d : loaded.content.diagnostics)
      if (d.severity == core::Severity::error) platform::log_line("  %s", core::format_diagnostic(d).c_str());
  }
  core::Content& c = loaded.content.content;
  if (c.events.empty()) {
    platform::log_line("no events could be loaded from %s: showing the maintenance screen until good content appears there",
                       content_dir.string().c_str());
    // The maintenance notice is shown in every language the kiosk has words for.
    if (c.languages.empty()) {
      c.languages = own_content().languages;
      c.default_language = own_content().default_language;
    }
  }
  core::add_missing_strings(c.strings, own_strings());
  std::string font_error;
  auto fonts_dir = content_dir.parent_path() / "fonts";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(fonts_dir / "manifest.json", ec))
    fonts_dir = std::filesystem::path(KIOSK_SOURCE_DIR) / "fonts";
  const ui::FontSet fonts = platform::load_font_manifest(fonts_dir, &font_error);
  if (!font_error.empty()) platform::log_line("%s", font_error.c_str());
  loaded.text = std::make_unique<ui::TextEngine>(fonts);
  if (fonts.faces.empty()) {
    *error = "no font could be loaded (" + font_error + "); install fonts-noto-core or put fonts in fonts/";
    loaded.text.reset();
  }
  return loaded;
}

const core::Content& own_content() {
  static const core::Content content = core::load_content(std::filesystem::path(KIOSK_SOURCE_DIR) / "content").content;
  return content;
}

const core::Translations& own_strings() { return own_content().strings; }

bool configure(KioskApp& app, const Options& o) {
  app.set_fallback_strings(own_strings());
  if (!o.language.empty()) app.set_language(o.language);
  app.set_classroom(o.classroom);
  app.set_kiosk_mode(o.kiosk, o.pin_salt, o.pin_sha256);
  app.config.idle_seconds = o.idle_seconds;
  app.config.warning_seconds = o.warning_seconds;
  if (!app.deep_link(o.event, o.tour)) {
    platform::log_line("no event \"%s\" or tour \"%s\" in the content; run kiosk validate to list them", o.event.c_str(),
                       o.tour.c_str());
    return false;
  }
  return true;
}

float density_px_per_mm(const Options& o, int width_px, float reported_px_per_mm) {
  if (o.panel_w_mm > 0) return static_cast<float>(width_px) / o.panel_w_mm;
  if (reported_px_per_mm > 0) return reported_px_per_mm;
  return 1920.0f / 531.0f;  // a 24-inch 1920x1080 panel: 531 mm wide
}

}  // namespace kiosk::app
