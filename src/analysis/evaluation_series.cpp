#include "analysis/evaluation_series.hpp"

#include "analysis/driver_model.hpp"

namespace triad {

EvaluationSeries EvaluationSeriesFromStore(EventStore& store, const TriadQuery& query) {
  const auto& a = query.actors;
  for (const std::string& actor : a) ParseActor(actor);
  const PeriodPlan plan = PlanPeriods(SourceRange(store, query.index.source), query.periods);
  ModelSeriesOptions model = query.model;
  model.actors = a;
  model.index = query.index;
  model.index.series.freq = plan.freq;
  model.index.series.from = plan.from;
  model.index.series.to = plan.to;
  if (!query.drivers) model.drivers.emplace();  // empty: the dyads alone
  const ModelSeries series = BuildModelSeries(store, model);
  EvaluationSeries out;
  out.data = ToVarData(series);
  out.targets = series.dyad_count;
  out.freq = series.freq;
  out.notes = plan.notes;
  out.notes.insert(out.notes.end(), series.notes.begin(), series.notes.end());
  return out;
}

}  // namespace triad
