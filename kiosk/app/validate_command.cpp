#include <cstdio>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "app/commands.hpp"
#include "core/config.hpp"
#include "core/diagnostics.hpp"

namespace kiosk::app {

int run_validate(const Options& o) {
  const auto dir = resolve_content_dir(o);
  const core::LoadResult r = core::load_content(dir);
  const std::size_t errors = core::count_errors(r.diagnostics);
  const std::size_t warnings = r.diagnostics.size() - errors;
  const bool ok = errors == 0 && (!o.strict || warnings == 0);
  if (o.json) {
    nlohmann::json out = {{"content", dir.string()}, {"events", r.content.events.size()}, {"errors", errors},
                          {"warnings", warnings}, {"ok", ok}, {"diagnostics", nlohmann::json::array()}};
    for (const auto& d : r.diagnostics)
      out["diagnostics"].push_back({{"file", d.file}, {"line", d.line}, {"column", d.column}, {"pointer", d.pointer},
                                    {"severity", d.severity == core::Severity::error ? "error" : "warning"},
                                    {"message", d.message}});
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else {
    for (const auto& d : r.diagnostics) std::printf("%s\n", core::format_diagnostic(d).c_str());
    std::printf("%s: %zu event(s) loaded, %zu error(s), %zu warning(s)%s\n", dir.string().c_str(),
                r.content.events.size(), errors, warnings,
                ok ? "" : (errors ? "" : " (--strict: warnings count as failures)"));
  }
  return ok ? 0 : 1;
}

int run_set_pin(const Options& o) {
  if (o.config.empty()) {
    std::fprintf(stderr, "kiosk: set-pin needs --config FILE, the file the kiosk runs with\n");
    return 2;
  }
  char line[64] = {0};
  if (!std::fgets(line, sizeof line, stdin)) {
    std::fprintf(stderr, "kiosk: type the new PIN (4-12 digits) on standard input\n");
    return 2;
  }
  std::string pin(line);
  while (!pin.empty() && (pin.back() == '\n' || pin.back() == '\r')) pin.pop_back();
  std::random_device random;
  std::string salt;
  for (int i = 0; i < 16; ++i) salt += "0123456789abcdef"[random() % 16];
  std::string error;
  if (!core::set_admin_pin(o.config, pin, salt, &error)) {
    std::fprintf(stderr, "kiosk: %s\n", error.c_str());
    return 1;
  }
  std::printf("the admin PIN is set in %s\n", o.config.c_str());
  return 0;
}

}  // namespace kiosk::app
