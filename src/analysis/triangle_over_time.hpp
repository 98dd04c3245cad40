#pragma once
// The triangle of three actors over time, classified from the dyads' smoothed states: per period,
// each dyad's smoothed level with its smoothed standard error (the local linear trend of
// dyad_state.hpp), and from them the signs, Dittmer's type with roles, the type probabilities,
// P(balanced) and the dates the most likely structure changed.
//
// How dyads are combined: the three smoothed levels are treated as independent normals
// N(level, level_se²) (the trends are fitted dyad by dyad), as measures/triangle.hpp does for any
// three estimates. Smoothing is what keeps one noisy day from flipping the triangle; the raw
// indices are still shown beside it. When some dyad has no trend (too few periods), every dyad's
// raw index is used instead, and `basis` says so.
//
// When the structure changed: measures/triangle.hpp's persistence rule, a new most likely
// structure counts (and "since" moves) only when it is most likely with P > 0.5 in `persist`
// consecutive periods.
#include <array>
#include <string>
#include <vector>

#include "analysis/dyad_state.hpp"
#include "measures/triangle.hpp"

namespace triad {

enum class TriangleBasis { kSmoothedLevels, kRawIndices };
std::string_view TriangleBasisName(TriangleBasis basis);  // "smoothed levels", "raw indices"

struct TriangleOverTime {
  std::array<std::string, 3> actors;  // A, B, C
  TriangleBasis basis = TriangleBasis::kSmoothedLevels;
  double neutral = 0.0;                                // half-width of the neutral band
  std::vector<Day> dates;                              // the index grid
  std::array<std::vector<DyadEstimate>, 3> estimates;  // A–B, A–C, B–C: what was classified
  TriangleTimeline timeline;                           // one period per date
};

// The persistence rule's default number of periods: 3 for days, weeks and months, 2 for years.
// Why 3: one outlying period moves the smoothed levels of the one or two periods around it, so a
// run of three periods above P = 0.5 is the shortest that a single noisy period cannot make on
// its own. On the bundled daily sample it keeps one of the two period-to-period changes: the
// romantic triangle of mid-May reached P > 0.5 on one day only, so the stable marriage that held
// with P 0.53-0.82 from 28 May is the first structure, and the romantic triangle from 6 June the
// one change. In weeks and months it asks for a structure that holds for most of a month or a
// quarter. Yearly series are short, and two years of a new structure are already a long spell.
int DefaultPersistence(Frequency freq);

// `indices` and `states` are the dyads A–B, A–C, B–C on one grid. Usage error for neutral < 0
// or persist < 1.
TriangleOverTime BuildTriangleOverTime(const std::array<std::string, 3>& actors,
                                       const std::array<RelationIndexSeries, 3>& indices,
                                       const std::array<DyadState, 3>& states, double neutral,
                                       int persist);

// The structure under the persistence rule, in words for status, balance and the report, e.g.
// "persistent structure: ménage à trois since 2025-06-03 (most likely with P > 0.5 for 3 periods
// in a row)", and a pending structure when there is one ("... not yet a change: romantic
// triangle ... most likely for 1 of 3 periods, since 2025-06-30").
std::string PersistentStructureText(const TriangleOverTime& t);

// The last period with a known most likely structure, or nullptr.
const TrianglePeriodResult* LatestKnown(const TriangleTimeline& timeline);

}  // namespace triad
