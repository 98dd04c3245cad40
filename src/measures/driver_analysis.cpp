#include "measures/driver_analysis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "common/error.hpp"
#include "measures/var_data_budget.hpp"
#include "measures/var_granger.hpp"

namespace triad {
namespace {

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

DriverAnalysis AnalyseDrivers(const VarData& all, const std::vector<std::string>& dyads,
                              const DriverAnalysisOptions& options) {
  DriverAnalysis out;
  const int rows = static_cast<int>(all.values.rows());
  for (const auto& d : dyads)
    if (!Contains(all.names, d)) ThrowUsage(fmt::format("dyad series '{}' is not in the data", d));
  std::vector<std::string> drivers;
  for (const auto& n : all.names)
    if (!Contains(dyads, n)) drivers.push_back(n);
  out.dyads = dyads;

  // The guard rail (var_data_budget.hpp): at least kMinObservationsPerCoefficient rows per
  // coefficient in each equation; fewer lags first, then fewer drivers, each said.
  const int deterministic = VarTrendTerms(options.trend) + static_cast<int>(all.exog_names.size());
  const VarBudgetPlan plan = PlanVarWithinBudget(all, dyads, drivers, deterministic);
  const bool bayesian = options.prior == VarPrior::kMinnesota ||
                        (options.prior == VarPrior::kAuto && plan.too_little_data);
  if (options.prior == VarPrior::kMinnesota) {
    out.drivers = drivers;  // the prior shrinks what the data cannot carry: nothing is dropped
  } else {
    out.drivers = plan.drivers;
    out.dropped_drivers = plan.dropped;
  }
  std::vector<std::string> kept = dyads;
  kept.insert(kept.end(), out.drivers.begin(), out.drivers.end());
  const VarData data = out.dropped_drivers.empty() ? all : SelectColumns(all, kept);
  const int k = static_cast<int>(data.names.size());
  for (const DroppedDriver& d : out.dropped_drivers)
    out.warnings.push_back(fmt::format(
        "{} left out of the VAR: {} periods cannot carry every driver at {} rows per coefficient "
        "(the minimum); it was the weakest driver left (its previous value correlates at most "
        "|r| = {:.2f} with a dyad)",
        d.name, rows, kMinObservationsPerCoefficient, d.lead_correlation));
  if (plan.too_little_data && !bayesian)
    out.warnings.push_back(fmt::format(
        "the model rests on too little data: {} periods give {:.1f} rows per coefficient for the "
        "three dyads alone at lag 1, below the minimum of {}; its tests, responses and shares are "
        "not evidence; use a longer period or a finer --freq",
        rows, plan.observations_per_coefficient, kMinObservationsPerCoefficient));

  const int feasible = bayesian ? std::max(options.maxlags, 1) : std::max(plan.max_lags, 1);
  int lags = options.lags;
  if (lags <= 0) {
    int maxlags = std::min(options.maxlags, feasible);
    if (!bayesian && rows - 1 - (k + deterministic) < 1)
      ThrowCompute(fmt::format(
          "{} periods are too few for a VAR of {} series: need at least {}; use a longer period, "
          "a finer --freq, or fewer drivers",
          rows, k, k + deterministic + 2));
    // A Bayesian VAR keeps lag 1 (the criteria compare OLS fits, which short data cannot carry).
    lags = maxlags == 1 || bayesian
               ? 1
               : SelectLagOrder(data, maxlags, options.trend).Selected(options.criterion);
    lags = std::max(lags, 1);
  } else if (lags > feasible) {
    out.warnings.push_back(fmt::format(
        "--lags {} reduced to {}: {} periods give {:.1f} rows per coefficient at {} lags, below "
        "the minimum of {}",
        lags, feasible, rows, ObservationsPerCoefficient(rows, k, lags, deterministic), lags,
        kMinObservationsPerCoefficient));
    lags = feasible;
  }
  out.selected_lags = lags;
  out.observations_per_coefficient = ObservationsPerCoefficient(rows, k, lags, deterministic);
  if (bayesian) {
    out.fit = FitMinnesotaVar(data, VarSpec{lags, options.trend}, MinnesotaOptions{});
    const MinnesotaFitInfo& m = *out.fit.minnesota;
    out.notes.push_back(fmt::format(
        "{}: {} periods give {:.1f} rows per coefficient (OLS needs {}), so the VAR is a Bayesian "
        "VAR with a Minnesota prior (Giannone, Lenza and Primiceri 2015): tightness lambda {:.3g} "
        "chosen by marginal likelihood (log ML {:.2f}), each series' own lag centred on 0; "
        "coefficients are posterior means, shrunk towards no dynamics where the data are silent",
        options.prior == VarPrior::kMinnesota ? "--prior minnesota" : "data short", rows,
        out.observations_per_coefficient, kMinObservationsPerCoefficient, m.lambda,
        m.log_marginal_likelihood));
  } else {
    out.fit = FitVar(data, VarSpec{lags, options.trend});
  }
  if (!out.fit.stable)
    out.warnings.push_back(fmt::format(
        "the fitted VAR is not stable (largest companion eigenvalue modulus {:.3f} > 1): "
        "responses grow rather than fade; consider differencing or fewer lags",
        out.fit.MaxEigenvalueModulus()));
  try {
    out.adequacy = CheckVarAdequacy(out.fit);
    if (out.adequacy->whiteness) {
      const std::string w =
          WhitenessWarning(*out.adequacy->whiteness, out.adequacy->whiteness_lags);
      if (!w.empty()) out.warnings.push_back(w);
    }
    const std::string n = NormalityWarning(out.adequacy->normality);
    if (!n.empty()) out.warnings.push_back(n);
  } catch (const Error& e) {
    out.warnings.push_back(fmt::format("the residual tests could not be computed: {}", e.what()));
  }

  for (const auto& dyad : dyads) {
    for (const auto& driver : out.drivers) {
      GrangerResult g = GrangerTest(out.fit, {dyad}, {driver});
      out.granger.push_back(GrangerFinding{driver, dyad, g.statistic, g.p_value, g.df_num, g.df_den,
                                           g.p_value < options.alpha});
    }
  }

  ImpulseResponse irf = ImpulseResponses(out.fit, options.horizon, /*orthogonalised=*/true);
  VarianceDecomposition fevd = DecomposeVariance(out.fit, options.horizon);
  const Eigen::MatrixXd& share = fevd.share.back();
  for (const auto& dyad : dyads) {
    const int i = out.fit.IndexOf(dyad);
    for (const auto& driver : out.drivers) {
      const int j = out.fit.IndexOf(driver);
      ShockResponse r{driver, dyad, {}, {}, 0, 0};
      for (int h = 0; h <= options.horizon; ++h) {
        double v = irf.response[static_cast<std::size_t>(h)](i, j);
        r.response.push_back(v);
        r.std_error.push_back(irf.std_errors[static_cast<std::size_t>(h)](i, j));
        if (h >= 1 && std::abs(v) > std::abs(r.peak)) {
          r.peak = v;
          r.peak_period = h;
        }
      }
      out.responses.push_back(std::move(r));
    }
    DyadVarianceShares s;
    s.dyad = dyad;
    for (int j = 0; j < k; ++j) {
      const std::string& name = out.fit.names[static_cast<std::size_t>(j)];
      double v = share(i, j);
      if (j == i)
        s.own = v;
      else if (Contains(dyads, name))
        s.other_dyads += v;
      else
        s.drivers.emplace_back(name, v);
    }
    out.shares.push_back(std::move(s));
  }

  // Plain words, one paragraph per dyad.
  for (const auto& dyad : dyads) {
    std::vector<std::string> causes;
    for (const auto& g : out.granger)
      if (g.dyad == dyad && g.significant)
        causes.push_back(fmt::format("{} (p = {:.3f})", g.driver, g.p_value));
    std::string sentence =
        causes.empty() ? fmt::format("{}: no driver Granger-causes it at the {:.0f}% level.", dyad,
                                     options.alpha * 100)
                       : fmt::format("{}: Granger-caused by {}.", dyad, fmt::join(causes, ", "));
    const ShockResponse* strongest = nullptr;
    for (const auto& r : out.responses)
      if (r.dyad == dyad && (!strongest || std::abs(r.peak) > std::abs(strongest->peak)))
        strongest = &r;
    if (strongest)
      sentence += fmt::format(
          " The largest response is to {}: {:+.3f} after {} period{} per one-s.d. shock (s.e. "
          "{:.3f}).",
          strongest->driver, strongest->peak, strongest->peak_period,
          strongest->peak_period == 1 ? "" : "s",
          strongest->std_error[static_cast<std::size_t>(strongest->peak_period)]);
    for (const auto& s : out.shares) {
      if (s.dyad != dyad) continue;
      std::vector<std::string> parts;
      for (const auto& [name, v] : s.drivers)
        parts.push_back(fmt::format("{} {:.0f}%", name, v * 100));
      sentence += fmt::format(
          " Of its {}-period forecast variance, {:.0f}% is its own momentum, "
          "{:.0f}% comes from the other dyads{}{}.",
          options.horizon, s.own * 100, s.other_dyads * 100, parts.empty() ? "" : ", and ",
          fmt::format("{}", fmt::join(parts, ", ")));
    }
    out.findings.push_back(sentence);
  }
  return out;
}

}  // namespace triad
