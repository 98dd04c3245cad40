#pragma once
// The relation index of a dyad: one number per period saying how friendly the two states were,
// with its standard error. Every later step (triangle, momentum, drivers, scenarios, reports)
// reads relations through RelationIndexSeries and LoadRelationIndex, so that the same pipeline
// runs on the store's events or on an imported series (`--source NAME`).
//
// From events (the store's cells; a dyad pools both directions):
//   raw      the weighted mean Goldstein value (-10..10) of the period's events, weights events
//            or NumMentions, with its standard error (dyad_series.hpp: Summarise).
//   baseline
//     none   the raw mean.
//     world  raw mean minus the same weighted mean over every dyad in the store in that period
//            (same channel and weighting), in Goldstein points. Writing W for weights, d for the
//            dyad and o for all other dyads, m_d - m_world = (W_o / W)(m_d - m_o), so the
//            standard error is (W_o / W) sqrt(se_d^2 + se_o^2): the dyad's own events are part
//            of the world, and the two means are otherwise independent. "World" is whatever the
//            store holds: a store ingested from a triangle-only file gives a triangle baseline.
//     own    z-score against the dyad's own trailing year: (raw - mean) / sd, where mean and sd
//            (sample, n - 1) are over the raw means of the periods that start in the 365 days
//            before this period's start and are not missing; se = raw se / sd. It needs
//            MinOwnHistory(freq) such periods (day 180, week 26, month 6; year is refused):
//            before that, and when sd is 0, the value is NaN.
//   Default: world for events. Raw means are almost always positive, because news coverage is
//   dominated by statements, visits and consultations (CAMEO 01-05, Goldstein > 0) and its
//   volume and mix drift over time; a positive raw mean therefore says little. Subtracting the
//   world mean of the same period removes that drift, keeps Goldstein units (so a --neutral band
//   is in points) and needs no history, which a one-month sample does not have. A sign then
//   reads "friendlier (or more hostile) than the average pair of states in the news that
//   period". Use own to ask "unusual for this dyad", once a year of history is stored.
//   A period with fewer than min_events events (after the channel filter) is missing: value, se
//   and net_coop NaN, events still counted. Missing is never zero.
//
// From an imported series (series_store.hpp):
//   raw      per period, the weighted mean (imported weights, default 1) of the values whose
//            date falls in the period, pooling both directions of the dyad. A value at a coarser
//            resolution than freq is an error; a week belongs to the month/year of its Monday.
//            se: from the file's se column when every value has one (sqrt(sum w^2 se^2) / sum w);
//            otherwise, with two or more values in the period, the standard error of their
//            weighted mean from their spread (as for events); otherwise NaN.
//            events = the number of imported values averaged; net_coop = NaN; min_events and
//            channel/weight options do not apply.
//   baseline none (the default: an imported series' zero is its provider's), world (minus the
//            weighted mean of all the series' dyads in the period, treated as known: se
//            unchanged), own (as above).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "codebook/dyad.hpp"
#include "series/dyad_series.hpp"
#include "series/period_coverage.hpp"
#include "store/event_store.hpp"

namespace triad {

enum class Baseline { kNone, kWorld, kOwn };
Baseline ParseBaseline(std::string_view name);  // "none" | "world" | "own"; usage error otherwise
std::string_view BaselineName(Baseline baseline);

// world for the store's events (source empty), none for an imported series.
Baseline DefaultBaseline(const std::string& source);
// Non-missing periods in the trailing year needed for the own baseline; usage error for year.
int MinOwnHistory(Frequency freq);

inline constexpr std::int64_t kDefaultMinEvents = 5;

struct RelationIndexOptions {
  SeriesOptions series;              // freq, from, to; weight and channel for events only
  std::optional<Baseline> baseline;  // unset: DefaultBaseline(source)
  std::int64_t min_events = kDefaultMinEvents;  // events only; >= 1
  std::string source;  // empty: the store's events; otherwise an imported series' name
  // News coverage (period_coverage.hpp): periods outside the store's news, or below this share
  // of their news slots, are left out (missing) unless include_partial; events only.
  double min_coverage = kDefaultMinCoverage;
  bool include_partial = false;
};

// A relation index on a regular calendar grid: element i of every vector belongs to the period
// starting dates[i]; dates are consecutive periods of `freq` (no gaps), covering from..to.
// Missing periods are NaN in value/se/net_coop, never dropped, so consumers can rely on the
// grid. Units: Goldstein points (none, world) or standard deviations (own); see `units`.
struct RelationIndexSeries {
  Dyad dyad;           // in the order asked
  std::string source;  // "events" or the imported series' name
  Frequency freq = Frequency::kWeek;
  Baseline baseline = Baseline::kWorld;
  std::string units;     // human description of the value's units, for tables and reports
  Day from = 0, to = 0;  // the requested days, inclusive

  std::vector<Day> dates;            // period starts
  std::vector<double> value;         // the index; NaN = missing
  std::vector<double> se;            // standard error of value; NaN = unknown or missing
  std::vector<std::int64_t> events;  // events in the period (imported: values averaged)
  std::vector<double> net_coop;      // (cooperation - conflict) / all, weighted, -1..1; NaN
                                     // when missing or imported
  // A group dyad's member (or member pair) with the largest weight in the period and its share of
  // the dyad's weight (events, or mentions with --weight mentions); empty / NaN for countries.
  std::vector<std::string> dominant;
  std::vector<double> dominant_share;
  std::vector<double> coverage;  // share of the period's news slots in the store; NaN unknown
  std::vector<CoverageFlag> coverage_flag;
  int left_out = 0;  // periods with events whose value was left out for their coverage
  double min_coverage = kDefaultMinCoverage;
  bool include_partial = false;

  std::size_t size() const { return dates.size(); }
};

// The index of one dyad, from the events or from options.source. Throws a usage error for an
// unknown source, --freq finer than the source's resolution, or own with --freq year.
RelationIndexSeries LoadRelationIndex(EventStore& store, const Dyad& dyad,
                                      const RelationIndexOptions& options);
// Several dyads on the same grid, reading the store once (the world baseline is shared).
std::vector<RelationIndexSeries> LoadRelationIndices(EventStore& store,
                                                     const std::vector<Dyad>& dyads,
                                                     const RelationIndexOptions& options);

// One index value per dyad over the whole day range from..to taken as a single period (for a
// signed network over a period). Same baselines; own compares the range's raw mean with the
// periods (at options.series.freq) of the year before `from`.
struct RangeIndex {
  double value = 0, se = 0;
  std::int64_t events = 0;
  double net_coop = 0;
};
std::vector<RangeIndex> RelationIndexOverRange(EventStore& store, const std::vector<Dyad>& dyads,
                                               const RelationIndexOptions& options);

// The own-baseline transform of raw values on a calendar grid (exposed for tests): z-scores
// against the trailing 365 days of periods, NaN without MinOwnHistory(freq) known periods.
void ApplyOwnBaseline(const std::vector<Day>& dates, Frequency freq, std::vector<double>& value,
                      std::vector<double>& se);

}  // namespace triad
