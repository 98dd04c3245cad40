#pragma once
// The flags of every command that answers about a triad (status, balance, explain, report): the
// same flags with the same defaults, so the same question gets the same numbers in each.
#include <CLI/CLI.hpp>

#include <string>

#include "analysis/triad_state.hpp"
#include "cli/relation_index_options.hpp"

namespace triad::cli {

// Which driver-model flags a command offers.
enum class DriverFlags {
  kNone,      // balance: no driver model
  kOptional,  // status, report: the driver flags and --no-drivers
  kAlways,    // explain: the driver flags
};

struct TriadFlags {
  std::string actors = "CHN,USA,JPN";
  std::string asof;
  RelationIndexFlags index;
  double neutral = 0.0;
  int window = 0;   // 0: DefaultWindow(freq)
  int persist = 0;  // 0: DefaultPersistence(freq)
  bool no_drivers = false;
  std::string drivers;
  std::string regional_group = "ASIA_PACIFIC_REGIONAL";
  std::string global_group = "GLOBAL_SOUTH";
  int lags = 0, maxlags = 4, horizon = 8;
  std::string ic = "bic";
  std::string prior = "auto";

  void AddTo(CLI::App* cmd, DriverFlags drivers);
  TriadQuery Resolve() const;  // usage errors for bad values
};

}  // namespace triad::cli
