#include "cli/scenario_model_notes.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "scenarios/parameter_draws.hpp"

namespace triad::cli {

void AddParameterUncertaintyOption(CLI::App* cmd, std::string& value) {
  cmd->add_option("--parameter-uncertainty", value,
                  "on (default): each batch of 256 paths draws the VAR's coefficients and "
                  "residual covariance from their estimated distribution; off: plug-in estimates")
      ->check(CLI::IsMember({"on", "off"}));
}

void ApplyParameterUncertainty(const std::string& value, ScenarioPlan& plan, const VarFit& fit) {
  if (value != "off") AttachParameterUncertainty(plan, fit);
}

std::string ModelLine(const VarFit& fit) {
  if (fit.minnesota)
    return fmt::format(
        "Bayesian VAR({}) with a Minnesota prior (tightness lambda {:.3g} {}, log marginal "
        "likelihood {:.2f}) on {} rows",
        fit.lags, fit.minnesota->lambda,
        fit.minnesota->lambda_chosen ? "chosen by marginal likelihood" : "given",
        fit.minnesota->log_marginal_likelihood, fit.nobs);
  return fmt::format("VAR({}) by OLS on {} rows ({:.1f} per coefficient)", fit.lags, fit.nobs,
                     static_cast<double>(fit.nobs) / std::max(fit.DfModel(), 1));
}

void PrintLeverEffects(std::ostream& out, const LeverEffects& effects) {
  bool any = false;
  for (const LeverEffect& e : effects.levers) any = any || e.judged;
  if (!any) return;
  out << fmt::format(
      "\nEstimated effect of each lever on {} at the horizon (mean-path change, index points; "
      "90% over parameter draws)\n",
      fmt::format("{}", fmt::join(effects.judged_on, ", ")));
  out << fmt::format("  {:<44} {:>12} {:>10} {:>24} {:>8}  {}\n", "lever", "intent", "effect",
                     "90% over draws", "p", "");
  for (const LeverEffect& e : effects.levers) {
    if (!e.judged) continue;
    out << fmt::format("  {:<44} {:>12} {:>+10.3g} {:>24} {:>8}  {}\n", e.lever,
                       LeverIntentName(e.intent), e.effect,
                       e.draws > 0 ? fmt::format("{:+.3g} .. {:+.3g}", e.low, e.high) : "n/a",
                       e.draws > 0 ? fmt::format("{:.3f}", e.p_value) : "n/a",
                       e.contradicts ? "OPPOSITE OF INTENT" : "");
  }
  for (const LeverEffect& e : effects.levers)
    if (e.contradicts) out << "warning: " << e.message << "\n";
}

nlohmann::json ToJson(const LeverEffects& effects) {
  nlohmann::json levers = nlohmann::json::array();
  for (const LeverEffect& e : effects.levers) {
    nlohmann::json j = {{"lever", e.lever},
                        {"intent", std::string(LeverIntentName(e.intent))},
                        {"judged", e.judged},
                        {"observations", e.observations},
                        {"contradicts_intent", e.contradicts}};
    if (e.judged) {
      j["effect"] = e.effect;
      j["draws"] = e.draws;
      if (e.draws > 0) {
        j["interval90"] = {e.low, e.high};
        j["share_positive"] = e.share_positive;
        j["p_value"] = e.p_value;
      }
    }
    if (e.contradicts) j["message"] = e.message;
    levers.push_back(std::move(j));
  }
  return {{"judged_on", effects.judged_on}, {"levers", levers}};
}

}  // namespace triad::cli
