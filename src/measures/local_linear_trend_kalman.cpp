#include "measures/local_linear_trend_kalman.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "common/error.hpp"

namespace triad::llt {
namespace {

// P_inf counts as zero (diffuse phase over) below this; its entries start at 1, and after the
// second observation they cancel to rounding error.
constexpr double kDiffuseTolerance = 1e-10;
constexpr double kInfinity = std::numeric_limits<double>::infinity();
const double kLog2Pi = std::log(2 * std::numbers::pi);

double NormalLogDensity(double v, double f) {
  return -0.5 * (kLog2Pi + std::log(f) + v * v / f);
}

// An estimate from mean a and covariance P* + kappa P_inf: a variance is infinite where P_inf is
// not zero.
TrendEstimate EstimateFrom(const Eigen::Vector2d& a, const Eigen::Matrix2d& p_star,
                           const Eigen::Matrix2d& p_inf) {
  TrendEstimate e;
  e.level = a(0);
  e.slope = a(1);
  auto diffuse = [&](int i, int j) { return std::abs(p_inf(i, j)) > kDiffuseTolerance; };
  // A variance that is zero in exact arithmetic (e.g. the level given its own observation when
  // the irregular variance is zero) can round to -1e-17: clamped, so that its square root is 0.
  e.level_var = diffuse(0, 0) ? kInfinity : std::max(0.0, p_star(0, 0));
  e.slope_var = diffuse(1, 1) ? kInfinity : std::max(0.0, p_star(1, 1));
  e.level_slope_cov = diffuse(0, 1) ? std::copysign(kInfinity, p_inf(0, 1)) : p_star(0, 1);
  return e;
}

Eigen::Matrix2d Symmetric(const Eigen::Matrix2d& m) {
  return 0.5 * (m + m.transpose());
}

}  // namespace

System SystemFromParams(const LltParams& params) {
  for (double var : {params.irregular_var, params.level_var, params.slope_var}) {
    if (!(var >= 0) || !std::isfinite(var)) {
      ThrowCompute(
          fmt::format("local linear trend: variances must be finite and >= 0, got "
                      "irregular {}, level {}, slope {}",
                      params.irregular_var, params.level_var, params.slope_var));
    }
  }
  if (!(params.damping > 0 && params.damping <= 1)) {
    ThrowCompute(
        fmt::format("local linear trend: damping must be in (0, 1], got {}", params.damping));
  }
  System s;
  s.transition << 1, 1, 0, params.damping;
  s.state_cov << params.level_var, 0, 0, params.slope_var;
  s.irregular_var = params.irregular_var;
  return s;
}

KalmanRun RunFilter(const std::vector<double>& y, const System& system, const LltOptions& options,
                    bool keep_steps) {
  const Eigen::Matrix2d& T = system.transition;
  const Eigen::Matrix2d& Q = system.state_cov;
  const double H = system.irregular_var;
  const bool approximate = options.initialisation == LltInitialisation::kStatsmodels;
  const std::size_t burn = approximate ? static_cast<std::size_t>(options.loglikelihood_burn) : 0;

  KalmanRun run;
  if (keep_steps) run.steps.resize(y.size());
  // Both initialisations carry P_t = P*_t + kappa P_inf,t with P*_1 = 0, P_inf,1 = I until P_inf
  // vanishes: kappa is +infinity for the exact one and diffuse_variance for the approximate one.
  // Kept apart, the terms of size kappa cancel exactly instead of in floating point: a filter on
  // the sum P_1 = 1e6 I loses every digit of a variance below about 1e-10 (a near-constant
  // series), and its log-likelihood is then off by a few tenths.
  const double kappa = approximate ? options.diffuse_variance : kInfinity;
  Eigen::Vector2d a = Eigen::Vector2d::Zero();
  Eigen::Matrix2d p_star = Eigen::Matrix2d::Zero();
  Eigen::Matrix2d p_inf = Eigen::Matrix2d::Identity();
  bool diffuse = true;

  for (std::size_t t = 0; t < y.size(); ++t) {
    KalmanStep step;
    step.a = a;
    step.p_star = p_star;
    step.p_inf = p_inf;
    // Filtered a_{t|t}, P*_{t|t}, P_inf,{t|t}; start from the prediction (a missing y leaves it).
    Eigen::Vector2d a_filtered = a;
    Eigen::Matrix2d p_star_filtered = p_star;
    Eigen::Matrix2d p_inf_filtered = p_inf;
    if (std::isnan(y[t])) {
      step.kind = StepKind::kMissing;
    } else {
      step.v = y[t] - a(0);
      step.f_star = p_star(0, 0) + H;
      const Eigen::Vector2d m_star = p_star.col(0);  // P* Z'
      if (diffuse) {
        step.kind = StepKind::kDiffuse;
        step.f_inf = p_inf(0, 0);
        if (!(step.f_inf > kDiffuseTolerance)) {
          ThrowCompute("local linear trend: F_inf vanished in the diffuse phase (unreachable)");
        }
        // The ordinary update P - M M' / F with M = M* + kappa M_inf, F = F* + kappa F_inf,
        // written so that no term of size kappa is formed: with r = kappa / F,
        //   P_inf|t = P_inf - M_inf M_inf' / F_inf,
        //   P*|t    = P* - M* M*' / F - r (M_inf M*' + M* M_inf') + r M_inf M_inf' F* / F_inf.
        // For kappa -> infinity (r = 1 / F_inf, 1 / F = 0) this is DK 2012 §5.2.1.
        const Eigen::Vector2d m_inf = p_inf.col(0);  // P_inf Z'
        const double r = 1 / (step.f_inf + step.f_star / kappa);
        const double inverse_f = approximate ? r / kappa : 0;
        a_filtered = a + (m_star * inverse_f + m_inf * r) * step.v;
        p_inf_filtered = p_inf - m_inf * m_inf.transpose() / step.f_inf;
        p_star_filtered = p_star - m_star * m_star.transpose() * inverse_f -
                          (m_inf * m_star.transpose() + m_star * m_inf.transpose()) * r +
                          m_inf * m_inf.transpose() * (r * step.f_star / step.f_inf);
        if (approximate) {
          step.loglikelihood = NormalLogDensity(step.v, step.f_star + kappa * step.f_inf);
        } else {
          step.loglikelihood = -0.5 * (kLog2Pi + std::log(step.f_inf));
        }
      } else {
        step.kind = StepKind::kRegular;
        if (!(step.f_star > 0)) {
          run.loglikelihood = -kInfinity;
          if (!keep_steps) return run;
          ThrowCompute(fmt::format(
              "local linear trend: the forecast variance is {} at period {}; the variances "
              "are degenerate",
              step.f_star, t + 1));
        }
        a_filtered = a + m_star * (step.v / step.f_star);
        p_star_filtered = p_star - m_star * m_star.transpose() / step.f_star;
        step.loglikelihood = NormalLogDensity(step.v, step.f_star);
      }
      if (t < burn) step.loglikelihood = 0;
      run.loglikelihood += step.loglikelihood;
    }
    if (approximate && diffuse) {
      // The smoother sees the approximate prior as statsmodels runs it: one covariance P_t.
      if (step.kind == StepKind::kDiffuse) step.kind = StepKind::kRegular;
      step.p_star += kappa * step.p_inf;
      step.p_inf.setZero();
      step.f_star += kappa * step.f_inf;
      step.f_inf = 0;
    }
    if (keep_steps) run.steps[t] = step;

    a = T * a_filtered;
    p_star = Symmetric(T * p_star_filtered * T.transpose() + Q);
    if (diffuse) {
      p_inf = Symmetric(T * p_inf_filtered * T.transpose());
      if (p_inf.cwiseAbs().maxCoeff() <= kDiffuseTolerance) {
        p_inf.setZero();
        diffuse = false;
        if (!approximate) run.diffuse_periods = static_cast<int>(t + 1);
      }
    }
  }
  if (diffuse && !approximate) run.diffuse_periods = static_cast<int>(y.size());
  return run;
}

LltStates SmoothRun(const KalmanRun& run, const System& system) {
  const Eigen::Matrix2d& T = system.transition;
  const std::size_t n = run.steps.size();
  LltStates states;
  states.predicted.resize(n);
  states.filtered.resize(n);
  states.smoothed.resize(n);
  states.loglikelihood_terms.resize(n);
  states.loglikelihood = run.loglikelihood;
  states.diffuse_periods = run.diffuse_periods;

  const Eigen::RowVector2d Z(1, 0);
  const Eigen::Matrix2d ZZ = Z.transpose() * Z;
  for (std::size_t t = 0; t < n; ++t) {
    const KalmanStep& s = run.steps[t];
    states.predicted[t] = EstimateFrom(s.a, s.p_star, s.p_inf);
    states.loglikelihood_terms[t] = s.loglikelihood;
    if (s.kind == StepKind::kMissing) {
      states.filtered[t] = states.predicted[t];
    } else if (s.kind == StepKind::kRegular) {
      const Eigen::Vector2d m = s.p_star.col(0);
      states.filtered[t] =
          EstimateFrom(s.a + m * (s.v / s.f_star), s.p_star - m * m.transpose() / s.f_star,
                       Eigen::Matrix2d::Zero());
    } else {
      const Eigen::Vector2d m_inf = s.p_inf.col(0), m_star = s.p_star.col(0);
      const double f1 = 1 / s.f_inf;
      states.filtered[t] =
          EstimateFrom(s.a + m_inf * (f1 * s.v),
                       s.p_star - (m_inf * m_star.transpose() + m_star * m_inf.transpose()) * f1 +
                           m_inf * m_inf.transpose() * (s.f_star * f1 * f1),
                       s.p_inf - m_inf * m_inf.transpose() * f1);
    }
  }

  // Backward recursions (DK 2012 §4.4 and, for the diffuse phase, §5.3): r0, N0 are r_t, N_t;
  // r1, N1, N2 are r^(1), N^(1), N^(2), zero after the diffuse phase.
  Eigen::Vector2d r0 = Eigen::Vector2d::Zero(), r1 = Eigen::Vector2d::Zero();
  Eigen::Matrix2d N0 = Eigen::Matrix2d::Zero(), N1 = Eigen::Matrix2d::Zero(),
                  N2 = Eigen::Matrix2d::Zero();
  for (std::size_t k = n; k-- > 0;) {
    const KalmanStep& s = run.steps[k];
    switch (s.kind) {
      case StepKind::kMissing:
        r0 = T.transpose() * r0;
        r1 = T.transpose() * r1;
        N0 = T.transpose() * N0 * T;
        N1 = T.transpose() * N1 * T;
        N2 = T.transpose() * N2 * T;
        break;
      case StepKind::kRegular: {
        const Eigen::Vector2d K = T * s.p_star.col(0) / s.f_star;
        const Eigen::Matrix2d L = T - K * Z;
        r0 = Z.transpose() * (s.v / s.f_star) + L.transpose() * r0;
        N0 = ZZ / s.f_star + L.transpose() * N0 * L;
        break;
      }
      case StepKind::kDiffuse: {
        const double f1 = 1 / s.f_inf;
        const double f2 = -s.f_star * f1 * f1;
        const Eigen::Vector2d K0 = T * s.p_inf.col(0) * f1;
        const Eigen::Vector2d K1 = T * s.p_star.col(0) * f1 + T * s.p_inf.col(0) * f2;
        const Eigen::Matrix2d L0 = T - K0 * Z;
        const Eigen::Matrix2d L1 = -K1 * Z;
        const Eigen::Vector2d r1_next =
            Z.transpose() * (f1 * s.v) + L0.transpose() * r1 + L1.transpose() * r0;
        const Eigen::Vector2d r0_next = L0.transpose() * r0;
        const Eigen::Matrix2d N2_next = ZZ * f2 + L0.transpose() * N2 * L0 +
                                        L0.transpose() * N1 * L1 + L1.transpose() * N1 * L0 +
                                        L1.transpose() * N0 * L1;
        const Eigen::Matrix2d N1_next = ZZ * f1 + L0.transpose() * N1 * L0 +
                                        L1.transpose() * N0 * L0 + L0.transpose() * N0 * L1;
        const Eigen::Matrix2d N0_next = L0.transpose() * N0 * L0;
        r0 = r0_next;
        r1 = r1_next;
        N0 = N0_next;
        N1 = N1_next;
        N2 = N2_next;
        break;
      }
    }
    const Eigen::Vector2d mean = s.a + s.p_star * r0 + s.p_inf * r1;
    const Eigen::Matrix2d p_inf_n1_p_star = s.p_inf * N1 * s.p_star;
    const Eigen::Matrix2d var =
        Symmetric(s.p_star - s.p_star * N0 * s.p_star - p_inf_n1_p_star.transpose() -
                  p_inf_n1_p_star - s.p_inf * N2 * s.p_inf);
    states.smoothed[k] = EstimateFrom(mean, var, Eigen::Matrix2d::Zero());
  }
  return states;
}

}  // namespace triad::llt
