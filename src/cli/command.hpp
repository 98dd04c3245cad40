#pragma once
// A registry of subcommands. Each cmd_*.cpp defines one static CommandRegistration whose setup
// function adds a subcommand to the CLI11 app; the subcommand's callback stores its exit code
// in the int it is given.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace triad::cli {

using CommandSetup = std::function<void(CLI::App& app, int& exit_code)>;

struct CommandRegistration {
  // order: position in `triad --help` (data-flow order: ingest 10, info 20, ...).
  CommandRegistration(int order, CommandSetup setup);
};

void SetupAllCommands(CLI::App& app, int& exit_code);

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitRejects = 3;  // ingest finished but some rows were rejected

// The command line as typed, for provenance in stores and reports.
const std::string& CommandLine();
void SetCommandLine(int argc, char** argv);

}  // namespace triad::cli
