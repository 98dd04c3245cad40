#pragma once
// The driver series the essay names, built from the store for a triad of actors:
//   ECON_A_B      economic channel of each dyad ("ballast"): weighted mean Goldstein of the
//                 dyad's economic-channel events (trade, aid, sanctions), both directions
//   REGIONAL      regional integration: weighted mean Goldstein of events among the members of
//                 a regional group (default ASIA_PACIFIC_REGIONAL: ASEAN with Korea, Australia and
//                 India), membership checked on each event's day, the triad's own dyads excluded
//   GLOBAL_SOUTH  the triad members' relations with the Global South group (default
//                 GLOBAL_SOUTH, the G77 list): weighted mean Goldstein of events between a triad
//                 member and a member of the group, both directions
//   SECURITY      security pressure: the share of the triad's dyadic events (0..1, weighted) that
//                 are security-channel conflict (QuadClass 3 or 4): posture, threats, force
// All are per period; a period with fewer than `min_events` events is NaN.
#include <array>
#include <string>
#include <vector>

#include "codebook/groups.hpp"
#include "series/driver_family.hpp"
#include "series/dyad_series.hpp"

namespace triad {

struct NamedSeries {
  std::string name;
  std::string description;
  std::vector<Day> periods;
  std::vector<double> values;  // NaN = missing
  std::vector<std::int64_t> events;
  bool share = false;  // a share in [0, 1], modelled on the logit scale (model_series.hpp)
};

struct DriverOptions {
  std::array<std::string, 3> actors;
  std::string regional_group = "ASIA_PACIFIC_REGIONAL";
  std::string global_group = "GLOBAL_SOUTH";
  bool economic = true, regional = true, global = true, security = true;
  std::int64_t min_events = 1;
  SeriesOptions series;
};

// Throws a usage error naming the group if a group is unknown (groups come from
// GroupRegistry::Default()).
std::vector<NamedSeries> BuildDrivers(EventStore& store, const DriverOptions& options);

}  // namespace triad
