// `triad var`: fit a VAR / VARX to series in a CSV file and report what drives what: coefficients,
// lag order selection, Granger causality, impulse responses, variance decomposition and
// forecasts. The numbers follow statsmodels 0.13's VAR (see src/measures/var_model.hpp).
#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <iostream>
#include <optional>

#include "cli/command.hpp"
#include "cli/list_option.hpp"
#include "common/error.hpp"
#include "measures/bvar_minnesota.hpp"
#include "measures/var_csv.hpp"
#include "measures/var_forecast.hpp"
#include "measures/var_granger.hpp"
#include "measures/var_impulse.hpp"
#include "measures/var_irf_bands.hpp"
#include "measures/var_json.hpp"
#include "measures/var_model.hpp"
#include "outputs/output_file.hpp"

namespace triad::cli {
namespace {

struct VarOptions {
  std::string input;
  std::vector<std::string> columns;
  std::vector<std::string> exog;
  std::string exog_future;
  int lags = -1;
  int maxlags = -1;
  std::string ic;
  std::string trend = "c";
  std::string prior = "none";
  MinnesotaOptions minnesota;
  int irf = 0;
  bool cumulative = false;
  std::string irf_bands;  // "" or "mc"
  int repl = 1000;
  std::int64_t band_seed = 1;
  int forecast = 0;
  bool granger = false;
  int whiteness_lags = 0;  // 0: WhitenessLags(fit)
  std::string format = "table";
  std::string save;
};

struct VarReport {
  VarData data;
  std::optional<LagOrderSelection> selection;
  std::string criterion;
  VarFit fit;
  std::vector<GrangerResult> granger;
  std::optional<ImpulseResponse> irf_plain, irf_orth;
  std::vector<Eigen::MatrixXd> cum_plain, cum_orth;  // with --cumulative
  std::optional<IrfBands> bands, cum_bands;          // with --irf-bands mc
  std::optional<VarianceDecomposition> fevd;
  std::optional<VarForecast> forecast;
  std::optional<VarAdequacy> adequacy;
  std::vector<std::string> notes;  // requests that could not be answered, and why
};

// Why a lag-order-0 VAR answers no Granger or impulse-response request: `what` is what the
// request needs and cannot have.
std::string LagOrderZeroNote(const VarReport& r, const std::string& what) {
  return fmt::format("lag order 0{}: there are no lagged terms, so {}; choose --lags N >= 1",
                     r.selection ? fmt::format(" (chosen by {})", r.criterion) : "", what);
}

// Every ordered pair (one causing series, one caused series), then for each series the joint
// test of all the others.
std::vector<GrangerResult> AllGrangerTests(const VarFit& fit) {
  std::vector<GrangerResult> tests;
  for (const auto& caused : fit.names)
    for (const auto& causing : fit.names)
      if (caused != causing) tests.push_back(GrangerTest(fit, {caused}, {causing}));
  if (fit.K() > 2)
    for (const auto& caused : fit.names) tests.push_back(GrangerTest(fit, {caused}));
  return tests;
}

VarReport Run(const VarOptions& o) {
  VarReport r;
  r.data = ReadVarCsv(o.input, o.columns, o.exog);
  if (r.data.names.size() < 2)
    ThrowUsage(fmt::format("a VAR needs at least two endogenous series; {} has {}", o.input,
                           r.data.names.size()));
  const VarTrend trend = ParseVarTrend(o.trend);
  VarSpec spec{1, trend};
  if (o.maxlags >= 0) {
    r.criterion = o.ic.empty() ? "aic" : o.ic;
    r.selection = SelectLagOrder(r.data, o.maxlags, trend);
    spec.lags = r.selection->Selected(r.criterion);
  } else if (!o.ic.empty()) {
    ThrowUsage("--ic needs --maxlags (the largest lag order to compare)");
  } else if (o.lags >= 0) {
    spec.lags = o.lags;
  }
  if (ParseVarPrior(o.prior) == VarPrior::kMinnesota) {
    if (spec.lags < 1)
      ThrowUsage(
          fmt::format("--prior minnesota needs at least one lag{}",
                      r.selection ? fmt::format(" ({} chose 0); use --lags N", r.criterion) : ""));
    r.fit = FitMinnesotaVar(r.data, spec, o.minnesota);
  } else {
    r.fit = FitVar(r.data, spec);
  }
  const bool has_lags = r.fit.lags > 0;
  r.adequacy.emplace();
  r.adequacy->whiteness_lags = o.whiteness_lags > 0 ? o.whiteness_lags : WhitenessLags(r.fit);
  if (r.adequacy->whiteness_lags > 0)
    r.adequacy->whiteness = TestWhiteness(r.fit, r.adequacy->whiteness_lags);
  else
    r.notes.push_back(fmt::format(
        "no whiteness test: {} residual rows are too few for more lags than the VAR's {}",
        r.fit.nobs, r.fit.lags));
  try {
    r.adequacy->normality = TestNormality(r.fit);
  } catch (const Error& e) {
    r.adequacy.reset();
    r.notes.push_back(fmt::format("no residual tests: {}", e.what()));
  }
  if (o.granger) {
    if (has_lags) {
      r.granger = AllGrangerTests(r.fit);
    } else {
      r.notes.push_back(LagOrderZeroNote(
          r,
          "no series can Granger-cause another (--granger tests whether a series' past "
          "values help predict another)"));
    }
  }
  if (o.irf > 0) {
    if (has_lags) {
      r.irf_plain = ImpulseResponses(r.fit, o.irf, false);
      r.irf_orth = ImpulseResponses(r.fit, o.irf, true);
      r.fevd = DecomposeVariance(r.fit, o.irf);
      if (o.cumulative) {
        r.cum_plain = CumulativeResponses(r.irf_plain->response);
        r.cum_orth = CumulativeResponses(r.irf_orth->response);
      }
      if (o.irf_bands == "mc") {
        const auto seed = static_cast<std::uint64_t>(o.band_seed);
        r.bands = MonteCarloIrfBands(r.fit, o.irf, false, false, o.repl, seed);
        if (o.cumulative) r.cum_bands = MonteCarloIrfBands(r.fit, o.irf, false, true, o.repl, seed);
      }
    } else {
      r.notes.push_back(LagOrderZeroNote(
          r,
          "a shock moves nothing after the period it hits: there are no impulse responses "
          "or variance decompositions to trace (--irf)"));
    }
  }
  if (o.forecast > 0) {
    Eigen::MatrixXd exog_future;
    if (!o.exog.empty()) {
      if (o.exog_future.empty())
        ThrowUsage(
            "--forecast with --exog needs --exog-future FILE.csv holding the exogenous "
            "columns for the forecast periods");
      // The first --forecast rows are the forecast periods; fewer rows is an error below.
      exog_future = ReadVarCsv(o.exog_future, o.exog, {}).values;
      if (exog_future.rows() > o.forecast)
        exog_future.conservativeResize(o.forecast, Eigen::NoChange);
    }
    r.forecast = Forecast(r.fit, r.data.values, o.forecast, exog_future);
  }
  return r;
}

nlohmann::json ReportJson(const VarOptions& o, const VarReport& r) {
  nlohmann::json j;
  j["input"] = o.input;
  j["rows"] = r.data.values.rows();
  if (!r.data.labels.empty()) {
    j["first_label"] = r.data.labels.front();
    j["last_label"] = r.data.labels.back();
  }
  if (r.selection) {
    j["lag_selection"] = ToJson(*r.selection);
    j["lag_selection"]["criterion"] = r.criterion;
  }
  j["fit"] = ToJson(r.fit);
  if (o.granger && r.fit.lags > 0) {
    j["granger"] = nlohmann::json::array();
    for (const auto& g : r.granger) j["granger"].push_back(ToJson(g));
  }
  if (r.irf_plain) {
    j["irf"] = {{"periods", o.irf},
                {"plain", ToJson(*r.irf_plain)},
                {"orthogonalised", ToJson(*r.irf_orth)}};
    j["fevd"] = ToJson(*r.fevd);
    if (o.cumulative) {
      auto arrays = [](const std::vector<Eigen::MatrixXd>& v) {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& m : v) a.push_back(MatrixToJson(m));
        return a;
      };
      j["irf"]["cumulative"] = {{"plain", arrays(r.cum_plain)},
                                {"orthogonalised", arrays(r.cum_orth)}};
    }
    auto bands_json = [](const IrfBands& b) {
      nlohmann::json lower = nlohmann::json::array(), upper = nlohmann::json::array();
      for (const auto& m : b.lower) lower.push_back(MatrixToJson(m));
      for (const auto& m : b.upper) upper.push_back(MatrixToJson(m));
      return nlohmann::json{{"method", "mc"},          {"replications", b.replications},
                            {"seed", b.seed},          {"signif", b.signif},
                            {"burn", kIrfBandBurn},    {"failed", b.failed},
                            {"orthogonalised", false}, {"cumulative", b.cumulative},
                            {"lower", lower},          {"upper", upper}};
    };
    if (r.bands) j["irf"]["bands"] = bands_json(*r.bands);
    if (r.cum_bands) j["irf"]["cumulative_bands"] = bands_json(*r.cum_bands);
  }
  if (r.forecast) j["forecast"] = ToJson(*r.forecast);
  if (r.adequacy) j["adequacy"] = ToJson(*r.adequacy);
  if (!r.notes.empty()) j["notes"] = r.notes;
  return j;
}

std::string Stars(double p) {
  return p < 0.01 ? "***" : p < 0.05 ? "**" : p < 0.1 ? "*" : "";
}

void PrintMatrix(std::ostream& out, const std::vector<std::string>& names,
                 const Eigen::MatrixXd& m) {
  out << fmt::format("  {:>14}", "");
  for (const auto& n : names) out << fmt::format(" {:>14}", n);
  out << "\n";
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    out << fmt::format("  {:>14}", names[i]);
    for (Eigen::Index c = 0; c < m.cols(); ++c) out << fmt::format(" {:>14.6g}", m(i, c));
    out << "\n";
  }
}

