#pragma once
// Options shared by `triad status` and `triad report`: the triad, the date to look from, the
// relation-index options, and what to compute.
#include <CLI/CLI.hpp>

#include <string>

#include "cli/relation_index_options.hpp"
#include "cli/triad_snapshot.hpp"

namespace triad::cli {

struct SnapshotFlags {
  std::string actors = "CHN,USA,JPN";
  std::string asof;
  RelationIndexFlags index;
  double neutral = 0.0;
  int window = 0;  // 0: 7 periods for days, 4 for weeks, 3 otherwise
  bool no_drivers = false;

  void AddTo(CLI::App* cmd);
  SnapshotOptions Resolve() const;
};

}  // namespace triad::cli
