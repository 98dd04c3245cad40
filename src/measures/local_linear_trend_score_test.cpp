#include "measures/local_linear_trend_score.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "measures/local_linear_trend.hpp"

namespace triad {
namespace {

const double kNaN = std::nan("");

// A wandering series with gaps (two single missing values and a run of three).
std::vector<double> Series() {
  std::vector<double> y;
  double level = 1, slope = 0.05;
  for (int t = 0; t < 80; ++t) {
    slope = 0.9 * slope + 0.02 * std::sin(0.7 * t);
    level += slope + 0.1 * std::cos(1.3 * t);
    y.push_back(level + 0.3 * std::sin(2.1 * t + 0.4));
  }
  for (int t : {0, 17, 40, 41, 42}) y[static_cast<std::size_t>(t)] = kNaN;
  return y;
}

// The score equals central differences of the log-likelihood in every parameter, for both
// initialisations, undamped and damped, and the value equals the Kalman filter's.
TEST(LocalLinearTrendScore, MatchesFiniteDifferencesOfTheLikelihood) {
  const std::vector<double> y = Series();
  for (auto init : {LltInitialisation::kStatsmodels, LltInitialisation::kExactDiffuse}) {
    for (bool damped : {false, true}) {
      LltOptions options;
      options.initialisation = init;
      LltParams params{0.09, 0.004, 0.0007, damped ? 0.85 : 1.0};
      llt::LltScore score;
      const double llf = llt::LogLikelihoodWithScore(y, params, options, damped, &score);
      const double reference = LocalLinearTrendLogLikelihood(y, params, options);
      EXPECT_NEAR(llf, reference, 1e-10 * std::abs(reference));
      for (int i = 0; i < (damped ? 4 : 3); ++i) {
        auto shifted = [&](double delta) {
          LltParams p = params;
          double* field[] = {&p.irregular_var, &p.level_var, &p.slope_var, &p.damping};
          *field[i] += delta;
          return LocalLinearTrendLogLikelihood(y, p, options);
        };
        double* field[] = {&params.irregular_var, &params.level_var, &params.slope_var,
                           &params.damping};
        const double h = 1e-5 * *field[i];
        const double numeric = (shifted(h) - shifted(-h)) / (2 * h);
        EXPECT_NEAR(score[i], numeric, 1e-5 * std::max(1.0, std::abs(numeric)))
            << "parameter " << i << " damped " << damped;
      }
      if (!damped) {
        EXPECT_EQ(score[3], 0);
      }
    }
  }
}

// Without a score the value is the same; a zero irregular variance with an observation at the
// regular phase's first period gives -infinity, as the filter does.
TEST(LocalLinearTrendScore, ValueAloneAndDegenerateVariances) {
  const std::vector<double> y = Series();
  LltOptions options;
  const LltParams params{0.09, 0.004, 0.0007, 1};
  llt::LltScore score;
  EXPECT_EQ(llt::LogLikelihoodWithScore(y, params, options, false, nullptr),
            llt::LogLikelihoodWithScore(y, params, options, false, &score));
  options.initialisation = LltInitialisation::kExactDiffuse;
  EXPECT_EQ(llt::LogLikelihoodWithScore(y, {0, 0, 0, 1}, options, false, &score),
            -std::numeric_limits<double>::infinity());
  EXPECT_EQ(LocalLinearTrendLogLikelihood(y, {0, 0, 0, 1}, options),
            -std::numeric_limits<double>::infinity());
}

}  // namespace
}  // namespace triad
