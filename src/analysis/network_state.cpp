#include "analysis/network_state.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "analysis/period_plan.hpp"
#include "analysis/triad_state.hpp"
#include "codebook/groups.hpp"
#include "common/error.hpp"

namespace triad {

NetworkState BuildNetworkState(EventStore& store, const NetworkQuery& q) {
  NetworkState s;
  RelationIndexOptions options = q.index;
  if (!(q.neutral >= 0)) ThrowUsage("--neutral must be a number >= 0");
  PeriodRequest request;
  request.freq = options.series.freq;
  request.from = options.series.from;
  request.to = options.series.to;
  const PeriodPlan plan = PlanPeriods(SourceRange(store, options.source), request);
  options.series.from = s.from = plan.from;
  options.series.to = s.to = plan.to;

  if (!q.group.empty()) {
    const ActorGroup* group = GroupRegistry::Default().Find(q.group);
    if (!group) {
      std::string known;
      for (const auto& g : GroupRegistry::Default().groups()) known += " " + g.name;
      ThrowUsage(fmt::format("unknown group '{}'; built-in groups:{}", q.group, known));
    }
    s.actors = group->MembersBetween(s.from, s.to);
  }
  for (const std::string& a : q.actors) {
    const std::string code = ParseCountryCode(a);
    if (std::find(s.actors.begin(), s.actors.end(), code) == s.actors.end())
      s.actors.push_back(code);
  }
  if (s.actors.size() < 2)
    ThrowUsage("a network needs at least two actors: give --actors or --group");

  std::vector<Dyad> pairs;
  for (std::size_t i = 0; i < s.actors.size(); ++i)
    for (std::size_t j = i + 1; j < s.actors.size(); ++j)
      pairs.push_back(Dyad{s.actors[i], s.actors[j]});
  const std::vector<RangeIndex> indices = RelationIndexOverRange(store, pairs, options);
  std::vector<SignedNetwork::Link> links;
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    NetworkDyad e{pairs[k], indices[k], 0, ""};
    if (std::isnan(e.index.value)) {
      e.dropped_why = options.source.empty() && e.index.events < options.min_events
                          ? "too few events"
                          : "no value";
    } else if (std::fabs(e.index.value) <= q.neutral) {
      e.dropped_why = "neutral";
    } else {
      e.sign = e.index.value > 0 ? 1 : -1;
      links.push_back({pairs[k].first, pairs[k].second, e.index.value});
    }
    s.dyads.push_back(e);
  }
  s.network = SignedNetwork::FromLinks(links);
  s.census = CountTriangles(s.network);
  s.walk_index = WalkBalanceIndex(s.network);
  s.frustration = ComputeFrustrationIndex(s.network, FrustrationOptions{q.time_limit});
  for (int u = 0; u < s.network.NodeCount(); ++u)
    s.groups[static_cast<std::size_t>(s.frustration.group[static_cast<std::size_t>(u)])].push_back(
        s.network.nodes()[static_cast<std::size_t>(u)]);
  for (int e : s.frustration.frustrated_edges) {
    const SignedEdge& edge = s.network.edges()[static_cast<std::size_t>(e)];
    s.frustrated.push_back(fmt::format(
        "{}-{} ({})", s.network.nodes()[static_cast<std::size_t>(edge.u)],
        s.network.nodes()[static_cast<std::size_t>(edge.v)], edge.sign > 0 ? "+" : "-"));
  }
  s.baseline = BaselineName(options.baseline.value_or(DefaultBaseline(options.source)));
  return s;
}

}  // namespace triad
