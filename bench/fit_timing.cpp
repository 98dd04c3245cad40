// triad_fit_timing: times triad's fits in process, without process start, CSV reading or output
// (a benchmark helper, not a test; built only with -DTRIAD_BENCH=ON). bench/momentum_fit.py and
// bench/var_fit.py run it to compare the fit alone with statsmodels' fit alone.
//
// Usage:
//   triad_fit_timing momentum CSV COLUMN REPEATS
//       what `triad momentum` computes after reading: FitLocalLinearTrend (statsmodels'
//       initialisation), the unknown-variance periods and the momentum at the last period
//   triad_fit_timing var CSV MAXLAGS REPEATS select|full
//       what `triad var --maxlags MAXLAGS --ic aic` computes after reading: lag selection, fit and
//       the residual tests; `full` adds --granger (every pair, each series against the others),
//       --irf 10 (plain and orthogonalised with asymptotic standard errors, FEVD) and
//       --forecast 10
// Prints one line of JSON: the median and fastest time in milliseconds over REPEATS runs (after
// one untimed warm-up run), and a number to check the work against (the log-likelihood or the
// chosen lag order).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "measures/local_linear_trend.hpp"
#include "measures/local_linear_trend_momentum.hpp"
#include "measures/var_adequacy.hpp"
#include "measures/var_csv.hpp"
#include "measures/var_forecast.hpp"
#include "measures/var_granger.hpp"
#include "measures/var_impulse.hpp"
#include "measures/var_model.hpp"
#include "series/dated_column.hpp"

namespace {

// Runs `work` once untimed, then `repeats` times; returns the run times in milliseconds, sorted.
std::vector<double> TimeRuns(int repeats, const std::function<void()>& work) {
  work();
  std::vector<double> ms;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
  }
  std::sort(ms.begin(), ms.end());
  return ms;
}

void Print(const std::vector<double>& ms, const std::string& check) {
  const std::size_t n = ms.size();
  const double median = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
  std::printf("{\"median_ms\": %.4f, \"min_ms\": %.4f, \"repeats\": %zu, %s}\n", median, ms.front(),
              n, check.c_str());
}

int Momentum(const std::string& csv, const std::string& column, int repeats) {
  const triad::PeriodSeries series = triad::ReadDatedColumn(csv, column, std::nullopt);
  const triad::LltOptions options;
  double loglikelihood = 0;
  const auto ms = TimeRuns(repeats, [&] {
    const triad::LocalLinearTrendFit fit = triad::FitLocalLinearTrend(series.values, options);
    const int unknown = triad::PeriodsWithUnknownVariance(series.values, options);
    const triad::Momentum m =
        triad::MomentumFromSlope(fit.states.smoothed.back(), triad::AverageDays(series.frequency));
    loglikelihood = fit.loglikelihood + 0 * (unknown + m.per_30_days);
  });
  Print(ms, fmt::format("\"loglikelihood\": {:.6f}", loglikelihood));
  return 0;
}

int Var(const std::string& csv, int maxlags, int repeats, bool full) {
  const triad::VarData data = triad::ReadVarCsv(csv, {}, {});
  int order = -1;
  const auto ms = TimeRuns(repeats, [&] {
    const triad::LagOrderSelection selection =
        triad::SelectLagOrder(data, maxlags, triad::VarTrend::kConstant);
    order = selection.Selected("aic");
    const triad::VarFit fit =
        triad::FitVar(data, triad::VarSpec{order, triad::VarTrend::kConstant});
    const int whiteness_lags = triad::WhitenessLags(fit);
    if (whiteness_lags > 0) triad::TestWhiteness(fit, whiteness_lags);
    triad::TestNormality(fit);
    if (!full || order == 0) return;
    std::vector<triad::GrangerResult> tests;
    for (const auto& caused : fit.names) {
      for (const auto& causing : fit.names)
        if (caused != causing) tests.push_back(triad::GrangerTest(fit, {caused}, {causing}));
      tests.push_back(triad::GrangerTest(fit, {caused}));
    }
    triad::ImpulseResponses(fit, 10, false);
    triad::ImpulseResponses(fit, 10, true);
    triad::DecomposeVariance(fit, 10);
    triad::Forecast(fit, data.values, 10);
  });
  Print(ms, fmt::format("\"lag_order\": {}", order));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 4 && args[0] == "momentum")
      return Momentum(args[1], args[2], std::atoi(args[3].c_str()));
    if (args.size() == 5 && args[0] == "var" && (args[4] == "select" || args[4] == "full"))
      return Var(args[1], std::atoi(args[2].c_str()), std::atoi(args[3].c_str()),
                 args[4] == "full");
  } catch (const triad::Error& e) {
    std::fprintf(stderr, "triad_fit_timing: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr,
               "usage: triad_fit_timing momentum CSV COLUMN REPEATS\n"
               "       triad_fit_timing var CSV MAXLAGS REPEATS select|full\n");
  return 2;
}
