#include "measures/triangle.hpp"
#include "common/normal.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "common/error.hpp"

namespace triad {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// P(X > t) for X ~ Normal(mean, se^2); se = 0 is a point mass and X > t is strict.
double ProbabilityAbove(double mean, double se, double t) {
  if (se == 0.0) return mean > t ? 1.0 : 0.0;
  return NormalCdf((mean - t) / se);
}
// P(X < t), strict for a point mass.
double ProbabilityBelow(double mean, double se, double t) {
  if (se == 0.0) return mean < t ? 1.0 : 0.0;
  return NormalCdf((t - mean) / se);
}

void CheckInputs(const std::array<DyadEstimate, 3>& dyads, double neutral) {
  if (!(neutral >= 0.0)) {
    ThrowUsage(fmt::format("neutral band half-width must be >= 0, got {}", neutral));
  }
  for (int d = 0; d < 3; ++d) {
    if (dyads[d].se < 0.0) {
      ThrowUsage(fmt::format("standard error of dyad {} is negative ({})", d, dyads[d].se));
    }
  }
}

int SignValue(EdgeSign s) {
  return static_cast<int>(s);
}

// The 8 role assignments in the order documented for TriangleProbabilities::roles.
std::vector<RoleAssignment> AllRoleAssignments() {
  std::vector<RoleAssignment> all;
  all.push_back({TriangleType::kMenageATrois, std::nullopt});
  for (int a = 0; a < 3; ++a) all.push_back({TriangleType::kRomanticTriangle, a});
  for (int a = 0; a < 3; ++a) all.push_back({TriangleType::kStableMarriage, a});
  all.push_back({TriangleType::kUnitVeto, std::nullopt});
  return all;
}

// Per-dyad sign probabilities -> every derived probability.
TriangleProbabilities Combine(const std::array<double, 3>& p_pos, const std::array<double, 3>& p_0,
                              const std::array<double, 3>& p_neg, bool band) {
  TriangleProbabilities out;
  out.p_positive = p_pos;
  out.p_neutral = p_0;
  out.p_negative = p_neg;
  const std::vector<RoleAssignment> assignments = AllRoleAssignments();
  bool known = true;
  for (int d = 0; d < 3; ++d) known = known && !std::isnan(p_pos[d]) && !std::isnan(p_neg[d]);
  if (!known) {
    out.type_probability.fill(kNaN);
    out.p_indeterminate = out.p_balanced = out.balance_degree = kNaN;
    out.most_likely = TriangleType::kUnknown;
    out.most_likely_probability = kNaN;
    for (const auto& r : assignments) out.roles.emplace_back(r, kNaN);
    out.most_likely_roles = {TriangleType::kUnknown, std::nullopt};
    out.most_likely_roles_probability = kNaN;
    return out;
  }
  std::vector<double> role_p(assignments.size(), 0.0);
  // Enumerate the 8 patterns of nonzero signs; P(pattern) is a product by independence.
  for (int mask = 0; mask < 8; ++mask) {
    std::array<EdgeSign, 3> signs{};
    double p = 1.0;
    for (int d = 0; d < 3; ++d) {
      const bool positive = (mask >> d) & 1;
      signs[d] = positive ? EdgeSign::kPositive : EdgeSign::kNegative;
      p *= positive ? p_pos[d] : p_neg[d];
    }
    const RoleAssignment roles = RolesFromSigns(signs);
    for (std::size_t i = 0; i < assignments.size(); ++i) {
      if (assignments[i] == roles) role_p[i] += p;
    }
    out.type_probability[static_cast<int>(roles.type)] += p;
  }
  double nonzero = 0.0;
  for (double p : out.type_probability) nonzero += p;
  out.p_indeterminate = band ? std::max(0.0, 1.0 - nonzero) : 0.0;
  out.p_balanced = out.type_probability[static_cast<int>(TriangleType::kMenageATrois)] +
                   out.type_probability[static_cast<int>(TriangleType::kStableMarriage)];
  out.balance_degree = 1.0;
  for (int d = 0; d < 3; ++d) out.balance_degree *= p_pos[d] - p_neg[d];

  out.most_likely = TriangleType::kMenageATrois;
  out.most_likely_probability = out.type_probability[0];
  for (int t = 1; t < kDittmerTypes; ++t) {
    if (out.type_probability[t] > out.most_likely_probability) {
      out.most_likely = static_cast<TriangleType>(t);
      out.most_likely_probability = out.type_probability[t];
    }
  }
  if (band && out.p_indeterminate > out.most_likely_probability) {
    out.most_likely = TriangleType::kIndeterminate;
    out.most_likely_probability = out.p_indeterminate;
  }
  std::size_t best = 0;
  for (std::size_t i = 0; i < assignments.size(); ++i) {
    out.roles.emplace_back(assignments[i], role_p[i]);
    if (role_p[i] > role_p[best]) best = i;
  }
  out.most_likely_roles = assignments[best];
  out.most_likely_roles_probability = role_p[best];
  if (band && out.p_indeterminate > out.most_likely_roles_probability) {
    out.most_likely_roles = {TriangleType::kIndeterminate, std::nullopt};
    out.most_likely_roles_probability = out.p_indeterminate;
  }
  return out;
}

}  // namespace

