#pragma once
// The fitted model behind a scenario, and its calendar. A scenario names either a saved fit
// (`triad var --save fit.json`) or a model to fit from the store; the store lives in later-built
// modules, so the caller passes a ModelBuilder that fits it (analysis/store_scenario_model.hpp).
// Without a builder a store-based scenario is a usage error that says so.
#include <functional>
#include <string>

#include "common/date.hpp"
#include "measures/var_model.hpp"
#include "scenarios/scenario.hpp"

namespace triad {

// Fits a VAR from the store for `spec`. The fit's variables are named so that scenario files can
// use them (dyads "CHN_USA", drivers as in spec.drivers), and it must set last_label (the start
// date of the last period) and frequency (spec.freq), which place levers and windows on dates.
using ModelBuilder = std::function<VarFit(const StoreModelSpec& spec)>;

// The saved fit, or `builder`'s fit for a store-based model (an empty builder: usage error).
// Input errors name the scenario file.
VarFit LoadScenarioModel(const Scenario& scenario, const ModelBuilder& builder);

// Steps of a simulation on the calendar: step 0 is the last observed period, step h >= 1 the
// h-th period after it. Periods are identified by their start day (common/date.hpp).
class ScenarioCalendar {
 public:
  ScenarioCalendar() = default;
  ScenarioCalendar(Frequency freq, Day last_period);
  Frequency frequency() const { return freq_; }
  Day last_period() const { return last_; }
  // Start day of step h (h >= 0).
  Day StepStart(int step) const;
  // The step whose period contains `day`; 0 or negative for days within the observed data.
  int StepOf(Day day) const;

 private:
  Frequency freq_ = Frequency::kWeek;
  Day last_ = 0;
};

// The calendar from the scenario's overrides ([model] last, freq) or else the fit's last_label and
// frequency. Throws an input error naming the scenario file when neither gives both.
ScenarioCalendar CalendarOf(const VarFit& fit, const Scenario& scenario);

}  // namespace triad
