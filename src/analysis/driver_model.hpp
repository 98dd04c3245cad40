#pragma once
// What drives the triad's relations, composed once: the store's series (series/model_series.hpp)
// -> VAR data -> the driver analysis (measures/driver_analysis.hpp). explain, status, report and
// store-fitted scenarios all come through here.
#include "measures/driver_analysis.hpp"
#include "measures/var_model.hpp"
#include "series/model_series.hpp"

namespace triad {

// The series as VAR data: one column per series, labels the period start dates.
VarData ToVarData(const ModelSeries& series);

struct DriverModel {
  ModelSeries series;  // what was fitted, with notes on what was dropped or filled
  DriverAnalysis analysis;
};

// Throws a compute error when the series are too short for even one lag.
DriverModel FitDriverModel(EventStore& store, const ModelSeriesOptions& series,
                           const DriverAnalysisOptions& analysis);
// The same from the dyad indices the caller already loaded with series.index.
DriverModel FitDriverModel(EventStore& store, const ModelSeriesOptions& series,
                           const DriverAnalysisOptions& analysis,
                           std::vector<RelationIndexSeries> indices);

}  // namespace triad
