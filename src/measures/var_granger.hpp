#pragma once
// Granger causality F-test in a fitted VAR, as statsmodels 0.13
// VARResults.test_causality(caused, causing, kind="f") (Lütkepohl 2005, 3.6.1 and 7.6.3).
//
// H0: the lags of every `causing` series have zero coefficients in the equations of every
// `caused` series. With C selecting those N = |caused| |causing| p coefficients of
// beta = vec(B') and Cov(beta) = kron((Z'Z)^-1, Sigma_u):
//   Wald = (C beta)' [C Cov(beta) C']^-1 (C beta),   F = Wald / N ~ F(N, K df_resid).
// The denominator degrees of freedom K (nobs - df_model) are the system's, as statsmodels.
#include <string>
#include <vector>

#include "measures/var_model.hpp"

namespace triad {

struct GrangerResult {
  std::vector<std::string> caused;
  std::vector<std::string> causing;
  double statistic = 0;  // F
  double p_value = 1;    // P(F(df_num, df_den) >= statistic)
  int df_num = 0;        // N restrictions
  int df_den = 0;        // K * df_resid; 0 for a Minnesota fit (chi2(df_num) test)
};

// `causing` empty means every series not in `caused`. Names must be series of the fit; a
// series may not be both caused and causing. Throws a compute error for a VAR(0).
GrangerResult GrangerTest(const VarFit& fit, const std::vector<std::string>& caused,
                          const std::vector<std::string>& causing = {});

}  // namespace triad
