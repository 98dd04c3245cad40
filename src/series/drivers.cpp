#include "series/drivers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/error.hpp"
#include "series/selected_series.hpp"

namespace triad {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const ActorGroup& Group(const std::string& name) {
  const ActorGroup* group = GroupRegistry::Default().Find(name);
  if (!group) {
    std::string known;
    for (const auto& g : GroupRegistry::Default().groups())
      known += (known.empty() ? "" : ", ") + g.name;
    ThrowUsage(fmt::format("unknown actor group '{}' (known: {})", name, known));
  }
  return *group;
}

NamedSeries FromTotals(
    std::string name, std::string description, const DyadSeries& series,
    const DriverOptions& options,
    const std::function<double(const PeriodTotals&, const PeriodStats&)>& value) {
  NamedSeries out;
  out.name = std::move(name);
  out.description = std::move(description);
  for (const PeriodTotals& p : series.periods) {
    PeriodStats s = Summarise(p, options.series.weight);
    out.periods.push_back(p.start);
    out.events.push_back(s.events);
    out.values.push_back(s.events >= std::max<std::int64_t>(1, options.min_events) ? value(p, s)
                                                                                   : kNaN);
  }
  return out;
}

double MeanGoldstein(const PeriodTotals&, const PeriodStats& s) {
  return s.mean_goldstein;
}

}  // namespace

std::vector<NamedSeries> BuildDrivers(EventStore& store, const DriverOptions& options) {
  const auto& a = options.actors;
  auto in_triad = [&](const char* code) { return code == a[0] || code == a[1] || code == a[2]; };
  std::vector<NamedSeries> drivers;
  if (options.economic) {
    SeriesOptions economic = options.series;
    economic.channel = Channel::kEconomic;
    for (auto [i, j] : {std::pair{0, 1}, std::pair{0, 2}, std::pair{1, 2}}) {
      PairSet pairs =
          PairSet::Dyad(a[static_cast<std::size_t>(i)], a[static_cast<std::size_t>(j)], false);
      drivers.push_back(FromTotals(
          DriverVariable(DriverFamily::kEconomic,
                         Dyad{a[static_cast<std::size_t>(i)], a[static_cast<std::size_t>(j)]}),
          "economic-channel mean Goldstein of the dyad (trade, aid, sanctions)",
          BuildSeries(store, pairs, economic), options, MeanGoldstein));
    }
  }
  if (options.regional) {
    const ActorGroup& group = Group(options.regional_group);
    auto [from, to] = ResolveRange(store, options.series);
    std::vector<std::string> members = group.MembersBetween(from, to);
    DyadSeries series = BuildSelectedSeriesOfPairs(
        store, PairsBetween(members, members),
        [&](const CellKey& k) {
          return !(in_triad(k.source) && in_triad(k.target)) && group.Contains(k.source, k.day) &&
                 group.Contains(k.target, k.day);
        },
        options.series);
    drivers.push_back(
        FromTotals(std::string(DriverFamilyName(DriverFamily::kRegional)),
                   fmt::format("mean Goldstein of events among {} members", group.name), series,
                   options, MeanGoldstein));
  }
  if (options.global) {
    const ActorGroup& group = Group(options.global_group);
    auto [from, to] = ResolveRange(store, options.series);
    DyadSeries series = BuildSelectedSeriesOfPairs(
        store, PairsBetween({a[0], a[1], a[2]}, group.MembersBetween(from, to)),
        [&](const CellKey& k) {
          return (in_triad(k.source) && !in_triad(k.target) && group.Contains(k.target, k.day)) ||
                 (in_triad(k.target) && !in_triad(k.source) && group.Contains(k.source, k.day));
        },
        options.series);
    drivers.push_back(
        FromTotals(std::string(DriverFamilyName(DriverFamily::kGlobalSouth)),
                   fmt::format("mean Goldstein of events between {}, {}, {} and {} members", a[0],
                               a[1], a[2], group.name),
                   series, options, MeanGoldstein));
  }
  if (options.security) {
    SeriesOptions all = options.series;
    all.channel.reset();
    DyadSeries triad_all = BuildSelectedSeries(
        store, {a[0], a[1], a[2]},
        [&](const CellKey& k) { return in_triad(k.source) && in_triad(k.target); }, all);
    SeriesOptions security = all;
    security.channel = Channel::kSecurity;
    DyadSeries triad_security = BuildSelectedSeries(
        store, {a[0], a[1], a[2]},
        [&](const CellKey& k) { return in_triad(k.source) && in_triad(k.target); }, security);
    const bool by_mentions = options.series.weight == Weighting::kMentions;
    NamedSeries out =
        FromTotals(std::string(DriverFamilyName(DriverFamily::kSecurity)),
                   "share of the triad's events that are security-channel conflict (0..1)",
                   triad_all, options, [](const PeriodTotals&, const PeriodStats&) { return 0.0; });
    out.share = true;
    for (std::size_t p = 0; p < out.values.size(); ++p) {
      if (std::isnan(out.values[p])) continue;
      const PeriodTotals& s = triad_security.periods[p];
      const PeriodTotals& t = triad_all.periods[p];
      auto w = [&](const CellValues& v) {
        return static_cast<double>(by_mentions ? v.mentions : v.events);
      };
      double conflict = w(s.by_quad[2]) + w(s.by_quad[3]);
      out.values[p] = w(t.all) > 0 ? conflict / w(t.all) : kNaN;
    }
    drivers.push_back(std::move(out));
  }
  return drivers;
}

}  // namespace triad
