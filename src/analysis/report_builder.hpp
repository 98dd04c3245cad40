#pragma once
// The report model (outputs/report_model.hpp) from a triad's state: the same numbers status and
// balance print, laid out for the HTML report.
#include <optional>
#include <string>
#include <vector>

#include "analysis/triad_state.hpp"
#include "outputs/report_model.hpp"

namespace triad {

// What the report says about how it was made.
struct ReportContext {
  std::string title;  // empty: "China–United States–Japan: relations, triangle and momentum"
  std::string generated_at;
  std::string triad_version;
  std::string command_line;
  std::string store_path;
  // Per dyad, the largest moves of the raw index to list with the events behind them (read back
  // from the ingested files; 0: none), and the events shown per move.
  int moves_per_dyad = 2;
  int events_per_move = 3;
};

ReportModel BuildReportModel(const TriadState& state, const std::vector<IngestedFile>& files,
                             const ReportContext& context,
                             std::optional<ScenarioReport> scenario = std::nullopt);

// Per dyad, the periods whose raw index moved most from the previous period with a value (at most
// `count`, largest first).
std::vector<IndexMove> LargestMoves(const RelationIndexSeries& index, int count);

// Fills each dyad's moves with the events behind them (analysis/event_drilldown.hpp), reading
// the store's event files once. Warnings (moved files, unreadable files) go to `warnings`.
void AddEventsBehindMoves(EventStore& store, const TriadState& state, const ReportContext& context,
                          ReportModel* model, std::vector<std::string>* warnings);

// "United States" for USA (the codebook's name), the code itself when unknown.
std::string CountryDisplayName(const std::string& code);

}  // namespace triad
