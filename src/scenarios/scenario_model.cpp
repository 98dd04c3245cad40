#include "scenarios/scenario_model.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "common/error.hpp"
#include "measures/var_json.hpp"

namespace triad {
VarFit LoadScenarioModel(const Scenario& scenario, const ModelBuilder& builder) {
  const ModelSource& m = scenario.model;
  if (m.store) {
    if (!builder)
      ThrowUsage(fmt::format(
          "{}: [model] asks for a model fitted from the store {}, but this build of triad cannot "
          "fit one for scenarios yet; fit it with `triad var --input SERIES.csv --save fit.json` "
          "and write fit = \"fit.json\" in [model]",
          scenario.path, m.store->store));
    return builder(*m.store);
  }
  std::ifstream in(m.fit_path);
  if (!in)
    ThrowInput(Location{scenario.path, 0, "fit"},
               fmt::format("cannot open the model file {} (paths are relative to the scenario "
                           "file; make one with `triad var --input SERIES.csv --save FILE`)",
                           m.fit_path));
  nlohmann::json j;
  try {
    in >> j;
  } catch (const nlohmann::json::exception& e) {
    ThrowInput(Location{m.fit_path, 0, ""}, fmt::format("not valid JSON: {}", e.what()));
  }
  return VarFitFromJson(j, m.fit_path);
}

ScenarioCalendar::ScenarioCalendar(Frequency freq, Day last_period)
    : freq_(freq), last_(PeriodStart(last_period, freq)) {}

Day ScenarioCalendar::StepStart(int step) const {
  if (freq_ == Frequency::kDay) return last_ + step;
  if (freq_ == Frequency::kWeek) return last_ + 7 * step;
  Day d = last_;
  for (int i = 0; i < step; ++i) d = NextPeriodStart(d, freq_);
  return d;
}

int ScenarioCalendar::StepOf(Day day) const {
  const Day period = PeriodStart(day, freq_);
  if (freq_ == Frequency::kDay) return period - last_;
  if (freq_ == Frequency::kWeek) return (period - last_) / 7;
  int y0, m0, d0, y1, m1, d1;
  YmdFromDay(last_, &y0, &m0, &d0);
  YmdFromDay(period, &y1, &m1, &d1);
  if (freq_ == Frequency::kMonth) return (y1 - y0) * 12 + (m1 - m0);
  return y1 - y0;
}

ScenarioCalendar CalendarOf(const VarFit& fit, const Scenario& scenario) {
  const ModelSource& m = scenario.model;
  std::optional<Day> last = m.last;
  if (!last && !fit.last_label.empty()) last = ParseDate(fit.last_label);
  std::optional<Frequency> freq = m.freq;
  if (!freq && !fit.frequency.empty()) freq = ParseFrequency(fit.frequency);
  if (!last || !freq)
    ThrowInput(Location{scenario.path, 0, "last"},
               fmt::format("the model does not say which dates its rows are (last label '{}', "
                           "frequency '{}'): refit it from a CSV whose first column holds "
                           "consecutive period dates, or set last = \"YYYY-MM-DD\" and freq = "
                           "\"week\" in [model]",
                           fit.last_label, fit.frequency));
  return ScenarioCalendar(*freq, *last);
}

}  // namespace triad
