#include "measures/var_granger.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "common/error.hpp"
#include "measures/var_adequacy.hpp"
#include "measures/var_distributions.hpp"

namespace triad {

GrangerResult GrangerTest(const VarFit& fit, const std::vector<std::string>& caused,
                          const std::vector<std::string>& causing) {
  if (fit.lags == 0) ThrowCompute("cannot test Granger causality in a VAR with 0 lags");
  if (caused.empty()) ThrowUsage("Granger test: name at least one caused series");
  const int k = fit.K();
  std::vector<int> caused_index;
  for (const auto& name : caused) caused_index.push_back(fit.IndexOf(name));
  std::vector<int> causing_index;
  GrangerResult result;
  result.caused = caused;
  if (causing.empty()) {
    for (int i = 0; i < k; ++i) {
      if (std::find(caused_index.begin(), caused_index.end(), i) == caused_index.end()) {
        causing_index.push_back(i);
        result.causing.push_back(fit.names[i]);
      }
    }
  } else {
    for (const auto& name : causing) {
      const int i = fit.IndexOf(name);
      if (std::find(caused_index.begin(), caused_index.end(), i) != caused_index.end())
        ThrowUsage(fmt::format("Granger test: '{}' is both caused and causing", name));
      causing_index.push_back(i);
    }
    result.causing = causing;
  }
  if (causing_index.empty()) ThrowUsage("Granger test: no causing series left");

  // Each restriction is one coefficient: regressor row of "L(j+1).causing", equation column
  // of the caused series.
  struct Restriction {
    int regressor;
    int equation;
  };
  std::vector<Restriction> restrictions;
  for (int j = 0; j < fit.lags; ++j)
    for (int ing : causing_index)
      for (int ed : caused_index)
        restrictions.push_back({fit.DeterministicTerms() + j * k + ing, ed});
  const auto n = static_cast<Eigen::Index>(restrictions.size());
  Eigen::VectorXd cb(n);
  Eigen::MatrixXd middle(n, n);  // C Cov(beta) C'
  for (Eigen::Index a = 0; a < n; ++a) {
    const auto& ra = restrictions[a];
    cb(a) = fit.params(ra.regressor, ra.equation);
    for (Eigen::Index b = 0; b < n; ++b) {
      const auto& rb = restrictions[b];
      middle(a, b) = fit.regressor_cross_inverse(ra.regressor, rb.regressor) *
                     fit.sigma_u(ra.equation, rb.equation);
    }
  }
  const double wald = cb.dot(middle.ldlt().solve(cb));
  result.df_num = static_cast<int>(n);
  result.statistic = wald / static_cast<double>(n);
  if (fit.minnesota) {
    // Posterior moments of a Bayesian VAR have no residual degrees of freedom (there may be more
    // coefficients than rows): the Wald statistic is read against chi2(N), df_den = 0.
    result.df_den = 0;
    result.p_value = ChiSquareSurvival(wald, static_cast<double>(n));
    return result;
  }
  result.df_den = k * fit.DfResid();
  result.p_value = FDistributionSurvival(result.statistic, result.df_num, result.df_den);
  return result;
}

}  // namespace triad
