// triad momentum: fit a local linear trend to one column of a dated CSV file and report the
// slope (momentum) with its uncertainty, per period and at the end.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/triad_state.hpp"
#include "cli/command.hpp"
#include "cli/series_options.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "measures/local_linear_trend.hpp"
#include "measures/local_linear_trend_diagnostics.hpp"
#include "measures/local_linear_trend_momentum.hpp"
#include "outputs/safe_text.hpp"
#include "series/dated_column.hpp"
#include "series/relation_index.hpp"

namespace triad::cli {
namespace {

nlohmann::json Json(double x) {
  return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json();
}

nlohmann::json StateJson(const TrendEstimate& e) {
  // Assigned key by key: much faster than nested initializer lists for thousands of periods.
  nlohmann::json j = nlohmann::json::object();
  j["level"] = e.level;
  j["slope"] = e.slope;
  j["level_var"] = Json(e.level_var);
  j["slope_var"] = Json(e.slope_var);
  j["level_slope_cov"] = Json(e.level_slope_cov);
  j["level_se"] = Json(std::sqrt(e.level_var));
  j["slope_se"] = Json(std::sqrt(e.slope_var));
  return j;
}

nlohmann::json ParamsJson(const LltParams& p) {
  return {{"irregular_var", p.irregular_var},
          {"level_var", p.level_var},
          {"slope_var", p.slope_var},
          {"damping", p.damping}};
}

struct MomentumArgs {
  std::string input;
  std::string column;
  // From the store instead of a CSV file:
  std::string dyad;
  std::string store = kDefaultStorePath;
  std::string weight = "events", channel = "all", sector = "any", from, to, baseline, source;
  std::int64_t min_events = kDefaultMinEvents;
  std::string freq;
  bool damped = false;
  std::string init = "statsmodels";
  std::string format = "table";
  int tail = 10;
};

void PrintJson(const MomentumArgs& args, const PeriodSeries& series, const LltOptions& options,
               const LocalLinearTrendFit& fit, const Momentum& momentum) {
  nlohmann::json states = nlohmann::json::array();
  for (std::size_t t = 0; t < series.periods.size(); ++t) {
    nlohmann::json period = nlohmann::json::object();
    period["date"] = FormatDate(series.periods[t]);
    period["y"] = Json(series.values[t]);
    period["predicted"] = StateJson(fit.states.predicted[t]);
    period["filtered"] = StateJson(fit.states.filtered[t]);
    period["smoothed"] = StateJson(fit.states.smoothed[t]);
    period["loglikelihood_term"] = fit.states.loglikelihood_terms[t];
    states.push_back(std::move(period));
  }
  const LltConvergence& c = fit.convergence;
  nlohmann::json out = {
      {"input", args.input},
      {"column", args.column},
      {"frequency", FrequencyName(series.frequency)},
      {"days_per_period", momentum.days_per_period},
      {"initialisation", args.init},
      {"damped", args.damped},
      {"periods", series.periods.size()},
      {"observations", fit.observations},
      {"absent_rows", series.absent_rows},
      {"params", ParamsJson(fit.params)},
      {"start_params", ParamsJson(fit.start_params)},
      {"loglikelihood", fit.loglikelihood},
      {"loglikelihood_burn",
       options.initialisation == LltInitialisation::kStatsmodels ? options.loglikelihood_burn : 0},
      {"diffuse_periods", fit.states.diffuse_periods},
      // Leading periods whose filtered and smoothed (co)variances are null: unidentified under
      // the approximate diffuse prior.
      {"unknown_variance_periods", PeriodsWithUnknownVariance(series.values, options)},
      {"convergence",
       {{"starts", c.starts},
        {"best_start", c.best_start},
        {"starts_agreeing", c.starts_agreeing},
        {"statsmodels_start_agreed", c.statsmodels_start_agreed},
        {"evaluations", c.evaluations},
        {"status", c.status},
        {"converged", c.converged}}},
      {"momentum",
       {{"per_30_days", momentum.per_30_days},
        {"standard_error", Json(momentum.standard_error)},
        {"lower", Json(momentum.lower)},
        {"upper", Json(momentum.upper)},
        {"level", momentum.level},
        {"direction", MomentumDirectionName(momentum.direction)},
        {"as_of", FormatDate(series.periods.back())}}}};
  out["warnings"] = nlohmann::json::array();
  for (const TrendFitWarning& w : DiagnoseTrendFit(fit, series.values))
    out["warnings"].push_back({{"key", w.key}, {"message", w.message}});
  out["states"] = std::move(states);  // moved, not copied as an initializer list would
  std::cout << JsonText(out, 1) << '\n';
}

std::string Cell(double x) {
  return std::isnan(x) ? "" : fmt::format("{:.10g}", x);
}

void PrintCsv(const PeriodSeries& series, const LocalLinearTrendFit& fit) {
  std::cout << "date,y,filtered_level,filtered_level_se,filtered_slope,filtered_slope_se,"
               "smoothed_level,smoothed_level_se,smoothed_slope,smoothed_slope_se\n";
  for (std::size_t t = 0; t < series.periods.size(); ++t) {
    const TrendEstimate& f = fit.states.filtered[t];
    const TrendEstimate& s = fit.states.smoothed[t];
    std::cout << fmt::format(
        "{},{},{},{},{},{},{},{},{},{}\n", FormatDate(series.periods[t]), Cell(series.values[t]),
        Cell(f.level), Cell(std::sqrt(f.level_var)), Cell(f.slope), Cell(std::sqrt(f.slope_var)),
        Cell(s.level), Cell(std::sqrt(s.level_var)), Cell(s.slope), Cell(std::sqrt(s.slope_var)));
  }
}

// A table cell: blank when unknown (a missing y, a variance the prior leaves unidentified).
std::string TableCell(double x, int width) {
  return std::isfinite(x) ? fmt::format("{:>{}.4f}", x, width) : std::string(width, ' ');
}

void PrintTable(const MomentumArgs& args, const PeriodSeries& series,
                const LocalLinearTrendFit& fit, const Momentum& momentum, int unknown_variances) {
  const LltParams& p = fit.params;
  const LltConvergence& c = fit.convergence;
  std::cout << fmt::format(
      "{} [{}]: {} {}s, {} observed; local linear trend{}, {} initialisation\n", args.input,
      args.column, series.periods.size(), FrequencyName(series.frequency), fit.observations,
      args.damped ? fmt::format(" (damped, phi {:.4f})", p.damping) : "", args.init);
  std::cout << fmt::format(
      "variances: irregular {:.6g}, level {:.6g}, slope {:.6g}; log-likelihood {:.6f}\n",
      p.irregular_var, p.level_var, p.slope_var, fit.loglikelihood);
  std::cout << fmt::format("optimiser: {} ({}), {} of {} starts agree, {} evaluations\n\n",
                           c.status, c.converged ? "converged" : "NOT converged", c.starts_agreeing,
                           c.starts, c.evaluations);
  const std::size_t n = series.periods.size();
  const std::size_t first = args.tail > 0 ? n - std::min<std::size_t>(n, args.tail) : 0;
  // Column groups: level 12 + se 10 + slope 12 + se 10 (+3 spaces) = 47; slope + se = 23.
  std::cout << fmt::format("{:<10} {:>12} {:<47} {}\n", "", "", "filtered (rows up to the period)",
                           "smoothed (all rows)");
  std::cout << fmt::format("{:<10} {:>12} {:>12} {:>10} {:>12} {:>10} {:>12} {:>10}\n", "period",
                           "y", "level", "se", "slope", "se", "slope", "se");
  for (std::size_t t = first; t < n; ++t) {
    const TrendEstimate& f = fit.states.filtered[t];
    const TrendEstimate& s = fit.states.smoothed[t];
    std::cout << fmt::format("{:<10} {} {} {} {} {} {} {}\n", FormatDate(series.periods[t]),
                             TableCell(series.values[t], 12), TableCell(f.level, 12),
                             TableCell(std::sqrt(f.level_var), 10), TableCell(f.slope, 12),
                             TableCell(std::sqrt(f.slope_var), 10), TableCell(s.slope, 12),
                             TableCell(std::sqrt(s.slope_var), 10));
  }
  std::cout << "filtered: the state given the rows up to each period; smoothed: given all rows "
               "(momentum is the smoothed slope at the last period).\n";
  if (first < static_cast<std::size_t>(unknown_variances)) {
    std::cout << fmt::format(
        "se blank in the first {} periods: unknown, the approximate diffuse prior (1e6) leaves "
        "the state unidentified before the second observation.\n",
        unknown_variances);
  } else if (args.init == "diffuse" &&
             first < static_cast<std::size_t>(std::max(fit.states.diffuse_periods, 0))) {
    std::cout << "se blank: unknown, the state is still diffuse (exact initialisation).\n";
  }
  std::cout << fmt::format(
      "\nmomentum at {}: {:+.4g} per 30 days, {:.0f}% interval [{:+.4g}, {:+.4g}]: {}\n",
      FormatDate(series.periods.back()), momentum.per_30_days, 100 * momentum.level, momentum.lower,
      momentum.upper, MomentumDirectionName(momentum.direction));
  for (const TrendFitWarning& w : DiagnoseTrendFit(fit, series.values))
    std::cout << "warning: " << w.message << '\n';
}

// Sets the filtered and smoothed (co)variances of the first `periods` periods to NaN (unknown,
// see PeriodsWithUnknownVariance): every output then shows them as blank or null.
void MarkVariancesUnknown(LltStates* states, int periods) {
  for (int t = 0; t < periods; ++t) {
    for (TrendEstimate* e : {&states->filtered[static_cast<std::size_t>(t)],
                             &states->smoothed[static_cast<std::size_t>(t)]}) {
      e->level_var = e->slope_var = e->level_slope_cov = std::nan("");
    }
  }
}

// The dyad's relation index from the store (or an imported source), on its calendar grid.
PeriodSeries FromStore(const MomentumArgs& args) {
  SeriesFlags flags;
  flags.store = args.store;
  flags.freq = args.freq;
  flags.weight = args.weight;
  flags.channel = args.channel;
  flags.sector = args.sector;
  flags.from = args.from;
  flags.to = args.to;
  RelationIndexOptions options;
  options.series = flags.Resolve();
  if (!args.baseline.empty()) options.baseline = ParseBaseline(args.baseline);
  options.min_events = args.min_events;
  options.source = args.source;
  RejectSectorOnImported(options.series.sector, args.source);
  EventStore store(args.store, /*create=*/false);
  ApplyPeriodPlan(SourceRange(store, options.source), flags.Periods(), options.series);
  RelationIndexSeries index = LoadRelationIndex(store, Dyad::Parse(args.dyad), options);
  PeriodSeries series;
  series.periods = index.dates;
  series.values = index.value;
  series.frequency = index.freq;
  series.rows = static_cast<int>(index.size());
  return series;
}

int RunMomentum(MomentumArgs args) {
  std::optional<Frequency> frequency;
  if (!args.freq.empty()) frequency = ParseFrequency(args.freq);
  if (args.dyad.empty() == args.input.empty())
    ThrowUsage(
        "give either --dyad (a relation index from the store) or --input FILE.csv --column NAME");
  if (!args.input.empty() && args.column.empty()) ThrowUsage("--input needs --column NAME");
  if (!args.dyad.empty()) {
    args.column = args.dyad;
    args.input = args.source.empty() ? args.store : args.store + " (source " + args.source + ")";
  }
  const PeriodSeries series =
      args.dyad.empty() ? ReadDatedColumn(args.input, args.column, frequency) : FromStore(args);
  LltOptions options;
  options.damped = args.damped;
  options.initialisation =
      args.init == "diffuse" ? LltInitialisation::kExactDiffuse : LltInitialisation::kStatsmodels;
  LocalLinearTrendFit fit = FitLocalLinearTrend(series.values, options);
  const int unknown_variances = PeriodsWithUnknownVariance(series.values, options);
  MarkVariancesUnknown(&fit.states, unknown_variances);
  const Momentum momentum =
      MomentumFromSlope(fit.states.smoothed.back(), AverageDays(series.frequency));
  if (args.format == "json") {
    PrintJson(args, series, options, fit, momentum);
  } else if (args.format == "csv") {
    PrintCsv(series, fit);
  } else {
    PrintTable(args, series, fit, momentum, unknown_variances);
  }
  if (!fit.convergence.converged) {
    // Still a usable estimate (the best point found), as statsmodels' ConvergenceWarning.
    std::fprintf(stderr, "triad: warning: the optimiser stopped with %s before converging\n",
                 fit.convergence.status.c_str());
  }
  return kExitOk;
}

const CommandRegistration kRegistration(60, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<MomentumArgs>();
  CLI::App* cmd = app.add_subcommand(
      "momentum",
      "Momentum: the slope of a local linear trend (Kalman filter, maximum likelihood)");
  cmd->add_option("--dyad", args->dyad, "relation index of this dyad from the store, e.g. CHN-USA");
  cmd->add_option("--input", args->input, "or a CSV file: header, first column a date (YYYY-MM-DD)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--column", args->column,
                  "with --input: column to model; an empty cell is missing");
  cmd->add_option("--freq", args->freq,
                  "period (default: from the dates of --input; week for --dyad)")
      ->check(CLI::IsMember({"day", "week", "month"}));
  cmd->add_option("--store", args->store, "with --dyad: store file")->capture_default_str();
  cmd->add_option("--weight", args->weight, "with --dyad: events or mentions")
      ->check(CLI::IsMember({"events", "mentions"}));
  cmd->add_option("--channel", args->channel, "with --dyad: all, diplomatic, economic, security")
      ->check(CLI::IsMember({"all", "diplomatic", "economic", "security"}));
  cmd->add_option("--sector", args->sector,
                  "with --dyad: any, or actor sectors both sides must be in (government, "
                  "military, business, civil, unspecified; comma-separated)");
  cmd->add_option("--from", args->from, "with --dyad: first day");
  cmd->add_option("--to", args->to, "with --dyad: last day");
  cmd->add_option("--baseline", args->baseline, "with --dyad: none, world or own");
  cmd->add_option("--min-events", args->min_events, "with --dyad: fewer events = missing period");
  cmd->add_option("--source", args->source, "with --dyad: an imported relation series");
  cmd->add_flag("--damped", args->damped, "estimate a damped slope (0 < phi < 1)");
  cmd->add_option("--init", args->init,
                  "statsmodels: approximate diffuse prior 1e6, first 2 periods out of the "
                  "likelihood (as statsmodels 0.13); diffuse: exact diffuse (Durbin-Koopman)")
      ->check(CLI::IsMember({"statsmodels", "diffuse"}))
      ->capture_default_str();
  cmd->add_option("--format", args->format, "table, csv (per period) or json (everything)")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  cmd->add_option("--tail", args->tail, "table: periods to show (0 = all)")->capture_default_str();
  cmd->footer(
      "Momentum per 30 days = slope * 30 / days per period, with a 90% interval; the direction\n"
      "is 'improving' or 'deteriorating' only when the interval excludes 0, else 'steady'.\n"
      "A warning goes to stderr when the optimiser did not converge.\n\n"
      "Example:\n"
      "  triad momentum --dyad CHN-USA --freq day --store triad.db\n"
      "  triad momentum --input tests/data/series/chn_usa_weekly_gdelt.csv --column chn_usa\n"
      "  triad momentum --input series.csv --column CHN_USA --freq week --damped --format json");
  cmd->callback([args, &exit_code] { exit_code = RunMomentum(*args); });
});

}  // namespace
}  // namespace triad::cli
