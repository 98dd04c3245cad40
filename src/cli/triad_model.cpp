#include "cli/triad_model.hpp"

namespace triad::cli {

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

}  // namespace triad::cli
