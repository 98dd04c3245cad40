#pragma once
// What drives each relation: a VAR over the dyad indices and their driver series, read the way
// an analyst asks: which drivers Granger-cause each dyad, how each dyad responds to a
// one-standard-deviation shock in each driver, and what share of each dyad's forecast-error
// variance comes from its own momentum, from the other dyads and from each driver.
#include <optional>
#include <string>
#include <vector>

#include "measures/bvar_minnesota.hpp"
#include "measures/var_adequacy.hpp"
#include "measures/var_data_budget.hpp"
#include "measures/var_impulse.hpp"
#include "measures/var_model.hpp"

namespace triad {

struct DriverAnalysisOptions {
  int maxlags = 4;  // lag order chosen by `criterion` among 1..maxlags (capped by data)
  int lags = 0;     // > 0: use this order instead of selecting one
  std::string criterion = "bic";
  VarTrend trend = VarTrend::kConstant;
  int horizon = 8;      // periods for impulse responses and the variance decomposition
  double alpha = 0.05;  // significance level for the Granger tests
  // kNone: OLS within the data budget. kMinnesota: a Minnesota-prior Bayesian VAR with every
  // driver (the prior, not dropping, guards against overfitting). kAuto: OLS, unless even the
  // dyads alone at lag 1 are below the budget; then the Minnesota BVAR of the planned series.
  VarPrior prior = VarPrior::kAuto;
};

struct GrangerFinding {
  std::string driver, dyad;
  double statistic = 0, p_value = 1;
  int df_num = 0, df_den = 0;
  bool significant = false;
};

struct ShockResponse {
  std::string driver, dyad;
  std::vector<double> response, std_error;  // h = 0..horizon, orthogonalised, one s.d. shock
  double peak = 0;                          // response of largest magnitude over h >= 1
  int peak_period = 0;
};

struct DyadVarianceShares {
  std::string dyad;
  double own = 0;                                       // share from the dyad's own shocks
  double other_dyads = 0;                               // share from the other dyads' shocks
  std::vector<std::pair<std::string, double>> drivers;  // share from each driver's shocks
};

struct DriverAnalysis {
  VarFit fit;
  int selected_lags = 0;
  std::vector<std::string> dyads, drivers;     // drivers: those in the fitted model
  std::vector<DroppedDriver> dropped_drivers;  // left out by the data budget, with why
  double observations_per_coefficient = 0;     // rows per coefficient per equation, as fitted
  std::optional<VarAdequacy> adequacy;  // residual whiteness and normality; unset if not testable
  std::vector<GrangerFinding> granger;
  std::vector<ShockResponse> responses;
  std::vector<DyadVarianceShares> shares;  // at `horizon`
  std::vector<std::string> notes;          // how the model was fitted (prior, lambda), and why
  std::vector<std::string> warnings;       // short data, instability, ...
  std::vector<std::string> findings;       // plain-words sentences with numbers
};

// `data` holds the dyads and drivers as endogenous series (no missing values); `dyads` names
// the relation series among them, every other column is a driver. The model is kept within the
// data budget of var_data_budget.hpp (fewer lags, then fewer drivers; a warning for each step,
// and one when even the dyads alone are below it). Throws a compute error when the data are too
// short for even one lag of the dyads.
DriverAnalysis AnalyseDrivers(const VarData& data, const std::vector<std::string>& dyads,
                              const DriverAnalysisOptions& options);

}  // namespace triad
