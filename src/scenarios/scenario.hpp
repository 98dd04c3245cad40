#pragma once
// A scenario: a fitted model of relation series, a simulation horizon, and the analyst's levers
// (chosen actions), windows (election seasons, summits) and targets (floors the dyads should stay
// above). Scenario files are TOML (docs/scenarios.md); scenario_toml.hpp parses them into this
// plain data, keeping the line of every entry so that later checks against the model can point
// at the file.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"

namespace triad {

// A model to be fitted from the store (the [model] table without `fit`). Building it needs the
// store and series modules, which the command line registers through ModelBuilder
// (scenario_model.hpp).
struct StoreModelSpec {
  std::string store;                 // store file, resolved relative to the scenario file
  std::vector<std::string> actors;   // e.g. CHN, USA, JPN: the dyads among them are modelled
  std::string freq = "week";         // day, week, month or year
  std::optional<Day> from, to;       // estimation period; unset = all the store holds
  int lags = 1;                      // VAR order p >= 1
  std::vector<std::string> drivers;  // extra series by name, e.g. ECON_CHN_USA, REGIONAL
  // Coefficient prior: "none" (OLS), "minnesota" (bvar_minnesota.hpp) or "auto" (Minnesota when
  // the rows per coefficient are below kMinObservationsPerCoefficient, var_data_budget.hpp).
  std::string prior = "auto";
};

struct ModelSource {
  std::string fit_path;                 // a saved `triad var --save` fit, resolved; or empty
  std::optional<StoreModelSpec> store;  // set exactly when fit_path is empty
  // Calendar overrides for fits that did not record one (the last observed period and the row
  // frequency); unset = take them from the fit.
  std::optional<Day> last;
  std::optional<Frequency> freq;
  // Values held by exogenous series of a VARX over the horizon, by name.
  std::map<std::string, double> exog;
};

// What the analyst means a lever to do to the relations: improve them (cooperative) or harm
// them (harmful, e.g. deterrence over-emphasis switched on to see its cost). kUnstated: no
// check. The estimated effect is checked against it (lever_intent.hpp).
enum class LeverIntent { kUnstated, kCooperative, kHarmful };
std::string_view LeverIntentName(LeverIntent intent);

enum class LeverKind {
  kShift,       // sustained change of the variable's equation intercept, from a date
  kShock,       // one-off impulse to the variable at a date
  kVolatility,  // multiplies the s.d. of the variable's innovation, from a date
};
std::string_view LeverKindName(LeverKind kind);

// One action. Units: `size` is in the variable's units per step for a shift (added to the
// intercept of its equation, so its effect on the level builds up through the dynamics), in the
// variable's units for a shock (added to the level at one step), and a positive factor on the
// innovation standard deviation for volatility. `cost` is in the analyst's budget units, >= 0.
struct Lever {
  std::string name;
  std::string variable;
  LeverKind kind = LeverKind::kShift;
  Day from = 0;           // first day of effect (the period containing it is the first step)
  std::optional<Day> to;  // last day of effect for shift and volatility; unset = to the end
  int ramp = 0;  // shift only: reaches full size linearly over this many steps (0 = at once)
  double size = 0.0;
  double cost = 0.0;
  // Switched on in `triad simulate`; `triad optimize` considers every lever as a candidate.
  bool active = true;
  LeverIntent intent = LeverIntent::kUnstated;
  int intent_line = 0;
  int line = 0;           // line of the [[lever]] header in the scenario file
  int variable_line = 0;  // line of its `variable` key
};

// A period of changed dynamics for some variables: the innovation s.d. is multiplied by
// `volatility` and `drift` (variable units per step) is added to each named equation's intercept,
// for every step whose period overlaps [from, to].
struct Window {
  std::string name;
  Day from = 0, to = 0;
  std::vector<std::string> variables;
  double volatility = 1.0;
  double drift = 0.0;
  int line = 0;
  int variables_line = 0;
};

enum class TargetMode {
  kEveryStep,  // on track = above the floor at every step from the start to the horizon
  kAtEnd,      // on track = above the floor at the last step
};
std::string_view TargetModeName(TargetMode mode);

struct Target {
  std::string variable;  // a dyad's relation series
  double floor = 0.0;    // in the variable's units; on track means value >= floor
  TargetMode mode = TargetMode::kEveryStep;
  int line = 0;
  int variable_line = 0;
};

struct Scenario {
  std::string path;  // the scenario file, for messages
  ModelSource model;
  std::optional<Day> start;  // first reported and targeted period; unset = "end" (just after data)
  int horizon = 52;          // steps from the start
  int paths = 10000;
  std::uint64_t seed = 1;
  std::vector<Lever> levers;
  std::vector<Window> windows;
  std::vector<Target> targets;
  // Variables holding the three dyads A–B, A–C, B–C, named "X_Y" after their actors (so the
  // actors follow from the names); empty = no triangle report.
  std::vector<std::string> triangle;
  double neutral = 0.0;  // half-width of the neutral band for triangle signs, >= 0
  int triangle_line = 0;
};

}  // namespace triad
