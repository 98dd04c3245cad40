#include "series/model_series.hpp"

#include "common/share_scale.hpp"

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

namespace {

struct GapFill {
  int filled = 0;  // periods filled with the previous value
  std::size_t longest_start = 0;
  int longest = 0;  // the longest run of consecutive filled periods
};

// Fills interior gaps forward (the first value is never missing after trimming).
GapFill FillGaps(std::vector<double>& column) {
  GapFill fill;
  int run = 0;
  for (std::size_t t = 1; t < column.size(); ++t) {
    if (!std::isnan(column[t])) {
      run = 0;
      continue;
    }
    column[t] = column[t - 1];
    ++fill.filled;
    if (++run > fill.longest) fill.longest = run, fill.longest_start = t + 1 - run;
  }
  return fill;
}

// Why a filled series cannot be modelled (kMaxFilledRun, kMaxFilledShare); empty when it can.
std::string GapProblem(const GapFill& fill, std::size_t periods, const std::vector<Day>& dates) {
  if (fill.longest > kMaxFilledRun)
    return fmt::format("{} consecutive periods missing ({} .. {}), more than the {} triad fills",
                       fill.longest, FormatDate(dates[fill.longest_start]),
                       FormatDate(dates[fill.longest_start + fill.longest - 1]), kMaxFilledRun);
  if (static_cast<double>(fill.filled) > kMaxFilledShare * static_cast<double>(periods))
    return fmt::format("{} of {} periods missing, more than the {:.0f}% triad fills", fill.filled,
                       periods, 100 * kMaxFilledShare);
  return "";
}

}  // namespace

std::vector<std::string> LogitSharesAmong(const ModelSeries& series,
                                          const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const std::string& name : names)
    if (std::find(series.logit_shares.begin(), series.logit_shares.end(), name) !=
        series.logit_shares.end())
      out.push_back(name);
  return out;
}

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
      if (s.share) {
        for (double& v : s.values)
          if (!std::isnan(v)) v = LogitShare(v);
        out.logit_shares.push_back(s.name);
        s.description = "logit of the " + s.description;
      }
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
  std::vector<std::string> names, descriptions;
  for (std::size_t j = 0; j < raw.size(); ++j) {
    std::vector<double> column(raw[j].begin() + static_cast<std::ptrdiff_t>(first),
                               raw[j].begin() + static_cast<std::ptrdiff_t>(last));
    const GapFill fill = FillGaps(column);
    const bool dyad = static_cast<int>(j) < out.dyad_count;
    const std::string problem = GapProblem(fill, column.size(), out.dates);
    if (!problem.empty()) {
      if (dyad)
        ThrowCompute(fmt::format(
            "{}: {}; a model on it would rest on invented values: use a coarser --freq, a lower "
            "--min-events or a period with more data",
            out.names[j], problem));
      out.notes.push_back(fmt::format("{} left out: {}", out.names[j], problem));
      continue;
    }
    if (fill.filled > 0)
      out.notes.push_back(fmt::format("{}: {} missing period{} filled with the previous value",
                                      out.names[j], fill.filled, fill.filled == 1 ? "" : "s"));
    names.push_back(out.names[j]);
    descriptions.push_back(out.descriptions[j]);
    out.columns.push_back(std::move(column));
  }
  out.names = std::move(names);
  out.descriptions = std::move(descriptions);
  std::erase_if(out.logit_shares, [&](const std::string& name) {
    return std::find(out.names.begin(), out.names.end(), name) == out.names.end();
  });
  return out;
}

}  // namespace triad
