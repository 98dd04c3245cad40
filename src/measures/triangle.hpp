#pragma once
// The structure of a three-actor triangle: Heider balance and Dittmer's strategic-triangle types.
//
// Heider (1946): a triangle is balanced when the product of its three edge signs is positive
// ("the friend of my friend is my friend", "the enemy of my enemy is my friend").
// Dittmer (1981), "The Strategic Triangle", World Politics 33(4): the four sign patterns are
//   ménage à trois     (+ + +)  all three on good terms
//   romantic triangle  (+ + -)  a pivot on good terms with two wings who are at odds
//   stable marriage    (+ - -)  a married pair, both at odds with the outcast
//   unit veto          (- - -)  everyone at odds with everyone
// Ménage à trois and stable marriage are balanced; romantic triangle and unit veto are not.
//
// Actors are indexed 0, 1, 2 (A, B, C). Dyads are indexed so that dyad i is the edge *opposite*
// actor 2 - i: dyad 0 = A–B, dyad 1 = A–C, dyad 2 = B–C. An index is a relation index of the dyad
// (e.g. weighted mean Goldstein or a z-score): positive = friendly, same units as `neutral`.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"

namespace triad {

enum class EdgeSign { kNegative = -1, kNeutral = 0, kPositive = 1 };

// The four Dittmer types come first so they can index arrays of size kDittmerTypes.
enum class TriangleType {
  kMenageATrois = 0,
  kRomanticTriangle = 1,
  kStableMarriage = 2,
  kUnitVeto = 3,
  kIndeterminate = 4,  // some dyad is inside the neutral band
  kUnknown = 5,        // some estimate is missing (NaN)
};
inline constexpr int kDittmerTypes = 4;

// The one display name of a type, for tables, sentences and the report (UTF-8): "ménage à
// trois", "romantic triangle", "stable marriage", "unit veto", "indeterminate", "unknown".
std::string_view TriangleTypeName(TriangleType type);
// Stable machine name for JSON and CSV: "menage_a_trois", "romantic_triangle", ...
std::string_view TriangleTypeKey(TriangleType type);
// The type with that key, or nullopt.
std::optional<TriangleType> TriangleTypeFromKey(std::string_view key);

// One dyad's index: the estimate and its standard error (same units, se >= 0).
// A NaN estimate means "no data"; a NaN se means "uncertainty unknown".
struct DyadEstimate {
  double estimate = 0.0;
  double se = 0.0;
};

// The pair of actors of dyad `dyad` (0: {0,1}, 1: {0,2}, 2: {1,2}) and the actor opposite it.
std::array<int, 2> DyadActors(int dyad);
int ActorOppositeDyad(int dyad);
int DyadOppositeActor(int actor);

struct Triangle {
  std::array<std::string, 3> actors;  // A, B, C
  std::array<DyadEstimate, 3> dyads;  // A–B, A–C, B–C
  double neutral = 0.0;               // half-width of the neutral band, >= 0
};

// A type together with the actors' roles. `key_actor` is the pivot of a romantic triangle or
// the outcast of a stable marriage (the married pair and the wings are the other two); it is
// unset for the other types. With the 4 types and 3 choices of key actor there are exactly 8
// role assignments, one per pattern of three nonzero signs.
struct RoleAssignment {
  TriangleType type = TriangleType::kUnknown;
  std::optional<int> key_actor;

