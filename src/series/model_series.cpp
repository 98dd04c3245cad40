#include "series/model_series.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "common/error.hpp"

namespace triad {
namespace {

bool Wants(const std::optional<std::vector<DriverFamily>>& drivers, DriverFamily family) {
  return !drivers || std::find(drivers->begin(), drivers->end(), family) != drivers->end();
}

}  // namespace

ModelSeries BuildModelSeries(EventStore& store, const ModelSeriesOptions& options) {
  const auto& a = options.actors;
  return BuildModelSeries(
      store, options,
      LoadRelationIndices(store, {{a[0], a[1]}, {a[0], a[2]}, {a[1], a[2]}}, options.index));
}

ModelSeries BuildModelSeries(EventStore& store, const ModelSeriesOptions& options,
                             std::vector<RelationIndexSeries> indices) {
  const auto& a = options.actors;
  ModelSeries out;
  out.freq = options.index.series.freq;
  out.indices = std::move(indices);
  std::vector<std::vector<double>> raw;
  for (const auto& index : out.indices) {
    out.names.push_back(index.dyad.Variable());
    out.descriptions.push_back(
        fmt::format("relation index of {} ({})", index.dyad.Label(), index.units));
    raw.push_back(index.value);
  }
  const std::vector<Day>& grid = out.indices.front().dates;
  // The drivers are built for three countries (the triad's own events, its economic channels);
  // a group vertex has none of these, so its model is over the dyads alone.
  const bool group_vertex = IsGroupActor(a[0]) || IsGroupActor(a[1]) || IsGroupActor(a[2]);
  if (group_vertex && options.drivers && !options.drivers->empty())
    ThrowUsage(
        "--drivers: the driver series are built for three countries; with a group vertex "
        "use --drivers none");
  if (group_vertex && !options.drivers)
    out.notes.push_back("no drivers: they are built for three countries, and a vertex is a group");
  const bool none = (options.drivers && options.drivers->empty()) || group_vertex;
  // Drivers come from events: a store of imported series only has none (Coverage reads the
  // manifest, not the cells). Asked for by name, they are refused rather than left out quietly.
  const bool events = store.Coverage().has_value();
  if (!none && !events && options.drivers) {
    std::vector<std::string_view> names;
    for (DriverFamily f : *options.drivers) names.push_back(DriverFamilyName(f));
    ThrowUsage(fmt::format(
        "--drivers {}: drivers are built from the store's events, and this store holds none "
        "(only imported series); use --drivers none, or ingest event files for the period",
        fmt::join(names, ",")));
  }
  if (!none && !events)
    out.notes.push_back("no drivers: the store holds no events to build them from");
  if (!none && events) {
    DriverOptions d;
    d.actors = a;
    d.regional_group = options.regional_group;
    d.global_group = options.global_group;
    d.economic = Wants(options.drivers, DriverFamily::kEconomic);
    d.regional = Wants(options.drivers, DriverFamily::kRegional);
    d.global = Wants(options.drivers, DriverFamily::kGlobalSouth);
    d.security = Wants(options.drivers, DriverFamily::kSecurity);
    d.min_events = options.index.min_events;
    d.series = options.index.series;
    if (!options.index.series.from || !options.index.series.to) {
      d.series.from = out.indices.front().from;
      d.series.to = out.indices.front().to;
    }
    for (NamedSeries& s : BuildDrivers(store, d)) {
      if (s.periods != grid)
        ThrowCompute("driver series and dyad indices are on different calendars");
      std::size_t missing =
          std::count_if(s.values.begin(), s.values.end(), [](double v) { return std::isnan(v); });
      if (static_cast<double>(missing) >
          options.max_missing_share * static_cast<double>(s.values.size())) {
        out.notes.push_back(fmt::format(
            "{} left out: missing in {} of {} periods ({})", s.name, missing, s.values.size(),
            options.index.min_events <= 1
                ? std::string("periods without events")
                : fmt::format("fewer than {} events", options.index.min_events)));
        continue;
      }
      out.names.push_back(s.name);
      out.descriptions.push_back(s.description);
      raw.push_back(std::move(s.values));
    }
  }
  // Trim periods at both ends where anything is missing, then fill interior gaps forward.
  std::size_t first = 0, last = grid.size();
  auto complete = [&](std::size_t t) {
    return std::all_of(raw.begin(), raw.end(), [&](const auto& c) { return !std::isnan(c[t]); });
  };
  while (first < last && !complete(first)) ++first;
  while (last > first && !complete(last - 1)) --last;
  if (last - first < 3)
    ThrowCompute(fmt::format(
        "fewer than 3 periods have every series ({}); try a coarser --freq, a lower --min-events, "
        "a longer period or fewer drivers",
        fmt::join(out.names, ", ")));
  if (first > 0 || last < grid.size())
    out.notes.push_back(fmt::format(
        "periods {} .. {} used ({} at the start and {} at the end dropped: "
        "some series missing)",
        FormatDate(grid[first]), FormatDate(grid[last - 1]), first, grid.size() - last));
  out.dates.assign(grid.begin() + static_cast<std::ptrdiff_t>(first),
                   grid.begin() + static_cast<std::ptrdiff_t>(last));
  for (std::size_t j = 0; j < raw.size(); ++j) {
    std::vector<double> column(raw[j].begin() + static_cast<std::ptrdiff_t>(first),
                               raw[j].begin() + static_cast<std::ptrdiff_t>(last));
    int filled = 0;
    for (std::size_t t = 1; t < column.size(); ++t)
      if (std::isnan(column[t])) column[t] = column[t - 1], ++filled;
    if (filled > 0)
      out.notes.push_back(fmt::format("{}: {} missing period{} filled with the previous value",
                                      out.names[j], filled, filled == 1 ? "" : "s"));
    out.columns.push_back(std::move(column));
  }
  return out;
}

}  // namespace triad
