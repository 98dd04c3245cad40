#pragma once
// The options shared by every command that reads a dyad series from the store:
// --freq, --weight, --channel, --from, --to, --store.
#include <CLI/CLI.hpp>

#include <string>

#include "series/dyad_series.hpp"

namespace triad::cli {

struct SeriesFlags {
  std::string store = kDefaultStorePath;
  std::string freq = "week";
  std::string weight = "events";
  std::string channel = "all";
  std::string from, to;

  void AddTo(CLI::App* cmd, const std::string& default_freq = "week");
  SeriesOptions Resolve() const;  // throws usage errors for bad values
};

}  // namespace triad::cli
