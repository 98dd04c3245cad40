#pragma once
// Rolling-origin forecast evaluation: do the models forecast the relations better than no change?
//
// Origins: the forecast origin is the last training row o, for o = min_train - 1, min_train - 1 +
// step, ... up to the second-to-last row; at each origin every model is fitted afresh on rows
// 0..o (forecast_models.hpp; nothing is carried over from one origin to the next) and forecasts
// rows o + 1 .. o + H. A horizon h is scored at the origins where row o + h exists.
//
// Scores per model and horizon, over origins and target series:
//   CRPS of the Gaussian predictive (forecast_scores.hpp, closed form; in the series' units,
//   lower is better), and its ratio to the no-change forecast's CRPS on the same forecasts;
//   coverage of the central 50% and 90% intervals (mean ± kZ50 sd, mean ± kZ90 sd; nominal 0.5
//   and 0.9);
//   a Diebold-Mariano test against no-change (diebold_mariano.hpp, HLN-corrected, h - 1 lags)
//   whose loss differential at an origin is the model's CRPS minus no-change's, averaged over
//   the target series: negative means the model forecast better;
//   for the VAR with drivers, the same test against the VAR without them (the drivers' own
//   contribution to the forecast).
#include <optional>
#include <string>
#include <vector>

#include "measures/var_model.hpp"
#include "scenarios/diebold_mariano.hpp"
#include "scenarios/forecast_models.hpp"

namespace triad {

// Rows the first origin trains on when the caller does not say: half the rows, at least
// kMinTrainRows (a VAR with a few lags and the trend model need that many to be estimable).
inline constexpr int kMinTrainRows = 20;
int DefaultMinTrain(int rows);

struct EvaluationOptions {
  int horizon = 8;                    // H
  int min_train = 0;                  // rows up to the first origin; 0: DefaultMinTrain
  int step = 1;                       // rows between origins
  std::vector<ForecastModel> models;  // empty: every model the data allow
  ForecastModelOptions model;
  int threads = 0;              // 0: all cores; the result does not depend on it
  bool keep_forecasts = false;  // keep every origin's forecasts in the result
};

struct SeriesScore {
  std::string name;
  int forecasts = 0;
  double crps = 0, coverage50 = 0, coverage90 = 0;
};

struct HorizonScore {
  int horizon = 0;
  int origins = 0;    // origins scored at this horizon
  int forecasts = 0;  // origins x target series
  double crps = 0;
  double crps_no_change = 0;  // no-change's CRPS on the same forecasts
  double coverage50 = 0, coverage90 = 0;
  std::optional<DieboldMarianoTest> versus_no_change;  // unset for no-change itself
  // VAR + drivers only, when the VAR ran too: the same test against the VAR without drivers (do
  // the drivers add to the forecast?), and the ratio of the CRPS to the VAR's.
  std::optional<DieboldMarianoTest> versus_var;
  double crps_ratio_to_var = 0;
  std::vector<SeriesScore> series;  // per target series
};

struct ModelEvaluation {
  ForecastModel model = ForecastModel::kNoChange;
  std::vector<HorizonScore> horizons;  // h = 1..H
  int failed_origins = 0;              // origins where the model could not be fitted
  std::string first_failure;           // why, at the first of them
};

// One model's forecasts from one origin (kept with keep_forecasts).
struct OriginForecast {
  int origin = 0;  // row index of the last training row
  std::string label;
  ForecastModel model = ForecastModel::kNoChange;
  ModelForecast forecast;  // empty `at` when the model failed here
};

struct EvaluationResult {
  std::vector<std::string> targets, drivers;
  std::vector<std::string> labels;  // the rows' labels
  int rows = 0;
  int horizon = 0, min_train = 0, step = 0;
  std::vector<int> origins;  // last training row of each origin
  std::vector<ModelEvaluation> models;
  std::vector<OriginForecast> forecasts;  // origin-major, then model, when kept
  std::vector<std::string> notes;         // models left out and why
};

// `data`: rows oldest first without missing values, the first `targets` columns forecast, the
// rest drivers. Usage error when min_train leaves no origin or the options are out of range.
EvaluationResult EvaluateForecasts(const VarData& data, int targets,
                                   const EvaluationOptions& options);

}  // namespace triad
