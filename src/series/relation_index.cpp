#include "series/relation_index.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "common/error.hpp"
#include "series/relation_index_grid.hpp"
#include "store/series_store.hpp"

namespace triad {
namespace {

using relation_index_detail::EventsIndexOnGrid;
using relation_index_detail::GridIndex;
using relation_index_detail::ImportedIndexOnGrid;
using relation_index_detail::PeriodGrid;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr Day kTrailingYearDays = 365;

int Rank(Frequency f) {
  switch (f) {
    case Frequency::kDay:
      return 0;
    case Frequency::kWeek:
      return 1;
    case Frequency::kMonth:
      return 2;
    case Frequency::kYear:
      break;
  }
  return 3;
}

// z-score of `raw` against `history` (the known raw means of the trailing year).
void ZScore(double raw, double raw_se, const std::vector<double>& history, int min_history,
            double* z, double* z_se) {
  *z = *z_se = kNaN;
  if (std::isnan(raw) || static_cast<int>(history.size()) < min_history || history.size() < 2)
    return;
  double sum = 0;
  for (double h : history) sum += h;
  const double mean = sum / static_cast<double>(history.size());
  double ss = 0;
  for (double h : history) ss += (h - mean) * (h - mean);
  const double sd = std::sqrt(ss / static_cast<double>(history.size() - 1));
  if (!(sd > 0)) return;
  *z = (raw - mean) / sd;
  *z_se = raw_se / sd;
}

void CheckDyads(const std::vector<Dyad>& dyads) {
  for (const auto& d : dyads) Dyad::Parse(d.Label());  // usage error for bad codes
}

// The resolved request: baseline, source info and the day range.
struct Request {
  Baseline baseline = Baseline::kWorld;
  bool imported = false;
  Frequency freq = Frequency::kWeek;
  Day from = 0, to = 0;
};

Request Resolve(EventStore& store, const RelationIndexOptions& options) {
  Request r;
  r.baseline = options.baseline.value_or(DefaultBaseline(options.source));
  r.imported = !options.source.empty();
  r.freq = options.series.freq;
  if (r.baseline == Baseline::kOwn) MinOwnHistory(r.freq);  // refuses year
  if (options.min_events < 1) ThrowUsage("--min-events must be at least 1");
  if (!r.imported) {
    std::tie(r.from, r.to) = ResolveRange(store, options.series);
    return r;
  }
  SeriesStore series(store.db());
  auto info = series.Find(options.source);
  if (!info) series.AllValues(options.source, 0, 0);  // throws the "no such series" error
  if (Rank(r.freq) < Rank(info->resolution))
    ThrowUsage(fmt::format(
        "imported series '{}' has {} values, coarser than --freq {}: a {} value cannot be split "
        "into {}s; use --freq {} or coarser",
        options.source, FrequencyName(info->resolution), FrequencyName(r.freq),
        FrequencyName(info->resolution), FrequencyName(r.freq), FrequencyName(info->resolution)));
  r.from = options.series.from.value_or(info->first_day);
  r.to = options.series.to.value_or(info->last_day);
  if (r.from > r.to)
    ThrowUsage(fmt::format("--from {} is after --to {}", FormatDate(r.from), FormatDate(r.to)));
  return r;
}

std::vector<GridIndex> RawOnGrid(EventStore& store, const std::vector<Dyad>& dyads, PeriodGrid grid,
                                 const RelationIndexOptions& options, bool imported, bool world) {
  if (!imported)
    return EventsIndexOnGrid(store, dyads, grid, options.series, world, options.min_events);
  // Imported values sit on their period's first day: keep the whole first period.
  if (!grid.starts.empty()) grid.first_day = std::min(grid.first_day, grid.starts.front());
  grid.skip_to = grid.skip_from - 1;
  SeriesStore series(store.db());
  return ImportedIndexOnGrid(series, options.source, dyads, grid, world);
}

std::string Units(const Request& r, const std::string& source) {
  switch (r.baseline) {
    case Baseline::kNone:
      return r.imported ? fmt::format("{} values", source) : "mean Goldstein (-10..10)";
    case Baseline::kWorld:
      return r.imported ? fmt::format("{} values minus the mean of its dyads", source)
                        : "mean Goldstein minus world mean (Goldstein points)";
    case Baseline::kOwn:
      break;
  }
  return "z-score against the dyad's trailing year";
}

}  // namespace

Baseline ParseBaseline(std::string_view name) {
  if (name == "none") return Baseline::kNone;
  if (name == "world") return Baseline::kWorld;
  if (name == "own") return Baseline::kOwn;
  ThrowUsage(fmt::format("unknown baseline '{}': use none, world or own", name));
}

std::string_view BaselineName(Baseline baseline) {
  switch (baseline) {
    case Baseline::kNone:
      return "none";
    case Baseline::kWorld:
      return "world";
    case Baseline::kOwn:
      break;
  }
  return "own";
}

Baseline DefaultBaseline(const std::string& source) {
  return source.empty() ? Baseline::kWorld : Baseline::kNone;
}

int MinOwnHistory(Frequency freq) {
  switch (freq) {
    case Frequency::kDay:
      return 180;
    case Frequency::kWeek:
      return 26;
    case Frequency::kMonth:
      return 6;
    case Frequency::kYear:
      break;
  }
  ThrowUsage(
      "--baseline own compares a period with the dyad's trailing year, so it needs --freq "
      "day, week or month");
}

void ApplyOwnBaseline(const std::vector<Day>& dates, Frequency freq, std::vector<double>& value,
                      std::vector<double>& se) {
  const int min_history = MinOwnHistory(freq);
  const std::vector<double> raw = value;
  std::size_t first = 0;  // first period inside the trailing year of period i
  std::vector<double> history;
  for (std::size_t i = 0; i < dates.size(); ++i) {
    while (dates[first] < dates[i] - kTrailingYearDays) ++first;
    history.clear();
    for (std::size_t j = first; j < i; ++j)
      if (!std::isnan(raw[j])) history.push_back(raw[j]);
    ZScore(raw[i], se[i], history, min_history, &value[i], &se[i]);
  }
}

std::vector<RelationIndexSeries> LoadRelationIndices(EventStore& store,
                                                     const std::vector<Dyad>& dyads,
                                                     const RelationIndexOptions& options) {
  CheckDyads(dyads);
  const Request r = Resolve(store, options);
  const bool own = r.baseline == Baseline::kOwn;
  // The own baseline needs the year before the first requested period.
  const Day first_start = PeriodStart(r.from, r.freq);
  const Day load_from = own ? first_start - kTrailingYearDays : r.from;
  PeriodGrid grid = PeriodGrid::Calendar(load_from, r.to, r.freq);
  if (own) {
    grid.first_day = grid.starts.front();
    grid.skip_from = first_start;
    grid.skip_to = r.from - 1;
  }
  std::vector<GridIndex> raw =
      RawOnGrid(store, dyads, grid, options, r.imported, r.baseline == Baseline::kWorld);
  // Periods outside the news coverage or thinly covered leave the index before any baseline
  // uses them (the own baseline's trailing year too).
  PeriodCoverage coverage;
  if (r.imported) {
    coverage.fraction.assign(grid.starts.size(), std::numeric_limits<double>::quiet_NaN());
    coverage.flag.assign(grid.starts.size(), CoverageFlag::kUnknown);
  } else {
    coverage = CoverageOfPeriods(store.NewsCoverageByDay(), grid.starts, grid.first_day,
                                 grid.last_day, options.min_coverage);
  }
  std::vector<int> left_out(dyads.size(), 0);
  for (std::size_t d = 0; d < dyads.size() && !options.include_partial; ++d) {
    GridIndex& g = raw[d];
    for (std::size_t p = 0; p < grid.starts.size(); ++p) {
      const CoverageFlag flag = coverage.flag[p];
      if (flag != CoverageFlag::kThin && flag != CoverageFlag::kOutside) continue;
      if (!std::isnan(g.value[p]) && grid.starts[p] >= first_start) ++left_out[d];
      g.value[p] = g.se[p] = g.net_coop[p] = std::numeric_limits<double>::quiet_NaN();
    }
  }

  std::vector<RelationIndexSeries> out;
  for (std::size_t d = 0; d < dyads.size(); ++d) {
    GridIndex& g = raw[d];
    if (own) ApplyOwnBaseline(grid.starts, r.freq, g.value, g.se);
    RelationIndexSeries s;
    s.dyad = dyads[d];
    s.source = r.imported ? options.source : "events";
    s.freq = r.freq;
    s.baseline = r.baseline;
    s.units = Units(r, options.source);
    // A sector filter changes what the numbers are: every output that states the units says so.
    if (!r.imported && !options.series.sector.any())
      s.units += fmt::format("; {} actors on both sides", options.series.sector.Text());
    s.from = r.from;
    s.to = r.to;
    for (std::size_t p = 0; p < grid.starts.size(); ++p) {
      if (grid.starts[p] < first_start) continue;  // history only
      s.dates.push_back(grid.starts[p]);
      s.value.push_back(g.value[p]);
      s.se.push_back(g.se[p]);
      s.events.push_back(g.events[p]);
      s.net_coop.push_back(g.net_coop[p]);
      s.dominant.push_back(g.dominant[p]);
      s.dominant_share.push_back(g.dominant_share[p]);
      s.coverage.push_back(coverage.fraction[p]);
      s.coverage_flag.push_back(coverage.flag[p]);
    }
    s.left_out = left_out[d];
    s.min_coverage = options.min_coverage;
    s.include_partial = options.include_partial;
    out.push_back(std::move(s));
  }
  return out;
}

RelationIndexSeries LoadRelationIndex(EventStore& store, const Dyad& dyad,
                                      const RelationIndexOptions& options) {
  return std::move(LoadRelationIndices(store, {dyad}, options).front());
}

std::vector<RangeIndex> RelationIndexOverRange(EventStore& store, const std::vector<Dyad>& dyads,
                                               const RelationIndexOptions& options) {
  CheckDyads(dyads);
  const Request r = Resolve(store, options);
  PeriodGrid range;
  range.starts = {r.from};
  range.first_day = r.from;
  range.last_day = r.to;
  std::vector<GridIndex> raw =
      RawOnGrid(store, dyads, range, options, r.imported, r.baseline == Baseline::kWorld);
  std::vector<GridIndex> history;
  PeriodGrid history_grid;
  if (r.baseline == Baseline::kOwn) {
    // Whole periods of the year before `from` (the one holding from - 1 may be cut at from - 1).
    history_grid = PeriodGrid::Calendar(r.from - kTrailingYearDays, r.from - 1, r.freq);
    history_grid.first_day = history_grid.starts.front();
    history = RawOnGrid(store, dyads, history_grid, options, r.imported, /*world=*/false);
  }
  std::vector<RangeIndex> out;
  for (std::size_t d = 0; d < dyads.size(); ++d) {
    RangeIndex x{raw[d].value[0], raw[d].se[0], raw[d].events[0], raw[d].net_coop[0]};
    if (r.baseline == Baseline::kOwn) {
      std::vector<double> known;
      for (std::size_t p = 0; p < history_grid.starts.size(); ++p)
        if (history_grid.starts[p] >= r.from - kTrailingYearDays &&
            !std::isnan(history[d].value[p]))
          known.push_back(history[d].value[p]);
      ZScore(x.value, x.se, known, MinOwnHistory(r.freq), &x.value, &x.se);
    }
    out.push_back(x);
  }
  return out;
}

}  // namespace triad