std::string_view TriangleTypeName(TriangleType type) {
  switch (type) {
    case TriangleType::kMenageATrois:
      return "ménage à trois";
    case TriangleType::kRomanticTriangle:
      return "romantic triangle";
    case TriangleType::kStableMarriage:
      return "stable marriage";
    case TriangleType::kUnitVeto:
      return "unit veto";
    case TriangleType::kIndeterminate:
      return "indeterminate";
    case TriangleType::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::optional<TriangleType> TriangleTypeFromKey(std::string_view key) {
  for (TriangleType t :
       {TriangleType::kMenageATrois, TriangleType::kRomanticTriangle, TriangleType::kStableMarriage,
        TriangleType::kUnitVeto, TriangleType::kIndeterminate, TriangleType::kUnknown})
    if (key == TriangleTypeKey(t)) return t;
  return std::nullopt;
}

std::string_view TriangleTypeKey(TriangleType type) {
  switch (type) {
    case TriangleType::kMenageATrois:
      return "menage_a_trois";
    case TriangleType::kRomanticTriangle:
      return "romantic_triangle";
    case TriangleType::kStableMarriage:
      return "stable_marriage";
    case TriangleType::kUnitVeto:
      return "unit_veto";
    case TriangleType::kIndeterminate:
      return "indeterminate";
    case TriangleType::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::array<int, 2> DyadActors(int dyad) {
  switch (dyad) {
    case 0:
      return {0, 1};
    case 1:
      return {0, 2};
    default:
      return {1, 2};
  }
}
int ActorOppositeDyad(int dyad) {
  return 2 - dyad;
}
int DyadOppositeActor(int actor) {
  return 2 - actor;
}

std::string DescribeRoleDetails(const std::array<std::string, 3>& actors,
                                const RoleAssignment& roles) {
  if (!roles.key_actor) return "";
  const int key = *roles.key_actor;
  const auto [x, y] = DyadActors(DyadOppositeActor(key));
  if (roles.type == TriangleType::kRomanticTriangle)
    return fmt::format("pivot {}, wings {} and {}", actors[key], actors[x], actors[y]);
  return fmt::format("married pair {}–{}, outcast {}", actors[x], actors[y], actors[key]);
}

std::string DescribeRoles(const std::array<std::string, 3>& actors, const RoleAssignment& roles) {
  const std::string_view name = TriangleTypeName(roles.type);
  if (!roles.key_actor) return std::string(name);
  const int key = *roles.key_actor;
  const auto [x, y] = DyadActors(DyadOppositeActor(key));
  if (roles.type == TriangleType::kRomanticTriangle)
    return fmt::format("{}, {}", name, DescribeRoleDetails(actors, roles));
  return fmt::format("{} {}–{}, outcast {}", name, actors[x], actors[y], actors[key]);
}

RoleAssignment RolesFromSigns(const std::array<EdgeSign, 3>& signs) {
  int positives = 0;
  for (EdgeSign s : signs) {
    if (s == EdgeSign::kNeutral) return {TriangleType::kIndeterminate, std::nullopt};
    positives += s == EdgeSign::kPositive;
  }
  switch (positives) {
    case 3:
      return {TriangleType::kMenageATrois, std::nullopt};
    case 0:
      return {TriangleType::kUnitVeto, std::nullopt};
    case 2:  // the pivot sits on both positive edges, i.e. opposite the negative one
      for (int d = 0; d < 3; ++d) {
        if (signs[d] == EdgeSign::kNegative) {
          return {TriangleType::kRomanticTriangle, ActorOppositeDyad(d)};
        }
      }
      break;
    default:  // one positive edge: the married pair; the outcast is opposite it
      for (int d = 0; d < 3; ++d) {
        if (signs[d] == EdgeSign::kPositive) {
          return {TriangleType::kStableMarriage, ActorOppositeDyad(d)};
        }
      }
  }
  return {TriangleType::kUnknown, std::nullopt};
}

EdgeSign SignOf(double index, double neutral) {
  if (index > neutral) return EdgeSign::kPositive;
  if (index < -neutral) return EdgeSign::kNegative;
  return EdgeSign::kNeutral;
}

TriangleClassification ClassifyTriangle(const Triangle& triangle) {
  CheckInputs(triangle.dyads, triangle.neutral);
  TriangleClassification out;
  for (int d = 0; d < 3; ++d) {
    const double x = triangle.dyads[d].estimate;
    if (std::isnan(x)) {
      out.missing_dyads.push_back(d);
      out.signs[d] = EdgeSign::kNeutral;
      continue;
    }
    out.signs[d] = SignOf(x, triangle.neutral);
    if (out.signs[d] == EdgeSign::kNeutral) out.neutral_dyads.push_back(d);
  }
  if (!out.missing_dyads.empty()) {
    out.roles = {TriangleType::kUnknown, std::nullopt};
    return out;
  }
  out.roles = RolesFromSigns(out.signs);
  if (out.neutral_dyads.empty()) {
    out.balanced = SignValue(out.signs[0]) * SignValue(out.signs[1]) * SignValue(out.signs[2]) > 0;
  }
  return out;
}

TriangleProbabilities TriangleTypeProbabilities(const Triangle& triangle) {
  CheckInputs(triangle.dyads, triangle.neutral);
  std::array<double, 3> p_pos{}, p_0{}, p_neg{};
  for (int d = 0; d < 3; ++d) {
    const auto [x, se] = triangle.dyads[d];
    if (std::isnan(x) || std::isnan(se)) {
      p_pos[d] = p_0[d] = p_neg[d] = kNaN;
    } else if (se == 0.0 && x == 0.0) {
      p_pos[d] = p_neg[d] = 0.5;  // the se -> 0 limit of Phi(0 / se)
    } else {
      p_pos[d] = ProbabilityAbove(x, se, 0.0);
      p_neg[d] = 1.0 - p_pos[d];
    }
  }
  return Combine(p_pos, p_0, p_neg, /*band=*/false);
}

TriangleProbabilities TriangleTypeProbabilitiesWithBand(const Triangle& triangle) {
  CheckInputs(triangle.dyads, triangle.neutral);
  std::array<double, 3> p_pos{}, p_0{}, p_neg{};
  for (int d = 0; d < 3; ++d) {
    const auto [x, se] = triangle.dyads[d];
    if (std::isnan(x) || std::isnan(se)) {
      p_pos[d] = p_0[d] = p_neg[d] = kNaN;
      continue;
    }
    p_pos[d] = ProbabilityAbove(x, se, triangle.neutral);
    p_neg[d] = ProbabilityBelow(x, se, -triangle.neutral);
    p_0[d] = std::max(0.0, 1.0 - p_pos[d] - p_neg[d]);
  }
  return Combine(p_pos, p_0, p_neg, /*band=*/true);
}

TriangleTimeline BuildTriangleTimeline(const std::array<std::string, 3>& actors,
                                       const std::vector<TrianglePeriod>& periods, double neutral,
                                       int persist) {
  if (persist < 1) ThrowUsage(fmt::format("--persist {}: give a number of periods >= 1", persist));
  TriangleTimeline out;
  out.persist = persist;
  std::optional<RoleAssignment> previous;  // period-by-period, for raw_changes
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const TrianglePeriod& period = periods[i];
    if (i > 0 && period.date <= periods[i - 1].date) {
      ThrowUsage(fmt::format("triangle periods must be in increasing date order: {} after {}",
                             FormatDate(period.date), FormatDate(periods[i - 1].date)));
    }
    const Triangle triangle{actors, period.dyads, neutral};
    // One sign model for every probability of the period: with a neutral band, the types,
    // P(balanced), the balance degree and the most likely structure all use the three-sign model,
    // so that they and P(indeterminate) sum to one.
    TrianglePeriodResult result{period.date, ClassifyTriangle(triangle),
                                neutral > 0 ? TriangleTypeProbabilitiesWithBand(triangle)
                                            : TriangleTypeProbabilities(triangle)};
    const RoleAssignment roles = result.probabilities.most_likely_roles;
    const double p = result.probabilities.most_likely_roles_probability;
    out.periods.push_back(std::move(result));
    if (roles.type == TriangleType::kUnknown) continue;  // a gap: no evidence either way
    if (previous && !(roles == *previous)) ++out.raw_changes;
    previous = roles;
    if (out.current && roles == *out.current) {
      out.pending.reset();
      continue;
    }
    if (!(p > kPersistProbability)) {
      out.pending.reset();
      continue;
    }
    if (out.pending && roles == *out.pending) {
      ++out.pending_periods;
    } else {
      out.pending = roles;
      out.pending_since = period.date;
      out.pending_periods = 1;
    }
    if (out.pending_periods >= persist) {
      if (out.current) out.changes.push_back({*out.pending_since, *out.current, *out.pending});
      out.current = out.pending;
      out.current_since = out.pending_since;
      out.pending.reset();
    }
  }
  if (!out.pending) {
    out.pending_since.reset();
    out.pending_periods = 0;
  }
  return out;
}

}  // namespace triad
