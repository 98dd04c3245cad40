#pragma once
// The frustration index (Harary's line index of balance) of a signed network: the fewest edges
// whose removal (equivalently, whose sign change) leaves a balanced network, together with an
// optimal split of the nodes into two groups (positive edges inside groups, negative between;
// the frustrated edges are the ones that break this rule).
//
// How it is computed (exactly, when time allows):
//  1. The network is cut into biconnected blocks. Every cycle lies inside one block, so the index
//     is the sum of the blocks' indices, and the blocks' optimal splits can be glued together at
//     the cut vertices (flipping a block's two groups where needed). Bridges are never frustrated.
//  2. Each block with a cycle gets an upper bound from a multi-start local search and is then
//     solved by GLPK's branch and cut on the binary "AND" model of Aref, Mason & Wilson (2020),
//     "A modeling and computational study of the frustration index in signed networks",
//     Networks 75(1): node variables x_i in {0,1}, edge variables y_ij = x_i AND x_j, with one
//     node fixed (a split and its mirror image are the same split) and the valid inequality
//     "at least one frustrated edge" for every unbalanced triangle.
//  3. If the time limit runs out, the result is a lower and an upper bound, not the index.
#include <string>
#include <vector>

#include "measures/signed_network.hpp"

namespace triad {

struct FrustrationOptions {
  double time_limit_seconds = 60.0;  // wall-clock, for the whole network; > 0
};

struct FrustrationResult {
  bool exact = false;  // true when lower_bound == upper_bound was proved
  int lower_bound = 0;
  int upper_bound = 0;  // = the number of frustrated_edges of `group`
  // group[u] in {0, 1} for every node; group 0 holds node 0. Attains upper_bound.
  std::vector<int> group;
  std::vector<int> frustrated_edges;  // indices into network.edges()
  int blocks_with_cycles = 0;         // biconnected blocks that needed a solver
  int largest_block_edges = 0;
  double seconds = 0.0;  // wall-clock time taken
};

// Throws a usage error for a time limit <= 0 or NaN.
FrustrationResult ComputeFrustrationIndex(const SignedNetwork& network,
                                          const FrustrationOptions& options = {});

// Edges that violate the split `group` (size NodeCount(), values 0/1): positive edges between
// groups and negative edges inside one.
std::vector<int> FrustratedEdges(const SignedNetwork& network, const std::vector<int>& group);

}  // namespace triad
