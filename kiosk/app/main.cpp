// kiosk: the Solidarity Timeline Kiosk. Subcommands: run (default), screenshot, validate, report, ...
#include <cstdio>
#include <string>
#include <vector>

#include "app/commands.hpp"
#include "platform/process_memory.hpp"

int main(int argc, char** argv) {
  using namespace kiosk::app;
  kiosk::platform::keep_freed_heap(std::size_t{256} << 20);  // see process_memory.hpp: reloads stall frames otherwise
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string error;
  const auto options = parse_options(args, &error);
  if (!options) {
    std::fprintf(stderr, "kiosk: %s\n\n%s", error.c_str(), usage());
    return 2;
  }
  auto opts = *options;
  if (opts.command == "set-pin") return run_set_pin(opts);
  if (!apply_config_file(opts, args)) return 2;
  if (options->command == "help") {
    std::fputs(usage(), stdout);
    return 0;
  }
  if (opts.command == "validate") return run_validate(opts);
  if (opts.command == "screenshot") return run_screenshot(opts);
  if (opts.command == "report") return run_report(opts);
  if (opts.command == "soak") return run_soak(opts);
  if (opts.command == "bench") return run_bench(opts);
  if (opts.command == "import") return run_import(opts);
  if (opts.command == "export") return run_export(opts);
  return run_window(opts);
}
