#pragma once
// Everything an analyst wants to see about a triad at one date, computed once and shared by
// `triad status` (one screen) and `triad report` (the HTML report): each dyad's index with its
// smoothed level and momentum (local linear trend), the triangle over time with its type
// probabilities and changes, the drivers (VAR), and warnings about the data behind them.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "cli/triangle_over_time.hpp"
#include "measures/driver_analysis.hpp"
#include "measures/local_linear_trend.hpp"
#include "measures/local_linear_trend_momentum.hpp"
#include "series/model_series.hpp"

namespace triad::cli {

struct DyadSnapshot {
  std::string name;  // "CHN-USA"
  const RelationIndexSeries* index = nullptr;
  std::optional<LocalLinearTrendFit> trend;  // unset when too few observations
  std::optional<Momentum> momentum;
  double latest = 0, latest_se = 0;  // last non-missing index value
  Day latest_date = 0;
  double change = 0;  // smoothed level now minus `window` periods before
  std::int64_t events_in_window = 0;
};

struct SnapshotOptions {
  std::array<std::string, 3> actors;
  RelationIndexOptions index;
  double neutral = 0.0;
  int window = 7;            // periods for "change over the window"
  bool drivers = true;       // fit the driver VAR (may fail on short data: then a warning)
  ModelSeriesOptions model;  // for the drivers
  DriverAnalysisOptions analysis;
};

struct TriadSnapshot {
  SnapshotOptions options;
  TriangleOverTime triangle;
  std::array<DyadSnapshot, 3> dyads;
  std::optional<ModelSeries> model;
  std::optional<DriverAnalysis> drivers;
  std::vector<std::string> warnings;
  StoreSummary store;
};

TriadSnapshot BuildSnapshot(EventStore& store, const SnapshotOptions& options);

// "↑", "↓" or "→" for a momentum direction.
std::string_view Arrow(MomentumDirection direction);

}  // namespace triad::cli
