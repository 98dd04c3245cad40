#pragma once
// The options shared by every command that reads relation indices (index, balance, network, and
// the later momentum, explain, scenario and report commands): the series flags (--store,
// --freq, --weight, --channel, --from, --to) plus --baseline, --min-events and --source.
#include <CLI/CLI.hpp>

#include <string>

#include "cli/series_options.hpp"
#include "series/relation_index.hpp"

namespace triad::cli {

struct RelationIndexFlags {
  SeriesFlags series;
  std::string baseline;  // empty: DefaultBaseline(source)
  std::int64_t min_events = kDefaultMinEvents;
  std::string source;
  double min_coverage = kDefaultMinCoverage;
  bool include_partial = false;

  void AddTo(CLI::App* cmd);
  RelationIndexOptions Resolve() const;  // throws usage errors for bad values
  PeriodRequest Periods() const { return series.Periods(); }
};

// "CHN-USA,CHN-JPN" -> dyads (usage error for a bad one).
std::vector<Dyad> ParseDyadList(const std::string& text);
// "CHN,USA,JPN" (or "CHN,USA,ASEAN": a codebook group stands for its members) -> actors known to
// the codebook (usage error, with a suggestion, for an unknown one; usage error for a repeat).
std::vector<std::string> ParseActorList(const std::string& text);

}  // namespace triad::cli
