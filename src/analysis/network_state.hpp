#pragma once
// The signed network among many actors over one period: one relation index per pair over the
// whole period (series/relation_index.hpp RelationIndexOverRange), its sign as the edge, and the
// network's structural balance (triangle census, walk index, exact frustration index).
#include <array>
#include <string>
#include <vector>

#include "measures/frustration.hpp"
#include "measures/signed_network.hpp"
#include "series/relation_index.hpp"

namespace triad {

struct NetworkQuery {
  std::vector<std::string> actors;  // country codes (checked)
  std::string group;                // a codebook group: its members on any day of the period
  double neutral = 0.0;             // |index| <= neutral is not an edge
  double time_limit = 60.0;         // seconds for the exact frustration index
  RelationIndexOptions index;       // baseline, min_events, source; from/to (default: the data)
};

struct NetworkDyad {
  Dyad dyad;
  RangeIndex index;
  int sign = 0;             // +1, -1; 0 = not an edge
  std::string dropped_why;  // why it is not an edge: "too few events", "no value", "neutral"
};

struct NetworkState {
  std::vector<std::string> actors;  // the group's members and the listed actors, in order
  Day from = 0, to = 0;
  std::string baseline;
  std::vector<NetworkDyad> dyads;  // every pair
  SignedNetwork network;
  TriangleCensus census;
  double walk_index = 0;
  FrustrationResult frustration;
  std::array<std::vector<std::string>, 2> groups;  // the optimal two-group partition
  std::vector<std::string> frustrated;             // "CHN-JPN (+)"
};

// Usage errors: an unknown group or actor, fewer than two actors, a period outside the data.
NetworkState BuildNetworkState(EventStore& store, const NetworkQuery& query);

}  // namespace triad
