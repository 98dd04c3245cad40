#include "analysis/dyad_state.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "common/error.hpp"
#include "common/normal.hpp"

namespace triad {

Interval90 MakeInterval90(double estimate, double se) {
  if (!std::isfinite(estimate) || !std::isfinite(se) || se < 0) return {estimate, kUnknown};
  return {estimate, se, estimate - kZ90 * se, estimate + kZ90 * se};
}

DyadState EstimateDyadState(const RelationIndexSeries& index, int window) {
  DyadState s;
  s.dyad = index.dyad;
  const std::size_t n = index.size();
  if (n == 0) {
    s.warnings.push_back(fmt::format("{}: no periods in the range", s.dyad.Label()));
    return s;
  }
  s.asof = index.dates.back();
  int known = 0, with_se = 0;
  for (std::size_t t = 0; t < n; ++t) {
    if (std::isnan(index.value[t])) continue;
    ++known;
    with_se += std::isfinite(index.se[t]) ? 1 : 0;
    s.latest = PeriodIndex{index.dates[t], index.value[t], index.se[t], index.events[t]};
  }
  const std::size_t w = std::min<std::size_t>(n, static_cast<std::size_t>(std::max(window, 1)));
  for (std::size_t t = n - w; t < n; ++t) s.events_in_window += index.events[t];
  s.se_from_model = known > 0 && with_se == 0;
  if (known < kMinTrendPeriods) {
    s.warnings.push_back(fmt::format(
        "{}: only {} periods with a value: too few for the trend model (needs {}), so no smoothed "
        "level or momentum",
        s.dyad.Label(), known, kMinTrendPeriods));
    return s;
  }
  const LltOptions options;
  try {
    s.trend = FitLocalLinearTrend(index.value, options);
  } catch (const Error& e) {
    s.warnings.push_back(fmt::format("{}: no trend estimate: {}", s.dyad.Label(), e.what()));
    return s;
  }
  const double days = AverageDays(index.freq);
  const double per30 = 30.0 / days;
  const auto& smoothed = s.trend->states.smoothed;
  // The approximate diffuse start leaves its 1e6 prior in the first periods' variances: the same
  // periods `triad momentum` shows as unknown.
  const auto burn = static_cast<std::size_t>(PeriodsWithUnknownVariance(index.value, options));
  for (std::size_t t = 0; t < smoothed.size(); ++t) {
    const TrendEstimate& e = smoothed[t];
    const bool known_var = t >= burn;
    s.path.level.push_back(MakeInterval90(e.level, known_var ? std::sqrt(e.level_var) : kUnknown));
    s.path.momentum.push_back(
        MakeInterval90(e.slope * per30, known_var ? std::sqrt(e.slope_var) * per30 : kUnknown));
  }
  s.level = s.path.level.back();
  // The as-of period against its one-step-ahead forecast (not while the variances are unknown).
  if (const TrendEstimate& p = s.trend->states.predicted.back();
      n - 1 >= burn && !std::isnan(index.value.back()) && std::isfinite(p.level_var)) {
    const double half = kZ90 * std::sqrt(p.level_var + s.trend->params.irregular_var);
    ForecastCheck f{index.dates.back(), index.value.back(), p.level,
                    p.level - half,     p.level + half,     false};
    f.outside = f.value < f.lower || f.value > f.upper;
    s.forecast = f;
  }
  s.momentum = MomentumFromSlope(smoothed.back(), days);
  const std::size_t back = std::min<std::size_t>(n - 1, static_cast<std::size_t>(window));
  s.change = smoothed.back().level - smoothed[n - 1 - back].level;
  if (!s.trend->convergence.converged)
    s.warnings.push_back(fmt::format("{}: the trend model's optimiser did not converge ({})",
                                     s.dyad.Label(), s.trend->convergence.status));
  s.fit_warnings = DiagnoseTrendFit(*s.trend, index.value);
  for (const TrendFitWarning& w : s.fit_warnings)
    s.warnings.push_back(fmt::format("{}: {}", s.dyad.Label(), w.message));
  if (s.se_from_model)
    s.warnings.push_back(fmt::format(
        "{}: the series has no standard errors of its own; its noise is the trend model's "
        "irregular variance ({:.4g}), and intervals rest on it",
        s.dyad.Label(), s.trend->params.irregular_var));
  return s;
}

}  // namespace triad
