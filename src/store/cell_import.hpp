#pragma once
// Cells computed elsewhere (the result of `triad sql` on BigQuery or DuckDB) put into the store:
// one import is one entry of the manifest (format "cells") with the news days it covers, its
// news coverage and its own copy of its cells, added to the store's cells in one transaction.
//
// An import covers the news days from its first to its last news row. Importing news days that
// an earlier import covers replaces that import (its cells are taken out exactly), never adds to
// it. News days that the store holds from event files (`triad ingest`) are refused unless
// `replace`: the same events would count twice, once from the files and once from the import.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "aggregate/cell.hpp"
#include "aggregate/news_slots.hpp"
#include "store/event_store.hpp"

namespace triad {

struct CellImport {
  std::vector<std::string> inputs;  // the files read, absolute, in order
  std::string content_hash;         // of the inputs' bytes, in order (32 hex digits)
  std::int64_t bytes = 0, mtime = 0;
  std::int64_t rows_read = 0;                 // data rows of the inputs (cells and news)
  std::map<std::uint64_t, CellValues> cells;  // by CellKey::Pack()
  std::vector<DaySlots> news;                 // in day order
  int slots_per_day = kGdelt2SlotsPerDay;     // of the news rows
  std::string query, query_hash;              // empty when not given
};

struct CellImportResult {
  bool added = false;  // false: the same content was imported before
  std::int64_t file_id = 0;
  std::vector<std::string> replaced;  // earlier imports taken out (their first input)
  std::int64_t cells_cleared = 0;     // with replace: stored cells of the days deleted first
  Day first_news_day = 0, last_news_day = 0;
};

// Throws an input error (nothing changed) when the import has no news rows, overlaps an earlier
// import that reaches beyond its news days, or (without replace) the news days of event files.
CellImportResult ImportCells(EventStore& store, const CellImport& import, bool replace);

// The other direction, for `triad ingest`: an input error naming `path` when the GDELT news days
// from `min_added` to `max_added` (DATEADDED) overlap cells imported from a query, whose events
// the file's would count again. Nothing to check for 0 (no DATEADDED: ICEWS).
void CheckNotImportedAsCells(Database& db, std::int64_t min_added, std::int64_t max_added,
                             const std::string& path);

}  // namespace triad
