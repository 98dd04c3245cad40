#include "cli/command.hpp"

#include <algorithm>
#include <vector>

namespace triad::cli {
namespace {

std::vector<std::pair<int, CommandSetup>>& Registry() {
  static std::vector<std::pair<int, CommandSetup>> registry;
  return registry;
}

std::string& CommandLineStorage() {
  static std::string line;
  return line;
}

}  // namespace

CommandRegistration::CommandRegistration(int order, CommandSetup setup) {
  Registry().emplace_back(order, std::move(setup));
}

void SetupAllCommands(CLI::App& app, int& exit_code) {
  auto& registry = Registry();
  std::stable_sort(registry.begin(), registry.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [order, setup] : registry) setup(app, exit_code);
}

const std::string& CommandLine() {
  return CommandLineStorage();
}

void SetCommandLine(int argc, char** argv) {
  std::string& line = CommandLineStorage();
  line.clear();
  for (int i = 0; i < argc; ++i) {
    if (i) line += ' ';
    line += argv[i];
  }
}

}  // namespace triad::cli
