#pragma once
// Vector autoregression (VAR / VARX) estimated by equation-wise OLS, with the statistics that
// statsmodels 0.13 `statsmodels.tsa.api.VAR(endog, exog).fit(lags, trend=...)` reports, under
// the same definitions (Lütkepohl 2005, ch. 3-4):
//
//   y_t = c + d * t + B x_t + A_1 y_{t-1} + ... + A_p y_{t-p} + u_t,   u_t ~ (0, Sigma_u)
//
// where y_t has K components, x_t holds M user exogenous regressors entering at lag 0 only (as in
// statsmodels 0.13, which supports no exog lags), and t counts observations from 1 at the first
// row of the data (the first fitted row has t = p + 1, matching statsmodels' JMulTi adjustment).
#include <Eigen/Dense>

#include <complex>
#include <optional>
#include <string>
#include <vector>

namespace triad {

// Deterministic terms; the codes are statsmodels' trend strings.
enum class VarTrend {
  kNone,           // "n"
  kConstant,       // "c"
  kConstantTrend,  // "ct": constant and linear time trend
};

// Parses "n", "c" or "ct"; throws a usage error naming `option` otherwise.
VarTrend ParseVarTrend(const std::string& code, const std::string& option = "--trend");
std::string VarTrendCode(VarTrend trend);
// Number of deterministic columns: 0, 1 or 2.
int VarTrendTerms(VarTrend trend);

// The input of a VAR: T rows (periods, oldest first) of K endogenous series, and optionally
// M exogenous series on the same rows. Row labels (dates) are kept for reports only.
struct VarData {
  std::vector<std::string> names;       // K endogenous names, one per column of `values`
  Eigen::MatrixXd values;               // T x K
  std::vector<std::string> exog_names;  // M exogenous names, one per column of `exog`
  Eigen::MatrixXd exog;                 // T x M (M may be 0)
  std::vector<std::string> labels;      // T row labels, or empty
};

struct VarSpec {
  int lags = 1;  // p >= 0
  VarTrend trend = VarTrend::kConstant;
};

// What a Minnesota-prior fit (bvar_minnesota.hpp) adds to a VarFit: the prior's hyperparameters,
// the marginal likelihood that chose the tightness, and the normal-inverse-Wishart posterior
//   Sigma_u | Y ~ IW(posterior_scale, posterior_df),
//   vec(B) | Sigma_u, Y ~ N(vec(params), Sigma_u kron regressor_cross_inverse).
struct MinnesotaFitInfo {
  double lambda = 0;  // overall tightness: prior s.d. of an own first-lag coefficient
  double log_marginal_likelihood = 0;  // log p(Y | lambda), nats, GLP (2015) closed form
  bool lambda_chosen = true;           // false: given by the caller, not maximised
  bool lambda_at_bound = false;        // the maximum lies at the edge of the searched range
  double own_lag_mean = 0;             // prior mean of each series' own first lag
  double deterministic_variance = 0;   // prior variance factor of the deterministic terms
  Eigen::VectorXd psi;                 // K prior scale diagonal: AR(1) residual variances
  double prior_df = 0;                 // d = K + 2
  Eigen::MatrixXd posterior_scale;     // K x K
  double posterior_df = 0;             // d + nobs
};

// A fitted VAR. Plain data: everything the analysis functions (Granger, impulse responses,
// forecasts) and the scenario simulator need, and nothing that refers back to the input.
//
// Regressor order (rows of `params`) is statsmodels': deterministic terms ("const", "trend"),
// then the M exogenous series, then lag blocks L1.y_1..L1.y_K, ..., Lp.y_1..Lp.y_K.
// Column e of every regressor-by-equation matrix belongs to the equation of y_e.
struct VarFit {
  std::vector<std::string> names;       // K endogenous
  std::vector<std::string> exog_names;  // M exogenous
  VarTrend trend = VarTrend::kConstant;
  int lags = 0;      // p
  int nobs = 0;      // rows in the regression, T - p
  int n_totobs = 0;  // T, rows in the input; forecasts continue the trend from T + 1

  std::vector<std::string> regressors;      // k_det + K p names, e.g. "const", "L2.CHN_USA"
  Eigen::MatrixXd params;                   // (k_det + K p) x K coefficients
  Eigen::MatrixXd std_errors;               // same shape: sqrt(diag(kron((Z'Z)^-1, Sigma_u)))
  Eigen::MatrixXd t_values;                 // params / std_errors
  Eigen::MatrixXd p_values;                 // two-sided, standard normal (as statsmodels)
  Eigen::MatrixXd regressor_cross_inverse;  // (Z'Z)^-1, for Granger tests and IRF errors

