#include "measures/triangle.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "common/error.hpp"

namespace triad {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Standard normal table values: Phi(1), Phi(2), Phi(0.5).
constexpr double kPhi1 = 0.8413447460685429;
constexpr double kPhi2 = 0.9772498680518208;
constexpr double kPhiHalf = 0.6914624612740131;

const std::array<std::string, 3> kActors{"CHN", "USA", "JPN"};

// Dyads: 0 = CHN–USA, 1 = CHN–JPN, 2 = USA–JPN.
Triangle Make(double chn_usa, double chn_jpn, double usa_jpn, double se = 1.0,
              double neutral = 0.0) {
  return Triangle{kActors, {{{chn_usa, se}, {chn_jpn, se}, {usa_jpn, se}}}, neutral};
}

double SumOfTypes(const TriangleProbabilities& p) {
  double sum = p.p_indeterminate;
  for (double x : p.type_probability) sum += x;
  return sum;
}

double RoleProbability(const TriangleProbabilities& p, TriangleType type, std::optional<int> key) {
  for (const auto& [roles, prob] : p.roles) {
    if (roles.type == type && roles.key_actor == key) return prob;
  }
  ADD_FAILURE() << "no role assignment " << TriangleTypeName(type);
  return kNaN;
}

TEST(DyadIndexing, DyadsAreOppositeTheThirdActor) {
  EXPECT_EQ(DyadActors(0), (std::array<int, 2>{0, 1}));
  EXPECT_EQ(DyadActors(1), (std::array<int, 2>{0, 2}));
  EXPECT_EQ(DyadActors(2), (std::array<int, 2>{1, 2}));
  for (int d = 0; d < 3; ++d) {
    const int opposite = ActorOppositeDyad(d);
    EXPECT_NE(DyadActors(d)[0], opposite);
    EXPECT_NE(DyadActors(d)[1], opposite);
    EXPECT_EQ(DyadOppositeActor(opposite), d);
  }
}

TEST(SignOf, NeutralBandIsClosed) {
  EXPECT_EQ(SignOf(0.51, 0.5), EdgeSign::kPositive);
  EXPECT_EQ(SignOf(0.5, 0.5), EdgeSign::kNeutral);
  EXPECT_EQ(SignOf(-0.5, 0.5), EdgeSign::kNeutral);
  EXPECT_EQ(SignOf(-0.51, 0.5), EdgeSign::kNegative);
  EXPECT_EQ(SignOf(0.0, 0.0), EdgeSign::kNeutral);
  EXPECT_EQ(SignOf(1e-9, 0.0), EdgeSign::kPositive);
}

TEST(ClassifyTriangle, MenageATrois) {
  const auto c = ClassifyTriangle(Make(1, 2, 3));
  EXPECT_EQ(c.roles.type, TriangleType::kMenageATrois);
  EXPECT_FALSE(c.roles.key_actor.has_value());
  ASSERT_TRUE(c.balanced.has_value());
  EXPECT_TRUE(*c.balanced);
  EXPECT_EQ(DescribeRoles(kActors, c.roles), "ménage à trois");
}

TEST(ClassifyTriangle, RomanticTrianglePivotIsOnBothPositiveEdges) {
  // CHN friendly with both, USA–JPN hostile: CHN is the pivot.
  auto c = ClassifyTriangle(Make(1, 1, -1));
  EXPECT_EQ(c.roles.type, TriangleType::kRomanticTriangle);
  EXPECT_EQ(c.roles.key_actor, 0);
  EXPECT_FALSE(*c.balanced);
  EXPECT_EQ(DescribeRoles(kActors, c.roles), "romantic triangle, pivot CHN, wings USA and JPN");
  // USA pivot: CHN–USA +, USA–JPN +, CHN–JPN -.
  c = ClassifyTriangle(Make(1, -1, 1));
  EXPECT_EQ(c.roles.key_actor, 1);
  EXPECT_EQ(DescribeRoles(kActors, c.roles), "romantic triangle, pivot USA, wings CHN and JPN");
  // JPN pivot: CHN–JPN +, USA–JPN +, CHN–USA -.
  c = ClassifyTriangle(Make(-1, 1, 1));
  EXPECT_EQ(c.roles.key_actor, 2);
  EXPECT_EQ(DescribeRoles(kActors, c.roles), "romantic triangle, pivot JPN, wings CHN and USA");
}

TEST(ClassifyTriangle, StableMarriageOutcastIsOppositeThePositiveEdge) {
  auto c = ClassifyTriangle(Make(-1, -1, 1));  // USA–JPN married, CHN outcast
  EXPECT_EQ(c.roles.type, TriangleType::kStableMarriage);
  EXPECT_EQ(c.roles.key_actor, 0);
  EXPECT_TRUE(*c.balanced);
  EXPECT_EQ(DescribeRoles(kActors, c.roles), "stable marriage USA–JPN, outcast CHN");
  c = ClassifyTriangle(Make(-1, 1, -1));  // CHN–JPN married, USA outcast
  EXPECT_EQ(c.roles.key_actor, 1);
  EXPECT_EQ(DescribeRoles(kActors, c.roles), "stable marriage CHN–JPN, outcast USA");
  c = ClassifyTriangle(Make(1, -1, -1));  // CHN–USA married, JPN outcast
  EXPECT_EQ(c.roles.key_actor, 2);
  EXPECT_EQ(DescribeRoles(kActors, c.roles), "stable marriage CHN–USA, outcast JPN");
}

TEST(ClassifyTriangle, UnitVeto) {
  const auto c = ClassifyTriangle(Make(-1, -2, -0.1));
  EXPECT_EQ(c.roles.type, TriangleType::kUnitVeto);
  EXPECT_FALSE(*c.balanced);
}

TEST(ClassifyTriangle, NeutralBandMakesItIndeterminateAndNamesTheDyad) {
  const auto c = ClassifyTriangle(Make(1.0, 0.3, -1.0, 1.0, /*neutral=*/0.5));
  EXPECT_EQ(c.roles.type, TriangleType::kIndeterminate);
  EXPECT_EQ(c.neutral_dyads, std::vector<int>{1});  // CHN–JPN
  EXPECT_EQ(c.signs[1], EdgeSign::kNeutral);
  EXPECT_FALSE(c.balanced.has_value());
  // Outside the band the same estimates are a romantic triangle with pivot USA.
  EXPECT_EQ(ClassifyTriangle(Make(1.0, -0.6, 1.0, 1.0, 0.5)).roles.key_actor, 1);
}

TEST(ClassifyTriangle, MissingEstimateIsUnknown) {
  const auto c = ClassifyTriangle(Make(1.0, kNaN, 1.0));
  EXPECT_EQ(c.roles.type, TriangleType::kUnknown);
  EXPECT_EQ(c.missing_dyads, std::vector<int>{1});
  EXPECT_FALSE(c.balanced.has_value());
}

TEST(ClassifyTriangle, RejectsNegativeBandOrStandardError) {
  EXPECT_THROW(ClassifyTriangle(Make(1, 1, 1, 1.0, -0.1)), Error);
  EXPECT_THROW(ClassifyTriangle(Make(1, 1, 1, -1.0)), Error);
}

TEST(TriangleProbabilities, AllEstimatesZeroGiveBinomialEighths) {
  for (double se : {1.0, 0.0}) {  // se = 0: the limit Phi(0/se) = 1/2
    const auto p = TriangleTypeProbabilities(Make(0, 0, 0, se));
    for (double q : p.p_positive) EXPECT_DOUBLE_EQ(q, 0.5);
    EXPECT_DOUBLE_EQ(p.type_probability[0], 1.0 / 8);
    EXPECT_DOUBLE_EQ(p.type_probability[1], 3.0 / 8);
    EXPECT_DOUBLE_EQ(p.type_probability[2], 3.0 / 8);
    EXPECT_DOUBLE_EQ(p.type_probability[3], 1.0 / 8);
    EXPECT_DOUBLE_EQ(SumOfTypes(p), 1.0);
    EXPECT_DOUBLE_EQ(p.p_balanced, 0.5);
    EXPECT_DOUBLE_EQ(p.balance_degree, 0.0);
    ASSERT_EQ(p.roles.size(), 8u);
    for (const auto& [roles, prob] : p.roles) EXPECT_DOUBLE_EQ(prob, 1.0 / 8);
    // Tie between romantic and stable marriage goes to the earlier type.
    EXPECT_EQ(p.most_likely, TriangleType::kRomanticTriangle);
    EXPECT_DOUBLE_EQ(p.most_likely_probability, 3.0 / 8);
  }
}

TEST(TriangleProbabilities, EqualEstimatesOneStandardErrorAboveZero) {
  const auto p = TriangleTypeProbabilities(Make(1, 1, 1));
  const double q = kPhi1;
  EXPECT_NEAR(p.type_probability[0], q * q * q, 1e-12);
  EXPECT_NEAR(p.type_probability[1], 3 * q * q * (1 - q), 1e-12);
  EXPECT_NEAR(p.type_probability[2], 3 * q * (1 - q) * (1 - q), 1e-12);
  EXPECT_NEAR(p.type_probability[3], (1 - q) * (1 - q) * (1 - q), 1e-12);
  EXPECT_NEAR(SumOfTypes(p), 1.0, 1e-12);
  EXPECT_NEAR(p.balance_degree, std::pow(2 * q - 1, 3), 1e-12);
  EXPECT_NEAR(p.p_balanced, q * q * q + 3 * q * (1 - q) * (1 - q), 1e-12);
  EXPECT_EQ(p.most_likely, TriangleType::kMenageATrois);
  EXPECT_NEAR(p.most_likely_probability, 0.595555, 1e-6);  // 0.841345^3
}

TEST(TriangleProbabilities, RoleProbabilitiesForUnequalDyads) {
  // P(+): CHN–USA Phi(2), CHN–JPN Phi(-0.5), USA–JPN Phi(1).
  Triangle t{kActors, {{{2.0, 1.0}, {-1.0, 2.0}, {0.5, 0.5}}}, 0.0};
  const auto p = TriangleTypeProbabilities(t);
  const double a = kPhi2, b = 1 - kPhiHalf, c = kPhi1;
  EXPECT_NEAR(p.p_positive[1], b, 1e-12);
  // Romantic with pivot USA: CHN–USA +, USA–JPN +, CHN–JPN -.
  EXPECT_NEAR(RoleProbability(p, TriangleType::kRomanticTriangle, 1), a * (1 - b) * c, 1e-12);
  EXPECT_NEAR(RoleProbability(p, TriangleType::kRomanticTriangle, 0), a * b * (1 - c), 1e-12);
  EXPECT_NEAR(RoleProbability(p, TriangleType::kStableMarriage, 1), (1 - a) * b * (1 - c), 1e-12);
  EXPECT_EQ(p.most_likely_roles, (RoleAssignment{TriangleType::kRomanticTriangle, 1}));
  EXPECT_NEAR(p.most_likely_roles_probability, a * (1 - b) * c, 1e-12);
  double sum = 0.0;
  for (const auto& [roles, prob] : p.roles) sum += prob;
  EXPECT_NEAR(sum, 1.0, 1e-12);
  EXPECT_NEAR(p.balance_degree, (2 * a - 1) * (2 * b - 1) * (2 * c - 1), 1e-12);
}

TEST(TriangleProbabilities, TinyStandardErrorsMakeTheTypeNearlyCertain) {
  const auto p = TriangleTypeProbabilities(Make(0.3, -0.2, 0.4, 1e-6));
  EXPECT_EQ(p.most_likely, TriangleType::kRomanticTriangle);
  EXPECT_GT(p.most_likely_probability, 1 - 1e-12);
  EXPECT_EQ(p.most_likely_roles, (RoleAssignment{TriangleType::kRomanticTriangle, 1}));
  EXPECT_NEAR(p.balance_degree, -1.0, 1e-12);
  EXPECT_NEAR(p.p_balanced, 0.0, 1e-12);
}

TEST(TriangleProbabilities, ZeroStandardErrorIsThePointClassification) {
  const auto p = TriangleTypeProbabilities(Make(-1, -1, 1, 0.0));
  EXPECT_EQ(p.type_probability[static_cast<int>(TriangleType::kStableMarriage)], 1.0);
  EXPECT_EQ(p.most_likely_roles, (RoleAssignment{TriangleType::kStableMarriage, 0}));
  EXPECT_EQ(p.balance_degree, 1.0);
}

TEST(TriangleProbabilities, MissingEstimateOrStandardErrorGivesNaN) {
  for (const Triangle& t :
       {Make(kNaN, 1, 1), Triangle{kActors, {{{1, 1}, {1, kNaN}, {1, 1}}}, 0.0}}) {
    const auto p = TriangleTypeProbabilities(t);
    EXPECT_EQ(p.most_likely, TriangleType::kUnknown);
    EXPECT_TRUE(std::isnan(p.p_balanced));
    EXPECT_TRUE(std::isnan(p.balance_degree));
    for (double x : p.type_probability) EXPECT_TRUE(std::isnan(x));
    for (const auto& [roles, prob] : p.roles) EXPECT_TRUE(std::isnan(prob));
    EXPECT_EQ(TriangleTypeProbabilitiesWithBand(t).most_likely, TriangleType::kUnknown);
  }
}

TEST(TriangleProbabilitiesWithBand, ZeroEstimatesWithBandOfOneStandardError) {
  const auto p = TriangleTypeProbabilitiesWithBand(Make(0, 0, 0, 1.0, /*neutral=*/1.0));
  const double out = 1 - kPhi1;  // P(index > 1) = P(index < -1)
  const double in = 2 * kPhi1 - 1;
  for (int d = 0; d < 3; ++d) {
    EXPECT_NEAR(p.p_positive[d], out, 1e-12);
    EXPECT_NEAR(p.p_negative[d], out, 1e-12);
    EXPECT_NEAR(p.p_neutral[d], in, 1e-12);
  }
  EXPECT_NEAR(p.type_probability[0], out * out * out, 1e-12);
  EXPECT_NEAR(p.type_probability[1], 3 * out * out * out, 1e-12);
  EXPECT_NEAR(p.p_indeterminate, 1 - std::pow(1 - in, 3), 1e-12);
  EXPECT_NEAR(SumOfTypes(p), 1.0, 1e-12);
  EXPECT_EQ(p.most_likely, TriangleType::kIndeterminate);
  EXPECT_NEAR(p.most_likely_probability, 0.968051, 1e-6);
  EXPECT_NEAR(p.balance_degree, 0.0, 1e-12);
}

TEST(TriangleProbabilitiesWithBand, ZeroBandEqualsTwoSignModel) {
  const Triangle t{kActors, {{{0.7, 0.4}, {-0.2, 0.3}, {1.1, 2.0}}}, 0.0};
  const auto a = TriangleTypeProbabilities(t);
  const auto b = TriangleTypeProbabilitiesWithBand(t);
  for (int k = 0; k < kDittmerTypes; ++k) {
    EXPECT_NEAR(a.type_probability[k], b.type_probability[k], 1e-12);
  }
  EXPECT_NEAR(b.p_indeterminate, 0.0, 1e-12);
  EXPECT_NEAR(a.balance_degree, b.balance_degree, 1e-12);
}

TEST(TriangleProbabilitiesWithBand, PointEstimateInsideBandIsSurelyIndeterminate) {
  const auto p = TriangleTypeProbabilitiesWithBand(Make(0.3, 2, 2, 0.0, 0.5));
  EXPECT_EQ(p.p_indeterminate, 1.0);
  EXPECT_EQ(p.most_likely, TriangleType::kIndeterminate);
  EXPECT_EQ(p.most_likely_roles.type, TriangleType::kIndeterminate);
  EXPECT_EQ(p.p_balanced, 0.0);
}

TEST(TriangleTimeline, RecordsChangesOfTheMostLikelyRolesAndSkipsGaps) {
  const Day d0 = *DayFromYmd(2020, 1, 1);
  const double se = 0.1;
  std::vector<TrianglePeriod> periods = {
      {d0, {{{1, se}, {1, se}, {1, se}}}},           // menage
      {d0 + 31, {{{1, se}, {0.5, se}, {1, se}}}},    // menage
      {d0 + 60, {{{1, se}, {1, se}, {-1, se}}}},     // romantic, pivot CHN
      {d0 + 91, {{{1, se}, {kNaN, se}, {-1, se}}}},  // gap
      {d0 + 121, {{{1, se}, {1, se}, {-1, se}}}},    // romantic, pivot CHN (no change)
      {d0 + 152, {{{1, se}, {-1, se}, {1, se}}}},    // romantic, pivot USA
  };
  const TriangleTimeline t = BuildTriangleTimeline(kActors, periods, 0.0, 1);
  ASSERT_EQ(t.periods.size(), 6u);
  EXPECT_EQ(t.periods[3].classification.roles.type, TriangleType::kUnknown);
  EXPECT_EQ(t.periods[2].classification.roles.key_actor, 0);
  ASSERT_EQ(t.changes.size(), 2u);
  EXPECT_EQ(t.changes[0].date, d0 + 60);
  EXPECT_EQ(t.changes[0].from.type, TriangleType::kMenageATrois);
  EXPECT_EQ(t.changes[0].to, (RoleAssignment{TriangleType::kRomanticTriangle, 0}));
  EXPECT_EQ(t.changes[1].date, d0 + 152);
  EXPECT_EQ(t.changes[1].to, (RoleAssignment{TriangleType::kRomanticTriangle, 1}));
  EXPECT_EQ(t.current_since, d0 + 152);
}

TEST(TriangleTimeline, NoKnownPeriodMeansNoCurrentSince) {
  const TriangleTimeline t =
      BuildTriangleTimeline(kActors, {{0, {{{kNaN, 1}, {1, 1}, {1, 1}}}}}, 0.0, 1);
  EXPECT_TRUE(t.changes.empty());
  EXPECT_FALSE(t.current_since.has_value());
}

TEST(TriangleTimeline, RejectsUnorderedPeriods) {
  std::vector<TrianglePeriod> periods = {{10, {}}, {10, {}}};
  EXPECT_THROW(BuildTriangleTimeline(kActors, periods, 0.0, 1), Error);
}

// Menage (+++) and romantic with pivot CHN (B-C negative), each period certain (se 0.1).
TrianglePeriod Menage(Day d) {
  return {d, {{{1, 0.1}, {1, 0.1}, {1, 0.1}}}};
}
TrianglePeriod Romantic(Day d) {
  return {d, {{{1, 0.1}, {1, 0.1}, {-1, 0.1}}}};
}

// The complaint: the daily triangle flipped type with single noisy days. Under the rule
// (persist 3) a one- or two-period excursion is no change; three periods are, dated at the first.
TEST(TriangleTimeline, AChangeCountsOnlyWhenItPersists) {
  std::vector<TrianglePeriod> periods = {
      Menage(0), Menage(1), Menage(2),   Romantic(3),  Menage(4),    Romantic(5), Romantic(6),
      Menage(7), Menage(8), Romantic(9), Romantic(10), Romantic(11), Romantic(12)};
  const TriangleTimeline raw = BuildTriangleTimeline(kActors, periods, 0.0, 1);
  EXPECT_EQ(raw.changes.size(), 5u);
  EXPECT_EQ(raw.raw_changes, 5);
  const TriangleTimeline t = BuildTriangleTimeline(kActors, periods, 0.0, 3);
  EXPECT_EQ(t.persist, 3);
  EXPECT_EQ(t.raw_changes, 5);
  ASSERT_EQ(t.changes.size(), 1u);
  EXPECT_EQ(t.changes[0].date, 9);
  EXPECT_EQ(t.changes[0].from.type, TriangleType::kMenageATrois);
  EXPECT_EQ(t.changes[0].to, (RoleAssignment{TriangleType::kRomanticTriangle, 0}));
  EXPECT_EQ(t.current, t.changes[0].to);
  EXPECT_EQ(t.current_since, 9);  // "since" follows the rule
  EXPECT_FALSE(t.pending.has_value());
}

// The first structure needs the same evidence: a noisy first period is not "since".
TEST(TriangleTimeline, TheFirstStructureIsEstablishedByTheSameRule) {
  const TriangleTimeline t = BuildTriangleTimeline(
      kActors, {Romantic(0), Menage(1), Menage(2), Menage(3), Romantic(4)}, 0.0, 3);
  EXPECT_TRUE(t.changes.empty());
  EXPECT_EQ(t.current, (RoleAssignment{TriangleType::kMenageATrois, std::nullopt}));
  EXPECT_EQ(t.current_since, 1);
  // The last period's romantic triangle is pending: 1 of 3 periods.
  ASSERT_TRUE(t.pending.has_value());
  EXPECT_EQ(t.pending->type, TriangleType::kRomanticTriangle);
  EXPECT_EQ(t.pending_since, 4);
  EXPECT_EQ(t.pending_periods, 1);
  // Too short for the rule: nothing has persisted, so there is no "since".
  const TriangleTimeline short_range =
      BuildTriangleTimeline(kActors, {Menage(0), Menage(1)}, 0.0, 3);
  EXPECT_FALSE(short_range.current_since.has_value());
  EXPECT_EQ(short_range.pending_periods, 2);
}

// Weak evidence (most likely with P <= 0.5) does not count, and gaps neither count nor break.
TEST(TriangleTimeline, WeakEvidenceDoesNotCountAndGapsDoNotBreakARun) {
  // A-C and B-C at -0.05 with se 1: stable marriage (outcast JPN) is most likely, P about 0.27.
  const TrianglePeriod weak{4, {{{1, 0.1}, {-0.05, 1}, {-0.05, 1}}}};
  const TrianglePeriod gap{4, {{{kNaN, 0.1}, {1, 0.1}, {-1, 0.1}}}};
  const TriangleTimeline t = BuildTriangleTimeline(
      kActors, {Menage(0), Menage(1), Menage(2), Romantic(3), weak, Romantic(5), Romantic(6)}, 0.0,
      3);
  EXPECT_LT(t.periods[4].probabilities.most_likely_roles_probability, 0.5);
  EXPECT_TRUE(t.changes.empty());
  EXPECT_EQ(t.pending_since, 5);
  EXPECT_EQ(t.pending_periods, 2);
  const TriangleTimeline with_gap = BuildTriangleTimeline(
      kActors, {Menage(0), Menage(1), Menage(2), Romantic(3), gap, Romantic(5), Romantic(6)}, 0.0,
      3);
  ASSERT_EQ(with_gap.changes.size(), 1u);
  EXPECT_EQ(with_gap.changes[0].date, 3);
  EXPECT_THROW(BuildTriangleTimeline(kActors, {Menage(0)}, 0.0, 0), Error);
}

}  // namespace
}  // namespace triad