void PrintSelection(std::ostream& out, const LagOrderSelection& s, const std::string& criterion) {
  out << fmt::format("Lag order selection (orders {}..{} on the same sample; * = minimum)\n",
                     s.min_lag, s.maxlags);
  out << fmt::format("  {:>4} {:>13} {:>13} {:>13} {:>13}\n", "lag", "AIC", "BIC", "HQIC", "FPE");
  for (int p = s.min_lag; p <= s.maxlags; ++p) {
    const auto i = static_cast<std::size_t>(p - s.min_lag);
    auto cell = [&](double v, int chosen) {
      return fmt::format("{:>12.6g}{}", v, chosen == p ? "*" : " ");
    };
    out << fmt::format("  {:>4} {} {} {} {}\n", p, cell(s.aic[i], s.selected_aic),
                       cell(s.bic[i], s.selected_bic), cell(s.hqic[i], s.selected_hqic),
                       cell(s.fpe[i], s.selected_fpe));
  }
  out << fmt::format("  chosen by {}: {} lags\n\n", criterion, s.Selected(criterion));
}

void PrintFit(std::ostream& out, const VarOptions& o, const VarReport& r) {
  const VarFit& f = r.fit;
  out << fmt::format("{}{}({}) with trend '{}' on {}: {} series, {} rows",
                     f.minnesota ? "Bayesian " : "", r.fit.exog_names.empty() ? "VAR" : "VARX",
                     f.lags, VarTrendCode(f.trend), o.input, f.K(), f.n_totobs);
  if (!r.data.labels.empty())
    out << fmt::format(" ({} .. {})", r.data.labels.front(), r.data.labels.back());
  out << fmt::format(", {} used in the regression\n", f.nobs);
  out << fmt::format("{}: largest companion eigenvalue modulus {:.4f}\n",
                     f.stable ? "Stable" : "NOT stable (explosive)", f.MaxEigenvalueModulus());
  if (f.minnesota) out << DescribeMinnesota(*f.minnesota) << "\n";
  out << "\n";
  if (r.selection) PrintSelection(out, *r.selection, r.criterion);
  for (int e = 0; e < f.K(); ++e) {
    out << fmt::format("Equation {}\n  {:<22} {:>13} {:>12} {:>8} {:>8}\n", f.names[e], "regressor",
                       f.minnesota ? "post. mean" : "coefficient",
                       f.minnesota ? "post. s.d." : "std. error", "t", "p");
    if (f.params.rows() == 0) out << "  (none: lag order 0 and no deterministic terms)\n";
    for (Eigen::Index i = 0; i < f.params.rows(); ++i)
      out << fmt::format("  {:<22} {:>13.6g} {:>12.6g} {:>8.3f} {:>8.4f} {}\n", f.regressors[i],
                         f.params(i, e), f.std_errors(i, e), f.t_values(i, e), f.p_values(i, e),
                         Stars(f.p_values(i, e)));
    out << "\n";
  }
  out << (f.minnesota ? "Residual covariance (posterior mean of sigma_u)\n"
                      : "Residual covariance (sigma_u, unbiased)\n");
  PrintMatrix(out, f.names, f.sigma_u);
  const Eigen::VectorXd sd = f.sigma_u.diagonal().cwiseSqrt();
  out << "Residual correlation\n";
  PrintMatrix(out, f.names,
              sd.cwiseInverse().asDiagonal() * f.sigma_u * sd.cwiseInverse().asDiagonal());
  out << fmt::format(
      "\nLog-likelihood {:.6g}   AIC {:.6g}   BIC {:.6g}   HQIC {:.6g}   FPE {:.6g}\n", f.llf,
      f.aic, f.bic, f.hqic, f.fpe);
  if (r.adequacy) {
    out << "\nModel adequacy (statsmodels' test_whiteness, adjusted=False, and test_normality)\n";
    if (r.adequacy->whiteness)
      out << "  " << DescribeWhiteness(*r.adequacy->whiteness, r.adequacy->whiteness_lags) << "\n";
    out << "  " << DescribeNormality(r.adequacy->normality) << "\n";
    if (r.adequacy->whiteness) {
      const std::string w = WhitenessWarning(*r.adequacy->whiteness, r.adequacy->whiteness_lags);
      if (!w.empty()) out << "  warning: " << w << "\n";
    }
    const std::string n = NormalityWarning(r.adequacy->normality);
    if (!n.empty()) out << "  warning: " << n << "\n";
  }
}

