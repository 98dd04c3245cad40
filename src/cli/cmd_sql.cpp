// triad sql: prints the SQL that computes triad's cells on another engine (BigQuery over GDELT's
// public tables, DuckDB over local files); `triad ingest-cells` reads its result back.
#include <fmt/format.h>

#include "aggregate/cells_sql.hpp"
#include "cli/command.hpp"
#include "cli/date_option.hpp"
#include "outputs/output_file.hpp"

namespace triad::cli {
namespace {

struct SqlArgs {
  std::string engine;
  std::string from, to;
  int gdelt = 2;
  std::string files;
  int max_report_lag = kDefaultMaxReportLagDays;
};

int RunSql(const SqlArgs& args) {
  CellsQueryOptions options;
  options.engine = args.engine == "duckdb" ? SqlEngine::kDuckDb : SqlEngine::kBigQuery;
  options.format = args.gdelt == 1 ? EventFormat::kGdelt1 : EventFormat::kGdelt2;
  if (!args.from.empty()) options.from = DateOptionOr(args.from, "--from", 0);
  if (!args.to.empty()) options.to = DateOptionOr(args.to, "--to", 0);
  options.files = args.files;
  options.max_report_lag_days = args.max_report_lag;
  WriteStandardOutput(CellsQuery(options));
  return kExitOk;
}

const CommandRegistration kSql(11, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SqlArgs>();
  CLI::App* cmd = app.add_subcommand(
      "sql", "Print the SQL that computes triad's cells on BigQuery or DuckDB (see ingest-cells)");
  cmd->add_option("--engine", args->engine, "bigquery (GDELT's public tables) or duckdb (files)")
      ->required()
      ->check(CLI::IsMember({"bigquery", "duckdb"}));
  cmd->add_option("--from", args->from, "First news day, by DATEADDED (YYYY-MM-DD)");
  cmd->add_option("--to", args->to, "Last news day, by DATEADDED (YYYY-MM-DD)");
  cmd->add_option("--gdelt", args->gdelt, "GDELT version: 2 (15-minute files) or 1 (daily)")
      ->check(CLI::IsMember({1, 2}))
      ->capture_default_str();
  cmd->add_option("--files", args->files,
                  "duckdb: the GDELT files to read, a path or glob of plain (unzipped) files");
  cmd->add_option("--max-report-lag", args->max_report_lag,
                  "Days an event may lie before the news that reports it, as ingest's; -1 keeps "
                  "them all")
      ->check(CLI::Range(-1, 36525))
      ->capture_default_str();
  cmd->footer(
      "The query computes the cells `triad ingest` would store from the same GDELT rows: same\n"
      "keys, codebook channels, reader rules, one row per GLOBALEVENTID, exact sums. Its result\n"
      "has the columns of `triad export cells` plus news-coverage rows (channel 'news').\n\n"
      "Examples:\n"
      "  triad sql --engine bigquery --from 2025-01-01 --to 2025-06-30 > cells.sql\n"
      "  bq query --use_legacy_sql=false --format=csv --max_rows=100000000 < cells.sql > "
      "cells.csv\n"
      "  triad ingest-cells cells.csv\n"
      "  triad sql --engine duckdb --files 'gdelt/*.export.CSV' > cells.sql");
  cmd->callback([args, &exit_code] { exit_code = RunSql(*args); });
});

}  // namespace
}  // namespace triad::cli