namespace triad {
namespace {

// balance --neutral B: every probability of a period comes from the same three-sign model, so the
// four types and P(indeterminate) sum to one (the two-sign model ignored the band: sums to 1.95).
TEST(TriangleTimeline, NeutralBandProbabilitiesAreOneModel) {
  const std::array<std::string, 3> actors = {"CHN", "USA", "JPN"};
  const std::vector<TrianglePeriod> periods = {{0, {{{0.1, 0.2}, {-0.8, 0.3}, {0.9, 0.4}}}},
                                               {7, {{{0.05, 0.05}, {0.02, 0.05}, {0.0, 0.05}}}}};
  const TriangleTimeline t = BuildTriangleTimeline(actors, periods, 0.5, 1);
  for (const TrianglePeriodResult& r : t.periods) {
    const TriangleProbabilities& p = r.probabilities;
    double sum = p.p_indeterminate;
    for (double q : p.type_probability) sum += q;
    EXPECT_NEAR(sum, 1.0, 1e-12);
    // P(balanced) and the degree are the three-sign ones.
    EXPECT_NEAR(p.p_balanced, p.type_probability[0] + p.type_probability[2], 1e-15);
    double degree = 1;
    for (int d = 0; d < 3; ++d) degree *= p.p_positive[d] - p.p_negative[d];
    EXPECT_NEAR(p.balance_degree, degree, 1e-15);
    EXPECT_GT(p.p_indeterminate, 0.0);
  }
  // All three indices deep inside the band: the most likely structure is indeterminate.
  EXPECT_EQ(t.periods[1].probabilities.most_likely_roles.type, TriangleType::kIndeterminate);
  EXPECT_GT(t.periods[1].probabilities.p_indeterminate, 0.99);
}

}  // namespace
}  // namespace triad
