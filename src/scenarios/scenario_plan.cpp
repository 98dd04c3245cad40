#include "scenarios/scenario_plan.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "codebook/dyad.hpp"
#include "common/error.hpp"
#include "common/nearest_name.hpp"
#include "common/share_scale.hpp"

namespace triad {
namespace {

int VariableIndex(const Scenario& s, const VarFit& fit, const std::string& name, int line,
                  const std::string& key) {
  for (int i = 0; i < fit.K(); ++i)
    if (fit.names[i] == name) return i;
  std::string extra;
  if (std::find(fit.exog_names.begin(), fit.exog_names.end(), name) != fit.exog_names.end())
    extra =
        " (it is an exogenous series of the VARX; levers, windows and targets act on the "
        "modelled series)";
  ThrowInput(Location{s.path, line, key},
             fmt::format("unknown variable '{}'{}; {}", name, extra, SuggestName(name, fit.names)));
}

// "CHN_USA" -> {"CHN", "USA"}.
std::array<std::string, 2> DyadActorsOf(const Scenario& s, const std::string& name) {
  Dyad dyad;
  if (!Dyad::TryParseShape(name, &dyad) || dyad.Variable() != name)
    ThrowInput(Location{s.path, s.triangle_line, "triangle"},
               fmt::format("cannot tell the two actors of '{}': name triangle dyads A_B", name));
  return {dyad.first, dyad.second};
}

// Orders the actors so that the three variables are the dyads A–B, A–C, B–C.
std::array<std::string, 3> TriangleActors(const Scenario& s) {
  const auto ab = DyadActorsOf(s, s.triangle[0]);
  const auto ac = DyadActorsOf(s, s.triangle[1]);
  const auto bc = DyadActorsOf(s, s.triangle[2]);
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j)
      if (ab[i] == ac[j]) {
        const std::string a = ab[i], b = ab[1 - i], c = ac[1 - j];
        if (b != c && ((bc[0] == b && bc[1] == c) || (bc[0] == c && bc[1] == b))) return {a, b, c};
      }
  ThrowInput(Location{s.path, s.triangle_line, "triangle"},
             fmt::format("'{}', '{}', '{}' are not the three dyads A_B, A_C, B_C of three actors",
                         s.triangle[0], s.triangle[1], s.triangle[2]));
}

}  // namespace

SystemAdjustments ScenarioPlan::WithLevers(const std::vector<bool>& active) const {
  SystemAdjustments out = baseline;
  for (std::size_t i = 0; i < active.size() && i < lever_offset.size(); ++i)
    if (active[i]) {
      out.offset += lever_offset[i];
      out.scale.array() *= lever_scale[i].array();
    }
  return out;
}

