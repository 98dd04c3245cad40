#include "scenarios/forecast_evaluation_json.hpp"

#include <cmath>

namespace triad {

namespace {

// NaN and infinities are not JSON numbers: null.
nlohmann::json Number(double x) {
  return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json();
}

std::string Label(const EvaluationResult& r, int row) {
  return r.labels.empty() ? std::to_string(row) : r.labels[static_cast<std::size_t>(row)];
}

}  // namespace

nlohmann::json ToJson(const DieboldMarianoTest& t) {
  return {{"loss", "crps_model_minus_no_change"},
          {"n", t.n},
          {"lags", t.horizon - 1},
          {"mean_differential", Number(t.mean_differential)},
          {"long_run_variance", Number(t.long_run_variance)},
          {"statistic", Number(t.statistic)},
          {"hln_statistic", Number(t.corrected_statistic)},
          {"p_value", Number(t.p_value)},
          {"variance_fallback", t.variance_fallback}};
}

nlohmann::json ToJson(const EvaluationResult& r) {
  nlohmann::json out;
  out["targets"] = r.targets;
  out["drivers"] = r.drivers;
  out["rows"] = r.rows;
  out["first"] = Label(r, 0);
  out["last"] = Label(r, r.rows - 1);
  out["horizon"] = r.horizon;
  out["min_train"] = r.min_train;
  out["step"] = r.step;
  out["origins"] = r.origins.size();
  out["first_origin"] = Label(r, r.origins.front());
  out["last_origin"] = Label(r, r.origins.back());
  out["notes"] = r.notes;
  nlohmann::json models = nlohmann::json::array();
  for (const ModelEvaluation& m : r.models) {
    nlohmann::json horizons = nlohmann::json::array();
    for (const HorizonScore& s : m.horizons) {
      nlohmann::json series = nlohmann::json::array();
      for (const SeriesScore& x : s.series)
        series.push_back({{"name", x.name},
                          {"forecasts", x.forecasts},
                          {"crps", Number(x.crps)},
                          {"coverage50", Number(x.coverage50)},
                          {"coverage90", Number(x.coverage90)}});
      nlohmann::json h = {{"horizon", s.horizon},
                          {"origins", s.origins},
                          {"forecasts", s.forecasts},
                          {"crps", Number(s.crps)},
                          {"crps_no_change", Number(s.crps_no_change)},
                          {"crps_ratio", Number(s.crps / s.crps_no_change)},
                          {"coverage50", Number(s.coverage50)},
                          {"coverage90", Number(s.coverage90)},
                          {"series", series}};
      h["diebold_mariano"] = s.versus_no_change ? ToJson(*s.versus_no_change) : nlohmann::json();
      if (s.versus_var) {
        h["versus_var"] = ToJson(*s.versus_var);
        h["versus_var"]["loss"] = "crps_model_minus_var";
        h["crps_ratio_to_var"] = Number(s.crps_ratio_to_var);
      }
      horizons.push_back(std::move(h));
    }
    models.push_back({{"model", ForecastModelKey(m.model)},
                      {"label", ForecastModelLabel(m.model)},
                      {"failed_origins", m.failed_origins},
                      {"first_failure", m.first_failure},
                      {"horizons", horizons}});
  }
  out["models"] = models;
  if (!r.forecasts.empty()) {
    nlohmann::json forecasts = nlohmann::json::array();
    for (const OriginForecast& f : r.forecasts) {
      nlohmann::json mean = nlohmann::json::array(), sd = nlohmann::json::array();
      for (const auto& step : f.forecast.at) {
        nlohmann::json m = nlohmann::json::array(), s = nlohmann::json::array();
        for (const GaussianForecast& g : step) {
          m.push_back(Number(g.mean));
          s.push_back(Number(g.sd));
        }
        mean.push_back(std::move(m));
        sd.push_back(std::move(s));
      }
      nlohmann::json x = {{"origin", f.origin},
                          {"label", f.label},
                          {"model", ForecastModelKey(f.model)},
                          {"lags", f.forecast.lags},
                          {"drivers", f.forecast.drivers},
                          {"lambda", f.forecast.lambda},
                          {"mean", std::move(mean)},
                          {"sd", std::move(sd)}};
      forecasts.push_back(std::move(x));
    }
    out["forecasts"] = std::move(forecasts);
  }
  return out;
}

}  // namespace triad
