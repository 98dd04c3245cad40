#include "measures/frustration_solver.hpp"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>
#include <random>

#include "common/error.hpp"

namespace triad {
namespace {

using Clock = std::chrono::steady_clock;

bool Frustrated(const SignedEdge& e, const std::vector<int>& group) {
  return (e.sign > 0) != (group[e.u] == group[e.v]);
}

int CountFrustrated(const SignedNetwork& network, const std::vector<int>& group) {
  int count = 0;
  for (const SignedEdge& e : network.edges()) count += Frustrated(e, group);
  return count;
}

// Flips single nodes while a flip lowers the number of frustrated edges. Flipping u toggles the
// state of each edge at u, so the gain is (frustrated at u) - (satisfied at u).
void ImproveByFlips(const SignedNetwork& network, std::vector<int>& group) {
  const auto& edges = network.edges();
  bool improved = true;
  while (improved) {
    improved = false;
    for (int u = 0; u < network.NodeCount(); ++u) {
      int gain = 0;
      for (const auto& [w, e] : network.Neighbours(u)) gain += Frustrated(edges[e], group) ? 1 : -1;
      if (gain > 0) {
        group[u] ^= 1;
        improved = true;
      }
    }
  }
}

// A split that satisfies every edge of a random spanning tree (BFS from a random root with
// shuffled neighbour order); a good start because it is balanced on n - 1 edges.
std::vector<int> SpanningTreeSplit(const SignedNetwork& network, std::mt19937& rng) {
  const int n = network.NodeCount();
  std::vector<int> group(n, -1);
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<int> queue;
  for (int root : order) {
    if (group[root] >= 0) continue;
    group[root] = 0;
    queue.assign(1, root);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const int u = queue[head];
      auto neighbours = network.Neighbours(u);
      std::shuffle(neighbours.begin(), neighbours.end(), rng);
      for (const auto& [w, e] : neighbours) {
        if (group[w] >= 0) continue;
        group[w] = network.edges()[e].sign > 0 ? group[u] : 1 - group[u];
        queue.push_back(w);
      }
    }
  }
  return group;
}

// ---- GLPK branch and cut on the AND model.

struct GlpkProblemDeleter {
  void operator()(glp_prob* p) const { glp_delete_prob(p); }
};

struct SearchState {
  std::vector<double> incumbent;  // 1-based column values of the local-search split
  bool incumbent_given = false;
  double global_bound = -std::numeric_limits<double>::infinity();
};

// Hands GLPK the local-search split once, and records the best bound of the open subproblems
// (a valid lower bound on the index at every moment of the search).
void OnSearchEvent(glp_tree* tree, void* info) {
  auto* state = static_cast<SearchState*>(info);
  if (glp_ios_reason(tree) == GLP_IHEUR && !state->incumbent_given) {
    glp_ios_heur_sol(tree, state->incumbent.data());
    state->incumbent_given = true;
  }
  const int best = glp_ios_best_node(tree);
  if (best != 0)
    state->global_bound = std::max(state->global_bound, glp_ios_node_bound(tree, best));
}

int MillisecondsLeft(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return static_cast<int>(std::clamp<std::int64_t>(left.count(), 0, INT32_MAX));
}

// Columns: x_1..x_n (node in group 1), then y_e = x_u AND x_v per edge, all binary (binary y
// lets GLPK see that the objective is integral and prune with it). The objective counts
// frustrated edges: positive edge x_u + x_v - 2 y_e, negative edge 1 - x_u - x_v + 2 y_e.
std::unique_ptr<glp_prob, GlpkProblemDeleter> BuildAndModel(const SignedNetwork& network,
                                                            int fixed_node) {
  std::unique_ptr<glp_prob, GlpkProblemDeleter> lp(glp_create_prob());
  glp_prob* p = lp.get();
  const int n = network.NodeCount();
  const int m = network.EdgeCount();
  glp_set_obj_dir(p, GLP_MIN);
  glp_add_cols(p, n + m);
  for (int j = 1; j <= n + m; ++j) glp_set_col_kind(p, j, GLP_BV);
  glp_set_col_bnds(p, fixed_node + 1, GLP_FX, 0.0, 0.0);
  const auto x = [](int node) { return node + 1; };
  const auto y = [n](int edge) { return n + 1 + edge; };
  std::vector<double> cost(n + m + 1, 0.0);
  double constant = 0.0;
  std::vector<int> index(8);  // GLPK rows are 1-based: slot 0 is unused
  std::vector<double> value(8);
  const auto add_row = [&](std::initializer_list<std::pair<int, double>> terms, int type, double lo,
                           double hi) {
    const int row = glp_add_rows(p, 1);
    int k = 0;
    for (const auto& [col, coef] : terms) {
      index[++k] = col;
      value[k] = coef;
    }
    glp_set_mat_row(p, row, k, index.data(), value.data());
    glp_set_row_bnds(p, row, type, lo, hi);
  };
  const auto& edges = network.edges();
  for (int e = 0; e < m; ++e) {
    const SignedEdge& edge = edges[e];
    const double s = edge.sign;
    cost[x(edge.u)] += s;
    cost[x(edge.v)] += s;
    cost[y(e)] -= 2.0 * s;
    if (edge.sign > 0) {  // the objective pushes y up: cap it by both ends
      add_row({{y(e), 1.0}, {x(edge.u), -1.0}}, GLP_UP, 0.0, 0.0);
      add_row({{y(e), 1.0}, {x(edge.v), -1.0}}, GLP_UP, 0.0, 0.0);
    } else {  // the objective pushes y down: y >= x_u + x_v - 1
      constant += 1.0;
      add_row({{y(e), 1.0}, {x(edge.u), -1.0}, {x(edge.v), -1.0}}, GLP_LO, -1.0, 0.0);
    }
  }
  for (int j = 1; j <= n + m; ++j) glp_set_obj_coef(p, j, cost[j]);
  glp_set_obj_coef(p, 0, constant);
  // Unbalanced triangle (a, b, c): f_a + f_b + f_c >= 1 with f the edge's frustration term.
  ForEachTriangle(network, [&](int a, int b, int c) {
    if (edges[a].sign * edges[b].sign * edges[c].sign > 0) return;
    std::vector<int> cols{0};  // the triangle's 3 node and 3 edge columns, 1-based
    std::vector<double> vals{0.0};
    const auto add = [&](int col, double coef) {
      for (std::size_t k = 1; k < cols.size(); ++k) {
        if (cols[k] == col) {
          vals[k] += coef;
          return;
        }
      }
      cols.push_back(col);
      vals.push_back(coef);
    };
    double rhs = 1.0;
    for (int e : {a, b, c}) {
      const double s = edges[e].sign;
      add(x(edges[e].u), s);
      add(x(edges[e].v), s);
      add(y(e), -2.0 * s);
      if (edges[e].sign < 0) rhs -= 1.0;
    }
    for (std::size_t k = cols.size() - 1; k >= 1; --k) {  // x terms of opposite signs cancel
      if (vals[k] == 0.0) {
        cols.erase(cols.begin() + k);
        vals.erase(vals.begin() + k);
      }
    }
    const int row = glp_add_rows(p, 1);
    glp_set_mat_row(p, row, static_cast<int>(cols.size()) - 1, cols.data(), vals.data());
    glp_set_row_bnds(p, row, GLP_LO, rhs, 0.0);
  });
  return lp;
}

}  // namespace

