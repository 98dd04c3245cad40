#include "cli/triad_flags.hpp"

#include <fmt/format.h>

#include <cctype>

#include "cli/list_option.hpp"
#include "common/error.hpp"
#include "measures/bvar_minnesota.hpp"

namespace triad::cli {

void TriadFlags::AddTo(CLI::App* cmd, DriverFlags driver_flags) {
  cmd->add_option("--actors", actors, "Three CAMEO country codes A,B,C (dyads A-B, A-C, B-C)")
      ->capture_default_str();
  cmd->add_option("--asof", asof,
                  "Look from this day (YYYY-MM-DD; default: the last day of the data); same as "
                  "--to");
  index.AddTo(cmd);
  cmd->add_option("--neutral", neutral,
                  "Half-width of the neutral band for signs, in index units: |level| <= X is "
                  "neither friend nor foe")
      ->capture_default_str();
  cmd->add_option("--window", window,
                  "Periods for 'change over the window' (default: 7 days, 4 weeks, 3 months)");
  cmd->add_option("--persist", persist,
                  "Periods a new triangle structure must be most likely (P > 0.5) in a row before "
                  "it counts as a change (default: 3; 2 for --freq year)");
  if (driver_flags == DriverFlags::kNone) {
    no_drivers = true;
    return;
  }
  if (driver_flags == DriverFlags::kOptional)
    cmd->add_flag("--no-drivers", no_drivers, "Skip the driver VAR");
  cmd->add_option("--drivers", drivers,
                  "Driver families: subset of ECON,REGIONAL,GLOBAL_SOUTH,SECURITY, or none "
                  "(default: all)");
  cmd->add_option("--regional-group", regional_group, "Group for the regional-integration driver")
      ->capture_default_str();
  cmd->add_option("--global-group", global_group, "Group for the Global South driver")
      ->capture_default_str();
  cmd->add_option("--lags", lags, "VAR order (default: chosen by --ic up to --maxlags)");
  cmd->add_option("--maxlags", maxlags, "Largest VAR order considered")->capture_default_str();
  cmd->add_option("--ic", ic, "Lag-order criterion: aic, bic, hqic or fpe")
      ->check(CLI::IsMember({"aic", "bic", "hqic", "fpe"}))
      ->capture_default_str();
  cmd->add_option("--prior", prior,
                  "Driver VAR coefficients: auto (a Minnesota-prior Bayesian VAR where the data "
                  "are short for OLS, OLS otherwise), none (OLS) or minnesota")
      ->check(CLI::IsMember({"auto", "none", "minnesota"}))
      ->capture_default_str();
  cmd->add_option("--horizon", horizon, "Periods for impulse responses and variance shares")
      ->capture_default_str();
}

TriadQuery TriadFlags::Resolve() const {
  TriadQuery q;
  std::vector<std::string> list = ParseActorList(actors);
  if (list.size() != 3)
    ThrowUsage(
        fmt::format("--actors '{}': give exactly three countries, e.g. CHN,USA,JPN (for more, use "
                    "'triad network')",
                    actors));
  q.actors = {list[0], list[1], list[2]};
  q.index = index.Resolve();
  q.periods = index.Periods();
  if (!asof.empty()) {
    auto day = ParseDate(asof);
    if (!day) ThrowUsage(fmt::format("--asof '{}': not a date (YYYY-MM-DD)", asof));
    if (q.periods.to && *q.periods.to != *day)
      ThrowUsage("--asof and --to say different days: give one");
    q.periods.to = *day;
  }
  if (!(neutral >= 0)) ThrowUsage("--neutral must be a number >= 0");
  q.neutral = neutral;
  if (window < 0) ThrowUsage("--window must be a number of periods >= 1");
  q.window = window;
  if (persist < 0) ThrowUsage("--persist must be a number of periods >= 1");
  q.persist = persist;
  q.drivers = !no_drivers;
  if (!drivers.empty()) {
    q.model.drivers.emplace();
    for (const std::string& d : SplitList(drivers))
      if (d != "none" && d != "NONE") q.model.drivers->push_back(ParseDriverFamily(d));
  }
  q.model.regional_group = regional_group;
  q.model.global_group = global_group;
  if (lags < 0) ThrowUsage("--lags must be >= 1 (or 0 to choose by --ic)");
  if (maxlags < 1) ThrowUsage("--maxlags must be >= 1");
  if (horizon < 1) ThrowUsage("--horizon must be >= 1");
  q.analysis.lags = lags;
  q.analysis.maxlags = maxlags;
  q.analysis.criterion = ic;
  q.analysis.horizon = horizon;
  q.analysis.prior = ParseVarPrior(prior);
  return q;
}

}  // namespace triad::cli
