#pragma once
// What simulate, optimize and backtest say about the model behind their paths: how it was fitted
// (OLS or the Minnesota prior), whether the paths carry parameter uncertainty, and which levers'
// estimated effects contradict their stated intent. One place, so the commands say it alike.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <ostream>
#include <string>

#include "measures/var_model.hpp"
#include "scenarios/lever_intent.hpp"
#include "scenarios/scenario_plan.hpp"

namespace triad::cli {

// Adds --parameter-uncertainty on|off (default on) writing to `value`.
void AddParameterUncertaintyOption(CLI::App* cmd, std::string& value);
// Attaches parameter draws to the plan when `value` is "on".
void ApplyParameterUncertainty(const std::string& value, ScenarioPlan& plan, const VarFit& fit);

// "VAR(1) by OLS on 29 rows" or "Bayesian VAR(1) with a Minnesota prior (lambda 0.12 chosen by
// marginal likelihood) on 29 rows".
std::string ModelLine(const VarFit& fit);

// The levers whose estimated effect contradicts their intent, one "warning:" line each, and a
// table of every judged lever's effect.
void PrintLeverEffects(std::ostream& out, const LeverEffects& effects);
nlohmann::json ToJson(const LeverEffects& effects);

}  // namespace triad::cli
