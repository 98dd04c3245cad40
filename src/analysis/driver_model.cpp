#include "analysis/driver_model.hpp"

#include <algorithm>

namespace triad {

VarData ToVarData(const ModelSeries& series) {
  VarData data;
  data.names = series.names;
  const auto rows = static_cast<Eigen::Index>(series.dates.size());
  data.values.resize(rows, static_cast<Eigen::Index>(series.columns.size()));
  for (std::size_t j = 0; j < series.columns.size(); ++j)
    for (Eigen::Index t = 0; t < rows; ++t)
      data.values(t, static_cast<Eigen::Index>(j)) = series.columns[j][static_cast<std::size_t>(t)];
  for (Day d : series.dates) data.labels.push_back(FormatDate(d));
  return data;
}

namespace {

DriverModel Analyse(ModelSeries series, const DriverAnalysisOptions& analysis) {
  DriverModel m;
  m.series = std::move(series);
  const std::vector<std::string> dyads(m.series.names.begin(),
                                       m.series.names.begin() + m.series.dyad_count);
  m.analysis = AnalyseDrivers(ToVarData(m.series), dyads, analysis);
  m.analysis.fit.logit_shares = LogitSharesAmong(m.series, m.analysis.fit.names);
  return m;
}

}  // namespace

DriverModel FitDriverModel(EventStore& store, const ModelSeriesOptions& series,
                           const DriverAnalysisOptions& analysis) {
  return Analyse(BuildModelSeries(store, series), analysis);
}

DriverModel FitDriverModel(EventStore& store, const ModelSeriesOptions& series,
                           const DriverAnalysisOptions& analysis,
                           std::vector<RelationIndexSeries> indices) {
  return Analyse(BuildModelSeries(store, series, std::move(indices)), analysis);
}

}  // namespace triad
