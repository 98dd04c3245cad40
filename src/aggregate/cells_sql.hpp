#pragma once
// The SQL text of `triad sql`: one standard-SQL query that computes triad's dyad-day cells
// (cell.hpp) from GDELT rows on another engine (BigQuery over GDELT's public tables, DuckDB over
// local files), with the reader's rules (reading/gdelt_row.cpp), the stale rule of
// `ingest --max-report-lag`, one row per GLOBALEVENTID and exact fixed-point sums. Its result has
// the columns of `triad export cells` and is read back by `triad ingest-cells`.
//
// The result also carries the news coverage (news_slots.hpp), as rows of another kind, so that
// cells and the coverage of the same news always travel in one file: a row whose channel is
// kNewsChannel says that the news published on `date` in slot `events` (0..95 for GDELT 2.0's
// 15-minute files, 0 for GDELT 1.0's daily files) holds accepted rows; `mentions` is the slots
// per day (96 or 1); the other numbers are 0, source and target empty.
//
// The text is in three parts: the reading of the rows (between kEngineBegin and kEngineEnd,
// written for each engine), the cells (the same text for every engine) and the final SELECT,
// where only the exact decimal type differs (NUMERIC / DECIMAL(38, k)).
#include <optional>
#include <string>
#include <string_view>

#include "aggregate/news_slots.hpp"
#include "common/date.hpp"
#include "reading/event_record.hpp"

namespace triad {

enum class SqlEngine { kBigQuery, kDuckDb };

inline constexpr std::string_view kNewsChannel = "news";
inline constexpr std::string_view kEngineBegin = "-- [engine] begin";
inline constexpr std::string_view kEngineEnd = "-- [engine] end";

struct CellsQueryOptions {
  SqlEngine engine = SqlEngine::kBigQuery;
  EventFormat format = EventFormat::kGdelt2;  // kGdelt2 or kGdelt1
  // News days (DATEADDED), inclusive; empty: no limit. Cells of a news day may be dated up to
  // max_report_lag_days earlier, as with `triad ingest` of the same files.
  std::optional<Day> from, to;
  std::string files;                                   // DuckDB: a file or glob of plain files
  int max_report_lag_days = kDefaultMaxReportLagDays;  // < 0: keep old events reported again
};

// The query text. Throws a usage error for an option the engine cannot take.
std::string CellsQuery(const CellsQueryOptions& options);

}  // namespace triad
