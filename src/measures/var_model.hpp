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

  Eigen::MatrixXd residuals;    // nobs x K, row i belongs to input row p + i
  Eigen::MatrixXd last_values;  // p x K, the last p input rows (oldest first), forecast origin
  // Calendar of the input, for scenarios that place events on dates: the label of the last input
  // row (the forecast origin) and the frequency of the rows ("day", "week", "month", "year")
  // when every label is a date one period after the previous one; both empty otherwise.
  std::string last_label;
  std::string frequency;

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
};

// The frequency of consecutive period labels: "day", "week", "month" or "year" when every label
// parses as a date (common/date.hpp) starting a period one period after the previous label;
// empty when the labels are not dates, skip a period, or are fewer than two.
std::string InferLabelFrequency(const std::vector<std::string>& labels);

// Fits the VAR by OLS. Throws a compute error when there are too few rows for the lag order
// (needs nobs > df_model) or when the regressors are collinear (e.g. a constant series, or two
// identical series), naming the cause.
VarFit FitVar(const VarData& data, const VarSpec& spec);

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
