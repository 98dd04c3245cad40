#pragma once
// JSON forms of the VAR results. A VarFit round-trips exactly (doubles are written with 17
// significant digits): `triad var --save fit.json` writes ToJson(fit) and the scenario
// simulator reads it back with VarFitFromJson. Matrices are arrays of rows.
#include <nlohmann/json.hpp>

#include "measures/var_adequacy.hpp"
#include "measures/var_forecast.hpp"
#include "measures/var_granger.hpp"
#include "measures/var_impulse.hpp"
#include "measures/var_model.hpp"

namespace triad {

nlohmann::json MatrixToJson(const Eigen::MatrixXd& m);
// `what` names the field in error messages.
Eigen::MatrixXd MatrixFromJson(const nlohmann::json& j, const std::string& what);

// Also writes derived views for readers that do not want the regressor layout:
// "lag_matrices" (A_1..A_p, equation by variable) and "deterministic_coefficients"
// (equation by [const, trend, exog...]). VarFitFromJson ignores them; `params` is authoritative.
nlohmann::json ToJson(const VarFit& fit);
// Throws an input error naming `source` (a file name) when a field is missing or malformed.
VarFit VarFitFromJson(const nlohmann::json& j, const std::string& source = "VAR fit JSON");

nlohmann::json ToJson(const LagOrderSelection& selection);
nlohmann::json ToJson(const GrangerResult& result);
nlohmann::json ToJson(const ImpulseResponse& irf);
nlohmann::json ToJson(const VarianceDecomposition& fevd);
nlohmann::json ToJson(const VarForecast& forecast);
// {"whiteness": {"statistic", "p_value", "df", "critical_value", "significance", "rejected",
// "lags"} or null, "normality": {...}}
nlohmann::json ToJson(const VarAdequacy& adequacy);

}  // namespace triad