void PrintGranger(std::ostream& out, const std::vector<GrangerResult>& tests) {
  out << "\nGranger causality (F test; H0: the causing series' lags add nothing)\n";
  out << fmt::format("  {:<34} {:<20} {:>10} {:>12} {:>10}\n", "causing", "caused", "F", "df", "p");
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : "+") + x;
    return s;
  };
  for (const auto& g : tests)
    out << fmt::format("  {:<34} {:<20} {:>10.4f} {:>12} {:>10.4g} {}\n", join(g.causing),
                       join(g.caused), g.statistic, fmt::format("{},{}", g.df_num, g.df_den),
                       g.p_value, Stars(g.p_value));
}

void PrintIrf(std::ostream& out, const VarFit& f, const ImpulseResponse& irf) {
  out << fmt::format(
      "\n{} impulse responses (response, asymptotic std. error in brackets)\n",
      irf.orthogonalised ? "Orthogonalised (Cholesky, one-s.d. shocks)" : "Plain (unit shocks)");
  for (int j = 0; j < f.K(); ++j) {
    out << fmt::format("  shock to {}\n  {:>4}", f.names[j], "h");
    for (const auto& n : f.names) out << fmt::format(" {:>24}", n);
    out << "\n";
    for (std::size_t h = 0; h < irf.response.size(); ++h) {
      out << fmt::format("  {:>4}", h);
      for (int i = 0; i < f.K(); ++i)
        out << fmt::format(" {:>24}", fmt::format("{:.4g} [{:.3g}]", irf.response[h](i, j),
                                                  irf.std_errors[h](i, j)));
      out << "\n";
    }
  }
}

