#pragma once
// Expands the PATH arguments of `triad ingest`: a file, a directory (recursed, files in name
// order, hidden files skipped, only names ending .csv .tsv .tab .txt .zip .gz in any case) or a
// shell-style glob that the shell did not expand.
#include <string>
#include <vector>

namespace triad::cli {

// Throws a usage error naming the argument when it matches nothing.
std::vector<std::string> ExpandInputPaths(const std::vector<std::string>& arguments);

}  // namespace triad::cli
