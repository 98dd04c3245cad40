#include "measures/var_json.hpp"

#include <fmt/format.h>

#include <limits>

#include "common/error.hpp"

namespace triad {
namespace {

nlohmann::json MatricesToJson(const std::vector<Eigen::MatrixXd>& ms) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : ms) out.push_back(MatrixToJson(m));
  return out;
}

const nlohmann::json& Field(const nlohmann::json& j, const char* name, const std::string& source) {
  if (!j.is_object() || !j.contains(name))
    ThrowInput(Location{source, 0, name}, "missing field in VAR fit JSON");
  return j.at(name);
}

}  // namespace

nlohmann::json MatrixToJson(const Eigen::MatrixXd& m) {
  nlohmann::json rows = nlohmann::json::array();
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    nlohmann::json row = nlohmann::json::array();
    for (Eigen::Index j = 0; j < m.cols(); ++j) row.push_back(m(i, j));
    rows.push_back(std::move(row));
  }
  return rows;
}

Eigen::MatrixXd MatrixFromJson(const nlohmann::json& j, const std::string& what) {
  if (!j.is_array()) ThrowInput(Location{what, 0, ""}, "expected an array of rows");
  if (j.empty()) return Eigen::MatrixXd();
  const auto rows = static_cast<Eigen::Index>(j.size());
  const auto cols = static_cast<Eigen::Index>(j[0].size());
  Eigen::MatrixXd m(rows, cols);
  for (Eigen::Index i = 0; i < rows; ++i) {
    if (!j[i].is_array() || static_cast<Eigen::Index>(j[i].size()) != cols)
      ThrowInput(Location{what, 0, ""}, fmt::format("row {} does not have {} numbers", i, cols));
    for (Eigen::Index c = 0; c < cols; ++c) {
      const auto& v = j[i][c];
      // null stands for a non-finite value (JSON has no NaN).
      m(i, c) = v.is_null() ? std::numeric_limits<double>::quiet_NaN() : v.get<double>();
    }
  }
  return m;
}

nlohmann::json ToJson(const VarFit& fit) {
  nlohmann::json j;
  j["model"] = fit.exog_names.empty() ? "VAR" : "VARX";
  j["names"] = fit.names;
  j["exog_names"] = fit.exog_names;
  j["trend"] = VarTrendCode(fit.trend);
  j["lags"] = fit.lags;
  j["nobs"] = fit.nobs;
  j["n_totobs"] = fit.n_totobs;
  j["df_model"] = fit.DfModel();
  j["df_resid"] = fit.DfResid();
  j["regressors"] = fit.regressors;
  j["params"] = MatrixToJson(fit.params);
  j["std_errors"] = MatrixToJson(fit.std_errors);
  j["t_values"] = MatrixToJson(fit.t_values);
  j["p_values"] = MatrixToJson(fit.p_values);
  j["regressor_cross_inverse"] = MatrixToJson(fit.regressor_cross_inverse);
  j["sigma_u"] = MatrixToJson(fit.sigma_u);
  j["sigma_u_mle"] = MatrixToJson(fit.sigma_u_mle);
  j["llf"] = fit.llf;
  j["aic"] = fit.aic;
  j["bic"] = fit.bic;
  j["hqic"] = fit.hqic;
  j["fpe"] = fit.fpe;
  nlohmann::json roots = nlohmann::json::array();
  for (const auto& r : fit.roots) roots.push_back({r.real(), r.imag()});  // inf -> null
  j["roots"] = roots;
  j["stable"] = fit.stable;
  j["residuals"] = MatrixToJson(fit.residuals);
  j["last_values"] = MatrixToJson(fit.last_values);
  j["last_label"] = fit.last_label;
  j["frequency"] = fit.frequency;
  j["logit_shares"] = fit.logit_shares;
  std::vector<Eigen::MatrixXd> lag_matrices;
  for (int i = 1; i <= fit.lags; ++i) lag_matrices.push_back(fit.LagMatrix(i));
  j["lag_matrices"] = MatricesToJson(lag_matrices);
  j["deterministic_coefficients"] = MatrixToJson(fit.DeterministicCoefficients());
  j["max_eigenvalue_modulus"] = fit.MaxEigenvalueModulus();
  j["prior"] = fit.minnesota ? "minnesota" : "none";
  if (fit.minnesota) {
    const MinnesotaFitInfo& m = *fit.minnesota;
    j["minnesota"] = {{"lambda", m.lambda},
                      {"log_marginal_likelihood", m.log_marginal_likelihood},
                      {"lambda_chosen", m.lambda_chosen},
                      {"lambda_at_bound", m.lambda_at_bound},
                      {"own_lag_mean", m.own_lag_mean},
                      {"deterministic_variance", m.deterministic_variance},
                      {"psi", std::vector<double>(m.psi.data(), m.psi.data() + m.psi.size())},
                      {"prior_df", m.prior_df},
                      {"posterior_scale", MatrixToJson(m.posterior_scale)},
                      {"posterior_df", m.posterior_df}};
  }
  return j;
}

