#include <cstdio>

#include "app/commands.hpp"
#include "core/diagnostics.hpp"

namespace kiosk::app {

int run_validate(const Options& o) {
  const auto dir = resolve_content_dir(o);
  const core::LoadResult r = core::load_content(dir);
  for (const auto& d : r.diagnostics) std::printf("%s\n", core::format_diagnostic(d).c_str());
  const std::size_t errors = core::count_errors(r.diagnostics);
  std::printf("%s: %zu event(s) loaded, %zu error(s), %zu warning(s)\n", dir.string().c_str(), r.content.events.size(),
              errors, r.diagnostics.size() - errors);
  return errors == 0 ? 0 : 1;
}

}  // namespace kiosk::app
