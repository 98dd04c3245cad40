// The normal draws behind every simulation: the right distribution (moments, tails, a
// Kolmogorov-Smirnov distance) and the same numbers for the same (seed, path).
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

#include "scenarios/normal_stream.hpp"

namespace triad {
namespace {

double Phi(double x) {
  return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

TEST(NormalStream, MomentsAndTailsOfAStandardNormal) {
  constexpr int n = 2'000'000;
  NormalStream stream(42, 0);
  double s1 = 0, s2 = 0, s3 = 0, s4 = 0;
  int above2 = 0, above3 = 0, above_r = 0;  // r = 3.654..., where the ziggurat's tail starts
  for (int i = 0; i < n; ++i) {
    const double z = stream.NextNormal();
    s1 += z;
    s2 += z * z;
    s3 += z * z * z;
    s4 += z * z * z * z;
    above2 += std::abs(z) > 2;
    above3 += std::abs(z) > 3;
    above_r += std::abs(z) > 3.6541528853610088;
  }
  // Tolerances: 5 standard errors of each sample moment under N(0, 1).
  EXPECT_NEAR(s1 / n, 0.0, 5 * std::sqrt(1.0 / n));
  EXPECT_NEAR(s2 / n, 1.0, 5 * std::sqrt(2.0 / n));
  EXPECT_NEAR(s3 / n, 0.0, 5 * std::sqrt(15.0 / n));
  EXPECT_NEAR(s4 / n, 3.0, 5 * std::sqrt(96.0 / n));
  auto check_tail = [&](int count, double x) {
    const double p = 2 * (1 - Phi(x));
    EXPECT_NEAR(static_cast<double>(count) / n, p, 5 * std::sqrt(p * (1 - p) / n)) << "|z| > " << x;
  };
  check_tail(above2, 2.0);
  check_tail(above3, 3.0);
  check_tail(above_r, 3.6541528853610088);
}

TEST(NormalStream, KolmogorovSmirnovDistanceIsSmall) {
  constexpr int n = 200'000;
  std::vector<double> z(n);
  NormalStream stream(7, 123);
  for (double& x : z) x = stream.NextNormal();
  std::sort(z.begin(), z.end());
  double d = 0;
  for (int i = 0; i < n; ++i) {
    const double f = Phi(z[i]);
    d = std::max({d, f - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - f});
  }
  // 1.63 / sqrt(n) is the 1% critical value of the KS statistic.
  EXPECT_LT(d, 1.63 / std::sqrt(n));
}

TEST(NormalStream, SameSeedAndPathSameNumbersOtherPathOthers) {
  NormalStream a(5, 17), b(5, 17), c(5, 18), d(6, 17);
  int same_c = 0, same_d = 0;
  for (int i = 0; i < 1000; ++i) {
    const double x = a.NextNormal();
    EXPECT_EQ(x, b.NextNormal());
    same_c += x == c.NextNormal();
    same_d += x == d.NextNormal();
  }
  EXPECT_EQ(same_c, 0);
  EXPECT_EQ(same_d, 0);
  // A stream resumed from its state continues the sequence.
  NormalStream resumed(a.state());
  EXPECT_EQ(resumed.NextNormal(), a.NextNormal());
}

TEST(NormalStream, ManyStreamsAtOnceGiveEachStreamsOwnNumbers) {
  // 1,003 streams (not a multiple of the eight lanes), 50 draws each: about 1% of the draws
  // leave the ziggurat's fast path and consume extra words, so the streams fall out of step.
  constexpr std::size_t n = 1003;
  std::vector<std::uint64_t> states(n), expected_states(n);
  for (std::size_t i = 0; i < n; ++i) expected_states[i] = states[i] = NormalStream(9, i).state();
  std::vector<double> out(n);
  int slow = 0;
  for (int draw = 0; draw < 50; ++draw) {
    NormalStream::NextNormals(states.data(), n, out.data());
    for (std::size_t i = 0; i < n; ++i) {
      NormalStream one(expected_states[i]);
      const double want = one.NextNormal();
      slow += one.state() != expected_states[i] + 0x9E3779B97F4A7C15ULL;
      expected_states[i] = one.state();
      ASSERT_EQ(std::bit_cast<std::uint64_t>(out[i]), std::bit_cast<std::uint64_t>(want))
          << "stream " << i << ", draw " << draw;
      ASSERT_EQ(states[i], expected_states[i]) << "stream " << i << ", draw " << draw;
    }
  }
  EXPECT_GT(slow, 100);  // the slow path was exercised (expected about 1% of 50,150 draws)
}

}  // namespace
}  // namespace triad
