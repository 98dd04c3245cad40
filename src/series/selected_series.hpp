#pragma once
// Period totals of any selection of cells: a predicate over (day, source, target, channel,
// QuadClass) decides which cells count. Dyad series, group series (membership checked on the
// cell's own day) and the driver series of `triad explain` are all selections.
#include <functional>
#include <string>
#include <vector>

#include "series/dyad_series.hpp"

namespace triad {

using CellPredicate = std::function<bool(const CellKey& key)>;

// `countries` narrows the store scan (cells whose source and target are both in it); empty
// scans every cell in the range.
DyadSeries BuildSelectedSeries(EventStore& store, const std::vector<std::string>& countries,
                               const CellPredicate& keep, const SeriesOptions& options);

}  // namespace triad
