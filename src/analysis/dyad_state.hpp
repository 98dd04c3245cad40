#pragma once
// A dyad's state at the as-of date, defined once for every command (status, balance, explain,
// report, follow): the smoothed level of its local linear trend at the last period, with its
// 90% interval, beside the latest period's raw index (labelled as such, with its events), and
// the momentum (the smoothed slope per 30 days, 90% interval). The trend's path over all periods
// comes with it, for charts.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "codebook/dyad.hpp"
#include "measures/local_linear_trend.hpp"
#include "measures/local_linear_trend_diagnostics.hpp"
#include "measures/local_linear_trend_momentum.hpp"
#include "series/relation_index.hpp"

namespace triad {

inline constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();

// An estimate with its standard error and its 90% interval (estimate ± kZ90 × se). Every field
// is NaN when unknown.
struct Interval90 {
  double estimate = kUnknown, se = kUnknown, lower = kUnknown, upper = kUnknown;
};
Interval90 MakeInterval90(double estimate, double se);

// The raw relation index of one period (not smoothed).
struct PeriodIndex {
  Day period = 0;  // start day
  double value = kUnknown;
  double se = kUnknown;  // NaN for an imported series without standard errors
  std::int64_t events = 0;
};

// Per period of the index grid: the smoothed level and the momentum per 30 days, each with its
// 90% band. Unknown (NaN) where the trend model cannot say: before the fit, and in the first
// periods of statsmodels' approximate diffuse start, whose smoothed variances are artefacts of
// the 1e6 prior.
struct TrendPath {
  std::vector<Interval90> level;
  std::vector<Interval90> momentum;
};

// The as-of period's index against the trend model's one-step-ahead forecast of it: the level
// predicted from the periods before (the Kalman filter's a_t|t-1 at the fitted variances) with a
// 90% band of kZ90 x sqrt(predicted level variance + irregular variance), the spread a new
// period's raw index has around that prediction. `outside` when the index lies beyond the band.
struct ForecastCheck {
  Day period = 0;
  double value = kUnknown;  // the raw index of the period
  double forecast = kUnknown, lower = kUnknown, upper = kUnknown;
  bool outside = false;
};

// Fewest non-missing periods for the trend model.
inline constexpr int kMinTrendPeriods = 5;

struct DyadState {
  Dyad dyad;
  Day asof = 0;                           // start of the last period of the grid
  std::optional<PeriodIndex> latest;      // the latest period with a value
  std::optional<Interval90> level;        // smoothed level at the as-of period
  std::optional<Momentum> momentum;       // smoothed slope per 30 days at the as-of period
  std::optional<double> change;           // smoothed level now minus `window` periods before
  std::optional<ForecastCheck> forecast;  // the as-of period, when it has a value and a forecast
  std::int64_t events_in_window = 0;      // events in the last `window` periods
  std::optional<LocalLinearTrendFit> trend;
  TrendPath path;              // one entry per period of the index, or empty
  bool se_from_model = false;  // the index has no standard errors of its own
  // What the trend fit cannot support: a variance at zero, a straight-line slope, optimiser
  // starts that disagree (also among `warnings`, with the dyad's label).
  std::vector<TrendFitWarning> fit_warnings;
  std::vector<std::string> warnings;  // thin data, no fit, non-convergence, fit_warnings
};

// Fits the local linear trend to the index and reads off the state. Never throws for short or
// failed fits: the state then has no level or momentum, and a warning says why.
DyadState EstimateDyadState(const RelationIndexSeries& index, int window);

}  // namespace triad
