#include "scenarios/forecast_evaluation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "common/error.hpp"
#include "common/normal.hpp"
#include "scenarios/forecast_scores.hpp"
#include "scenarios/worker_pool.hpp"

namespace triad {

int DefaultMinTrain(int rows) {
  return std::max(kMinTrainRows, rows / 2);
}

namespace {

VarData TrainingRows(const VarData& data, int origin) {
  VarData train;
  train.names = data.names;
  train.values = data.values.topRows(origin + 1);
  if (!data.labels.empty())
    train.labels.assign(data.labels.begin(), data.labels.begin() + origin + 1);
  return train;
}

std::vector<ForecastModel> ModelsToRun(const EvaluationOptions& options, bool has_drivers,
                                       std::vector<std::string>* notes) {
  std::vector<ForecastModel> wanted = options.models;
  if (wanted.empty()) wanted.assign(kForecastModels.begin(), kForecastModels.end());
  // No-change is the benchmark every other model is tested against: always run, listed first.
  std::vector<ForecastModel> out = {ForecastModel::kNoChange};
  for (ForecastModel m : wanted) {
    if (m == ForecastModel::kNoChange) continue;
    if (UsesDrivers(m) && !has_drivers) {
      notes->push_back(
          fmt::format("{} left out: the data have no driver series", ForecastModelLabel(m)));
      continue;
    }
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
  }
  return out;
}

// CRPS and band hits of one Gaussian forecast against what happened.
struct Scored {
  double crps = 0;
  bool in50 = false, in90 = false;
};
Scored Score(const GaussianForecast& f, double observed) {
  return {CrpsOfNormal(f.mean, f.sd, observed),
          InBand(observed, f.mean - kZ50 * f.sd, f.mean + kZ50 * f.sd),
          InBand(observed, f.mean - kZ90 * f.sd, f.mean + kZ90 * f.sd)};
}

}  // namespace

EvaluationResult EvaluateForecasts(const VarData& data, int targets,
                                   const EvaluationOptions& options) {
  const int rows = static_cast<int>(data.values.rows());
  const int columns = static_cast<int>(data.values.cols());
  if (targets < 1 || targets > columns)
    ThrowUsage("the evaluation needs at least one series to forecast");
  if (options.horizon < 1) ThrowUsage("--horizon must be at least 1");
  if (options.step < 1) ThrowUsage("--step must be at least 1");
  if (!data.values.allFinite()) ThrowUsage("the evaluation needs series without missing values");
  EvaluationResult r;
  r.targets.assign(data.names.begin(), data.names.begin() + targets);
  r.drivers.assign(data.names.begin() + targets, data.names.end());
  r.labels = data.labels;
  r.rows = rows;
  r.horizon = options.horizon;
  r.step = options.step;
  r.min_train = options.min_train > 0 ? options.min_train : DefaultMinTrain(rows);
  if (r.min_train < 3 || r.min_train >= rows)
    ThrowUsage(fmt::format(
        "{} rows leave no forecast origin after {} training rows (--min-train): need at least 3 "
        "training rows and one row after them",
        rows, r.min_train));
  for (int o = r.min_train - 1; o <= rows - 2; o += r.step) r.origins.push_back(o);
  const std::vector<ForecastModel> models = ModelsToRun(options, !r.drivers.empty(), &r.notes);

  // Every (origin, model) fit is independent: one task each, results in their own slots.
  const int n_origins = static_cast<int>(r.origins.size());
  const int n_models = static_cast<int>(models.size());
  std::vector<ModelForecast> fits(static_cast<std::size_t>(n_origins * n_models));
  std::vector<std::string> failures(fits.size());
  {
    WorkerPool pool(options.threads);
    pool.ParallelFor(static_cast<int>(fits.size()), [&](int task, int) {
      const int o = r.origins[static_cast<std::size_t>(task / n_models)];
      const ForecastModel m = models[static_cast<std::size_t>(task % n_models)];
      const int h_max = std::min(options.horizon, rows - 1 - o);
      try {
        fits[task] = ForecastFrom(m, TrainingRows(data, o), targets, h_max, options.model);
      } catch (const Error& e) {
        if (e.kind() != ErrorKind::kCompute) throw;
        failures[task] = e.what();
      }
    });
  }

  auto fit_of = [&](int origin_index, int model_index) -> const ModelForecast& {
    return fits[static_cast<std::size_t>(origin_index * n_models + model_index)];
  };
  const auto var_at = std::find(models.begin(), models.end(), ForecastModel::kVar);
  const int var_index = var_at == models.end() ? -1 : static_cast<int>(var_at - models.begin());
  for (int mi = 0; mi < n_models; ++mi) {
    ModelEvaluation e;
    e.model = models[mi];
    for (int oi = 0; oi < n_origins; ++oi)
      if (fit_of(oi, mi).at.empty()) {
        if (e.failed_origins++ == 0)
          e.first_failure =
              fmt::format("at origin {}: {}",
                          r.labels.empty() ? std::to_string(r.origins[oi])
                                           : r.labels[static_cast<std::size_t>(r.origins[oi])],
                          failures[static_cast<std::size_t>(oi * n_models + mi)]);
      }
    for (int h = 1; h <= options.horizon; ++h) {
      HorizonScore s;
      s.horizon = h;
      s.series.resize(static_cast<std::size_t>(targets));
      for (int j = 0; j < targets; ++j) s.series[j].name = r.targets[j];
      std::vector<double> differentials;
      // Against the VAR without drivers: only origins where both VARs were fitted.
      const bool to_var = models[mi] == ForecastModel::kVarDrivers && var_index >= 0;
      std::vector<double> differentials_to_var;
      double crps_paired = 0, crps_var = 0;
      for (int oi = 0; oi < n_origins; ++oi) {
        const int o = r.origins[oi];
        const ModelForecast& f = fit_of(oi, mi);
        const ModelForecast& base = fit_of(oi, 0);
        if (o + h > rows - 1 || f.at.empty() || base.at.empty()) continue;
        ++s.origins;
        double differential = 0;
        for (int j = 0; j < targets; ++j) {
          const double observed = data.values(o + h, j);
          const Scored x = Score(f.at[h - 1][j], observed);
          const Scored b = Score(base.at[h - 1][j], observed);
          s.crps += x.crps;
          s.crps_no_change += b.crps;
          s.coverage50 += x.in50;
          s.coverage90 += x.in90;
          SeriesScore& ss = s.series[j];
          ++ss.forecasts;
          ss.crps += x.crps;
          ss.coverage50 += x.in50;
          ss.coverage90 += x.in90;
          differential += (x.crps - b.crps) / targets;
        }
        differentials.push_back(differential);
        if (to_var && !fit_of(oi, var_index).at.empty()) {
          double d = 0;
          for (int j = 0; j < targets; ++j) {
            const double observed = data.values(o + h, j);
            const double x = Score(f.at[h - 1][j], observed).crps;
            const double v = Score(fit_of(oi, var_index).at[h - 1][j], observed).crps;
            crps_paired += x;
            crps_var += v;
            d += (x - v) / targets;
          }
          differentials_to_var.push_back(d);
        }
      }
      s.forecasts = s.origins * targets;
      if (s.forecasts > 0) {
        for (double* x : {&s.crps, &s.crps_no_change, &s.coverage50, &s.coverage90})
          *x /= s.forecasts;
        for (SeriesScore& ss : s.series)
          for (double* x : {&ss.crps, &ss.coverage50, &ss.coverage90}) *x /= ss.forecasts;
      }
      if (mi > 0 && differentials.size() >= 2)
        s.versus_no_change = DieboldMariano(differentials, h);
      if (differentials_to_var.size() >= 2) {
        s.versus_var = DieboldMariano(differentials_to_var, h);
        s.crps_ratio_to_var = crps_paired / crps_var;
      }
      e.horizons.push_back(std::move(s));
    }
    r.models.push_back(std::move(e));
  }
  if (options.keep_forecasts)
    for (int oi = 0; oi < n_origins; ++oi)
      for (int mi = 0; mi < n_models; ++mi) {
        const int o = r.origins[oi];
        r.forecasts.push_back(
            {o, r.labels.empty() ? std::to_string(o) : r.labels[static_cast<std::size_t>(o)],
             models[mi], fit_of(oi, mi)});
      }
  return r;
}

}  // namespace triad
