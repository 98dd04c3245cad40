// The whole of `triad ARGS...` as a function: main calls it once, and the command-line fuzz
// harness (fuzz/cli_fuzz.cpp) calls it many times in one process.
#include "cli/run_command_line.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "cli/command.hpp"
#include "common/error.hpp"
#include "outputs/output_file.hpp"
#include "outputs/safe_text.hpp"

namespace triad::cli {

int RunCommandLine(int argc, char** argv) {
  SetCommandLine(argc, argv);
  CLI::App app{
      "triad: relation indices, triangle structure, momentum, drivers and scenarios\n"
      "from political event data (GDELT 1.0/2.0, ICEWS)."};
  app.footer(
      "Example:\n"
      "  triad ingest data/sample/                 # build ./triad.db from event files\n"
      "  triad status --actors CHN,USA,JPN         # where the triangle stands now\n"
      "Run 'triad COMMAND --help' for each command's options and an example.");
  app.set_version_flag("--version", std::string("triad ") + TRIAD_VERSION_STRING);
  app.require_subcommand(1);
  int exit_code = kExitOk;
  SetupAllCommands(app, exit_code);
  try {
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      // --help and --version exit 0; every bad option or value is a usage error (2).
      exit_code = app.exit(e) == 0 ? kExitOk : kExitUsage;
    }
    // Every command prints through stdio or std::cout: what is still buffered is written and
    // checked here, so a full disk or /dev/full is an error, never a cut output with exit 0.
    FinishStandardOutput();
  } catch (const StandardOutputClosed&) {
    return exit_code;  // the reader of a pipe took what it wanted (`| head`)
  } catch (const Error& e) {
    std::fprintf(stderr, "triad: error: %s\n", TerminalLines(e.what()).c_str());
    return static_cast<int>(e.kind());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "triad: internal error: %s\n", TerminalLines(e.what()).c_str());
    return kExitError;
  }
  return exit_code;
}

}  // namespace triad::cli
