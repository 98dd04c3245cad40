#include "analysis/triangle_over_time.hpp"

#include <fmt/format.h>

#include "common/error.hpp"

namespace triad {

std::string_view TriangleBasisName(TriangleBasis basis) {
  return basis == TriangleBasis::kSmoothedLevels ? "smoothed levels" : "raw indices";
}

int DefaultPersistence(Frequency freq) {
  return freq == Frequency::kYear ? 2 : 3;
}

TriangleOverTime BuildTriangleOverTime(const std::array<std::string, 3>& actors,
                                       const std::array<RelationIndexSeries, 3>& indices,
                                       const std::array<DyadState, 3>& states, double neutral,
                                       int persist) {
  if (!(neutral >= 0)) ThrowUsage("--neutral must be a number >= 0");
  TriangleOverTime t;
  t.actors = actors;
  t.neutral = neutral;
  t.dates = indices[0].dates;
  bool smoothed = true;
  for (const DyadState& s : states) smoothed = smoothed && s.path.level.size() == t.dates.size();
  t.basis = smoothed ? TriangleBasis::kSmoothedLevels : TriangleBasis::kRawIndices;
  std::vector<TrianglePeriod> periods(t.dates.size());
  for (std::size_t d = 0; d < 3; ++d) {
    if (indices[d].dates != t.dates)
      ThrowCompute("the triangle's three indices are not on one grid");
    for (std::size_t i = 0; i < t.dates.size(); ++i) {
      const DyadEstimate e =
          smoothed ? DyadEstimate{states[d].path.level[i].estimate, states[d].path.level[i].se}
                   : DyadEstimate{indices[d].value[i], indices[d].se[i]};
      t.estimates[d].push_back(e);
      periods[i].date = t.dates[i];
      periods[i].dyads[d] = e;
    }
  }
  t.timeline = BuildTriangleTimeline(actors, periods, neutral, persist);
  return t;
}

std::string PersistentStructureText(const TriangleOverTime& t) {
  const TriangleTimeline& tl = t.timeline;
  const std::string rule = fmt::format("most likely with P > {:g} for {} period{} in a row",
                                       kPersistProbability, tl.persist, tl.persist == 1 ? "" : "s");
  std::string out = tl.current ? fmt::format("persistent structure: {} since {} ({})",
                                             DescribeRoles(t.actors, *tl.current),
                                             FormatDate(*tl.current_since), rule)
                               : fmt::format("no structure has persisted in the range ({})", rule);
  if (tl.pending)
    out += fmt::format("; not yet a change: {}, most likely for {} of {} periods, since {}",
                       DescribeRoles(t.actors, *tl.pending), tl.pending_periods, tl.persist,
                       FormatDate(*tl.pending_since));
  return out;
}

const TrianglePeriodResult* LatestKnown(const TriangleTimeline& timeline) {
  for (auto it = timeline.periods.rbegin(); it != timeline.periods.rend(); ++it)
    if (it->probabilities.most_likely_roles.type != TriangleType::kUnknown) return &*it;
  return nullptr;
}

}  // namespace triad
