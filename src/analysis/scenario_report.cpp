#include "analysis/scenario_report.hpp"

#include <fmt/format.h>

#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "codebook/dyad.hpp"
#include "common/error.hpp"
#include "scenarios/lever_intent.hpp"
#include "scenarios/parameter_draws.hpp"
#include "scenarios/scenario_model.hpp"
#include "scenarios/scenario_plan.hpp"
#include "scenarios/scenario_toml.hpp"
#include "scenarios/simulation.hpp"

namespace triad {
namespace {

// A dyad variable ("CHN_USA") as its label; other variables keep their name.
std::string VariableLabel(const std::string& variable) {
  Dyad dyad;
  return Dyad::TryParseShape(variable, &dyad) ? dyad.Label() : variable;
}

std::string LeverText(const Lever& l) {
  switch (l.kind) {
    case LeverKind::kShift:
      return fmt::format("{:+g} per step to {}'s equation from {}{}, cost {:g}", l.size, l.variable,
                         FormatDate(l.from),
                         l.ramp > 0 ? fmt::format(" (ramped over {} steps)", l.ramp) : "", l.cost);
    case LeverKind::kShock:
      return fmt::format("one-off shock {:+g} to {} on {}, cost {:g}", l.size, l.variable,
                         FormatDate(l.from), l.cost);
    case LeverKind::kVolatility:
      return fmt::format("{}'s volatility × {:g} from {}, cost {:g}", l.variable, l.size,
                         FormatDate(l.from), l.cost);
  }
  return l.name;
}

// "events" or "mentions", as --weight spells it.
std::string_view WeightText(Weighting w) {
  return w == Weighting::kMentions ? "mentions" : "events";
}

}  // namespace

std::vector<std::string> CompareScenarioWithReport(const Scenario& scenario, const VarFit& fit,
                                                   const ReportFrame& frame) {
  std::vector<std::string> out;
  const std::string name = scenario.path;
  if (!fit.frequency.empty() && fit.frequency != FrequencyName(frame.freq))
    out.push_back(
        fmt::format("scenario {}: its model has {} periods, the report {} periods; the "
                    "fan charts are not on the report's calendar",
                    name, FrequencyAdjective(*FrequencyFromName(fit.frequency)),
                    FrequencyAdjective(frame.freq)));
  if (const auto& spec = scenario.model.store) {
    std::error_code e1, e2;
    const auto a = std::filesystem::weakly_canonical(spec->store, e1);
    const auto b = std::filesystem::weakly_canonical(frame.store_path, e2);
    if (e1 || e2 || a != b)
      out.push_back(
          fmt::format("scenario {}: its model is fitted on the store {}, the report "
                      "shows the store {}",
                      name, spec->store, frame.store_path));
    if (spec->actors != std::vector<std::string>(frame.actors.begin(), frame.actors.end()))
      out.push_back(fmt::format("scenario {}: its model's actors ({}) are not the report's ({})",
                                name, fmt::join(spec->actors, ","), fmt::join(frame.actors, ",")));
    if (frame.source != "events") {
      out.push_back(
          fmt::format("scenario {}: its model is fitted on the store's events, the "
                      "report shows the imported series '{}' (other units)",
                      name, frame.source));
    } else {
      // The store-based model builds its indices with the defaults (ModelSeriesOptions).
      const RelationIndexOptions model;
      const Baseline model_baseline = model.baseline.value_or(DefaultBaseline(model.source));
      const Baseline report_baseline = frame.index.baseline.value_or(DefaultBaseline(""));
      if (frame.index.series.weight != model.series.weight)
        out.push_back(fmt::format(
            "scenario {}: its model's indices are {}-weighted, the report's {}-weighted "
            "(other units)",
            name, WeightText(model.series.weight), WeightText(frame.index.series.weight)));
      if (frame.index.series.channel != model.series.channel)
        out.push_back(fmt::format(
            "scenario {}: its model's indices use all channels, the report's only the {} "
            "channel (another series)",
            name, ChannelName(*frame.index.series.channel)));
      if (report_baseline != model_baseline)
        out.push_back(fmt::format(
            "scenario {}: its model's indices have the baseline {}, the report's the baseline {} "
            "(other units)",
            name, BaselineName(model_baseline), BaselineName(report_baseline)));
      if (frame.index.min_events != model.min_events)
        out.push_back(fmt::format(
            "scenario {}: its model treats periods with fewer than {} events as missing, the "
            "report fewer than {} (another series)",
            name, model.min_events, frame.index.min_events));
    }
  } else {
    out.push_back(
        fmt::format("scenario {}: its model is the saved fit {}, which triad cannot "
                    "trace to the report's data; check that it was fitted on the same "
                    "series and units",
                    name, scenario.model.fit_path));
  }
  return out;
}

ScenarioReport ScenarioForReport(const std::string& path, const ModelBuilder& builder,
                                 const ReportFrame& frame, std::vector<std::string>* warnings) {
  Scenario scenario = ReadScenarioFile(path);
  const VarFit fit = LoadScenarioModel(scenario, builder);
  std::vector<std::string> notes = CompareScenarioWithReport(scenario, fit, frame);
  ScenarioPlan plan = PlanScenario(scenario, fit);
  try {
    AttachParameterUncertainty(plan, fit);
  } catch (const Error& e) {
    notes.push_back(fmt::format("scenario {}: plug-in parameters: {}", scenario.path, e.what()));
  }
  const SimulationResult result = RunSimulation(scenario, plan, {scenario.paths, scenario.seed, 0});
  for (const LeverEffect& e : AssessLeverEffects(scenario, plan, fit).levers)
    if (e.contradicts) notes.push_back(fmt::format("scenario {}: {}", scenario.path, e.message));
  if (warnings) *warnings = notes;

  ScenarioReport r;
  r.name = scenario.path;
  r.description = fmt::format(
      "Seed {}, {} steps from {}; {}", result.seed, result.steps,
      result.scenario.empty() ? "" : FormatDate(result.scenario.front().date), result.parameters);
  r.paths = result.paths;
  r.warnings = std::move(notes);
  for (const Lever& l : scenario.levers)
    if (l.active) r.levers.push_back(ReportLever{l.name, LeverText(l)});
  for (const Window& w : scenario.windows) {
    std::string effect;
    if (w.volatility != 1.0) effect += fmt::format("volatility × {:g}", w.volatility);
    if (w.drift != 0.0)
      effect += fmt::format("{}drift {:+g} per step", effect.empty() ? "" : ", ", w.drift);
    r.windows.push_back(ScenarioWindow{w.name, w.from, w.to, effect, w.variables});
  }
  // A fan per dyad variable of the triangle (or per target variable without one).
  std::vector<std::string> dyads = scenario.triangle;
  if (dyads.empty())
    for (const Target& t : scenario.targets) dyads.push_back(t.variable);
  for (const std::string& variable : dyads) {
    auto it = std::find(result.names.begin(), result.names.end(), variable);
    if (it == result.names.end()) continue;
    const std::size_t j = static_cast<std::size_t>(it - result.names.begin());
    FanChart fan;
    fan.dyad = VariableLabel(variable);
    for (std::size_t t = 0; t < result.scenario.size(); ++t) {
      const StepSummary& s = result.scenario[t];
      fan.dates.push_back(s.date);
      std::array<double, 5> q;
      for (std::size_t k = 0; k < 5; ++k) q[k] = s.variables[j].quantile[k];
      fan.quantiles.push_back(q);
      fan.baseline_median.push_back(
          result.has_baseline ? result.baseline[t].variables[j].quantile[2] : kMissing);
    }
    for (const Target& t : scenario.targets)
      if (t.variable == variable) fan.floor = t.floor;
    // Targets apply from the scenario's start; the steps before it are simulated, not targeted.
    const std::size_t start = static_cast<std::size_t>(std::max(result.start_step, 1)) - 1;
    if (fan.floor && start < result.scenario.size()) fan.floor_from = result.scenario[start].date;
    r.fans.push_back(std::move(fan));
  }
  for (const TargetOutcome& t : result.targets)
    r.on_track.push_back(
        OnTrackProbability{t.label, t.scenario.p, t.scenario.se, t.baseline.p, t.baseline.se});
  return r;
}

}  // namespace triad
