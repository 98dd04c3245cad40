#pragma once
// triad's one CSV reader, for every table a user hands to a command (series for `var`,
// `backtest`, `momentum` and `import-series`, edge lists for `frustration`). RFC 4180:
//  - fields are separated by commas; a field may be enclosed in double quotes, and then may hold
//    commas, line breaks and "" (one double quote);
//  - rows end with CRLF or LF (a lone CR also ends a row); the last row may lack an ending;
//  - a UTF-8 byte order mark at the start is dropped;
//  - the first non-blank row is the header, and every data row must have as many fields.
// Two leniencies, because the inputs are hand-made tables: blanks (spaces, tabs) around a field
// are dropped (inside quotes they are kept), and empty lines are skipped (still counted).
//
// Structural errors throw an input error naming file:line:column (line and column 1-based, the
// column in characters): an unterminated quote, text after a closing quote, a row with the wrong
// number of fields, an empty file. What the fields mean is the caller's business; Where() gives
// the location of a cell for its messages.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace triad {

struct CsvRow {
  std::int64_t line = 0;            // 1-based line on which the row starts
  std::vector<std::string> fields;  // as many as the header has
};

class CsvTable {
 public:
  // Reads a whole file (inputs are small tables). A file that cannot be opened is an input error.
  static CsvTable Read(const std::string& path);
  // The same from text in memory; `path` names the origin in messages.
  static CsvTable Parse(std::string_view text, const std::string& path);

  const std::string& path() const { return path_; }
  const std::vector<std::string>& header() const { return header_; }
  std::int64_t header_line() const { return header_line_; }
  // Data rows in file order, blank lines left out.
  const std::vector<CsvRow>& rows() const { return rows_; }

  // Index of the first header field equal to `name`, or -1.
  int ColumnIndex(std::string_view name) const;
  // The header names from `first` on, comma-separated, for "no column X (columns: ...)" messages.
  std::string ColumnList(int first = 0) const;
  // Where a cell is: file, the row's line and the column's header name.
  Location Where(const CsvRow& row, int column) const;

 private:
  std::string path_;
  std::vector<std::string> header_;
  std::int64_t header_line_ = 0;
  std::vector<CsvRow> rows_;
};

}  // namespace triad