VarFit VarFitFromJson(const nlohmann::json& j, const std::string& source) {
  VarFit fit;
  try {
    fit.names = Field(j, "names", source).get<std::vector<std::string>>();
    fit.exog_names = Field(j, "exog_names", source).get<std::vector<std::string>>();
    fit.trend = ParseVarTrend(Field(j, "trend", source).get<std::string>(), source + " trend");
    fit.lags = Field(j, "lags", source).get<int>();
    fit.nobs = Field(j, "nobs", source).get<int>();
    fit.n_totobs = Field(j, "n_totobs", source).get<int>();
    fit.regressors = Field(j, "regressors", source).get<std::vector<std::string>>();
    auto matrix = [&](const char* name) {
      return MatrixFromJson(Field(j, name, source), source + " " + name);
    };
    fit.params = matrix("params");
    fit.std_errors = matrix("std_errors");
    fit.t_values = matrix("t_values");
    fit.p_values = matrix("p_values");
    fit.regressor_cross_inverse = matrix("regressor_cross_inverse");
    fit.sigma_u = matrix("sigma_u");
    fit.sigma_u_mle = matrix("sigma_u_mle");
    // null stands for NaN (a Minnesota fit has no FPE; JSON has no NaN).
    auto number = [&](const char* name) {
      const nlohmann::json& v = Field(j, name, source);
      return v.is_null() ? std::numeric_limits<double>::quiet_NaN() : v.get<double>();
    };
    fit.llf = number("llf");
    fit.aic = number("aic");
    fit.bic = number("bic");
    fit.hqic = number("hqic");
    fit.fpe = number("fpe");
    for (const auto& r : Field(j, "roots", source)) {
      // [real, imaginary]; checked, since indexing a shorter array reads past its end.
      if (!r.is_array() || r.size() != 2)
        ThrowInput(Location{source, 0, "roots"}, "each root must be [real, imaginary]");
      const double inf = std::numeric_limits<double>::infinity();
      fit.roots.emplace_back(r[0].is_null() ? inf : r[0].get<double>(),
                             r[1].is_null() ? inf : r[1].get<double>());
    }
    fit.stable = Field(j, "stable", source).get<bool>();
    fit.residuals = matrix("residuals");
    fit.last_values = matrix("last_values");
    // Optional: fits saved before the calendar was recorded have neither.
    fit.last_label = j.value("last_label", std::string());
    fit.frequency = j.value("frequency", std::string());
    fit.logit_shares = j.value("logit_shares", std::vector<std::string>());
    if (j.contains("minnesota")) {
      const nlohmann::json& mj = j.at("minnesota");
      MinnesotaFitInfo m;
      m.lambda = mj.at("lambda").get<double>();
      m.log_marginal_likelihood = mj.at("log_marginal_likelihood").get<double>();
      m.lambda_chosen = mj.at("lambda_chosen").get<bool>();
      m.lambda_at_bound = mj.at("lambda_at_bound").get<bool>();
      m.own_lag_mean = mj.at("own_lag_mean").get<double>();
      m.deterministic_variance = mj.at("deterministic_variance").get<double>();
      const auto psi = mj.at("psi").get<std::vector<double>>();
      m.psi = Eigen::Map<const Eigen::VectorXd>(psi.data(), static_cast<Eigen::Index>(psi.size()));
      m.prior_df = mj.at("prior_df").get<double>();
      m.posterior_scale =
          MatrixFromJson(mj.at("posterior_scale"), source + " minnesota.posterior_scale");
      m.posterior_df = mj.at("posterior_df").get<double>();
      fit.minnesota = m;
    }
  } catch (const nlohmann::json::exception& e) {
    ThrowInput(Location{source, 0, ""}, fmt::format("malformed VAR fit: {}", e.what()));
  }
  // Every matrix is used with the shape its names, lags and trend imply (forecasts, impulse
  // responses and their errors index them without further checks). An empty matrix is written as
  // [] whatever its nominal shape, so a matrix with no rows passes as any shape with no rows.
  const int k = fit.K();
  const auto rows = static_cast<Eigen::Index>(fit.regressors.size());
  auto shaped = [](const Eigen::MatrixXd& m, Eigen::Index r, Eigen::Index c) {
    return m.rows() == r && (m.cols() == c || r == 0);
  };
  const bool same_as_params = shaped(fit.std_errors, rows, k) && shaped(fit.t_values, rows, k) &&
                              shaped(fit.p_values, rows, k);
  if (k == 0 || fit.lags < 0 || fit.nobs < 0 || rows != fit.DfModel() ||
      !shaped(fit.params, rows, k) || !same_as_params || !shaped(fit.sigma_u, k, k) ||
      !shaped(fit.sigma_u_mle, k, k) || !shaped(fit.regressor_cross_inverse, rows, rows) ||
      !shaped(fit.last_values, fit.lags, k) ||
      (fit.residuals.rows() != 0 && fit.residuals.cols() != k))
    ThrowInput(Location{source, 0, ""},
               "VAR fit JSON is inconsistent: matrix shapes do not match names, lags and trend");
  return fit;
}

