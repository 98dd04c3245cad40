#pragma once
// Each chart of the report offers its numbers as CSV and itself as a standalone SVG file, both as
// data: URLs in the page (a download link, no request: the report stays one offline file).
#include <string>
#include <string_view>
#include <vector>

#include "common/date.hpp"
#include "outputs/messages.hpp"

namespace triad {

// A chart's numbers: named columns, one row per point; cells already formatted.
class ChartTable {
 public:
  explicit ChartTable(std::vector<std::string> columns) : columns_(std::move(columns)) {}
  // A row of numbers after its first cell (a date, a label); NaN is an empty cell, numbers are
  // written in their shortest form that reads back to the same double.
  void AddRow(const std::string& first, const std::vector<double>& values);
  // RFC 4180 CSV with a header line, "\r\n" line ends as the RFC has them.
  std::string Csv() const;
  std::size_t rows() const { return rows_.size(); }

 private:
  std::vector<std::string> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// The value at i, or NaN past the end (parallel series of unequal length).
double At(const std::vector<double>& v, std::size_t i);

// A data: URL of the content in base64 (RFC 2397, RFC 4648): a third larger than the content,
// where percent-encoding a chart's SVG would make it about three times as large.
std::string DataUrl(std::string_view mime, std::string_view content);

// A chart's inline <svg> made a standalone file: the SVG namespace and the report's font stack.
std::string StandaloneSvg(std::string_view inline_svg);

// The links under a chart: "data (CSV)" as STEM.csv and "chart (SVG)" as STEM.svg, in `language`.
// The stem is made safe for a file name (letters, digits, '-', '_' and '.').
std::string ChartDownloadsHtml(std::string_view file_stem, std::string_view inline_svg,
                               const ChartTable& data, Language language);

}  // namespace triad
