#include "measures/signed_network.hpp"

#include <fmt/format.h>

#include <Eigen/Dense>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <string_view>
#include <unordered_map>

#include "common/error.hpp"
#include "reading/csv_table.hpp"

namespace triad {
namespace {

struct EdgeListColumns {
  int from = -1;
  int to = -1;
  int value = -1;  // sign or weight
  bool is_sign = false;
  int window = -1;
};

EdgeListColumns FindColumns(const CsvTable& table) {
  const std::vector<std::string>& header = table.header();
  const std::string& path = table.path();
  EdgeListColumns c;
  for (int i = 0; i < static_cast<int>(header.size()); ++i) {
    const std::string& name = header[i];
    if (name == "from") c.from = i;
    if (name == "to") c.to = i;
    if (name == "window") c.window = i;
    if (name == "sign" || name == "weight") {
      if (c.value >= 0)
        ThrowInput({path, table.header_line(), name}, "both `sign` and `weight` columns; keep one");
      c.value = i;
      c.is_sign = name == "sign";
    }
  }
  if (c.from < 0 || c.to < 0 || c.value < 0) {
    ThrowInput({path, table.header_line(), ""},
               "the header must name columns from,to and sign or weight (e.g. `from,to,sign`)");
  }
  return c;
}

double ParseNumber(const std::string& text, const Location& where) {
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) {
    ThrowInput(where, fmt::format("`{}` is not a finite number", text));
  }
  return value;
}

}  // namespace

SignedNetwork SignedNetwork::FromLinks(const std::vector<Link>& links) {
  std::vector<std::string> nodes;
  std::unordered_map<std::string, int> index;
  std::map<std::pair<int, int>, double> sums;  // ordered: reproducible edge order
  std::vector<std::pair<int, int>> first_seen;
  auto node_of = [&](const std::string& name) {
    auto [it, inserted] = index.emplace(name, static_cast<int>(nodes.size()));
    if (inserted) nodes.push_back(name);
    return it->second;
  };
  for (const Link& link : links) {
    if (link.from == link.to) {
      ThrowUsage(fmt::format("self-loop {}–{} in a signed network", link.from, link.to));
    }
    if (link.weight == 0.0) continue;
    const int a = node_of(link.from);
    const int b = node_of(link.to);
    const std::pair<int, int> key{std::min(a, b), std::max(a, b)};
    auto [it, inserted] = sums.emplace(key, 0.0);
    if (inserted) first_seen.push_back(key);
    it->second += link.weight;
  }
  std::vector<SignedEdge> edges;
  std::vector<char> used(nodes.size(), 0);
  for (const auto& key : first_seen) {
    const double w = sums[key];
    if (w == 0.0) continue;  // opposite links cancel: the pair is neither friend nor foe
    edges.push_back({key.first, key.second, w > 0 ? 1 : -1, w});
    used[key.first] = used[key.second] = 1;
  }
  // Drop nodes whose only links cancelled, renumbering the rest in first-appearance order.
  std::vector<int> renumber(nodes.size(), -1);
  std::vector<std::string> kept;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (used[i]) {
      renumber[i] = static_cast<int>(kept.size());
      kept.push_back(nodes[i]);
    }
  }
  for (SignedEdge& e : edges) {
    const int u = renumber[e.u], v = renumber[e.v];
    e.u = std::min(u, v);
    e.v = std::max(u, v);
  }
  return FromEdges(std::move(kept), std::move(edges));
}

SignedNetwork SignedNetwork::FromEdges(std::vector<std::string> nodes,
                                       std::vector<SignedEdge> edges) {
  SignedNetwork network;
  const int n = static_cast<int>(nodes.size());
  for (SignedEdge& e : edges) {
    if (e.u == e.v || e.u < 0 || e.v < 0 || e.u >= n || e.v >= n) {
      ThrowUsage(fmt::format("edge {}–{} is a self-loop or names no node of {}", e.u, e.v, n));
    }
    if (e.sign != 1 && e.sign != -1) ThrowUsage(fmt::format("edge sign {} is not +1/-1", e.sign));
    if (e.u > e.v) std::swap(e.u, e.v);
  }
  network.nodes_ = std::move(nodes);
  network.edges_ = std::move(edges);
  network.BuildAdjacency();
  return network;
}

void SignedNetwork::BuildAdjacency() {
  adjacency_.assign(nodes_.size(), {});
  for (int i = 0; i < EdgeCount(); ++i) {
    adjacency_[edges_[i].u].emplace_back(edges_[i].v, i);
    adjacency_[edges_[i].v].emplace_back(edges_[i].u, i);
  }
  for (int u = 0; u < NodeCount(); ++u) {
    auto& list = adjacency_[u];
    std::sort(list.begin(), list.end());
    for (std::size_t k = 1; k < list.size(); ++k) {
      if (list[k].first == list[k - 1].first) {
        ThrowUsage(fmt::format("two edges between {} and {}", nodes_[u], nodes_[list[k].first]));
      }
    }
  }
}

int SignedNetwork::PositiveEdgeCount() const {
  return static_cast<int>(
      std::count_if(edges_.begin(), edges_.end(), [](const SignedEdge& e) { return e.sign > 0; }));
}

