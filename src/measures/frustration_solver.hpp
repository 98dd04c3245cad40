#pragma once
// The frustration index of one connected signed network (in practice one biconnected block):
// a local-search upper bound, then an exact integer program solved by GLPK. See frustration.hpp
// for the model and its origin; this file is the part that talks to the solver.
#include <chrono>
#include <vector>

#include "measures/signed_network.hpp"

namespace triad {

struct BlockSolution {
  bool exact = false;
  int lower_bound = 0;
  int upper_bound = 0;
  std::vector<int> group;  // 0/1 per node of the block network, attains upper_bound
};

// Multi-start local search (node flips until no flip helps). Deterministic: the same network
// gives the same split. Returns a split of `network`.
std::vector<int> LocalSearchSplit(const SignedNetwork& network, int starts);

// A lower bound from a greedy packing of edge-disjoint unbalanced triangles: each needs at least
// one frustrated edge of its own.
int TrianglePackingLowerBound(const SignedNetwork& network);

// Solves `network` exactly unless `deadline` passes first; then the bounds found so far.
BlockSolution SolveFrustration(const SignedNetwork& network,
                               std::chrono::steady_clock::time_point deadline);

}  // namespace triad