  bool operator==(const RoleAssignment&) const = default;
};

// E.g. "romantic triangle, pivot CHN, wings USA and JPN"; "stable marriage USA–JPN, outcast CHN".
std::string DescribeRoles(const std::array<std::string, 3>& actors, const RoleAssignment& roles);
// The roles alone: "pivot CHN, wings USA and JPN", "married pair USA–JPN, outcast CHN"; empty
// for the types without roles.
std::string DescribeRoleDetails(const std::array<std::string, 3>& actors,
                                const RoleAssignment& roles);

// The role assignment of three nonzero signs.
RoleAssignment RolesFromSigns(const std::array<EdgeSign, 3>& signs);

// Classification of the point estimates.
struct TriangleClassification {
  std::array<EdgeSign, 3> signs{};  // kNeutral also for a missing estimate
  RoleAssignment roles;             // type kIndeterminate or kUnknown when some sign is not +/-
  std::vector<int> neutral_dyads;   // dyads inside the neutral band (for kIndeterminate)
  std::vector<int> missing_dyads;   // dyads with a NaN estimate (for kUnknown)
  std::optional<bool> balanced;     // Heider balance; unset when some sign is 0 or missing
};

// Sign of one index: + if index > neutral, - if index < -neutral, else 0.
EdgeSign SignOf(double index, double neutral);
// Throws a usage error if neutral < 0 or NaN, or if some se < 0.
TriangleClassification ClassifyTriangle(const Triangle& triangle);

// Probabilities when each index is Normal(estimate, se^2), independent across dyads.
// se = 0 is a point mass at the estimate: P(+) is 1 above the threshold, 0 below, and 1/2 exactly
// at 0 for the two-sign model (the limit of Phi(estimate/se)); with the band, an estimate on a
// band edge counts as neutral, as in SignOf. A NaN estimate or se makes every probability NaN.
struct TriangleProbabilities {
  // Per dyad: P(index > threshold), P(inside band), P(index < -threshold). Without the band the
  // threshold is 0 and p_neutral is 0.
  std::array<double, 3> p_positive{};
  std::array<double, 3> p_neutral{};
  std::array<double, 3> p_negative{};
  // Indexed by TriangleType (first kDittmerTypes values): P(all three signs nonzero and type t).
  std::array<double, kDittmerTypes> type_probability{};
  double p_indeterminate = 0.0;  // P(some sign is 0); 0 without the band
  // The most likely of the four Dittmer types (ties go to the earlier type in enum order), or
  // kIndeterminate when that is more likely than every type (band version only); kUnknown
  // when the probabilities are NaN.
  TriangleType most_likely = TriangleType::kUnknown;
  double most_likely_probability = 0.0;
  double p_balanced = 0.0;  // P(menage) + P(stable marriage)
  // E[product of the three signs] = prod_i (p+_i - p-_i), in [-1, 1]; 1 = surely balanced,
  // -1 = surely unbalanced. Without the band this is prod_i (2 p_i - 1).
  double balance_degree = 0.0;
  // The 8 role assignments (menage, 3 romantic by pivot, 3 stable by outcast, unit veto), in
  // that order, with their probabilities.
  std::vector<std::pair<RoleAssignment, double>> roles;
  // The most likely role assignment (ties to the earlier one in `roles`).
  RoleAssignment most_likely_roles;
  double most_likely_roles_probability = 0.0;
};

// Two-sign model: P(edge +) = P(index > 0) = Phi(estimate/se); the four type probabilities sum
// to one.
TriangleProbabilities TriangleTypeProbabilities(const Triangle& triangle);
// Three-sign model: P(edge +) = P(index > neutral), P(edge -) = P(index < -neutral), the rest
// neutral; the four type probabilities plus p_indeterminate sum to one.
TriangleProbabilities TriangleTypeProbabilitiesWithBand(const Triangle& triangle);

// ---- Timeline: classification per period and the dates the most likely structure changed.

struct TrianglePeriod {
  Day date = 0;                       // start of the period
  std::array<DyadEstimate, 3> dyads;  // A–B, A–C, B–C
};

struct TrianglePeriodResult {
  Day date = 0;
  TriangleClassification classification;  // of the point estimates
  TriangleProbabilities probabilities;    // two-sign model; three-sign when neutral > 0
};

// The persistence rule: a new most likely role assignment counts as a change only when the
// evidence for it persists. It must be the most likely structure with a probability above
// kPersistProbability in `persist` consecutive known periods (periods with a missing estimate
// are a gap: they neither count towards the run nor break it); a period in which the current
// structure is most likely again, or the new one is most likely with P <= kPersistProbability,
// or a third structure is most likely, starts the count afresh. The change is dated at the first
// period of the run. The first structure of the range is established by the same rule, so "since"
// never dates from a single noisy period. persist = 1 with a probability above 1/2 in one period
// is the period-by-period reading.
inline constexpr double kPersistProbability = 0.5;

// The most likely role assignment changed at `date`: the first period of the run in which `to`
// was most likely with P > kPersistProbability. A change of pivot or outcast is a change too
// (roles, not only types).
struct TriangleTypeChange {
  Day date = 0;
  RoleAssignment from;
  RoleAssignment to;
};

struct TriangleTimeline {
  std::vector<TrianglePeriodResult> periods;
  int persist = 1;  // the rule's number of consecutive periods
  // Changes under the persistence rule, oldest first.
  std::vector<TriangleTypeChange> changes;
  // The structure that persisted last, and the date since which it holds (the first period of
  // its run); unset when no structure has persisted in the range.
  std::optional<RoleAssignment> current;
  std::optional<Day> current_since;
  // A different structure that is most likely (P > kPersistProbability) in the latest known
  // periods but not yet for `persist` of them: what would be a change if it lasts.
  std::optional<RoleAssignment> pending;
  std::optional<Day> pending_since;
  int pending_periods = 0;
  // Changes of the period-by-period most likely roles (no persistence rule), for comparison.
  int raw_changes = 0;
};

// Periods must be in strictly increasing date order, persist >= 1 (usage error otherwise).
TriangleTimeline BuildTriangleTimeline(const std::array<std::string, 3>& actors,
                                       const std::vector<TrianglePeriod>& periods, double neutral,
                                       int persist);

}  // namespace triad