  Eigen::MatrixXd sigma_u;      // K x K, residual SSCP / (nobs - df_model)
  Eigen::MatrixXd sigma_u_mle;  // K x K, residual SSCP / nobs
  double llf = 0;               // Gaussian log-likelihood at sigma_u_mle
  double aic = 0, bic = 0, hqic = 0, fpe = 0;

  // Inverse roots of det(I - A_1 z - ... - A_p z^p), i.e. 1 / eigenvalues of the companion
  // matrix, sorted by decreasing modulus; the process is stable when every root lies outside
  // the unit circle (all companion eigenvalues have modulus <= 1, statsmodels' test).
  std::vector<std::complex<double>> roots;
  bool stable = true;

  // Set for a Minnesota-prior fit: then `params` is the posterior mean, `sigma_u` the posterior
  // mean of Sigma_u, `regressor_cross_inverse` the posterior row covariance, `std_errors` the
  // posterior standard deviations and t / p their ratios read as z-scores; the OLS-only
  // statistics (llf, criteria) are evaluated at the posterior mean.
  std::optional<MinnesotaFitInfo> minnesota;

  Eigen::MatrixXd residuals;    // nobs x K, row i belongs to input row p + i
  Eigen::MatrixXd last_values;  // p x K, the last p input rows (oldest first), forecast origin
  // Calendar of the input, for scenarios that place events on dates: the label of the last input
  // row (the forecast origin) and the frequency of the rows ("day", "week", "month", "year")
  // when every label is a date one period after the previous one; both empty otherwise.
  std::string last_label;
  std::string frequency;
  // Endogenous variables that are logit(share) of a share in [0, 1] (a store model's SECURITY):
  // a scenario converts levers on them and reports their paths as shares.
  std::vector<std::string> logit_shares;

  int K() const { return static_cast<int>(names.size()); }
  int TrendTerms() const { return VarTrendTerms(trend); }
  int ExogTerms() const { return static_cast<int>(exog_names.size()); }
  // Deterministic plus exogenous regressors: statsmodels' k_exog.
  int DeterministicTerms() const { return TrendTerms() + ExogTerms(); }
  int DfModel() const { return K() * lags + DeterministicTerms(); }
  int DfResid() const { return nobs - DfModel(); }

  // A_i (K x K, row = equation, column = lagged variable), i in 1..p.
  Eigen::MatrixXd LagMatrix(int i) const;
  // K x (k_det) matrix [const, trend, exog...] by equation (statsmodels' coefs_exog).
  Eigen::MatrixXd DeterministicCoefficients() const;
  // Index of an endogenous variable by name; throws a usage error listing the names.
  int IndexOf(const std::string& name) const;
  // Largest modulus of the companion matrix's eigenvalues (0 for a VAR(0)); the VAR is stable
  // when it is below 1.
  double MaxEigenvalueModulus() const;
};

// The frequency of consecutive period labels: "day", "week", "month" or "year" when every label
// parses as a date (common/date.hpp) starting a period one period after the previous label;
// empty when the labels are not dates, skip a period, or are fewer than two.
std::string InferLabelFrequency(const std::vector<std::string>& labels);

// Fits the VAR by OLS. Throws a compute error when there are too few rows for the lag order
// (needs nobs > df_model) or when the regressors are collinear (e.g. a constant series, or two
// identical series), naming the cause.
VarFit FitVar(const VarData& data, const VarSpec& spec);

// The regression behind FitVar, for estimators that share its layout (bvar_minnesota.hpp):
// checks the data as FitVar does and returns the regressors z (nobs x (k_det + M + K p), in
// `regressors` order) and responses y (nobs x K). Throws a compute error when no row is left.
struct VarDesign {
  Eigen::MatrixXd z, y;
  std::vector<std::string> regressors;
};
VarDesign BuildVarDesign(const VarData& data, const VarSpec& spec);

// Fills the fields of `fit` that follow from its params and the data: roots, stable,
// last_values, last_label and frequency.
void SetDynamicsAndOrigin(VarFit& fit, const VarData& data);

// Information criteria for lag orders min_lag..maxlags, each estimated on the same sample (the
// first maxlags rows are dropped for every order), as statsmodels' VAR.select_order.
// min_lag is 0 when there is a deterministic term or exogenous series, otherwise 1.
struct LagOrderSelection {
  int maxlags = 0;
  int min_lag = 0;
  std::vector<double> aic, bic, hqic, fpe;  // index i is lag order min_lag + i
  int selected_aic = 0, selected_bic = 0, selected_hqic = 0, selected_fpe = 0;

  // The order chosen by "aic", "bic", "hqic" or "fpe"; throws a usage error otherwise.
  int Selected(const std::string& criterion) const;
};

// maxlags <= 0 picks statsmodels' default round(12 (T/100)^(1/4)), capped at the largest
// estimable order; an explicit maxlags above that order is a compute error.
LagOrderSelection SelectLagOrder(const VarData& data, int maxlags, VarTrend trend);

}  // namespace triad