ScenarioPlan PlanScenario(const Scenario& s, const VarFit& fit) {
  const int k = fit.K();
  if (fit.lags < 1)
    ThrowCompute("a scenario needs a VAR with at least one lag; the model has order 0");
  ScenarioPlan plan;
  plan.names = fit.names;
  plan.origin = fit.last_values;
  plan.calendar = CalendarOf(fit, s);
  for (int j = 1; j <= fit.lags; ++j) plan.lag_matrices.push_back(fit.LagMatrix(j));
  Eigen::LLT<Eigen::MatrixXd> llt(fit.sigma_u);
  if (llt.info() != Eigen::Success)
    ThrowCompute("the model's residual covariance is not positive definite; cannot draw shocks");
  plan.chol = llt.matrixL();

  if (s.start) {
    plan.start_step = plan.calendar.StepOf(*s.start);
    if (plan.start_step < 1)
      ThrowInput(Location{s.path, 0, "start"},
                 fmt::format("start {} is within the observed data (last period {}); a "
                             "simulation starts after it (start = \"end\")",
                             FormatDate(*s.start), FormatDate(plan.calendar.last_period())));
  }
  plan.steps = plan.start_step - 1 + s.horizon;
  const int steps = plan.steps;

  // Deterministic terms: constant, trend continuing from n_totobs, held exogenous values.
  const Eigen::MatrixXd det = fit.DeterministicCoefficients();  // K x k_det
  Eigen::VectorXd exog(fit.ExogTerms());
  for (int j = 0; j < fit.ExogTerms(); ++j) {
    const auto it = s.model.exog.find(fit.exog_names[j]);
    if (it == s.model.exog.end())
      ThrowInput(Location{s.path, 0, "exog"},
                 fmt::format("the model has the exogenous series '{}': give the value it holds "
                             "over the horizon in [model] exog = {{ {} = ... }}",
                             fit.exog_names[j], fit.exog_names[j]));
    exog(j) = it->second;
  }
  for (const auto& [name, value] : s.model.exog)
    if (std::find(fit.exog_names.begin(), fit.exog_names.end(), name) == fit.exog_names.end())
      ThrowInput(Location{s.path, 0, "exog"},
                 fmt::format("'{}' is not an exogenous series of the model; {}", name,
                             SuggestName(name, fit.exog_names)));
  plan.baseline.offset.resize(steps, k);
  plan.baseline.scale = Eigen::MatrixXd::Ones(steps, k);
  plan.deterministic = det;
  plan.deterministic_regressors.resize(steps, fit.DeterministicTerms());
  for (int h = 1; h <= steps; ++h) {
    Eigen::VectorXd regressors(fit.DeterministicTerms());
    int col = 0;
    if (fit.TrendTerms() >= 1) regressors(col++) = 1.0;
    if (fit.TrendTerms() >= 2) regressors(col++) = static_cast<double>(fit.n_totobs + h);
    for (int j = 0; j < fit.ExogTerms(); ++j) regressors(col++) = exog(j);
    plan.baseline.offset.row(h - 1) = (det * regressors).transpose();
    plan.deterministic_regressors.row(h - 1) = regressors.transpose();
  }

  plan.logit_share.assign(static_cast<std::size_t>(k), false);
  for (const std::string& name : fit.logit_shares) {
    const auto at = std::find(fit.names.begin(), fit.names.end(), name);
    if (at != fit.names.end())
      plan.logit_share[static_cast<std::size_t>(at - fit.names.begin())] = true;
  }
  // Share units per step on a logit-scale variable, at its last observed share.
  auto logit_units = [&](int v) {
    if (!plan.logit_share[static_cast<std::size_t>(v)] || fit.last_values.rows() == 0) return 1.0;
    const double p = ShareOfLogit(fit.last_values(fit.last_values.rows() - 1, v));
    return LogitPerShare(std::clamp(p, kShareFloor, 1 - kShareFloor));
  };

  // Windows: every step whose period overlaps [from, to].
  for (const Window& w : s.windows) {
    std::vector<int> vars;
    for (const auto& name : w.variables)
      vars.push_back(VariableIndex(s, fit, name, w.variables_line, "variables"));
    int touched = 0;
    for (int h = 1; h <= steps; ++h) {
      if (plan.StepDate(h) > w.to || plan.StepDate(h + 1) <= w.from) continue;
      ++touched;
      for (int v : vars) {
        plan.baseline.offset(h - 1, v) += w.drift * logit_units(v);
        plan.baseline.scale(h - 1, v) *= w.volatility;
      }
    }
    if (touched == 0)
      plan.warnings.push_back(fmt::format("window '{}' ({} .. {}) is outside the simulated steps",
                                          w.name, FormatDate(w.from), FormatDate(w.to)));
  }

  for (const Lever& l : s.levers) {
    const int v = VariableIndex(s, fit, l.variable, l.variable_line, "variable");
    const double size = l.kind == LeverKind::kVolatility ? l.size : l.size * logit_units(v);
    Eigen::MatrixXd offset = Eigen::MatrixXd::Zero(steps, k);
    Eigen::MatrixXd scale = Eigen::MatrixXd::Ones(steps, k);
    const int first = plan.calendar.StepOf(l.from);
    const int last = l.to ? std::min(steps, plan.calendar.StepOf(*l.to)) : steps;
    if (first > steps)
      plan.warnings.push_back(fmt::format("lever '{}' starts on {}, after the last simulated step",
                                          l.name, FormatDate(l.from)));
    if (l.kind == LeverKind::kShock) {
      if (first < 1)
        plan.warnings.push_back(
            fmt::format("lever '{}' is a shock on {}, within the observed data: it has no effect",
                        l.name, FormatDate(l.from)));
      else if (first <= steps)
        offset(first - 1, v) = size;
    } else {
      const int begin = std::max(1, first);
      for (int h = begin; h <= last; ++h) {
        if (l.kind == LeverKind::kVolatility) {
          scale(h - 1, v) = l.size;
        } else {
          // The ramp counts from the lever's own first step, even if that is before the data end.
          const double done = l.ramp > 1 ? std::min(1.0, (h - first + 1.0) / l.ramp) : 1.0;
          offset(h - 1, v) = size * done;
        }
      }
    }
    plan.lever_offset.push_back(std::move(offset));
    plan.lever_scale.push_back(std::move(scale));
    plan.lever_variable.push_back(v);
    plan.lever_changes_volatility.push_back(l.kind == LeverKind::kVolatility);
  }

  for (const Target& t : s.targets)
    plan.target_variable.push_back(VariableIndex(s, fit, t.variable, t.variable_line, "variable"));
  if (!s.triangle.empty()) {
    for (int d = 0; d < 3; ++d)
      plan.triangle_variable[d] = VariableIndex(s, fit, s.triangle[d], s.triangle_line, "triangle");
    plan.actors = TriangleActors(s);
    plan.has_triangle = true;
  }
  plan.neutral = s.neutral;
  return plan;
}

Eigen::MatrixXd MeanPath(const ScenarioPlan& plan, const SystemAdjustments& system) {
  const int p = plan.lags();
  Eigen::MatrixXd path(p + plan.steps, plan.K());
  path.topRows(p) = plan.origin;
  for (int h = 1; h <= plan.steps; ++h) {
    Eigen::VectorXd y = system.offset.row(h - 1).transpose();
    const int now = p + h - 1;
    for (int j = 1; j <= p; ++j) y += plan.lag_matrices[j - 1] * path.row(now - j).transpose();
    path.row(now) = y.transpose();
  }
  return path.bottomRows(plan.steps);
}

Eigen::MatrixXd ResponseToOffsets(const std::vector<Eigen::MatrixXd>& lags,
                                  const Eigen::MatrixXd& offset) {
  const int p = static_cast<int>(lags.size());
  const auto steps = offset.rows();
  Eigen::MatrixXd path = Eigen::MatrixXd::Zero(p + steps, offset.cols());
  for (Eigen::Index h = 1; h <= steps; ++h) {
    Eigen::VectorXd y = offset.row(h - 1).transpose();
    const Eigen::Index now = p + h - 1;
    for (int j = 1; j <= p; ++j) y += lags[j - 1] * path.row(now - j).transpose();
    path.row(now) = y.transpose();
  }
  return path.bottomRows(steps);
}

}  // namespace triad
