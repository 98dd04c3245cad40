#include "measures/local_linear_trend_score.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>

namespace triad::llt {
namespace {

// P_inf counts as zero below this (as in local_linear_trend_kalman.cpp).
constexpr double kDiffuseTolerance = 1e-10;
// Derivative lanes in the regular phase: irregular, level, slope, damping.
constexpr int kLanes = 4;
const double kLog2Pi = std::log(2 * std::numbers::pi);

// A value and its derivatives with respect to N parameters (forward-mode differentiation).
template <int N>
struct Dual {
  double v = 0;
  std::array<double, N> d{};
};

template <int N>
Dual<N> Constant(double v) {
  Dual<N> x;
  x.v = v;
  return x;
}
template <int N>
Dual<N> operator+(const Dual<N>& a, const Dual<N>& b) {
  Dual<N> r;
  r.v = a.v + b.v;
  for (int i = 0; i < N; ++i) r.d[i] = a.d[i] + b.d[i];
  return r;
}
template <int N>
Dual<N> operator-(const Dual<N>& a, const Dual<N>& b) {
  Dual<N> r;
  r.v = a.v - b.v;
  for (int i = 0; i < N; ++i) r.d[i] = a.d[i] - b.d[i];
  return r;
}
template <int N>
Dual<N> operator*(const Dual<N>& a, const Dual<N>& b) {
  Dual<N> r;
  r.v = a.v * b.v;
  for (int i = 0; i < N; ++i) r.d[i] = a.d[i] * b.v + a.v * b.d[i];
  return r;
}
template <int N>
Dual<N> operator*(double a, const Dual<N>& b) {
  Dual<N> r;
  r.v = a * b.v;
  for (int i = 0; i < N; ++i) r.d[i] = a * b.d[i];
  return r;
}
template <int N>
Dual<N> operator/(const Dual<N>& a, const Dual<N>& b) {
  Dual<N> r;
  r.v = a.v / b.v;
  const double inverse = 1 / b.v;
  for (int i = 0; i < N; ++i) r.d[i] = (a.d[i] - r.v * b.d[i]) * inverse;
  return r;
}
template <int N>
Dual<N> Reciprocal(const Dual<N>& b) {
  Dual<N> r;
  r.v = 1 / b.v;
  const double scale = -r.v * r.v;
  for (int i = 0; i < N; ++i) r.d[i] = scale * b.d[i];
  return r;
}
template <int N>
Dual<N> Log(const Dual<N>& a) {
  Dual<N> r;
  r.v = std::log(a.v);
  const double inverse = 1 / a.v;
  for (int i = 0; i < N; ++i) r.d[i] = a.d[i] * inverse;
  return r;
}

// A symmetric 2 x 2 matrix (00, 01, 11) and a 2-vector of duals.
template <int N>
struct Sym {
  Dual<N> m00, m01, m11;
};
template <int N>
struct Vec {
  Dual<N> x0, x1;
};

// -(log 2pi + log f + v^2 / f) / 2.
template <int N>
Dual<N> NormalLogDensity(const Dual<N>& v, const Dual<N>& f) {
  const Dual<N> term = Log(f) + v * v / f;
  Dual<N> r;
  r.v = -0.5 * (kLog2Pi + term.v);
  for (int i = 0; i < N; ++i) r.d[i] = -0.5 * term.d[i];
  return r;
}

// phi * x; the identity when the damping is fixed at 1.
template <int N, bool kDamped>
Dual<N> Damp(const Dual<N>& phi, const Dual<N>& x) {
  if constexpr (kDamped) {
    return phi * x;
  } else {
    return x;
  }
}

// T P T' + Q for T = [1 1; 0 phi], Q = diag(q0, q1) (q absent for P_inf).
template <int N, bool kDamped>
Sym<N> Predict(const Sym<N>& p, const Dual<N>& phi, const Dual<N>* q0, const Dual<N>* q1) {
  Sym<N> out;
  out.m00 = p.m00 + 2.0 * p.m01 + p.m11;
  out.m01 = Damp<N, kDamped>(phi, p.m01 + p.m11);
  out.m11 = Damp<N, kDamped>(phi, Damp<N, kDamped>(phi, p.m11));
  if (q0) out.m00 = out.m00 + *q0;
  if (q1) out.m11 = out.m11 + *q1;
  return out;
}

// The sum of log F_t over the regular periods, kept as a running product (one log call per
// about a hundred periods instead of one per period: the log is most of a period's cost when
// no derivative is carried). The product is folded into the sum before it can leave [1e-100,
// 1e100], so it never over- or underflows.
class LogSum {
 public:
  void Add(double f) {
    product_ *= f;
    if (!(product_ < 1e100 && product_ > 1e-100)) Fold();
  }
  double Total() {
    Fold();
    return sum_;
  }

