#pragma once
// Expands the PATH arguments of `triad ingest`: a file, a directory (recursed, files in name
// order, hidden files skipped, only names ending .csv .tsv .tab .txt .zip .gz in any case) or a
// shell-style glob that the shell did not expand.
//
// Nothing here stops the run: a missing path, a glob that matches nothing and a directory that
// cannot be read are failures named in `problems` (the valid files are still ingested and the run
// fails at the end); special files (FIFOs, devices, sockets), which could block the reader
// forever, are skipped with a message.
#include <string>
#include <vector>

namespace triad::cli {

struct InputProblem {
  std::string path;
  std::string message;  // "no such file or directory", "cannot read the directory: ..."
  bool failure = true;  // false: skipped on purpose (a special file)
};

struct InputPaths {
  std::vector<std::string> files;  // regular files, in argument order, each directory sorted
  std::vector<InputProblem> problems;
};

InputPaths ExpandInputPaths(const std::vector<std::string>& arguments);

}  // namespace triad::cli
