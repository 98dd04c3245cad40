// triad: measure, explain and simulate the momentum of a three-way relationship between states.
#include "cli/run_command_line.hpp"

int main(int argc, char** argv) {
  return triad::cli::RunCommandLine(argc, argv);
}
