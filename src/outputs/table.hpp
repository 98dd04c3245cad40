#pragma once
// Plain-text tables for the terminal: columns sized to their contents, numbers right-aligned.
#include <string>
#include <vector>

namespace triad {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void AddRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Size columns by terminal columns (a CJK character is two wide, as fmt pads it) instead of
  // bytes; for tables in Chinese or Japanese. Off by default: the English tables keep their
  // byte-sized layout.
  void MeasureTerminalColumns() { terminal_columns_ = true; }
  std::string Render() const;

 private:
  bool terminal_columns_ = false;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// Writes CSV: fields quoted only when they hold a comma, quote or newline (RFC 4180).
std::string CsvLine(const std::vector<std::string>& fields);

// "12,345" style thousands separators, for counts in human-facing output.
std::string WithThousands(long long value);
// A number for tables: fixed decimals, "" for NaN.
std::string Num(double value, int decimals);

}  // namespace triad
