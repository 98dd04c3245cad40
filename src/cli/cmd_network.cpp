// triad network: the signed network among many actors over one period, from their relation
// indices, and its structural balance (triangle census, walk index, exact frustration index).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/relation_index_options.hpp"
#include "codebook/groups.hpp"
#include "common/error.hpp"
#include "measures/frustration.hpp"
#include "measures/signed_network.hpp"
#include "outputs/table.hpp"
#include "store/series_store.hpp"

namespace triad::cli {
namespace {

struct NetworkArgs {
  std::string actors;
  std::string group;
  double neutral = 0.0;
  double time_limit = 60.0;
  RelationIndexFlags flags;
  std::string format = "table";
};

struct DyadEdge {
  DyadCodes dyad;
  RangeIndex index;
  int sign = 0;             // +1, -1; 0 = not an edge
  std::string dropped_why;  // why it is not an edge
};

nlohmann::json Number(double v) {
  return std::isnan(v) ? nlohmann::json() : nlohmann::json(v);
}

// The day range the network covers: --from/--to, else the events' coverage or the imported
// series' dates.
std::pair<Day, Day> NetworkRange(EventStore& store, const RelationIndexOptions& o) {
  if (o.source.empty()) return ResolveRange(store, o.series);
  SeriesStore series(store.db());
  auto info = series.Find(o.source);
  if (!info) series.AllValues(o.source, 0, 0);  // throws "no such series"
  return {o.series.from.value_or(info->first_day), o.series.to.value_or(info->last_day)};
}

int RunNetwork(const NetworkArgs& args) {
  RelationIndexOptions options = args.flags.Resolve();
  if (!(args.neutral >= 0)) ThrowUsage("--neutral must be a number >= 0");
  EventStore store(args.flags.series.store, /*create=*/false);
  std::tie(options.series.from, options.series.to) = NetworkRange(store, options);
  const Day from = *options.series.from, to = *options.series.to;

  std::vector<std::string> actors;
  if (!args.group.empty()) {
    const ActorGroup* group = GroupRegistry::Default().Find(args.group);
    if (!group) {
      std::string known;
      for (const auto& g : GroupRegistry::Default().groups()) known += " " + g.name;
      ThrowUsage(fmt::format("unknown group '{}'; built-in groups:{}", args.group, known));
    }
    actors = group->MembersBetween(from, to);
  }
  if (!args.actors.empty())
    for (const std::string& a : ParseActorList(args.actors))
      if (std::find(actors.begin(), actors.end(), a) == actors.end()) actors.push_back(a);
  if (actors.size() < 2)
    ThrowUsage("a network needs at least two actors: give --actors or --group");

  std::vector<DyadEdge> dyads;
  std::vector<DyadCodes> codes;
  for (std::size_t i = 0; i < actors.size(); ++i)
    for (std::size_t j = i + 1; j < actors.size(); ++j) codes.emplace_back(actors[i], actors[j]);
  const std::vector<RangeIndex> indices = RelationIndexOverRange(store, codes, options);
  std::vector<SignedNetwork::Link> links;
  for (std::size_t k = 0; k < codes.size(); ++k) {
    DyadEdge e{codes[k], indices[k], 0, ""};
    if (std::isnan(e.index.value)) {
      e.dropped_why = options.source.empty() && e.index.events < options.min_events
                          ? "too few events"
                          : "no value";
    } else if (std::fabs(e.index.value) <= args.neutral) {
      e.dropped_why = "neutral";
    } else {
      e.sign = e.index.value > 0 ? 1 : -1;
      links.push_back({codes[k].first, codes[k].second, e.index.value});
    }
    dyads.push_back(e);
  }
  const SignedNetwork network = SignedNetwork::FromLinks(links);
  const TriangleCensus census = CountTriangles(network);
  const double walk = WalkBalanceIndex(network);
  const FrustrationResult f = ComputeFrustrationIndex(network, FrustrationOptions{args.time_limit});
  std::array<std::vector<std::string>, 2> groups;
  for (int u = 0; u < network.NodeCount(); ++u)
    groups[static_cast<std::size_t>(f.group[static_cast<std::size_t>(u)])].push_back(
        network.nodes()[static_cast<std::size_t>(u)]);
  std::vector<std::string> frustrated;
  for (int e : f.frustrated_edges) {
    const SignedEdge& edge = network.edges()[static_cast<std::size_t>(e)];
    frustrated.push_back(
        fmt::format("{}-{} ({})", network.nodes()[static_cast<std::size_t>(edge.u)],
                    network.nodes()[static_cast<std::size_t>(edge.v)], edge.sign > 0 ? "+" : "-"));
  }
  const std::string baseline(
      BaselineName(options.baseline.value_or(DefaultBaseline(options.source))));

  if (args.format == "json") {
    nlohmann::json out = {
        {"actors", actors},
        {"group", args.group.empty() ? nlohmann::json() : nlohmann::json(args.group)},
        {"from", FormatDate(from)},
        {"to", FormatDate(to)},
        {"source", options.source.empty() ? "events" : options.source},
        {"baseline", baseline},
        {"neutral", args.neutral},
        {"min_events", options.min_events},
        {"nodes", network.nodes()},
        {"edges", network.EdgeCount()},
        {"positive_edges", network.PositiveEdgeCount()},
        {"negative_edges", network.NegativeEdgeCount()},
        {"triangles", census.triangles},
        {"balanced_triangles", census.balanced},
        {"fraction_balanced", Number(census.FractionBalanced())},
        {"walk_balance_index", Number(walk)}};
    out["frustration"] = {{"status", f.exact ? "exact" : "bound"},
                          {"index", f.exact ? nlohmann::json(f.upper_bound) : nlohmann::json()},
                          {"lower_bound", f.lower_bound},
                          {"upper_bound", f.upper_bound},
                          {"groups", groups},
                          {"frustrated_edges", frustrated},
                          {"seconds", f.seconds}};
    out["dyads"] = nlohmann::json::array();
    for (const DyadEdge& e : dyads)
      out["dyads"].push_back(
          {{"dyad", e.dyad.first + "-" + e.dyad.second},
           {"value", Number(e.index.value)},
           {"se", Number(e.index.se)},
           {"events", e.index.events},
           {"sign", e.sign},
           {"dropped", e.dropped_why.empty() ? nlohmann::json() : nlohmann::json(e.dropped_why)}});
    std::printf("%s\n", out.dump(2).c_str());
    return kExitOk;
  }
  TextTable edges({"dyad", "index", "se", "events", "sign"});
  int dropped = 0;
  for (const DyadEdge& e : dyads) {
    if (e.sign == 0) {
      ++dropped;
      continue;
    }
    edges.AddRow({e.dyad.first + "-" + e.dyad.second, Num(e.index.value, 3), Num(e.index.se, 3),
                  std::to_string(e.index.events), e.sign > 0 ? "+" : "-"});
  }
  std::printf("signed network of %zu actors%s, %s .. %s, from %s, baseline %s, neutral ±%g\n",
              actors.size(), args.group.empty() ? "" : (" (group " + args.group + ")").c_str(),
              FormatDate(from).c_str(), FormatDate(to).c_str(),
              options.source.empty() ? "events" : options.source.c_str(), baseline.c_str(),
              args.neutral);
  std::printf("%s", edges.Render().c_str());
  std::printf("(%d of %zu dyads are not edges: too few events (< %lld), no value or neutral)\n\n",
              dropped, dyads.size(), static_cast<long long>(options.min_events));
  std::printf("nodes              %d\n", network.NodeCount());
  std::printf("edges              %d (%d positive, %d negative)\n", network.EdgeCount(),
              network.PositiveEdgeCount(), network.NegativeEdgeCount());
  std::printf("triangles          %lld (%lld balanced, fraction %s)\n",
              static_cast<long long>(census.triangles), static_cast<long long>(census.balanced),
              Num(census.FractionBalanced(), 4).c_str());
  std::printf("walk balance K     %s  (Estrada & Benzi 2014; 1 = balanced)\n",
              Num(walk, 6).c_str());
  if (f.exact) {
    std::printf("frustration index  %d  (exact)\n", f.upper_bound);
  } else {
    std::printf("frustration index  between %d and %d  (bound: time limit reached)\n",
                f.lower_bound, f.upper_bound);
  }
  for (std::size_t g = 0; g < 2; ++g)
    std::printf("group %zu (%3zu)      %s\n", g + 1, groups[g].size(),
                fmt::format("{}", fmt::join(groups[g], " ")).c_str());
  std::printf("frustrated edges   %s\n",
              frustrated.empty() ? "none" : fmt::format("{}", fmt::join(frustrated, ", ")).c_str());
  return kExitOk;
}

const CommandRegistration kNetwork(58, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<NetworkArgs>();
  CLI::App* cmd = app.add_subcommand(
      "network", "Signed network among many actors over a period, and its structural balance");
  cmd->add_option("--actors", args->actors, "Comma-separated CAMEO country codes");
  cmd->add_option("--group", args->group,
                  "A built-in group (ASEAN, BRICS, G7, G20, QUAD, GLOBAL_SOUTH, "
                  "ASIA_PACIFIC_REGIONAL): its members on any day of the period, plus --actors");
  cmd->add_option("--neutral", args->neutral, "Dyads with |index| <= X are not edges (index units)")
      ->capture_default_str();
  cmd->add_option("--time-limit", args->time_limit,
                  "Seconds for the exact frustration index; after that, bounds are reported")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  args->flags.AddTo(cmd);
  cmd->add_option("--format", args->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Each pair of actors gets one relation index over the whole period --from..--to (the\n"
      "baseline as in 'triad index'; own compares with the --freq periods of the year before).\n"
      "The edge sign is the index's sign; pairs with fewer than --min-events events, or inside\n"
      "the neutral band, are not edges. Then: the fraction of balanced triangles, the walk-\n"
      "based balance index and the exact frustration index with its two groups.\n\n"
      "Example:\n"
      "  triad network --group ASIA_PACIFIC_REGIONAL --actors CHN,USA,JPN --from 2025-05-15 "
      "--to 2025-06-14\n"
      "  triad network --actors CHN,USA,JPN,KOR,PRK,RUS,TWN --min-events 20");
  cmd->callback([args, &exit_code] { exit_code = RunNetwork(*args); });
});

}  // namespace
}  // namespace triad::cli