// Responses (cumulative or not) with Monte Carlo bands when given.
void PrintCumulative(std::ostream& out, const VarFit& f, const std::vector<Eigen::MatrixXd>& r,
                     const std::optional<IrfBands>& bands, const std::string& title) {
  out << fmt::format("\n{} {} responses{}\n", title,
                     title.find("non-cumulative") == std::string::npos ? "cumulative" : "impulse",
                     bands
                         ? fmt::format(" [{:g}% Monte Carlo band, {} replications, seed {}]",
                                       100 * (1 - bands->signif), bands->replications, bands->seed)
                         : "");
  for (int j = 0; j < f.K(); ++j) {
    out << fmt::format("  shock to {}\n  {:>4}", f.names[j], "h");
    for (const auto& n : f.names) out << fmt::format(" {:>30}", n);
    out << "\n";
    for (std::size_t h = 0; h < r.size(); ++h) {
      out << fmt::format("  {:>4}", h);
      for (int i = 0; i < f.K(); ++i)
        out << fmt::format(" {:>30}",
                           bands ? fmt::format("{:.4g} [{:.4g}, {:.4g}]", r[h](i, j),
                                               bands->lower[h](i, j), bands->upper[h](i, j))
                                 : fmt::format("{:.4g}", r[h](i, j)));
      out << "\n";
    }
  }
}

