// triad network: the signed network among many actors over one period, from their relation
// indices, and its structural balance (triangle census, walk index, exact frustration index).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "analysis/network_state.hpp"
#include "cli/command.hpp"
#include "cli/list_option.hpp"
#include "cli/relation_index_options.hpp"
#include "cli/triad_json.hpp"
#include "outputs/safe_text.hpp"
#include "outputs/table.hpp"

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

int RunNetwork(const NetworkArgs& args) {
  NetworkQuery query;
  query.index = args.flags.Resolve();
  if (!args.actors.empty()) query.actors = SplitList(args.actors);
  query.group = args.group;
  query.neutral = args.neutral;
  query.time_limit = args.time_limit;
  EventStore store(args.flags.series.store, /*create=*/false);
  const NetworkState s = BuildNetworkState(store, query);
  const RelationIndexOptions& options = query.index;
  const auto& network = s.network;
  const auto& census = s.census;
  const double walk = s.walk_index;
  const FrustrationResult& f = s.frustration;
  const auto& groups = s.groups;
  const auto& frustrated = s.frustrated;
  const auto& actors = s.actors;
  const auto& dyads = s.dyads;
  const std::string& baseline = s.baseline;
  const Day from = s.from, to = s.to;

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
        {"fraction_balanced", JsonNumber(census.FractionBalanced())},
        {"walk_balance_index", JsonNumber(walk)}};
    out["frustration"] = {{"status", f.exact ? "exact" : "bound"},
                          {"index", f.exact ? nlohmann::json(f.upper_bound) : nlohmann::json()},
                          {"lower_bound", f.lower_bound},
                          {"upper_bound", f.upper_bound},
                          {"groups", groups},
                          {"frustrated_edges", frustrated},
                          {"seconds", f.seconds}};
    out["dyads"] = nlohmann::json::array();
    for (const NetworkDyad& e : dyads)
      out["dyads"].push_back(
          {{"dyad", e.dyad.Label()},
           {"value", JsonNumber(e.index.value)},
           {"se", JsonNumber(e.index.se)},
           {"events", e.index.events},
           {"sign", e.sign},
           {"dropped", e.dropped_why.empty() ? nlohmann::json() : nlohmann::json(e.dropped_why)}});
    std::printf("%s\n", JsonText(out, 2).c_str());
    return kExitOk;
  }
  TextTable edges({"dyad", "index", "se", "events", "sign"});
  int dropped = 0;
  for (const NetworkDyad& e : dyads) {
    if (e.sign == 0) {
      ++dropped;
      continue;
    }
    edges.AddRow({e.dyad.Label(), Num(e.index.value, 3), Num(e.index.se, 3),
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
