#include "measures/var_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <optional>

#include "common/date.hpp"
#include "common/error.hpp"
#include "measures/var_distributions.hpp"

namespace triad {
namespace {

// The regression of one VAR order on one sample: rows offset + lags .. T - 1 of the input.
struct VarRegression {
  Eigen::MatrixXd z;          // nobs x (k_det + K p) regressors
  Eigen::MatrixXd y;          // nobs x K responses
  Eigen::MatrixXd params;     // (k_det + K p) x K
  Eigen::MatrixXd residuals;  // nobs x K
  Eigen::MatrixXd sigma_u;    // SSCP / df_resid
  int nobs = 0;
  int df_model = 0;
  int df_resid = 0;
};

// Relative spread below which a column counts as constant: far above rounding (1e-16) and far
// below any real variation of an index or a count.
constexpr double kConstantSpread = 1e-9;

// Why a column is (near) constant, e.g. "is constant (5)"; nullopt when it varies. Near: its
// range is below kConstantSpread times its largest absolute value.
std::optional<std::string> ConstantColumn(const Eigen::Ref<const Eigen::VectorXd>& x) {
  if (x.size() < 2) return std::nullopt;
  const double low = x.minCoeff(), high = x.maxCoeff();
  const double size = x.cwiseAbs().maxCoeff();
  if (high - low > kConstantSpread * size) return std::nullopt;
  if (high == low) return fmt::format("is constant ({:g})", low);
  return fmt::format("is nearly constant ({:.12g} .. {:.12g})", low, high);
}

void CheckData(const VarData& data) {
  const auto k = data.values.cols();
  if (k < 1) ThrowUsage("a VAR needs at least one endogenous series");
  if (static_cast<Eigen::Index>(data.names.size()) != k)
    ThrowUsage(fmt::format("{} names for {} endogenous series", data.names.size(), k));
  if (data.exog.cols() > 0 && data.exog.rows() != data.values.rows())
    ThrowUsage(fmt::format("exogenous series have {} rows but endogenous series have {}",
                           data.exog.rows(), data.values.rows()));
  if (static_cast<Eigen::Index>(data.exog_names.size()) != data.exog.cols())
    ThrowUsage(
        fmt::format("{} names for {} exogenous series", data.exog_names.size(), data.exog.cols()));
  if (!data.values.allFinite() || !data.exog.allFinite())
    ThrowCompute("the VAR input holds a NaN or infinite value");
  // A (near) constant series has no dynamics: its equation fits exactly, or its lags duplicate
  // the constant, and the fit fails on a singular matrix that would not say which series.
  for (Eigen::Index c = 0; c < k; ++c) {
    if (const std::optional<std::string> why = ConstantColumn(data.values.col(c)))
      ThrowCompute(
          fmt::format("cannot fit the VAR: series '{}' {} over all {} rows; a VAR "
                      "models series that vary: leave it out (--columns)",
                      data.names[static_cast<std::size_t>(c)], *why, data.values.rows()));
  }
}

// Names the most likely cause of collinear regressors, for an error a user can act on.
std::string CollinearityCause(const Eigen::MatrixXd& z, const std::vector<std::string>& names) {
  const auto n = z.rows();
  for (Eigen::Index j = 0; j < z.cols(); ++j) {
    if (names[j] == "const") continue;
    if (const std::optional<std::string> why = ConstantColumn(z.col(j))) {
      return fmt::format(
          "regressor '{}' {} over the {} rows used, and the model already has a constant "
          "(the --trend or another constant regressor)",
          names[j], *why, n);
    }
  }
  for (Eigen::Index a = 0; a < z.cols(); ++a)
    for (Eigen::Index b = a + 1; b < z.cols(); ++b)
      if (z.col(a) == z.col(b))
        return fmt::format("regressors '{}' and '{}' are identical", names[a], names[b]);
  return "some regressors are a linear combination of others";
}

std::vector<std::string> RegressorNames(const VarData& data, int lags, VarTrend trend) {
  std::vector<std::string> names;
  if (VarTrendTerms(trend) >= 1) names.push_back("const");
  if (VarTrendTerms(trend) >= 2) names.push_back("trend");
  for (const auto& name : data.exog_names) names.push_back(name);
  for (int j = 1; j <= lags; ++j)
    for (const auto& name : data.names) names.push_back(fmt::format("L{}.{}", j, name));
  return names;
}

// Builds and solves the regression. `offset` rows are dropped from the start so that lag
// selection compares every order on the same sample. The trend column counts from lags + 1 at
// the first fitted row of the offset sample (statsmodels' `z[:, i] += lags`).
VarRegression Estimate(const VarData& data, int lags, int offset, VarTrend trend,
                       const std::vector<std::string>& regressor_names) {
  const int t_total = static_cast<int>(data.values.rows());
  const int k = static_cast<int>(data.values.cols());
  const int m = static_cast<int>(data.exog.cols());
  const int k_trend = VarTrendTerms(trend);
  VarRegression r;
  r.nobs = t_total - lags - offset;
  r.df_model = k * lags + k_trend + m;
  r.df_resid = r.nobs - r.df_model;
  if (lags < 0) ThrowUsage(fmt::format("lag order must be >= 0, got {}", lags));
  if (r.df_resid < 1) {
    ThrowCompute(fmt::format(
        "too few observations for a VAR({}) with {} series and {} deterministic/exogenous "
        "terms: {} rows leave {} for the regression, which needs at least {} (one more than "
        "the {} coefficients per equation); use fewer lags or a longer series",
        lags, k, k_trend + m, t_total - offset, std::max(r.nobs, 0), r.df_model + 1, r.df_model));
  }
  r.z.resize(r.nobs, r.df_model);
  r.y = data.values.bottomRows(r.nobs);
  for (int i = 0; i < r.nobs; ++i) {
    const int row = offset + lags + i;
    int col = 0;
    if (k_trend >= 1) r.z(i, col++) = 1.0;
    if (k_trend >= 2) r.z(i, col++) = static_cast<double>(lags + 1 + i);
    for (int j = 0; j < m; ++j) r.z(i, col++) = data.exog(row, j);
    for (int lag = 1; lag <= lags; ++lag)
      for (int v = 0; v < k; ++v) r.z(i, col++) = data.values(row - lag, v);
  }
  if (r.df_model == 0) {
    // VAR(0) without deterministic terms: no regressor at all (Eigen's QR must not see an
    // empty matrix); the residuals are the data.
    r.params.resize(0, k);
    r.residuals = r.y;
  } else {
    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(r.z);
    if (qr.rank() < r.df_model) {
      ThrowCompute(
          fmt::format("the VAR regressors are collinear (rank {} of {}): {}; drop or "
                      "change that series",
                      qr.rank(), r.df_model, CollinearityCause(r.z, regressor_names)));
    }
    r.params = qr.solve(r.y);
    r.residuals = r.y - r.z * r.params;
  }
  r.sigma_u = r.residuals.transpose() * r.residuals / static_cast<double>(r.df_resid);
  return r;
}

// log det of the residual covariance `s` of regression `r`; a compute error when it is singular,
// naming the series whose equation fits (almost) exactly when there is one.
double LogDetResidualCovariance(const Eigen::MatrixXd& s, const VarRegression& r,
                                const std::vector<std::string>& names) {
  Eigen::LLT<Eigen::MatrixXd> llt(s);
  if (llt.info() == Eigen::Success) {
    const double logdet = 2.0 * llt.matrixL().toDenseMatrix().diagonal().array().log().sum();
    if (std::isfinite(logdet)) return logdet;
  }
  // The equation whose residual variance is the smallest share of its series' variance.
  std::string cause = "some series' residuals are an exact linear combination of the others'";
  double smallest = 1e-12;
  for (Eigen::Index i = 0; i < s.rows(); ++i) {
    const Eigen::VectorXd y = r.y.col(i);
    const double variance = (y.array() - y.mean()).square().mean();
    const double share = variance > 0 ? s(i, i) / variance : 0.0;
    if (share <= smallest) {
      smallest = share;
      cause = fmt::format(
          "the equation of '{}' fits exactly (its residuals are {} of its "
          "variance): that series is a function of the regressors",
          names[static_cast<std::size_t>(i)], share == 0 ? "none" : "almost none");
    }
  }
  ThrowCompute(
      fmt::format("the VAR's residual covariance is singular: {}; leave that series out "
                  "(--columns) or use fewer lags",
                  cause));
}

struct InformationCriteria {
  double aic, bic, hqic, fpe;
};

// Lütkepohl pp. 146-150 as statsmodels' VARResults.info_criteria: the log determinant of the
// ML residual covariance plus a penalty on the free parameters p K^2 + K k_det.
InformationCriteria Criteria(const VarRegression& r, int k, int lags, int k_det,
                             double logdet_mle) {
  const double nobs = r.nobs;
  const double free_params = static_cast<double>(lags) * k * k + static_cast<double>(k) * k_det;
  InformationCriteria ic;
  ic.aic = logdet_mle + (2.0 / nobs) * free_params;
  ic.bic = logdet_mle + (std::log(nobs) / nobs) * free_params;
  ic.hqic = logdet_mle + (2.0 * std::log(std::log(nobs)) / nobs) * free_params;
  ic.fpe = std::pow((nobs + r.df_model) / r.df_resid, k) * std::exp(logdet_mle);
  return ic;
}

// Companion matrix of the VAR(1) form: [A_1 ... A_p; I 0].
Eigen::MatrixXd Companion(const VarFit& fit) {
  const int k = fit.K();
  const int kp = k * fit.lags;
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(kp, kp);
  for (int i = 1; i <= fit.lags; ++i) a.block(0, (i - 1) * k, k, k) = fit.LagMatrix(i);
  if (fit.lags > 1) a.bottomLeftCorner(kp - k, kp - k).setIdentity();
  return a;
}

// Lag selection compares orders min_lag..maxlags on the same rows (maxlags..T-1), and the
// regressors of order p are the first k_det + K p columns of order maxlags' (the trend column
// differs by a multiple of the constant, which spans the same space). So one Householder QR of
// [Z_max | Y] = Q R gives every order's residual SSCP: with S the last K columns of R, the
// residuals on the first c regressors have SSCP = S[c:, :]' S[c:, :]. One factorisation instead
// of maxlags + 1 (statsmodels refits each order). Fills sel's criteria and returns true; returns
// false, leaving sel alone, when an order is not estimable or the largest design is (nearly)
// rank deficient, so that the caller refits order by order and reports the cause.
bool NestedLagCriteria(const VarData& data, int maxlags, VarTrend trend, LagOrderSelection& sel) {
  const int t_total = static_cast<int>(data.values.rows());
  const int k = static_cast<int>(data.values.cols());
  const int m = static_cast<int>(data.exog.cols());
  const int k_trend = VarTrendTerms(trend);
  const int k_det = k_trend + m;
  const int nobs = t_total - maxlags;
  const int columns = k_det + k * maxlags;
  if (nobs - columns < 1 || k_det + k * sel.min_lag < 1) return false;
  Eigen::MatrixXd w(nobs, columns + k);
  for (int i = 0; i < nobs; ++i) {
    const int row = maxlags + i;
    int col = 0;
    if (k_trend >= 1) w(i, col++) = 1.0;
    if (k_trend >= 2) w(i, col++) = static_cast<double>(maxlags + 1 + i);
    for (int j = 0; j < m; ++j) w(i, col++) = data.exog(row, j);
    for (int lag = 1; lag <= maxlags; ++lag)
      for (int v = 0; v < k; ++v) w(i, col++) = data.values(row - lag, v);
  }
  w.rightCols(k) = data.values.bottomRows(nobs);
  // Column norms before the factorisation, to judge the diagonal of R against.
  const Eigen::VectorXd norms = w.leftCols(columns).colwise().norm().transpose();
  Eigen::HouseholderQR<Eigen::MatrixXd> qr(std::move(w));
  const Eigen::MatrixXd& packed = qr.matrixQR();
  // A diagonal entry of R far below its column's norm: that regressor is (nearly) a combination
  // of the earlier ones. 1e-9 is far above rounding and far below any real lag's contribution.
  for (int j = 0; j < columns; ++j)
    if (!(std::abs(packed(j, j)) > 1e-9 * norms(j))) return false;
  const int rows_r = std::min(nobs, columns + k);
  // R's last K columns; entries below R's diagonal hold Householder vectors, not R.
  Eigen::MatrixXd s = packed.block(0, columns, rows_r, k);
  for (int j = 0; j < k; ++j)
    for (int i = columns + j + 1; i < rows_r; ++i) s(i, j) = 0;
  VarRegression r;
  r.nobs = nobs;
  r.y = data.values.bottomRows(nobs);
  for (int p = sel.min_lag; p <= maxlags; ++p) {
    const int c = k_det + k * p;
    r.df_model = c;
    r.df_resid = nobs - c;
    const Eigen::MatrixXd tail = s.bottomRows(rows_r - c);
    const Eigen::MatrixXd sigma_mle = tail.transpose() * tail / static_cast<double>(nobs);
    const InformationCriteria ic =
        Criteria(r, k, p, k_det, LogDetResidualCovariance(sigma_mle, r, data.names));
    sel.aic.push_back(ic.aic);
    sel.bic.push_back(ic.bic);
    sel.hqic.push_back(ic.hqic);
    sel.fpe.push_back(ic.fpe);
  }
  return true;
}
}  // namespace

VarTrend ParseVarTrend(const std::string& code, const std::string& option) {
  if (code == "n" || code == "nc") return VarTrend::kNone;
  if (code == "c") return VarTrend::kConstant;
  if (code == "ct") return VarTrend::kConstantTrend;
  ThrowUsage(fmt::format("{} must be n (none), c (constant) or ct (constant and trend), got '{}'",
                         option, code));
}

std::string VarTrendCode(VarTrend trend) {
  switch (trend) {
    case VarTrend::kNone:
      return "n";
    case VarTrend::kConstant:
      return "c";
    case VarTrend::kConstantTrend:
      return "ct";
  }
  return "c";
}

int VarTrendTerms(VarTrend trend) {
  switch (trend) {
    case VarTrend::kNone:
      return 0;
    case VarTrend::kConstant:
      return 1;
    case VarTrend::kConstantTrend:
      return 2;
  }
  return 1;
}

Eigen::MatrixXd VarFit::LagMatrix(int i) const {
  if (i < 1 || i > lags) ThrowUsage(fmt::format("lag {} is outside 1..{}", i, lags));
  const int k = K();
  const int start = DeterministicTerms() + (i - 1) * k;
  // params rows are lagged variables, columns equations; A_i is equation by variable.
  return params.block(start, 0, k, k).transpose();
}

Eigen::MatrixXd VarFit::DeterministicCoefficients() const {
  return params.topRows(DeterministicTerms()).transpose();
}

int VarFit::IndexOf(const std::string& name) const {
  for (int i = 0; i < K(); ++i)
    if (names[i] == name) return i;
  std::string all;
  for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
  ThrowUsage(fmt::format("'{}' is not a series of this VAR (series: {})", name, all));
}

VarFit FitVar(const VarData& data, const VarSpec& spec) {
  CheckData(data);
  VarFit fit;
  fit.names = data.names;
  fit.exog_names = data.exog_names;
  fit.trend = spec.trend;
  fit.lags = spec.lags;
  fit.n_totobs = static_cast<int>(data.values.rows());
  fit.regressors = RegressorNames(data, spec.lags, spec.trend);
  const VarRegression r = Estimate(data, spec.lags, 0, spec.trend, fit.regressors);
  fit.nobs = r.nobs;
  fit.params = r.params;
  fit.residuals = r.residuals;
  fit.sigma_u = r.sigma_u;
  fit.sigma_u_mle = r.sigma_u * static_cast<double>(r.df_resid) / r.nobs;

  const Eigen::MatrixXd zz = r.z.transpose() * r.z;
  fit.regressor_cross_inverse = Eigen::MatrixXd(zz.rows(), zz.cols());  // 0 x 0 without regressors
  if (zz.rows() > 0)
    fit.regressor_cross_inverse = zz.ldlt().solve(Eigen::MatrixXd::Identity(zz.rows(), zz.cols()));
  const int k = fit.K();
  fit.std_errors.resize(r.df_model, k);
  for (int row = 0; row < r.df_model; ++row)
    for (int e = 0; e < k; ++e)
      fit.std_errors(row, e) = std::sqrt(fit.regressor_cross_inverse(row, row) * r.sigma_u(e, e));
  fit.t_values = fit.params.array() / fit.std_errors.array();
  fit.p_values = fit.t_values.unaryExpr([](double t) { return NormalTwoSidedPValue(t); });

  // var_loglike: -(T K / 2) log(2 pi) - (T / 2) (log|Sigma_mle| + K), T = nobs.
  const double logdet = LogDetResidualCovariance(fit.sigma_u_mle, r, fit.names);
  fit.llf = -(r.nobs * k / 2.0) * std::log(2.0 * std::numbers::pi) - (r.nobs / 2.0) * (logdet + k);
  const InformationCriteria ic = Criteria(r, k, spec.lags, fit.DeterministicTerms(), logdet);
  fit.aic = ic.aic;
  fit.bic = ic.bic;
  fit.hqic = ic.hqic;
  fit.fpe = ic.fpe;

  SetDynamicsAndOrigin(fit, data);
  return fit;
}

void SetDynamicsAndOrigin(VarFit& fit, const VarData& data) {
  fit.roots.clear();
  fit.stable = true;
  if (fit.lags > 0) {
    Eigen::EigenSolver<Eigen::MatrixXd> solver(Companion(fit), /*computeEigenvectors=*/false);
    const Eigen::VectorXcd eig = solver.eigenvalues();
    for (Eigen::Index i = 0; i < eig.size(); ++i) {
      fit.roots.push_back(1.0 / eig(i));
      if (std::abs(eig(i)) > 1.0) fit.stable = false;
    }
    std::stable_sort(fit.roots.begin(), fit.roots.end(),
                     [](auto a, auto b) { return std::abs(a) > std::abs(b); });
  }
  fit.last_values = data.values.bottomRows(fit.lags);
  if (!data.labels.empty()) fit.last_label = data.labels.back();
  fit.frequency = InferLabelFrequency(data.labels);
}

double VarFit::MaxEigenvalueModulus() const {
  double largest = 0;
  for (const auto& root : roots) largest = std::max(largest, 1.0 / std::abs(root));
  return largest;
}

VarDesign BuildVarDesign(const VarData& data, const VarSpec& spec) {
  CheckData(data);
  const int t_total = static_cast<int>(data.values.rows());
  const int k = static_cast<int>(data.values.cols());
  const int m = static_cast<int>(data.exog.cols());
  const int k_trend = VarTrendTerms(spec.trend);
  if (spec.lags < 0) ThrowUsage(fmt::format("lag order must be >= 0, got {}", spec.lags));
  const int nobs = t_total - spec.lags;
  if (nobs < 2)
    ThrowCompute(fmt::format("{} rows leave {} for a VAR({}): use fewer lags or a longer series",
                             t_total, std::max(nobs, 0), spec.lags));
  VarDesign d;
  d.regressors = RegressorNames(data, spec.lags, spec.trend);
  d.z.resize(nobs, static_cast<Eigen::Index>(d.regressors.size()));
  d.y = data.values.bottomRows(nobs);
  for (int i = 0; i < nobs; ++i) {
    const int row = spec.lags + i;
    int col = 0;
    if (k_trend >= 1) d.z(i, col++) = 1.0;
    if (k_trend >= 2) d.z(i, col++) = static_cast<double>(spec.lags + 1 + i);
    for (int j = 0; j < m; ++j) d.z(i, col++) = data.exog(row, j);
    for (int lag = 1; lag <= spec.lags; ++lag)
      for (int v = 0; v < k; ++v) d.z(i, col++) = data.values(row - lag, v);
  }
  return d;
}

std::string InferLabelFrequency(const std::vector<std::string>& labels) {
  if (labels.size() < 2) return "";
  std::vector<Day> days;
  for (const auto& label : labels) {
    const std::optional<Day> day = ParseDate(label);
    if (!day) return "";
    days.push_back(*day);
  }
  for (const Frequency freq :
       {Frequency::kDay, Frequency::kWeek, Frequency::kMonth, Frequency::kYear}) {
    bool consecutive = true;
    for (std::size_t i = 0; i < days.size() && consecutive; ++i) {
      consecutive = PeriodStart(days[i], freq) == days[i] &&
                    (i == 0 || NextPeriodStart(days[i - 1], freq) == days[i]);
    }
    if (consecutive) return std::string(FrequencyName(freq));
  }
  return "";
}

int LagOrderSelection::Selected(const std::string& criterion) const {
  if (criterion == "aic") return selected_aic;
  if (criterion == "bic") return selected_bic;
  if (criterion == "hqic") return selected_hqic;
  if (criterion == "fpe") return selected_fpe;
  ThrowUsage(
      fmt::format("information criterion must be aic, bic, hqic or fpe, got '{}'", criterion));
}

LagOrderSelection SelectLagOrder(const VarData& data, int maxlags, VarTrend trend) {
  CheckData(data);
  const int t_total = static_cast<int>(data.values.rows());
  const int k = static_cast<int>(data.values.cols());
  const int k_trend = VarTrendTerms(trend);
  // statsmodels' bound ignores exogenous columns; Estimate still rejects a too-short sample.
  const int max_estimable = (t_total - k - k_trend) / (1 + k);
  if (maxlags <= 0) {
    maxlags = static_cast<int>(std::nearbyint(12.0 * std::pow(t_total / 100.0, 0.25)));
    maxlags = std::min(maxlags, max_estimable);
  } else if (maxlags > max_estimable) {
    ThrowCompute(fmt::format(
        "maxlags {} is too large for {} rows and {} series: the largest VAR that can be "
        "estimated has {} lags",
        maxlags, t_total, k, max_estimable));
  }
  LagOrderSelection sel;
  sel.maxlags = maxlags;
  sel.min_lag = (data.exog.cols() > 0 || trend != VarTrend::kNone) ? 0 : 1;
  if (maxlags < sel.min_lag)
    ThrowCompute(
        fmt::format("{} rows are too few to select a lag order for {} series", t_total, k));
  const int k_det = k_trend + static_cast<int>(data.exog.cols());
  if (!NestedLagCriteria(data, maxlags, trend, sel)) {
    for (int p = sel.min_lag; p <= maxlags; ++p) {
      const VarRegression r = Estimate(data, p, maxlags - p, trend, RegressorNames(data, p, trend));
      const Eigen::MatrixXd sigma_mle = r.sigma_u * static_cast<double>(r.df_resid) / r.nobs;
      const InformationCriteria ic =
          Criteria(r, k, p, k_det, LogDetResidualCovariance(sigma_mle, r, data.names));
      sel.aic.push_back(ic.aic);
      sel.bic.push_back(ic.bic);
      sel.hqic.push_back(ic.hqic);
      sel.fpe.push_back(ic.fpe);
    }
  }
  auto argmin = [&](const std::vector<double>& v) {
    return sel.min_lag + static_cast<int>(std::min_element(v.begin(), v.end()) - v.begin());
  };
  sel.selected_aic = argmin(sel.aic);
  sel.selected_bic = argmin(sel.bic);
  sel.selected_hqic = argmin(sel.hqic);
  sel.selected_fpe = argmin(sel.fpe);
  return sel;
}

}  // namespace triad
