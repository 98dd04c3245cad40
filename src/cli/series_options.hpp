#pragma once
// The options shared by every command that reads a dyad series from the store:
// --freq, --weight, --channel, --sector, --from, --to, --store.
#include <CLI/CLI.hpp>

#include <string>

#include "analysis/period_plan.hpp"
#include "series/dyad_series.hpp"

namespace triad::cli {

struct SeriesFlags {
  std::string store = kDefaultStorePath;
  std::string freq;  // empty: the default rule (analysis/period_plan.hpp)
  std::string weight = "events";
  std::string channel = "all";
  std::string sector = "any";
  std::string from, to;

  void AddTo(CLI::App* cmd);
  // Throws usage errors for bad values. freq is kDefaultFrequency when not given: commands that
  // read periods resolve it with Plan() instead.
  SeriesOptions Resolve() const;
  PeriodRequest Periods() const;  // --freq, --from, --to as given
};

// A usage error when a sector filter meets an imported series (`source` non-empty), which has no
// actors to filter: refused rather than ignored.
void RejectSectorOnImported(const SectorFilter& sector, const std::string& source);

// The periods of a series command, planned against the data (PlanPeriods): writes the resolved
// freq, from and to into `options` and prints the plan's notes on standard error.
void ApplyPeriodPlan(const std::optional<std::pair<Day, Day>>& data, const PeriodRequest& request,
                     SeriesOptions& options);

}  // namespace triad::cli