void PrintFevd(std::ostream& out, const VarFit& f, const VarianceDecomposition& d) {
  out << "\nForecast error variance decomposition (share due to each orthogonalised shock)\n";
  for (int i = 0; i < f.K(); ++i) {
    out << fmt::format("  {}\n  {:>4}", f.names[i], "h");
    for (const auto& n : f.names) out << fmt::format(" {:>12}", n);
    out << "\n";
    for (std::size_t h = 0; h < d.share.size(); ++h) {
      out << fmt::format("  {:>4}", h + 1);
      for (int j = 0; j < f.K(); ++j) out << fmt::format(" {:>12.4f}", d.share[h](i, j));
      out << "\n";
    }
  }
}

void PrintForecast(std::ostream& out, const VarFit& f, const VarForecast& fc) {
  out << "\nForecast (mean, 95% interval from the MSE without parameter uncertainty)\n  "
      << fmt::format("{:>4}", "h");
  for (const auto& n : f.names) out << fmt::format(" {:>34}", n);
  out << "\n";
  for (Eigen::Index h = 0; h < fc.mean.rows(); ++h) {
    out << fmt::format("  {:>4}", h + 1);
    for (int i = 0; i < f.K(); ++i) {
      const double half = 1.959963984540054 * std::sqrt(fc.mse[h](i, i));
      out << fmt::format(" {:>34}", fmt::format("{:.4g} [{:.4g}, {:.4g}]", fc.mean(h, i),
                                                fc.mean(h, i) - half, fc.mean(h, i) + half));
    }
    out << "\n";
  }
}

