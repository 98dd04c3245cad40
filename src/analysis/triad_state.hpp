#pragma once
// A triad's state at a date: the one answer that status, balance, explain, report and follow
// render. Built once from the store: the periods (period_plan.hpp), the three relation indices,
// each dyad's state (dyad_state.hpp), the triangle over time from the smoothed states
// (triangle_over_time.hpp), the drivers (driver_model.hpp), and what the analyst should know
// about the data behind them.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "analysis/driver_model.hpp"
#include "analysis/dyad_state.hpp"
#include "analysis/period_plan.hpp"
#include "analysis/triangle_over_time.hpp"

namespace triad {

// The question, as asked.
struct TriadQuery {
  std::array<std::string, 3> actors;  // A, B, C: dyads A–B, A–C, B–C
  PeriodRequest periods;              // --freq, --from, --to / --asof
  RelationIndexOptions index;         // weight, channel, baseline, min_events, source
  double neutral = 0.0;               // half-width of the neutral band for signs
  int window = 0;                     // periods for "change over the window"; 0: by frequency
  int persist = 0;      // periods a new triangle structure must persist; 0: DefaultPersistence
  bool drivers = true;  // fit the driver VAR (a warning when it cannot be)
  bool drivers_required = false;   // ... and fail with its error when it cannot be
  ModelSeriesOptions model;        // driver families and groups (actors and index are ours)
  DriverAnalysisOptions analysis;  // lag order, horizon
};

// Periods for "change over the window" when the query leaves it open: 7 days, 4 weeks,
// 3 months or years.
int DefaultWindow(Frequency freq);

struct TriadState {
  TriadQuery query;
  PeriodPlan plan;
  RelationIndexOptions index;  // as resolved: freq and range from the plan
  std::string source;          // "events" or the imported series' name
  int window = 0;
  std::array<RelationIndexSeries, 3> indices;  // A–B, A–C, B–C on one grid
  std::array<DyadState, 3> dyads;
  TriangleOverTime triangle;
  std::optional<DriverModel> drivers;
  std::vector<std::string> notes;     // choices made for the analyst (frequency, trimming)
  std::vector<std::string> warnings;  // what limits the answer
  StoreSummary store;

  // The triangle at the as-of date: the last period with a known structure, or nullptr.
  const TrianglePeriodResult* TriangleNow() const { return LatestKnown(triangle.timeline); }
};

// Usage errors for unknown actors or series, and for dates outside the data.
TriadState BuildTriadState(EventStore& store, const TriadQuery& query);

// The day range of the query's source: the store's events, or the imported series.
std::optional<std::pair<Day, Day>> SourceRange(EventStore& store, const std::string& source);

}  // namespace triad
