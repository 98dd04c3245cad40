// Exact quantiles as numpy's default (linear interpolation), on small samples (selection) and
// large ones (binned selection), with ties and outliers; moments against two-pass sums.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "scenarios/normal_stream.hpp"
#include "scenarios/sample_quantiles.hpp"

namespace triad {
namespace {

// numpy.quantile(x, q) by sorting.
double Reference(std::vector<double> x, double q) {
  std::sort(x.begin(), x.end());
  const double pos = q * static_cast<double>(x.size() - 1);
  const auto j = static_cast<std::size_t>(std::floor(pos));
  const double g = pos - static_cast<double>(j);
  return j + 1 < x.size() ? x[j] + g * (x[j + 1] - x[j]) : x[j];
}

void ExpectMatchesSorting(const std::vector<double>& x) {
  const std::vector<double> probs = {0.0, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999, 1.0};
  const std::vector<double> copy = x;
  const std::vector<double> q = SampleQuantiles(x, probs);
  EXPECT_EQ(x, copy);  // not modified
  for (std::size_t i = 0; i < probs.size(); ++i)
    EXPECT_EQ(q[i], Reference(x, probs[i])) << "n " << x.size() << " q " << probs[i];
}

std::vector<double> Normals(int n, std::uint64_t seed) {
  NormalStream s(seed, 0);
  std::vector<double> x(n);
  for (double& v : x) v = 100 + 15 * s.NextNormal();
  return x;
}

TEST(SampleQuantiles, SmallAndLargeSamplesMatchSorting) {
  for (int n : {1, 2, 3, 10, 4095, 4096, 10007, 100000}) ExpectMatchesSorting(Normals(n, n));
}

TEST(SampleQuantiles, TiesAndOutliers) {
  std::vector<double> ties = Normals(50000, 3);
  for (double& v : ties) v = std::round(v / 10);  // a dozen distinct values
  ExpectMatchesSorting(ties);
  std::vector<double> outliers = Normals(50000, 4);
  for (int i = 0; i < 50000; i += 997) outliers[i] = 1e12;  // sampled: bins far too wide
  outliers[1] = -1e15;
  ExpectMatchesSorting(outliers);
  ExpectMatchesSorting(std::vector<double>(20000, 2.5));  // constant
}

TEST(SampleMoments, MeanAndSdAgreeWithTwoPassSums) {
  const std::vector<double> x = Normals(100003, 9);
  double sum = 0;
  for (double v : x) sum += v;
  const double mean = sum / x.size();
  double squares = 0;
  for (double v : x) squares += (v - mean) * (v - mean);
  const SampleMoments m = MomentsOf(x);
  EXPECT_NEAR(m.mean, mean, 1e-10);
  EXPECT_NEAR(m.sd, std::sqrt(squares / (x.size() - 1)), 1e-9);
  EXPECT_EQ(MomentsOf(std::vector<double>{4.0}).sd, 0.0);
}

TEST(SampleSummary, MomentsAndQuantilesAsComputedApart) {
  const std::vector<double> probs = {0.05, 0.25, 0.5, 0.75, 0.95};
  for (int n : {1, 7, 4095, 4096, 10007, 100003}) {
    std::vector<double> x = Normals(n, 11);
    // Outliers make the squares' rounding visible: a fused multiply-add would change the sd.
    if (n == 10007)
      for (int i = 0; i < n; i += 97) x[i] = 1e12;
    const SampleSummary s = SummariseSample(x, probs);
    const SampleMoments m = MomentsOf(x);
    EXPECT_EQ(s.moments.mean, m.mean) << "n " << n;  // to the bit: same sums, same order
    EXPECT_EQ(s.moments.sd, m.sd) << "n " << n;
    EXPECT_EQ(s.quantiles, SampleQuantiles(x, probs)) << "n " << n;
  }
  // A constant sample (no bins to spread it over) still gets its moments.
  const SampleSummary constant = SummariseSample(std::vector<double>(5000, 2.5), probs);
  EXPECT_EQ(constant.moments.mean, 2.5);
  EXPECT_EQ(constant.moments.sd, 0.0);
}

}  // namespace
}  // namespace triad