std::vector<int> LocalSearchSplit(const SignedNetwork& network, int starts) {
  std::mt19937 rng(20240229u);  // fixed seed: reproducible splits
  std::vector<int> best(network.NodeCount(), 0);
  ImproveByFlips(network, best);
  int best_count = CountFrustrated(network, best);
  for (int s = 0; s < starts && best_count > 0; ++s) {
    std::vector<int> group = SpanningTreeSplit(network, rng);
    ImproveByFlips(network, group);
    const int count = CountFrustrated(network, group);
    if (count < best_count) {
      best = std::move(group);
      best_count = count;
    }
  }
  return best;
}

int TrianglePackingLowerBound(const SignedNetwork& network) {
  std::vector<char> used(network.EdgeCount(), 0);
  const auto& edges = network.edges();
  int packed = 0;
  ForEachTriangle(network, [&](int a, int b, int c) {
    if (edges[a].sign * edges[b].sign * edges[c].sign > 0) return;
    if (used[a] || used[b] || used[c]) return;
    used[a] = used[b] = used[c] = 1;
    ++packed;
  });
  return packed;
}

BlockSolution SolveFrustration(const SignedNetwork& network, Clock::time_point deadline) {
  BlockSolution out;
  const int n = network.NodeCount();
  out.group = LocalSearchSplit(network, std::clamp(4 * n, 32, 400));
  out.upper_bound = CountFrustrated(network, out.group);
  out.lower_bound = std::min(out.upper_bound, TrianglePackingLowerBound(network));
  if (out.lower_bound == out.upper_bound) {
    out.exact = true;
    return out;
  }
  // Fix the best-connected node in group 0: the mirror image of a split is the same split.
  int fixed = 0;
  for (int u = 1; u < n; ++u) {
    if (network.Neighbours(u).size() > network.Neighbours(fixed).size()) fixed = u;
  }
  if (out.group[fixed] != 0) {
    for (int& g : out.group) g ^= 1;
  }
  glp_term_out(GLP_OFF);
  auto lp = BuildAndModel(network, fixed);
  SearchState state;
  state.incumbent.assign(n + network.EdgeCount() + 1, 0.0);
  for (int u = 0; u < n; ++u) state.incumbent[u + 1] = out.group[u];
  for (int e = 0; e < network.EdgeCount(); ++e) {
    const SignedEdge& edge = network.edges()[e];
    state.incumbent[n + 1 + e] = out.group[edge.u] && out.group[edge.v];
  }

  glp_smcp simplex;
  glp_init_smcp(&simplex);
  simplex.msg_lev = GLP_MSG_OFF;
  simplex.tm_lim = MillisecondsLeft(deadline);
  if (simplex.tm_lim == 0 || glp_simplex(lp.get(), &simplex) != 0 ||
      glp_get_status(lp.get()) != GLP_OPT) {
    return out;  // no time for even the relaxation: keep the combinatorial bounds
  }
  out.lower_bound = std::max(
      out.lower_bound,
      std::min(out.upper_bound, static_cast<int>(std::ceil(glp_get_obj_val(lp.get()) - 1e-6))));
  if (out.lower_bound == out.upper_bound) {
    out.exact = true;
    return out;
  }

  glp_iocp search;
  glp_init_iocp(&search);
  search.msg_lev = GLP_MSG_OFF;
  search.presolve = GLP_OFF;  // keeps the column layout the callback's incumbent relies on
  search.br_tech = GLP_BR_PCH;
  search.bt_tech = GLP_BT_BLB;
  search.gmi_cuts = GLP_ON;
  search.mir_cuts = GLP_ON;
  search.clq_cuts = GLP_ON;
  search.cb_func = OnSearchEvent;
  search.cb_info = &state;
  search.tm_lim = MillisecondsLeft(deadline);
  if (search.tm_lim == 0) return out;
  const int code = glp_intopt(lp.get(), &search);
  const int status = glp_mip_status(lp.get());
  if (status == GLP_OPT || status == GLP_FEAS) {
    std::vector<int> group(n);
    for (int u = 0; u < n; ++u) group[u] = glp_mip_col_val(lp.get(), u + 1) > 0.5;
    const int count = CountFrustrated(network, group);
    if (count <= out.upper_bound) {
      out.group = std::move(group);
      out.upper_bound = count;
    }
  }
  if (code == 0 && status == GLP_OPT) {
    out.lower_bound = out.upper_bound;
    out.exact = true;
    return out;
  }
  if (std::isfinite(state.global_bound)) {
    const int bound = static_cast<int>(std::ceil(state.global_bound - 1e-6));
    out.lower_bound = std::max(out.lower_bound, std::min(bound, out.upper_bound));
  }
  out.exact = out.lower_bound == out.upper_bound;
  return out;
}

}  // namespace triad