void Setup(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<VarOptions>();
  auto columns = std::make_shared<std::string>();
  auto exog = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "var", "Fit a VAR/VARX to series in a CSV file: drivers, Granger tests, impulse responses");
  cmd->add_option("--input", o->input,
                  "CSV: header, a date column (one row per day, week, month or year, no gaps) "
                  "or a label column, numeric columns")
      ->required();
  cmd->add_option("--columns", *columns, "endogenous columns in model order (default: all)");
  auto* lags =
      cmd->add_option("--lags", o->lags, "lag order p (default 1)")->check(CLI::NonNegativeNumber);
  auto* maxlags = cmd->add_option("--maxlags", o->maxlags,
                                  "choose the lag order up to this by --ic (0: statsmodels' "
                                  "default 12 (T/100)^(1/4))")
                      ->check(CLI::NonNegativeNumber);
  lags->excludes(maxlags);
  cmd->add_option("--ic", o->ic, "criterion for --maxlags: aic (default), bic, hqic, fpe")
      ->check(CLI::IsMember({"aic", "bic", "hqic", "fpe"}));
  cmd->add_option("--trend", o->trend, "deterministic terms: n none, c constant, ct constant+trend")
      ->check(CLI::IsMember({"n", "c", "ct"}));
  cmd->add_option("--prior", o->prior,
                  "coefficient prior: none (OLS, default) or minnesota (Bayesian VAR, tightness "
                  "chosen by marginal likelihood, Giannone, Lenza and Primiceri 2015)")
      ->check(CLI::IsMember({"none", "minnesota"}));
  auto lambda = std::make_shared<double>(0.0);
  cmd->add_option("--lambda", *lambda,
                  "with --prior minnesota: fix the overall tightness instead of choosing it")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--own-lag-mean", o->minnesota.own_lag_mean,
                  "with --prior minnesota: prior mean of each series' own first lag (default 0: "
                  "mean-reverting indices; 1: random walk, GLP's choice for levels)");
  cmd->add_option("--exog", *exog, "exogenous columns (VARX, lag 0 only, as statsmodels 0.13)");
  cmd->add_option("--exog-future", o->exog_future,
                  "CSV with the --exog columns for the --forecast periods");
  cmd->add_option("--irf", o->irf, "impulse responses and variance decomposition to H periods")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--cumulative", o->cumulative,
                "with --irf: also the cumulative responses (statsmodels' cum_effects)");
  cmd->add_option("--irf-bands", o->irf_bands,
                  "with --irf: mc = Monte Carlo bands (statsmodels' irf_errband_mc: simulate, "
                  "refit, 95% quantiles)")
      ->check(CLI::IsMember({"mc"}));
  cmd->add_option("--repl", o->repl, "replications for --irf-bands mc (default 1000)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--seed", o->band_seed, "seed for --irf-bands mc (default 1)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--granger", o->granger, "Granger causality F tests between every pair");
  cmd->add_option("--whiteness-lags", o->whiteness_lags,
                  "autocovariance lags of the residual whiteness test (default: statsmodels' 10, "
                  "at most half the residual rows; must exceed the lag order)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--forecast", o->forecast, "forecast H periods ahead with MSE")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--format", o->format, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->add_option("--save", o->save, "write the fitted model as JSON (for triad scenarios)");
  cmd->footer(
      "Example:\n"
      "  triad var --input tests/data/series/gdelt_weekly_chn_usa_jpn.csv --maxlags 8 --ic bic \\\n"
      "            --granger --irf 8 --save fit.json\n"
      "Orthogonalised responses use the Cholesky factor of sigma_u: list the series that reacts\n"
      "within a period to the others last. With --maxlags, lag orders are compared with the\n"
      "fit's own --trend (statsmodels 0.13's VAR.fit(ic=...) always compares with a constant).");
  cmd->callback([o, columns, exog, lambda, &exit_code] {
    if (*lambda > 0) o->minnesota.lambda = *lambda;
    if ((*lambda > 0 || o->minnesota.own_lag_mean != 0) && o->prior != "minnesota")
      ThrowUsage("--lambda and --own-lag-mean set the Minnesota prior: add --prior minnesota");
    o->columns = SplitList(*columns);
    o->exog = SplitList(*exog);
    const VarReport report = Run(*o);
    if (!o->save.empty()) {
      WriteOutputFile(o->save, ToJson(report.fit).dump(1) + "\n");
    }
    if (o->format == "json") {
      std::cout << ReportJson(*o, report).dump(1) << "\n";
    } else {
      PrintFit(std::cout, *o, report);
      for (const std::string& note : report.notes) std::cout << "\nNote: " << note << "\n";
      if (o->granger && !report.granger.empty()) PrintGranger(std::cout, report.granger);
      if (report.irf_plain) {
        PrintIrf(std::cout, report.fit, *report.irf_plain);
        PrintIrf(std::cout, report.fit, *report.irf_orth);
        PrintFevd(std::cout, report.fit, *report.fevd);
        if (o->cumulative) {
          PrintCumulative(std::cout, report.fit, report.cum_plain, report.cum_bands, "Plain");
          PrintCumulative(std::cout, report.fit, report.cum_orth, std::nullopt,
                          "Orthogonalised (Cholesky)");
        }
        if (report.bands)
          PrintCumulative(std::cout, report.fit, report.irf_plain->response, report.bands,
                          "Plain, non-cumulative,");
      }
      if (report.forecast) PrintForecast(std::cout, report.fit, *report.forecast);
    }
    exit_code = kExitOk;
  });
}

const CommandRegistration kRegistration(70, Setup);

}  // namespace
}  // namespace triad::cli
