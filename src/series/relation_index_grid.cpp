#include "series/relation_index_grid.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

#include "codebook/groups.hpp"
#include "series/selected_series.hpp"

namespace triad::relation_index_detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

CellValues Minus(const CellValues& a, const CellValues& b) {
  CellValues d;
  d.events = a.events - b.events;
  d.mentions = a.mentions - b.mentions;
  d.mentions_sq = a.mentions_sq - b.mentions_sq;
  d.sources = a.sources - b.sources;
  d.articles = a.articles - b.articles;
  d.goldstein = a.goldstein - b.goldstein;
  d.goldstein_sq = a.goldstein_sq - b.goldstein_sq;
  d.goldstein_w = a.goldstein_w - b.goldstein_w;
  d.goldstein_w_sq = a.goldstein_w_sq - b.goldstein_w_sq;
  d.tone = a.tone - b.tone;
  return d;
}

PeriodTotals Minus(const PeriodTotals& a, const PeriodTotals& b) {
  PeriodTotals d;
  d.start = a.start;
  d.all = Minus(a.all, b.all);
  for (std::size_t q = 0; q < 4; ++q) d.by_quad[q] = Minus(a.by_quad[q], b.by_quad[q]);
  return d;
}

// An unordered pair of 3-letter codes as one integer (each code < 26^3).
// One side of a dyad: a country, or a codebook group whose members on the day stand for it.
struct DyadSide {
  std::string code;
  const ActorGroup* group = nullptr;
  explicit DyadSide(const std::string& actor)
      : code(actor), group(GroupRegistry::Default().Find(actor)) {}
  bool Has(const char* country, Day day) const {
    return group ? group->Contains(country, day) : code == country;
  }
};

std::int64_t PairKey(const char* a, const char* b) {
  auto code = [](const char* c) {
    return static_cast<std::int64_t>(((c[0] - 'A') * 26 + (c[1] - 'A')) * 26 + (c[2] - 'A'));
  };
  std::int64_t x = code(a), y = code(b);
  if (x > y) std::swap(x, y);
  return x * 17576 + y;
}

// The weighted mean of values and its standard error: from the values' own se when all have
// one, otherwise from their spread (n / (n - 1) corrected, Kish-weighted) when n >= 2.
struct Accumulator {
  double w = 0, wx = 0, wxx = 0, ww = 0, wwse2 = 0;
  std::int64_t n = 0;
  bool all_se = true;
  void Add(const ImportedValue& v) {
    w += v.weight;
    wx += v.weight * v.value;
    wxx += v.weight * v.value * v.value;
    ww += v.weight * v.weight;
    if (std::isnan(v.se)) {
      all_se = false;
    } else {
      wwse2 += v.weight * v.weight * v.se * v.se;
    }
    ++n;
  }
  double Mean() const { return n == 0 ? kNaN : wx / w; }
  double Se() const {
    if (n == 0) return kNaN;
    if (all_se) return std::sqrt(wwse2) / w;
    if (n < 2) return kNaN;
    const double mean = wx / w, nn = static_cast<double>(n);
    const double variance = std::max(0.0, wxx / w - mean * mean) * nn / (nn - 1);
    return std::sqrt(variance * ww / (w * w));
  }
};

}  // namespace

int PeriodGrid::IndexOf(Day day) const {
  if (starts.empty() || day < first_day || day > last_day) return -1;
  if (day >= skip_from && day <= skip_to) return -1;
  auto it = std::upper_bound(starts.begin(), starts.end(), day);
  return static_cast<int>(it - starts.begin()) - 1;
}

PeriodGrid PeriodGrid::Calendar(Day from, Day to, Frequency freq) {
  PeriodGrid grid;
  for (Day d = PeriodStart(from, freq); d <= to; d = NextPeriodStart(d, freq))
    grid.starts.push_back(d);
  grid.first_day = from;
  grid.last_day = to;
  return grid;
}

GridIndex::GridIndex(std::size_t n)
    : value(n, kNaN),
      se(n, kNaN),
      net_coop(n, kNaN),
      events(n, 0),
      dominant(n),
      dominant_share(n, kNaN) {}

