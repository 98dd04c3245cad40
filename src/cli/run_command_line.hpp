#pragma once

namespace triad::cli {

// Runs `triad` with these arguments (argv[0] is the program name) and returns its exit code:
// every triad::Error is caught here and printed as "triad: error: ..." on standard error.
int RunCommandLine(int argc, char** argv);

}  // namespace triad::cli
