#pragma once
// Period totals of any selection of cells: a predicate over (day, source, target, channel,
// QuadClass) decides which cells count. Dyad series, group series (membership checked on the
// cell's own day) and the driver series of `triad explain` are all selections.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "series/dyad_series.hpp"

namespace triad {

using CellPredicate = std::function<bool(const CellKey& key)>;
// Ordered (source, target) pairs of country codes.
using OrderedPairs = std::vector<std::pair<std::string, std::string>>;

// `countries` narrows the store scan (cells whose source and target are both in it); empty
// scans every cell in the range.
DyadSeries BuildSelectedSeries(EventStore& store, const std::vector<std::string>& countries,
                               const CellPredicate& keep, const SeriesOptions& options);
// The same over the cells of `pairs` only, read through the store's dyad index: for selections
// such as "the triad's countries with the Global South's members", whose cells are a small part
// of the store.
DyadSeries BuildSelectedSeriesOfPairs(EventStore& store, const OrderedPairs& pairs,
                                      const CellPredicate& keep, const SeriesOptions& options);
// Every (x, y) and (y, x) with x in `a` and y in `b`, x != y, sorted, without repeats.
OrderedPairs PairsBetween(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace triad
