#include "cli/input_paths.hpp"

#include <fmt/format.h>
#include <glob.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "common/error.hpp"

namespace triad::cli {
namespace fs = std::filesystem;

namespace {

// Inside directories only names that event files have are taken (GDELT: .CSV, .export.CSV.zip;
// ICEWS: .tab; and .tsv, .txt, .gz), so READMEs and manifests beside the data are passed over.
// A file named on the command line is always read.
bool LooksLikeEventFile(const std::string& name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* ext : {".csv", ".tsv", ".tab", ".txt", ".zip", ".gz"})
    if (lower.ends_with(ext)) return true;
  return false;
}

void AddDirectory(const fs::path& dir, std::vector<std::string>* out) {
  std::vector<std::string> found;
  for (auto it =
           fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied);
       it != fs::recursive_directory_iterator(); ++it) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && LooksLikeEventFile(name)) found.push_back(it->path().string());
  }
  std::sort(found.begin(), found.end());
  out->insert(out->end(), found.begin(), found.end());
}

}  // namespace

std::vector<std::string> ExpandInputPaths(const std::vector<std::string>& arguments) {
  std::vector<std::string> paths;
  for (const std::string& arg : arguments) {
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      AddDirectory(arg, &paths);
    } else if (fs::exists(arg, ec)) {
      paths.push_back(arg);
    } else if (arg.find_first_of("*?[") != std::string::npos) {
      glob_t g{};
      int rc = ::glob(arg.c_str(), 0, nullptr, &g);
      if (rc == 0) {
        for (std::size_t i = 0; i < g.gl_pathc; ++i) {
          if (fs::is_directory(g.gl_pathv[i], ec))
            AddDirectory(g.gl_pathv[i], &paths);
          else
            paths.push_back(g.gl_pathv[i]);
        }
      }
      globfree(&g);
      if (rc != 0) ThrowUsage(fmt::format("'{}' matches no file", arg));
    } else {
      ThrowUsage(fmt::format("'{}': no such file or directory", arg));
    }
  }
  return paths;
}

}  // namespace triad::cli
