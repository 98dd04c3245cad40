#include "cli/input_paths.hpp"

#include <fmt/format.h>
#include <glob.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

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

std::string_view SpecialKind(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo:
      return "a FIFO";
    case fs::file_type::character:
    case fs::file_type::block:
      return "a device";
    case fs::file_type::socket:
      return "a socket";
    default:
      return "not a regular file";
  }
}

class Expander {
 public:
  InputPaths result;

  // A path named on the command line or matched by a glob.
  void AddNamed(const std::string& path) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      Fail(path, "no such file or directory");
    } else if (fs::is_directory(st)) {
      std::vector<std::string> found;
      AddDirectory(path, &found);
      std::sort(found.begin(), found.end());
      result.files.insert(result.files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(st)) {
      result.files.push_back(path);
    } else {
      Skip(path, st.type());
    }
  }

 private:
  void Fail(const std::string& path, std::string message) {
    result.problems.push_back({path, std::move(message), true});
  }
  void Skip(const std::string& path, fs::file_type type) {
    result.problems.push_back(
        {path, fmt::format("{}, not a regular file: skipped", SpecialKind(type)), false});
  }

  void AddDirectory(const fs::path& dir, std::vector<std::string>* found) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
      Fail(dir.string(), fmt::format("cannot read the directory: {}", ec.message()));
      return;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        Fail(dir.string(), fmt::format("cannot read the directory: {}", ec.message()));
        return;
      }
      const fs::path& p = it->path();
      const std::string name = p.filename().string();
      if (name.empty() || name[0] == '.') continue;
      std::error_code st_ec;
      fs::file_status st = fs::status(p, st_ec);  // follows symbolic links
      if (st_ec) {
        Fail(p.string(), fmt::format("cannot read: {}", st_ec.message()));
      } else if (fs::is_directory(st)) {
        AddDirectory(p, found);
      } else if (LooksLikeEventFile(name)) {
        if (fs::is_regular_file(st))
          found->push_back(p.string());
        else
          Skip(p.string(), st.type());
      }
    }
  }
};

}  // namespace

InputPaths ExpandInputPaths(const std::vector<std::string>& arguments) {
  Expander expand;
  for (const std::string& arg : arguments) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(arg, ec)) || arg.find_first_of("*?[") == std::string::npos) {
      expand.AddNamed(arg);
      continue;
    }
    glob_t g{};
    int rc = ::glob(arg.c_str(), 0, nullptr, &g);
    if (rc == 0)
      for (std::size_t i = 0; i < g.gl_pathc; ++i) expand.AddNamed(g.gl_pathv[i]);
    globfree(&g);
    if (rc != 0) expand.result.problems.push_back({arg, "matches no file", true});
  }
  return std::move(expand.result);
}

}  // namespace triad::cli
