// libFuzzer harness: the whole command line. The input is the argument list, one argument per
// line ("var\n--input\nseries.csv\n--lags\n0"); it runs as `triad ARGS...` in a sandbox
// directory holding small real inputs (events, series, edge lists, a scenario, a saved fit, a
// report model and a store ingested from the events) under the names the seeds use. Every run
// starts from the same sandbox: files a run created are removed and the store is copied afresh.
// Arguments holding '/' are skipped, so that no run reads or writes outside the sandbox.
// Run with -close_fd_mask=3: triad's own output would drown the fuzzer's.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/run_command_line.hpp"
#include "fuzz/fuzz_support.hpp"

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxArguments = 24;
constexpr std::size_t kMaxArgumentBytes = 128;

fs::path sandbox;
std::set<std::string> inputs;  // file names in the sandbox that every run starts with

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cli_fuzz: cannot read %s\n", path.c_str());
    std::abort();
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// The first `lines` lines of a file.
std::string Head(const std::string& text, int lines) {
  std::size_t at = 0;
  for (int i = 0; i < lines && at != std::string::npos; ++i) {
    at = text.find('\n', at);
    if (at != std::string::npos) ++at;
  }
  return at == std::string::npos ? text : text.substr(0, at);
}

int Run(std::vector<std::string> args) {
  std::vector<char*> argv;
  static std::string program = "triad";
  argv.push_back(program.data());
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  return triad::cli::RunCommandLine(static_cast<int>(argv.size() - 1), argv.data());
}

void ResetSandbox() {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(sandbox)) {
    if (!inputs.count(entry.path().filename().string())) fs::remove_all(entry.path(), ec);
  }
  fs::copy_file(sandbox / "base.db", sandbox / "triad.db", fs::copy_options::overwrite_existing);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const fs::path source = TRIAD_SOURCE_DIR;
  sandbox = fs::temp_directory_path() / ("triad-cli-fuzz-" + std::to_string(getpid()));
  fs::remove_all(sandbox);
  fs::create_directories(sandbox);
  const fs::path data = source / "tests/data";
  WriteFile(sandbox / "events.tsv", Head(ReadFile(data / "events/gdelt2_spark_events.tsv"), 200));
  WriteFile(sandbox / "events1.tsv", Head(ReadFile(data / "events/gdelt1_spark_events1.tsv"), 50));
  WriteFile(sandbox / "icews.tab", Head(ReadFile(data / "events/icews_2018_sample.tab"), 50));
  WriteFile(sandbox / "series.csv",
            Head(ReadFile(data / "series/gdelt_weekly_chn_usa_jpn.csv"), 80));
  WriteFile(sandbox / "monthly.csv", ReadFile(data / "series/gzemo_monthly_chn_usa_jpn.csv"));
  WriteFile(sandbox / "edges.csv", ReadFile(data / "signed/tribes_edges.csv"));
  WriteFile(sandbox / "fit.json", ReadFile(source / "scenarios/fit_weekly_triangle.json"));
  WriteFile(sandbox / "model.json", ReadFile(data / "report/sample_report.json"));
  std::string scenario = ReadFile(source / "scenarios/essay_weekly.toml");
  // Fewer paths and the fit under its sandbox name: each run must stay short.
  if (auto at = scenario.find("paths = 20000"); at != std::string::npos)
    scenario.replace(at, 13, "paths = 200");
  if (auto at = scenario.find("fit_weekly_triangle.json"); at != std::string::npos)
    scenario.replace(at, 24, "fit.json");
  WriteFile(sandbox / "scenario.toml", scenario);
  fs::current_path(sandbox);
  // A store to query; stdin empty, so that `render -` never waits.
  if (Run({"ingest", "--store", "base.db", "events.tsv"}) != 0) {
    std::fprintf(stderr, "cli_fuzz: could not ingest the sandbox's events\n");
    std::abort();
  }
  if (std::freopen("/dev/null", "r", stdin) == nullptr) std::abort();
  for (const auto& entry : fs::directory_iterator(sandbox))
    inputs.insert(entry.path().filename().string());
  inputs.insert("triad.db");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args;
  std::string_view text = triad::fuzz::AsText(data, size);
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view arg = text.substr(0, nl);
    if (arg.size() > kMaxArgumentBytes || arg.find('/') != std::string_view::npos ||
        arg.find('\0') != std::string_view::npos || args.size() == kMaxArguments)
      return -1;  // outside what the harness explores; not added to the corpus
    args.emplace_back(arg);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  ResetSandbox();
  Run(std::move(args));
  return 0;
}
