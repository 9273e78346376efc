// kiosk: the Solidarity Timeline Kiosk. Subcommands: run (default), screenshot, validate.
#include <cstdio>
#include <string>
#include <vector>

#include "app/commands.hpp"

int main(int argc, char** argv) {
  using namespace kiosk::app;
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string error;
  const auto options = parse_options(args, &error);
  if (!options) {
    std::fprintf(stderr, "kiosk: %s\n\n%s", error.c_str(), usage());
    return 2;
  }
  if (options->command == "help") {
    std::fputs(usage(), stdout);
    return 0;
  }
  if (options->command == "validate") return run_validate(*options);
  if (options->command == "screenshot") return run_screenshot(*options);
  if (options->command == "bench") return run_bench(*options);
  if (options->command == "import") return run_import(*options);
  if (options->command == "export") return run_export(*options);
  return run_window(*options);
}
