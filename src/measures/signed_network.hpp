#pragma once
// An undirected signed network of any number of actors, and its triangle and walk balance.
//
// Edges carry a sign (+1 friendly, -1 hostile) and the weight they came from. Reading an edge
// list combines every row about the same unordered pair (both directions, repeated rows) by
// summing their weights (a `sign` column counts as weight +1/-1); the edge's sign is the sign of
// the sum, and a pair whose sum is 0 (e.g. A->B friendly and B->A hostile with equal weight) is
// dropped, as are rows of weight 0. Self-loops are rejected. Nodes are the actors that appear in
// at least one kept edge, in order of first appearance.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace triad {

struct SignedEdge {
  int u = 0;  // node indices, u < v
  int v = 0;
  int sign = 1;         // +1 or -1
  double weight = 1.0;  // the combined weight; sign == sign of weight
};

class SignedNetwork {
 public:
  // One row of an edge list: an ordered or unordered pair and a nonzero-or-zero weight.
  struct Link {
    std::string from;
    std::string to;
    double weight = 0.0;
  };
  // Combines links as described at the top of this file; a self-loop throws a usage error.
  static SignedNetwork FromLinks(const std::vector<Link>& links);
  // From node names and edges with u != v in range, at most one edge per pair (usage error
  // otherwise); used by tests and by code that already holds a combined network.
  static SignedNetwork FromEdges(std::vector<std::string> nodes, std::vector<SignedEdge> edges);

  int NodeCount() const { return static_cast<int>(nodes_.size()); }
  int EdgeCount() const { return static_cast<int>(edges_.size()); }
  const std::vector<std::string>& nodes() const { return nodes_; }
  const std::vector<SignedEdge>& edges() const { return edges_; }
  // Neighbours of node u as (neighbour, edge index), sorted by neighbour.
  const std::vector<std::pair<int, int>>& Neighbours(int u) const { return adjacency_[u]; }
  int PositiveEdgeCount() const;
  int NegativeEdgeCount() const { return EdgeCount() - PositiveEdgeCount(); }

 private:
  void BuildAdjacency();

  std::vector<std::string> nodes_;
  std::vector<SignedEdge> edges_;
  std::vector<std::vector<std::pair<int, int>>> adjacency_;
};

// Reads a comma-separated edge list with a header naming `from`, `to` and either `sign`
// (-1, 0, 1) or `weight` (any real number). When the header has a `window` column (as the
// Correlates-of-War file has), `window` selects the rows of that window and is required; without
// such a column, `window` must be unset. Input errors name file, line and field; an edge list
// that yields no edge (no rows, or every sign 0) is an input error too. The file is read with
// the project's CSV reader (reading/csv_table.hpp): fields may be quoted.
SignedNetwork ReadSignedEdgeList(const std::string& path,
                                 const std::optional<std::string>& window = std::nullopt);
// The distinct values of the `window` column in file order (empty if there is none).
std::vector<std::string> ListEdgeListWindows(const std::string& path);

// Calls visit(a, b, c) with the edge indices of every triangle of `network`, once per triangle:
// for each edge (u, v), the common neighbours w > v found by merging sorted neighbour lists.
template <typename Visit>
void ForEachTriangle(const SignedNetwork& network, Visit&& visit) {
  for (int e = 0; e < network.EdgeCount(); ++e) {
    const SignedEdge& edge = network.edges()[e];
    const auto& nu = network.Neighbours(edge.u);
    const auto& nv = network.Neighbours(edge.v);
    auto above_v = [&](const std::vector<std::pair<int, int>>& list) {
      return std::partition_point(list.begin(), list.end(),
                                  [&](const std::pair<int, int>& p) { return p.first <= edge.v; });
    };
    auto a = above_v(nu);
    auto b = above_v(nv);
    while (a != nu.end() && b != nv.end()) {
      if (a->first < b->first) {
        ++a;
      } else if (b->first < a->first) {
        ++b;
      } else {
        visit(e, a->second, b->second);
        ++a;
        ++b;
      }
    }
  }
}

struct TriangleCensus {
  std::int64_t triangles = 0;
  std::int64_t balanced = 0;  // product of the three signs is positive
  // balanced / triangles; NaN when there is no triangle.
  double FractionBalanced() const;
};
TriangleCensus CountTriangles(const SignedNetwork& network);

// Estrada & Benzi (2014), "Walk-based measure of balance in signed networks", Phys. Rev. E 90:
// K = tr exp(A) / tr exp(|A|), A the signed adjacency matrix (entries +1/-1, weights ignored),
// |A| its entrywise absolute value. K is in (0, 1], and 1 exactly when the network is balanced.
// Computed from the eigenvalues of the two symmetric matrices, both shifted by the largest
// eigenvalue of |A| (which bounds those of A) so that exp cannot overflow. NaN with no node.
double WalkBalanceIndex(const SignedNetwork& network);

}  // namespace triad
