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
};

ReportModel BuildReportModel(const TriadState& state, const std::vector<IngestedFile>& files,
                             const ReportContext& context,
                             std::optional<ScenarioReport> scenario = std::nullopt);

// "United States" for USA (the codebook's name), the code itself when unknown.
std::string CountryDisplayName(const std::string& code);

}  // namespace triad
