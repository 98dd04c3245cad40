#include "scenarios/lever_intent.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "scenarios/parameter_draws.hpp"

namespace triad {
namespace {

// Mean over `variables` of the response at the last step.
double EffectAtEnd(const std::vector<Eigen::MatrixXd>& lags, const Eigen::MatrixXd& offset,
                   const std::vector<int>& variables) {
  const Eigen::MatrixXd response = ResponseToOffsets(lags, offset);
  double sum = 0;
  for (int v : variables) sum += response(response.rows() - 1, v);
  return sum / static_cast<double>(variables.size());
}

double Quantile(std::vector<double> sorted, double q) {
  const double pos = q * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const auto hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

}  // namespace

LeverEffects AssessLeverEffects(const Scenario& scenario, const ScenarioPlan& plan,
                                const VarFit& fit) {
  LeverEffects out;
  std::vector<int> judged = plan.target_variable;
  if (judged.empty() && plan.has_triangle)
    judged.assign(plan.triangle_variable.begin(), plan.triangle_variable.end());
  if (judged.empty())
    for (int v = 0; v < plan.K(); ++v) judged.push_back(v);
  std::sort(judged.begin(), judged.end());
  judged.erase(std::unique(judged.begin(), judged.end()), judged.end());
  for (int v : judged) out.judged_on.push_back(plan.names[static_cast<std::size_t>(v)]);

  std::vector<ParameterDraw> draws;
  if (plan.parameters)
    for (int b = 0; b < kIntentDraws; ++b)
      draws.push_back(plan.parameters->Draw(scenario.seed, static_cast<std::uint64_t>(b)));

  for (std::size_t l = 0; l < scenario.levers.size(); ++l) {
    const Lever& lever = scenario.levers[l];
    LeverEffect e;
    e.lever = lever.name;
    e.intent = lever.intent;
    e.observations = fit.nobs;
    e.judged = !plan.lever_changes_volatility[l];
    if (e.judged) {
      e.effect = EffectAtEnd(plan.lag_matrices, plan.lever_offset[l], judged);
      if (!draws.empty()) {
        std::vector<double> values;
        for (const ParameterDraw& d : draws)
          values.push_back(EffectAtEnd(d.lag_matrices, plan.lever_offset[l], judged));
        std::sort(values.begin(), values.end());
        e.draws = static_cast<int>(values.size());
        e.low = Quantile(values, 0.05);
        e.high = Quantile(values, 0.95);
        e.share_positive = static_cast<double>(std::count_if(values.begin(), values.end(),
                                                             [](double v) { return v > 0; })) /
                           e.draws;
        e.p_value = std::min(1.0, 2.0 * std::min(e.share_positive, 1.0 - e.share_positive));
      }
      const bool raises = e.effect > 0, lowers = e.effect < 0;
      e.contradicts = (lever.intent == LeverIntent::kCooperative && lowers) ||
                      (lever.intent == LeverIntent::kHarmful && raises);
      if (e.contradicts)
        e.message = fmt::format(
            "lever '{}' is meant to be {}, but the model estimates the opposite of the intended "
            "effect: {:+.3g} on {} at the horizon{}; it rests on {} observations, p = {}",
            lever.name, LeverIntentName(lever.intent), e.effect,
            fmt::format("{}", fmt::join(out.judged_on, ", ")),
            e.draws > 0
                ? fmt::format(" (90% over parameter draws {:+.3g} .. {:+.3g})", e.low, e.high)
                : "",
            e.observations,
            e.draws > 0 ? fmt::format("{:.3f} (twice the share of {} parameter draws with the "
                                      "other sign)",
                                      e.p_value, e.draws)
                        : "n/a (no parameter draws)");
    }
    out.levers.push_back(std::move(e));
  }
  return out;
}

}  // namespace triad
