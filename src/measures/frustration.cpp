#include "measures/frustration.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "common/error.hpp"
#include "measures/frustration_solver.hpp"

namespace triad {
namespace {

using Clock = std::chrono::steady_clock;

// Biconnected blocks as lists of edge indices (Tarjan's algorithm, iterative so that long paths
// cannot overflow the call stack). A bridge is a block of one edge.
std::vector<std::vector<int>> BiconnectedBlocks(const SignedNetwork& network) {
  const int n = network.NodeCount();
  std::vector<int> discovered(n, -1), low(n, 0);
  std::vector<std::vector<int>> blocks;
  std::vector<int> edge_stack;
  struct Frame {
    int node;
    std::size_t next;  // next neighbour to look at
    int parent_edge;
  };
  std::vector<Frame> stack;
  int clock = 0;
  for (int root = 0; root < n; ++root) {
    if (discovered[root] >= 0) continue;
    discovered[root] = low[root] = clock++;
    stack.push_back({root, 0, -1});
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const int u = frame.node;
      const auto& neighbours = network.Neighbours(u);
      if (frame.next < neighbours.size()) {
        const auto [w, e] = neighbours[frame.next++];
        if (e == frame.parent_edge) continue;
        if (discovered[w] < 0) {
          edge_stack.push_back(e);
          discovered[w] = low[w] = clock++;
          stack.push_back({w, 0, e});
        } else if (discovered[w] < discovered[u]) {  // back edge to an ancestor, pushed once
          edge_stack.push_back(e);
          low[u] = std::min(low[u], discovered[w]);
        }
        continue;
      }
      const int parent_edge = frame.parent_edge;
      stack.pop_back();
      if (stack.empty()) break;
      const int p = stack.back().node;
      low[p] = std::min(low[p], low[u]);
      if (low[u] >= discovered[p]) {  // p separates u's subtree: pop its block
        std::vector<int> block;
        while (true) {
          const int e = edge_stack.back();
          edge_stack.pop_back();
          block.push_back(e);
          if (e == parent_edge) break;
        }
        blocks.push_back(std::move(block));
      }
    }
  }
  return blocks;
}

// The block as a network of its own, with the map from its node indices to the network's.
SignedNetwork BlockNetwork(const SignedNetwork& network, const std::vector<int>& block,
                           std::vector<int>* local_to_global) {
  std::vector<int> local(network.NodeCount(), -1);
  local_to_global->clear();
  std::vector<std::string> names;
  std::vector<SignedEdge> edges;
  const auto local_of = [&](int u) {
    if (local[u] < 0) {
      local[u] = static_cast<int>(local_to_global->size());
      local_to_global->push_back(u);
      names.push_back(network.nodes()[u]);
    }
    return local[u];
  };
  for (int e : block) {
    const SignedEdge& edge = network.edges()[e];
    edges.push_back({local_of(edge.u), local_of(edge.v), edge.sign, edge.weight});
  }
  return SignedNetwork::FromEdges(std::move(names), std::move(edges));
}

struct PlacedBlock {
  std::vector<int> nodes;  // network node indices
  std::vector<int> group;  // the block's own split, same order as nodes
};

// Glues the blocks' splits into one split of the network. Blocks meet only at cut vertices and
// form a tree, so walking it breadth-first, each new block shares exactly one already-placed
// node; mirroring the block's split where that node disagrees keeps all its edges' states.
std::vector<int> GlueSplits(const SignedNetwork& network, const std::vector<PlacedBlock>& blocks) {
  const int n = network.NodeCount();
  std::vector<std::vector<int>> blocks_of(n);
  for (int b = 0; b < static_cast<int>(blocks.size()); ++b) {
    for (int u : blocks[b].nodes) blocks_of[u].push_back(b);
  }
  std::vector<int> group(n, -1);
  std::vector<char> queued(blocks.size(), 0);
  std::vector<int> queue;
  for (int start = 0; start < static_cast<int>(blocks.size()); ++start) {
    if (queued[start]) continue;
    queued[start] = 1;
    queue.assign(1, start);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const PlacedBlock& block = blocks[queue[head]];
      int flip = 0;
      for (std::size_t k = 0; k < block.nodes.size(); ++k) {
        if (group[block.nodes[k]] >= 0) {
          flip = group[block.nodes[k]] ^ block.group[k];
          break;
        }
      }
      for (std::size_t k = 0; k < block.nodes.size(); ++k) {
        const int u = block.nodes[k];
        group[u] = block.group[k] ^ flip;
        for (int next : blocks_of[u]) {
          if (!queued[next]) {
            queued[next] = 1;
            queue.push_back(next);
          }
        }
      }
    }
  }
  for (int& g : group) g = std::max(g, 0);  // isolated nodes
  if (n > 0 && group[0] == 1) {
    for (int& g : group) g ^= 1;  // documented: node 0 is in group 0
  }
  return group;
}

}  // namespace

std::vector<int> FrustratedEdges(const SignedNetwork& network, const std::vector<int>& group) {
  if (static_cast<int>(group.size()) != network.NodeCount()) {
    ThrowUsage(fmt::format("a split of {} nodes was given for a network of {} nodes", group.size(),
                           network.NodeCount()));
  }
  std::vector<int> frustrated;
  for (int e = 0; e < network.EdgeCount(); ++e) {
    const SignedEdge& edge = network.edges()[e];
    if ((edge.sign > 0) != (group[edge.u] == group[edge.v])) frustrated.push_back(e);
  }
  return frustrated;
}

FrustrationResult ComputeFrustrationIndex(const SignedNetwork& network,
                                          const FrustrationOptions& options) {
  if (!(options.time_limit_seconds > 0.0)) {
    ThrowUsage(
        fmt::format("the time limit must be > 0 seconds, got {}", options.time_limit_seconds));
  }
  const Clock::time_point start = Clock::now();
  const Clock::time_point deadline =
      start + std::chrono::duration_cast<Clock::duration>(
                  std::chrono::duration<double>(std::min(options.time_limit_seconds, 1e7)));
  FrustrationResult result;
  result.exact = true;
  std::vector<std::vector<int>> blocks = BiconnectedBlocks(network);
  // Small blocks first, so that a time limit leaves at most the largest ones unsolved.
  std::stable_sort(blocks.begin(), blocks.end(),
                   [](const auto& a, const auto& b) { return a.size() < b.size(); });
  std::vector<PlacedBlock> placed;
  for (const std::vector<int>& block : blocks) {
    PlacedBlock piece;
    const SignedNetwork sub = BlockNetwork(network, block, &piece.nodes);
    if (block.size() == 1) {  // a bridge: satisfy it
      piece.group = {0, sub.edges()[0].sign > 0 ? 0 : 1};
    } else {
      ++result.blocks_with_cycles;
      result.largest_block_edges = std::max(result.largest_block_edges, sub.EdgeCount());
      BlockSolution solution = SolveFrustration(sub, deadline);
      result.lower_bound += solution.lower_bound;
      result.exact = result.exact && solution.exact;
      piece.group = std::move(solution.group);
    }
    placed.push_back(std::move(piece));
  }
  result.group = GlueSplits(network, placed);
  result.frustrated_edges = FrustratedEdges(network, result.group);
  result.upper_bound = static_cast<int>(result.frustrated_edges.size());
  if (result.exact && result.upper_bound != result.lower_bound) {
    ThrowCompute(
        fmt::format("frustration blocks were solved exactly ({}) but the glued split "
                    "frustrates {} edges",
                    result.lower_bound, result.upper_bound));
  }
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return result;
}

}  // namespace triad