nlohmann::json ToJson(const LagOrderSelection& s) {
  nlohmann::json j;
  j["maxlags"] = s.maxlags;
  std::vector<int> lags;
  for (int p = s.min_lag; p <= s.maxlags; ++p) lags.push_back(p);
  j["lags"] = lags;
  j["aic"] = s.aic;
  j["bic"] = s.bic;
  j["hqic"] = s.hqic;
  j["fpe"] = s.fpe;
  j["selected"] = {{"aic", s.selected_aic},
                   {"bic", s.selected_bic},
                   {"hqic", s.selected_hqic},
                   {"fpe", s.selected_fpe}};
  return j;
}

nlohmann::json ToJson(const GrangerResult& r) {
  return {{"caused", r.caused},   {"causing", r.causing}, {"statistic", r.statistic},
          {"p_value", r.p_value}, {"df_num", r.df_num},   {"df_den", r.df_den},
          {"test", "F"}};
}

nlohmann::json ToJson(const ImpulseResponse& irf) {
  return {{"orthogonalised", irf.orthogonalised},
          {"response", MatricesToJson(irf.response)},
          {"std_errors", MatricesToJson(irf.std_errors)},
          {"covariance", MatricesToJson(irf.covariance)}};
}

nlohmann::json ToJson(const VarianceDecomposition& fevd) {
  return {{"share", MatricesToJson(fevd.share)}};
}

nlohmann::json ToJson(const VarForecast& forecast) {
  return {{"mean", MatrixToJson(forecast.mean)}, {"mse", MatricesToJson(forecast.mse)}};
}

namespace {

nlohmann::json ResidualTestJson(const ResidualTest& t) {
  return {{"statistic", t.statistic},
          {"p_value", t.p_value},
          {"df", t.df},
          {"critical_value", t.critical_value},
          {"significance", t.significance},
          {"rejected", t.rejected()}};
}

}  // namespace

nlohmann::json ToJson(const VarAdequacy& adequacy) {
  nlohmann::json j;
  if (adequacy.whiteness) {
    j["whiteness"] = ResidualTestJson(*adequacy.whiteness);
    j["whiteness"]["lags"] = adequacy.whiteness_lags;
  } else {
    j["whiteness"] = nullptr;
  }
  j["normality"] = ResidualTestJson(adequacy.normality);
  return j;
}

}  // namespace triad
