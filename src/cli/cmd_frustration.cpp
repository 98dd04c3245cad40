// `triad frustration`: structural balance of a signed network read from an edge list: triangle
// census, Estrada–Benzi walk index, and the exact frustration index with its two groups.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/command.hpp"
#include "common/error.hpp"
#include "measures/frustration.hpp"
#include "measures/signed_network.hpp"
#include "outputs/safe_text.hpp"

namespace triad::cli {
namespace {

struct FrustrationArgs {
  std::string edges;
  std::string window;
  double time_limit = 60.0;
  std::string format = "table";
};

struct BalanceReport {
  SignedNetwork network;
  TriangleCensus triangles;
  double walk_index = 0.0;
  FrustrationResult frustration;
};

std::vector<std::string> GroupMembers(const BalanceReport& r, int which) {
  std::vector<std::string> members;
  for (int u = 0; u < r.network.NodeCount(); ++u) {
    if (r.frustration.group[u] == which) members.push_back(r.network.nodes()[u]);
  }
  return members;
}

std::string EdgeLabel(const SignedNetwork& network, int e) {
  const SignedEdge& edge = network.edges()[e];
  return fmt::format("{}–{} ({})", network.nodes()[edge.u], network.nodes()[edge.v],
                     edge.sign > 0 ? "+" : "-");
}

// Aref & Wilson's normalised balance 1 - L / (m / 2): 1 when balanced; m/2 is the most the
// index can be, since a split or its mirror frustrates at most half the edges.
double NormalisedBalance(int index, int edges) {
  return edges == 0 ? 1.0 : 1.0 - 2.0 * index / edges;
}

nlohmann::json ToJson(const FrustrationArgs& args, const BalanceReport& r) {
  const FrustrationResult& f = r.frustration;
  nlohmann::json j;
  j["edges_file"] = args.edges;
  j["window"] = args.window.empty() ? nlohmann::json(nullptr) : nlohmann::json(args.window);
  j["nodes"] = r.network.NodeCount();
  j["edges"] = r.network.EdgeCount();
  j["positive_edges"] = r.network.PositiveEdgeCount();
  j["negative_edges"] = r.network.NegativeEdgeCount();
  j["triangles"] = r.triangles.triangles;
  j["balanced_triangles"] = r.triangles.balanced;
  const double fraction = r.triangles.FractionBalanced();
  j["fraction_balanced"] =
      std::isnan(fraction) ? nlohmann::json(nullptr) : nlohmann::json(fraction);
  j["walk_balance_index"] =
      std::isnan(r.walk_index) ? nlohmann::json(nullptr) : nlohmann::json(r.walk_index);
  j["frustration"] = {
      {"status", f.exact ? "exact" : "bound"},
      {"index", f.exact ? nlohmann::json(f.upper_bound) : nlohmann::json(nullptr)},
      {"lower_bound", f.lower_bound},
      {"upper_bound", f.upper_bound},
      {"normalised_balance", NormalisedBalance(f.upper_bound, r.network.EdgeCount())},
      {"groups", {GroupMembers(r, 0), GroupMembers(r, 1)}},
      {"frustrated_edges", nlohmann::json::array()},
      {"blocks_with_cycles", f.blocks_with_cycles},
      {"largest_block_edges", f.largest_block_edges},
      {"seconds", f.seconds},
  };
  for (int e : f.frustrated_edges) {
    const SignedEdge& edge = r.network.edges()[e];
    j["frustration"]["frustrated_edges"].push_back({{"from", r.network.nodes()[edge.u]},
                                                    {"to", r.network.nodes()[edge.v]},
                                                    {"sign", edge.sign}});
  }
  return j;
}

void PrintTable(const FrustrationArgs& args, const BalanceReport& r) {
  const FrustrationResult& f = r.frustration;
  fmt::print("edges file         {}{}\n", args.edges,
             args.window.empty() ? "" : fmt::format(" (window {})", args.window));
  fmt::print("nodes              {}\n", r.network.NodeCount());
  fmt::print("edges              {} ({} positive, {} negative)\n", r.network.EdgeCount(),
             r.network.PositiveEdgeCount(), r.network.NegativeEdgeCount());
  fmt::print("triangles          {} ({} balanced, fraction {})\n", r.triangles.triangles,
             r.triangles.balanced,
             r.triangles.triangles == 0 ? "undefined: no triangle"
                                        : fmt::format("{:.4f}", r.triangles.FractionBalanced()));
  fmt::print("walk balance K     {:.6f}  (Estrada & Benzi 2014; 1 = balanced)\n", r.walk_index);
  if (f.exact) {
    fmt::print("frustration index  {}  (exact)\n", f.upper_bound);
  } else {
    fmt::print("frustration index  between {} and {}  (bound: time limit reached, not proved)\n",
               f.lower_bound, f.upper_bound);
  }
  fmt::print("normalised balance {:.4f}  (1 - 2 L / m; 1 = balanced)\n",
             NormalisedBalance(f.upper_bound, r.network.EdgeCount()));
  for (int g = 0; g < 2; ++g) {
    const std::vector<std::string> members = GroupMembers(r, g);
    fmt::print("group {} ({:>3})      {}\n", g + 1, members.size(), fmt::join(members, " "));
  }
  std::vector<std::string> frustrated;
  for (int e : f.frustrated_edges) frustrated.push_back(EdgeLabel(r.network, e));
  fmt::print("frustrated edges   {}\n",
             frustrated.empty() ? "none" : fmt::format("{}", fmt::join(frustrated, ", ")));
  fmt::print("time               {:.3f} s ({} blocks with cycles, largest {} edges)\n", f.seconds,
             f.blocks_with_cycles, f.largest_block_edges);
}

int Run(const FrustrationArgs& args) {
  if (args.format != "table" && args.format != "json") {
    ThrowUsage(fmt::format("--format must be table or json, got `{}`", args.format));
  }
  const std::optional<std::string> window =
      args.window.empty() ? std::nullopt : std::optional<std::string>(args.window);
  BalanceReport report{ReadSignedEdgeList(args.edges, window), {}, 0.0, {}};
  report.triangles = CountTriangles(report.network);
  report.walk_index = WalkBalanceIndex(report.network);
  report.frustration = ComputeFrustrationIndex(report.network, FrustrationOptions{args.time_limit});
  if (args.format == "json") {
    std::cout << JsonText(ToJson(args, report), 2) << "\n";
  } else {
    PrintTable(args, report);
  }
  return kExitOk;
}

const CommandRegistration kRegistration(60, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<FrustrationArgs>();
  CLI::App* cmd = app.add_subcommand(
      "frustration", "Structural balance of a signed network: triangles, walk index, frustration");
  cmd->add_option("--edges", args->edges,
                  "CSV edge list with header from,to,sign (-1/0/1) or from,to,weight; rows about "
                  "the same pair (either direction) are summed, 0 dropped")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--window", args->window,
                  "when the file has a `window` column (e.g. the Correlates-of-War file), the "
                  "window to analyse");
  cmd->add_option("--time-limit", args->time_limit,
                  "seconds for the exact frustration index; after that, bounds are reported")
      ->default_val(60.0)
      ->check(CLI::PositiveNumber);
  cmd->add_option("--format", args->format, "table or json")->default_val("table");
  cmd->footer(
      "The frustration index is the fewest edges whose removal leaves a balanced network;\n"
      "it is exact unless the time limit is reached (then: lower and upper bound).\n"
      "Example:\n"
      "  triad frustration --edges tribes_edges.csv\n"
      "  triad frustration --edges cow_signed_networks_edges.csv --window 90-93 --format json");
  cmd->callback([args, &exit_code] { exit_code = Run(*args); });
});

}  // namespace
}  // namespace triad::cli