std::vector<GridIndex> EventsIndexOnGrid(EventStore& store, const std::vector<Dyad>& dyads,
                                         const PeriodGrid& grid, const SeriesOptions& options,
                                         bool world, std::int64_t min_events) {
  const std::size_t periods = grid.starts.size();
  std::vector<GridIndex> out(dyads.size(), GridIndex(periods));
  if (periods == 0) return out;
  std::unordered_map<std::int64_t, std::vector<std::size_t>> dyads_of_pair;
  std::vector<std::string> countries;
  // Dyads with a group side pool the events of the group's members on each event's day.
  struct GroupDyad {
    std::size_t index;
    DyadSide a, b;
  };
  std::vector<GroupDyad> group_dyads;
  for (std::size_t i = 0; i < dyads.size(); ++i) {
    const DyadSide a(dyads[i].first), b(dyads[i].second);
    if (a.group || b.group) {
      group_dyads.push_back({i, a, b});
      continue;
    }
    dyads_of_pair[PairKey(dyads[i].first.c_str(), dyads[i].second.c_str())].push_back(i);
    countries.push_back(dyads[i].first);
    countries.push_back(dyads[i].second);
  }
  std::sort(countries.begin(), countries.end());
  countries.erase(std::unique(countries.begin(), countries.end()), countries.end());

  std::vector<std::vector<PeriodTotals>> totals(dyads.size(), std::vector<PeriodTotals>(periods));
  std::vector<PeriodTotals> world_totals(world ? periods : 0);
  // Group dyads: each member's (or member pair's) weight per period, for the dominant member.
  std::vector<std::vector<std::map<std::string, double>>> member_weight(
      dyads.size(), std::vector<std::map<std::string, double>>(group_dyads.empty() ? 0 : periods));
  const auto weight_of = [&](const CellValues& v) {
    return static_cast<double>(options.weight == Weighting::kMentions ? v.mentions : v.events);
  };
  CheckSectorsRecorded(store, options);
  const auto add_cell = [&](const Cell& cell) {
    const CellKey key = CellKey::Unpack(cell.key);
    if (!KeepsCell(options, key)) return;
    const int p = grid.IndexOf(key.day);
    if (p < 0) return;
    const auto q = static_cast<std::size_t>(key.quad_class - 1);
    for (const GroupDyad& g : group_dyads) {
      const bool forward = g.a.Has(key.source, key.day) && g.b.Has(key.target, key.day);
      if (!forward && !(g.a.Has(key.target, key.day) && g.b.Has(key.source, key.day))) continue;
      totals[g.index][p].all.Merge(cell.values);
      totals[g.index][p].by_quad[q].Merge(cell.values);
      // The group side's member (A's side first when both are groups).
      const std::string a_side = forward ? key.source : key.target;
      const std::string b_side = forward ? key.target : key.source;
      const std::string member = g.a.group && g.b.group ? a_side + "-" + b_side
                                 : g.a.group            ? a_side
                                                        : b_side;
      member_weight[g.index][p][member] += weight_of(cell.values);
    }
    auto found = dyads_of_pair.find(PairKey(key.source, key.target));
    if (found == dyads_of_pair.end()) return;
    for (std::size_t d : found->second) {
      totals[d][p].all.Merge(cell.values);
      totals[d][p].by_quad[q].Merge(cell.values);
    }
  };
  if (group_dyads.empty()) {
    store.ForEachCell(grid.first_day, grid.last_day, add_cell, countries);
  } else {
    // A group side reads the cells of its members (at any date of the range; the membership on
    // each cell's day is checked above) through the dyad index, not every cell of the range.
    const auto codes = [&](const DyadSide& side) {
      return side.group ? side.group->MembersBetween(grid.first_day, grid.last_day)
                        : std::vector<std::string>{side.code};
    };
    OrderedPairs pairs;
    for (const Dyad& dyad : dyads) {
      OrderedPairs more = PairsBetween(codes(DyadSide(dyad.first)), codes(DyadSide(dyad.second)));
      pairs.insert(pairs.end(), more.begin(), more.end());
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    store.ForEachCellOfPairs(grid.first_day, grid.last_day, pairs, add_cell);
  }
  // The world's totals come from the store's day totals (world_days): a row per day, channel and
  // QuadClass instead of every cell of the range.
  // With a sector filter the world's totals are those of the same sectors, summed from the cells
  // of the range (world_days holds every sector together).
  if (world && !options.sector.any())
    store.ForEachCell(grid.first_day, grid.last_day, [&](const Cell& cell) {
      const CellKey key = CellKey::Unpack(cell.key);
      if (!KeepsCell(options, key)) return;
      const int p = grid.IndexOf(key.day);
      if (p < 0) return;
      world_totals[p].all.Merge(cell.values);
      world_totals[p].by_quad[static_cast<std::size_t>(key.quad_class - 1)].Merge(cell.values);
    });
  else if (world)
    store.ForEachWorldDay(
        grid.first_day, grid.last_day,
        [&](Day day, Channel channel, int quad_class, const CellValues& v) {
          if (options.channel && channel != *options.channel) return;
          const int p = grid.IndexOf(day);
          if (p < 0) return;
          world_totals[p].all.Merge(v);
          world_totals[p].by_quad[static_cast<std::size_t>(quad_class - 1)].Merge(v);
        });

  for (const GroupDyad& gd : group_dyads) {
    GridIndex& g = out[gd.index];
    for (std::size_t p = 0; p < periods; ++p) {
      double total = 0, best = -1;
      for (const auto& [member, w] : member_weight[gd.index][p]) {
        total += w;
        if (w > best) best = w, g.dominant[p] = member;  // ties: the first code in order
      }
      if (total > 0) g.dominant_share[p] = best / total;
    }
  }
  for (std::size_t d = 0; d < dyads.size(); ++d) {
    for (std::size_t p = 0; p < periods; ++p) {
      const PeriodStats s = Summarise(totals[d][p], options.weight);
      GridIndex& g = out[d];
      g.events[p] = s.events;
      if (s.events < min_events || std::isnan(s.mean_goldstein)) continue;  // missing
      g.value[p] = s.mean_goldstein;
      g.se[p] = s.se_goldstein;
      g.net_coop[p] = s.net_cooperation;
      if (!world) continue;
      // m_d - m_world = (W_o / W)(m_d - m_o); the dyad and the other dyads are independent.
      const PeriodStats o = Summarise(Minus(world_totals[p], totals[d][p]), options.weight);
      if (o.events == 0 || o.weight <= 0) {  // the dyad is the whole world
        g.value[p] = 0;
        g.se[p] = 0;
        continue;
      }
      const double share = o.weight / (o.weight + s.weight);
      g.value[p] = share * (s.mean_goldstein - o.mean_goldstein);
      g.se[p] =
          share * std::sqrt(s.se_goldstein * s.se_goldstein + o.se_goldstein * o.se_goldstein);
    }
  }
  return out;
}

std::vector<GridIndex> ImportedIndexOnGrid(SeriesStore& store, const std::string& name,
                                           const std::vector<Dyad>& dyads, const PeriodGrid& grid,
                                           bool world) {
  const std::size_t periods = grid.starts.size();
  std::vector<GridIndex> out(dyads.size(), GridIndex(periods));
  if (periods == 0) return out;
  std::vector<Accumulator> world_acc(periods);
  if (world) {
    for (const ImportedValue& v : store.AllValues(name, grid.first_day, grid.last_day)) {
      const int p = grid.IndexOf(v.day);
      if (p >= 0) world_acc[p].Add(v);
    }
  }
  for (std::size_t d = 0; d < dyads.size(); ++d) {
    std::vector<Accumulator> acc(periods);
    for (const ImportedValue& v :
         store.Values(name, dyads[d].first, dyads[d].second, grid.first_day, grid.last_day)) {
      const int p = grid.IndexOf(v.day);
      if (p >= 0) acc[p].Add(v);
    }
    for (std::size_t p = 0; p < periods; ++p) {
      out[d].events[p] = acc[p].n;
      if (acc[p].n == 0) continue;
      out[d].value[p] = acc[p].Mean() - (world ? world_acc[p].Mean() : 0.0);
      out[d].se[p] = acc[p].Se();
    }
  }
  return out;
}

}  // namespace triad::relation_index_detail
