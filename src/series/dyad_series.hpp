#pragma once
// Per-period statistics of a dyad (or any set of directed country pairs) from the store's cells:
// events, weighted mean Goldstein with its standard error, QuadClass shares, net cooperation,
// mean tone. Periods with no events are kept (events = 0, statistics NaN) so that every series
// is on a regular calendar grid.
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aggregate/cell.hpp"
#include "codebook/cameo.hpp"
#include "common/date.hpp"
#include "store/event_store.hpp"

namespace triad {

enum class Weighting { kEvents, kMentions };
Weighting ParseWeighting(std::string_view name);  // "events" | "mentions"

// Directed country pairs whose cells are pooled, e.g. {CHN->USA, USA->CHN} for an undirected
// dyad.
struct PairSet {
  std::vector<std::pair<std::string, std::string>> pairs;
  static PairSet Dyad(const std::string& a, const std::string& b, bool directed);
  bool Contains(const char* source, const char* target) const;
  std::vector<std::string> Countries() const;
};

struct SeriesOptions {
  Frequency freq = Frequency::kWeek;
  Weighting weight = Weighting::kEvents;
  std::optional<Channel> channel;  // all channels when empty
  std::optional<Day> from, to;     // default: the store's coverage (EventStore::Coverage)
  // Actor sectors both sides must be in (any by default); the world baseline is then the
  // world's events of the same sectors.
  SectorFilter sector;
};

struct PeriodTotals {
  Day start = 0;
  CellValues all;
  std::array<CellValues, 4> by_quad;  // QuadClass 1..4 at index 0..3
};

struct PeriodStats {
  Day start = 0;
  std::int64_t events = 0;
  std::int64_t mentions = 0;
  double weight = 0;                   // sum of weights: events or mentions
  double mean_goldstein = 0;           // weighted mean, -10..10; NaN without events
  double se_goldstein = 0;             // standard error of that mean; NaN with fewer than 2 events
  std::array<double, 4> quad_share{};  // weighted shares of QuadClass 1..4
  double net_cooperation = 0;          // (cooperation - conflict) / all, weighted, -1..1
  double mean_tone = 0;                // event-weighted mean AvgTone
};

// Weighted statistics of one period's totals. With mentions as weights, the standard error
// uses Kish's effective sample size (sum w)^2 / sum w^2.
PeriodStats Summarise(const PeriodTotals& totals, Weighting weight);

// The resolved date range and the per-period totals of the selected cells.
struct DyadSeries {
  Day from = 0, to = 0;
  std::vector<PeriodTotals> periods;
};
DyadSeries BuildSeries(EventStore& store, const PairSet& pairs, const SeriesOptions& options);

// Resolves options.from/to against the store (usage error if the store is empty).
std::pair<Day, Day> ResolveRange(EventStore& store, const SeriesOptions& options);
// Whether a cell passes the options' channel and sector filters.
inline bool KeepsCell(const SeriesOptions& options, const CellKey& key) {
  return (!options.channel || key.channel == *options.channel) &&
         options.sector.Keeps(key.source_sector, key.target_sector);
}
// Throws a store error when `options` filter by sector but the store holds cells from before
// sectors were recorded (an upgraded schema-5 store): the filter would silently drop them.
void CheckSectorsRecorded(EventStore& store, const SeriesOptions& options);

}  // namespace triad
