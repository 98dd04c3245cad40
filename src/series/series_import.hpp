#pragma once
// Reading a relation series from a CSV file for `triad import-series`.
//
// Two layouts, told apart by the header (names are case-insensitive):
//  - long: columns `date`, `source`, `target`, `value`, optionally `weight` (> 0, default 1: the
//    relative weight when values are averaged, e.g. an event count) and `se` (standard error,
//    >= 0, empty = unknown). One row per (date, source, target); the series is directed.
//  - wide: any other header: the first column holds dates, every other column is a dyad written
//    as two CAMEO codes joined by '_' or '-' (CHN_USA, chn-usa). The series is undirected.
// Value cells must be numbers; an empty cell (or NA) is a missing value and is not stored.
//
// Dates are YYYY (year), YYYY-MM (month), or YYYY-MM-DD / YYYYMMDD (day); one form for the whole
// file. Day dates that are all Mondays, at least two distinct and all gaps multiples of 7 days,
// are weekly values (ISO weeks, as everywhere in triad). The resolution is the finest the dates
// allow: values are stored at the start of their period.
//
// Every problem throws an input error naming the file, line and column.
#include <string>
#include <string_view>

#include "store/series_store.hpp"

namespace triad {

ImportedSeries ReadImportedSeriesCsv(const std::string& path, const std::string& name);
// The same from text in memory; `path` is only used in messages.
ImportedSeries ParseImportedSeriesCsv(std::string_view text, const std::string& path,
                                      const std::string& name);

}  // namespace triad