SignedNetwork ReadSignedEdgeList(const std::string& path,
                                 const std::optional<std::string>& window) {
  const CsvTable table = CsvTable::Read(path);
  const std::vector<std::string>& header = table.header();
  const EdgeListColumns col = FindColumns(table);
  if (col.window >= 0 && !window) {
    const std::vector<std::string> windows = ListEdgeListWindows(path);
    ThrowUsage(
        fmt::format("{} has a `window` column: choose one of its {} windows with --window "
                    "(first `{}`, last `{}`)",
                    path, windows.size(), windows.empty() ? "" : windows.front(),
                    windows.empty() ? "" : windows.back()));
  }
  if (col.window < 0 && window) {
    ThrowUsage(
        fmt::format("{} has no `window` column, but window `{}` was asked for", path, *window));
  }
  std::vector<SignedNetwork::Link> links;
  bool window_seen = false;
  for (const CsvRow& row : table.rows()) {
    const std::vector<std::string>& fields = row.fields;
    const std::int64_t line_number = row.line;
    if (col.window >= 0) {
      if (fields[col.window] != *window) continue;
      window_seen = true;
    }
    const std::string& value_name = header[col.value];
    const double value = ParseNumber(fields[col.value], {path, line_number, value_name});
    if (col.is_sign && value != -1.0 && value != 0.0 && value != 1.0) {
      ThrowInput({path, line_number, "sign"},
                 fmt::format("sign must be -1, 0 or 1, got `{}`", fields[col.value]));
    }
    if (fields[col.from].empty() || fields[col.to].empty()) {
      ThrowInput({path, line_number, fields[col.from].empty() ? "from" : "to"}, "empty actor name");
    }
    if (fields[col.from] == fields[col.to]) {
      ThrowInput(
          {path, line_number, "to"},
          fmt::format("self-loop on `{}`: an actor has no sign towards itself", fields[col.from]));
    }
    links.push_back({fields[col.from], fields[col.to], value});
  }
  if (col.window >= 0 && !window_seen) {
    ThrowUsage(fmt::format("{} has no rows for window `{}`", path, *window));
  }
  SignedNetwork network = SignedNetwork::FromLinks(links);
  if (network.EdgeCount() == 0) {
    // Nothing to measure: balance indices of an empty network are 0/0.
    ThrowInput(
        {path, 0, ""},
        links.empty()
            ? fmt::format("no edges: the edge list has a header but no data rows; add one row per "
                          "pair, e.g. `A,B,{}`",
                          col.is_sign ? "-1" : "-2.5")
            : fmt::format("no edges: all {} rows{} have {} 0 or cancel out (rows about the "
                          "same pair are summed); a signed network needs at least one "
                          "edge that is not 0",
                          links.size(), window ? fmt::format(" of window `{}`", *window) : "",
                          col.is_sign ? "sign" : "weight"));
  }
  return network;
}

std::vector<std::string> ListEdgeListWindows(const std::string& path) {
  const CsvTable table = CsvTable::Read(path);
  const EdgeListColumns col = FindColumns(table);
  std::vector<std::string> windows;
  if (col.window < 0) return windows;
  for (const CsvRow& row : table.rows()) {
    const std::string& name = row.fields[col.window];
    if (std::find(windows.begin(), windows.end(), name) == windows.end()) windows.push_back(name);
  }
  return windows;
}

double TriangleCensus::FractionBalanced() const {
  if (triangles == 0) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(balanced) / static_cast<double>(triangles);
}

TriangleCensus CountTriangles(const SignedNetwork& network) {
  TriangleCensus census;
  const auto& edges = network.edges();
  ForEachTriangle(network, [&](int a, int b, int c) {
    ++census.triangles;
    if (edges[a].sign * edges[b].sign * edges[c].sign > 0) ++census.balanced;
  });
  return census;
}

double WalkBalanceIndex(const SignedNetwork& network) {
  const int n = network.NodeCount();
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();
  Eigen::MatrixXd signed_adjacency = Eigen::MatrixXd::Zero(n, n);
  Eigen::MatrixXd unsigned_adjacency = Eigen::MatrixXd::Zero(n, n);
  for (const SignedEdge& e : network.edges()) {
    signed_adjacency(e.u, e.v) = signed_adjacency(e.v, e.u) = e.sign;
    unsigned_adjacency(e.u, e.v) = unsigned_adjacency(e.v, e.u) = 1.0;
  }
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> signed_solver(signed_adjacency,
                                                               Eigen::EigenvaluesOnly);
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> unsigned_solver(unsigned_adjacency,
                                                                 Eigen::EigenvaluesOnly);
  if (signed_solver.info() != Eigen::Success || unsigned_solver.info() != Eigen::Success) {
    ThrowCompute("eigenvalues of the adjacency matrix did not converge");
  }
  const Eigen::VectorXd lambda = signed_solver.eigenvalues();
  const Eigen::VectorXd mu = unsigned_solver.eigenvalues();
  const double shift = mu.maxCoeff();  // Perron root of |A| >= every eigenvalue of A
  const double numerator = (lambda.array() - shift).exp().sum();
  const double denominator = (mu.array() - shift).exp().sum();
  return numerator / denominator;
}

}  // namespace triad
