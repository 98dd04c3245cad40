#include "reading/csv_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace triad {
namespace {

[[noreturn]] void ThrowAt(const std::string& path, std::int64_t line, std::int64_t column,
                          const std::string& message) {
  throw Error(ErrorKind::kInput, fmt::format("{}:{}:{}: {}", path, line, column, message));
}

bool IsBlank(char c) {
  return c == ' ' || c == '\t';
}

// One record as scanned, with the column where each field starts (for messages).
struct Record {
  std::int64_t line = 0;
  std::vector<std::string> fields;
  std::vector<std::int64_t> columns;
  std::int64_t end_column = 0;  // where the record's line ending (or the text) begins
  bool blank = false;           // an empty line: one empty, unquoted field
};

// Walks the text byte by byte, keeping the line and column (in characters: UTF-8 continuation
// bytes do not advance it) of the next byte.
class Scanner {
 public:
  Scanner(std::string_view text, const std::string& path) : text_(text), path_(path) {}

  bool AtEnd() const { return pos_ >= text_.size(); }

  Record Next() {
    Record r;
    r.line = line_;
    bool any_quoted = false;
    while (true) {
      while (!AtEnd() && IsBlank(Peek())) Advance();
      r.columns.push_back(column_);
      std::string field;
      if (!AtEnd() && Peek() == '"') {
        any_quoted = true;
        ReadQuoted(&field);
      } else {
        while (!AtEnd() && Peek() != ',' && Peek() != '\n' && Peek() != '\r') {
          field += Peek();
          Advance();
        }
        while (!field.empty() && IsBlank(field.back())) field.pop_back();
      }
      r.fields.push_back(std::move(field));
      if (!AtEnd() && Peek() == ',') {
        Advance();
        continue;
      }
      r.end_column = column_;
      if (!AtEnd() && Peek() == '\r') Advance();
      if (!AtEnd() && Peek() == '\n') Advance();
      break;
    }
    r.blank = !any_quoted && r.fields.size() == 1 && r.fields[0].empty();
    return r;
  }

 private:
  char Peek() const { return text_[pos_]; }

  void Advance() {
    const char c = text_[pos_++];
    if (c == '\n' || (c == '\r' && (AtEnd() || Peek() != '\n'))) {
      ++line_;
      column_ = 1;
    } else if (c != '\r' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;
    }
  }

  // At an opening quote: reads to the closing one, "" standing for one quote; then allows only
  // blanks before the next comma or line end.
  void ReadQuoted(std::string* field) {
    const std::int64_t open_line = line_, open_column = column_;
    Advance();
    while (true) {
      if (AtEnd())
        ThrowAt(path_, open_line, open_column,
                "unterminated quote: the field opened here has no closing double quote (write "
                "\"\" for a quote inside a quoted field)");
      const char c = Peek();
      Advance();
      if (c == '"') {
        if (!AtEnd() && Peek() == '"') {
          *field += '"';
          Advance();
          continue;
        }
        break;
      }
      *field += c;
    }
    while (!AtEnd() && IsBlank(Peek())) Advance();
    if (!AtEnd() && Peek() != ',' && Peek() != '\n' && Peek() != '\r')
      ThrowAt(path_, line_, column_,
              "text after the closing quote of a field: quote the whole field, and write \"\" "
              "for a quote inside it");
  }

  std::string_view text_;
  const std::string& path_;
  std::size_t pos_ = 0;
  std::int64_t line_ = 1;
  std::int64_t column_ = 1;
};

}  // namespace

CsvTable CsvTable::Parse(std::string_view text, const std::string& path) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  CsvTable table;
  table.path_ = path;
  Scanner scanner(text, path);
  bool have_header = false;
  while (!scanner.AtEnd()) {
    Record record = scanner.Next();
    if (record.blank) continue;
    if (!have_header) {
      table.header_ = std::move(record.fields);
      table.header_line_ = record.line;
      have_header = true;
      continue;
    }
    const std::size_t expected = table.header_.size();
    if (record.fields.size() != expected) {
      const std::int64_t column =
          record.fields.size() > expected ? record.columns[expected] : record.end_column;
      ThrowAt(path, record.line, column,
              fmt::format("{} field{}, the header (line {}) has {}{}", record.fields.size(),
                          record.fields.size() == 1 ? "" : "s", table.header_line_, expected,
                          record.fields.size() > expected
                              ? ": a field holding a comma must be in double quotes"
                              : ""));
    }
    table.rows_.push_back({record.line, std::move(record.fields)});
  }
  if (!have_header) ThrowAt(path, 1, 1, "empty file: expected a header row naming the columns");
  return table;
}

CsvTable CsvTable::Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) ThrowInput({path, 0, ""}, "cannot open the file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) ThrowInput({path, 0, ""}, "read error");
  return Parse(text.str(), path);
}

int CsvTable::ColumnIndex(std::string_view name) const {
  for (std::size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == name) return static_cast<int>(i);
  return -1;
}

std::string CsvTable::ColumnList(int first) const {
  std::string out;
  for (std::size_t i = static_cast<std::size_t>(std::max(first, 0)); i < header_.size(); ++i)
    out += (out.empty() ? "" : ", ") + header_[i];
  return out;
}

Location CsvTable::Where(const CsvRow& row, int column) const {
  return {path_, row.line,
          column >= 0 && column < static_cast<int>(header_.size())
              ? header_[static_cast<std::size_t>(column)]
              : std::string()};
}

}  // namespace triad
