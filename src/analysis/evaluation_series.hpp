#pragma once
// The series `triad evaluate` forecasts from a store: the model series `triad explain` fits
// (series/model_series.hpp: the three dyad indices and the drivers on one gap-free grid), on the
// period plan every triad command uses (period_plan.hpp). The dyads are the targets.
#include <string>
#include <vector>

#include "analysis/triad_state.hpp"
#include "measures/var_model.hpp"

namespace triad {

struct EvaluationSeries {
  VarData data;     // dyads first, then drivers; labels the period starts
  int targets = 3;  // the dyads
  Frequency freq = Frequency::kWeek;
  std::vector<std::string> notes;  // the plan's choices and the series' drops and fills
};

// query.drivers false: the dyads alone. Usage errors as BuildTriadState's; a compute error when
// fewer than 3 complete periods remain.
EvaluationSeries EvaluationSeriesFromStore(EventStore& store, const TriadQuery& query);

}  // namespace triad