 private:
  void Fold() {
    sum_ += std::log(product_);
    product_ = 1;
  }
  double product_ = 1;
  double sum_ = 0;
};

// The regular phase (after the diffuse periods), the bulk of the work: the ordinary Kalman
// update with Z = (1 0), on plain doubles for the values and one 4-lane vector per quantity for
// its derivatives with respect to (irregular, level, slope, damping), so that the score costs a
// few vector operations per period. With k = P Z' / F and v = y - a0:
//   a|t = a + k v,  P|t = P - k (P Z')',  log-likelihood term -(log 2pi + log F + v^2 / F) / 2,
// then a = T a|t, P = T P|t T' + Q; each derivative follows by the product rule. Compiled for
// AVX2 and for any x86-64 (GCC function multi-versioning, as the path simulator's kernels).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define TRIAD_SCORE_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define TRIAD_SCORE_CLONES
#endif
typedef double Lanes __attribute__((vector_size(kLanes * sizeof(double))));

struct RegularState {
  double a0 = 0, a1 = 0, p00 = 0, p01 = 0, p11 = 0, llf = 0;
  Lanes da0{}, da1{}, dp00{}, dp01{}, dp11{}, dllf{};
  LogSum log_f;        // log F of the counted periods (llf holds the rest of their terms)
  double counted = 0;  // periods counted in the log-likelihood
};

// params: irregular, level and slope variances and phi. Returns false when a forecast variance
// is not positive (the log-likelihood is then -infinity).
TRIAD_SCORE_CLONES bool RegularPhase(const double* y, std::size_t t, std::size_t n,
                                     std::size_t burn, bool damped, const double* params,
                                     RegularState* state) {
  RegularState& s = *state;
  const double h = params[0], q0 = params[1], q1 = params[2], phi = params[3];
  const Lanes e_irregular = {1, 0, 0, 0}, e_level = {0, 1, 0, 0}, e_slope = {0, 0, 1, 0},
              e_phi = {0, 0, 0, 1};
  double a0 = s.a0, a1 = s.a1, p00 = s.p00, p01 = s.p01, p11 = s.p11, llf = s.llf;
  Lanes da0 = s.da0, da1 = s.da1, dp00 = s.dp00, dp01 = s.dp01, dp11 = s.dp11, dllf = s.dllf;
  for (; t < n; ++t) {
    if (!std::isnan(y[t])) {
      const double v = y[t] - a0;
      const double f = p00 + h;
      if (!(f > 0)) return false;
      const double inverse_f = 1 / f;
      const double k0 = p00 * inverse_f, k1 = p01 * inverse_f;
      const double gain = v * inverse_f;
      const Lanes df = dp00 + e_irregular;
      const Lanes dv = -da0;
      const Lanes dk0 = (dp00 - k0 * df) * inverse_f;
      const Lanes dk1 = (dp01 - k1 * df) * inverse_f;
      da0 += dk0 * v + k0 * dv;
      da1 += dk1 * v + k1 * dv;
      const Lanes dp00_next = dp00 - dk0 * p00 - k0 * dp00;
      const Lanes dp01_next = dp01 - dk0 * p01 - k0 * dp01;
      dp11 = dp11 - dk1 * p01 - k1 * dp01;
      dp00 = dp00_next;
      dp01 = dp01_next;
      a0 += k0 * v;
      a1 += k1 * v;
      const double p01_next = p01 - k0 * p01;
      p11 -= k1 * p01;
      p00 -= k0 * p00;
      p01 = p01_next;
      if (t >= burn) {
        // d(v^2 / F + log F) = 2 v dv / F + (1 - v^2 / F) dF / F.
        dllf -= 0.5 * (2 * gain * dv + ((1 - gain * v) * inverse_f) * df);
        llf -= 0.5 * v * gain;
        s.log_f.Add(f);
        s.counted += 1;
      }
    }
    // Prediction: a = (a0 + a1, phi a1), P = T P T' + Q.
    const Lanes d00 = dp00 + 2 * dp01 + dp11 + e_level;
    Lanes d01 = dp01 + dp11, d11 = dp11;
    da0 += da1;
    if (damped) {
      // d(phi x) = dphi x + phi dx, dphi = 1 in the damping's lane only.
      d01 = (p01 + p11) * e_phi + phi * d01;
      d11 = (2 * phi * p11) * e_phi + (phi * phi) * d11;
      da1 = a1 * e_phi + phi * da1;
    }
    dp00 = d00;
    dp01 = d01;
    dp11 = d11 + e_slope;
    a0 += a1;
    const double p00_next = p00 + 2 * p01 + p11 + q0;
    p01 = phi * (p01 + p11);
    p11 = phi * phi * p11 + q1;
    p00 = p00_next;
    a1 *= phi;
  }
  s.a0 = a0;
  s.a1 = a1;
  s.p00 = p00;
  s.p01 = p01;
  s.p11 = p11;
  s.llf = llf;
  s.da0 = da0;
  s.da1 = da1;
  s.dp00 = dp00;
  s.dp01 = dp01;
  s.dp11 = dp11;
  s.dllf = dllf;
  return true;
}

template <int N, bool kDamped>
double Run(const std::vector<double>& y, const LltParams& params, const LltOptions& options,
           LltScore* score) {
  // Parameters as duals: d/d(irregular, level, slope[, damping]).
  auto seeded = [](double v, int i) {
    Dual<N> x = Constant<N>(v);
    if (i < N) x.d[i] = 1;
    return x;
  };
  const Dual<N> h = seeded(params.irregular_var, 0);
  const Dual<N> q0 = seeded(params.level_var, 1);
  const Dual<N> q1 = seeded(params.slope_var, 2);
  const Dual<N> phi = seeded(params.damping, 3);

  const bool approximate = options.initialisation == LltInitialisation::kStatsmodels;
  const std::size_t burn = approximate ? static_cast<std::size_t>(options.loglikelihood_burn) : 0;
  const double kappa = approximate ? options.diffuse_variance : 0;

  Vec<N> a;  // zero
  Sym<N> ps;
  Sym<N> pi{Constant<N>(1), Constant<N>(0), Constant<N>(1)};
  bool diffuse = true;
  // The log-likelihood is -(log 2pi + log F_t + v_t^2 / F_t) / 2 summed over counted periods:
  // `llf` holds the diffuse periods' terms and -(v^2 / F) / 2 of the regular ones, whose log F
  // go to RegularState::log_f (value) and to d log F = dF / F (derivatives, in llf).
  Dual<N> llf;
  const std::size_t n = y.size();
  std::size_t t = 0;
  // Diffuse phase (a few periods): local_linear_trend_kalman.cpp's update, term by term, on duals;
  // then the regular phase on vectors (RegularPhase).
  for (; t < n && diffuse; ++t) {
    Vec<N> af = a;
    Sym<N> psf = ps, pif = pi;
    if (!std::isnan(y[t])) {
      const Dual<N> v = Constant<N>(y[t]) - a.x0;
      const Dual<N> fs = ps.m00 + h;
      Dual<N> term;
      const Dual<N> fi = pi.m00;
      if (!(fi.v > kDiffuseTolerance)) return -std::numeric_limits<double>::infinity();
      const Dual<N> r = approximate ? Reciprocal(fi + (1 / kappa) * fs) : Reciprocal(fi);
      const Dual<N> inverse_f = approximate ? (1 / kappa) * r : Constant<N>(0);
      const Dual<N> inverse_fi = Reciprocal(fi);
      const Dual<N>&ms0 = ps.m00, &ms1 = ps.m01, &mi0 = pi.m00, &mi1 = pi.m01;
      af.x0 = a.x0 + (ms0 * inverse_f + mi0 * r) * v;
      af.x1 = a.x1 + (ms1 * inverse_f + mi1 * r) * v;
      pif.m00 = pi.m00 - mi0 * mi0 * inverse_fi;
      pif.m01 = pi.m01 - mi0 * mi1 * inverse_fi;
      pif.m11 = pi.m11 - mi1 * mi1 * inverse_fi;
      const Dual<N> c = r * fs * inverse_fi;
      psf.m00 = ps.m00 - ms0 * ms0 * inverse_f - 2.0 * (mi0 * ms0) * r + mi0 * mi0 * c;
      psf.m01 = ps.m01 - ms0 * ms1 * inverse_f - (mi0 * ms1 + ms0 * mi1) * r + mi0 * mi1 * c;
      psf.m11 = ps.m11 - ms1 * ms1 * inverse_f - 2.0 * (mi1 * ms1) * r + mi1 * mi1 * c;
      if (approximate) {
        term = NormalLogDensity(v, fs + kappa * fi);
      } else {
        term = Log(fi);
        term.v = -0.5 * (kLog2Pi + term.v);
        for (int i = 0; i < N; ++i) term.d[i] *= -0.5;
      }
      if (t >= burn) llf = llf + term;
    }
    a.x0 = af.x0 + af.x1;
    a.x1 = Damp<N, kDamped>(phi, af.x1);
    ps = Predict<N, kDamped>(psf, phi, &q0, &q1);
    pi = Predict<N, kDamped>(pif, phi, nullptr, nullptr);
    const double largest = std::max({std::abs(pi.m00.v), std::abs(pi.m01.v), std::abs(pi.m11.v)});
    if (largest <= kDiffuseTolerance) diffuse = false;
  }
  RegularState r;
  r.a0 = a.x0.v;
  r.a1 = a.x1.v;
  r.p00 = ps.m00.v;
  r.p01 = ps.m01.v;
  r.p11 = ps.m11.v;
  r.llf = llf.v;
  double lanes[6][kLanes] = {};
  for (int i = 0; i < N; ++i) {
    lanes[0][i] = a.x0.d[i];
    lanes[1][i] = a.x1.d[i];
    lanes[2][i] = ps.m00.d[i];
    lanes[3][i] = ps.m01.d[i];
    lanes[4][i] = ps.m11.d[i];
    lanes[5][i] = llf.d[i];
  }
  std::memcpy(&r.da0, lanes[0], sizeof r.da0);
  std::memcpy(&r.da1, lanes[1], sizeof r.da1);
  std::memcpy(&r.dp00, lanes[2], sizeof r.dp00);
  std::memcpy(&r.dp01, lanes[3], sizeof r.dp01);
  std::memcpy(&r.dp11, lanes[4], sizeof r.dp11);
  std::memcpy(&r.dllf, lanes[5], sizeof r.dllf);
  const double regular[4] = {h.v, q0.v, q1.v, kDamped ? phi.v : 1.0};
  if (!RegularPhase(y.data(), t, n, burn, kDamped, regular, &r))
    return -std::numeric_limits<double>::infinity();
  llf.v = r.llf;
  std::memcpy(lanes[5], &r.dllf, sizeof r.dllf);
  for (int i = 0; i < N; ++i) llf.d[i] = lanes[5][i];
  LogSum& log_f = r.log_f;
  const double counted = r.counted;
  llf.v -= 0.5 * (counted * kLog2Pi + log_f.Total());
  if (score) {
    score->fill(0);
    for (int i = 0; i < N; ++i) (*score)[i] = llf.d[i];
  }
  return llf.v;
}

}  // namespace

double LogLikelihoodWithScore(const std::vector<double>& y, const LltParams& params,
                              const LltOptions& options, bool with_damping, LltScore* score) {
  const bool damped = params.damping != 1;
  if (!score)
    return damped ? Run<0, true>(y, params, options, nullptr)
                  : Run<0, false>(y, params, options, nullptr);
  if (with_damping) return Run<4, true>(y, params, options, score);
  return damped ? Run<3, true>(y, params, options, score)
                : Run<3, false>(y, params, options, score);
}

}  // namespace triad::llt
