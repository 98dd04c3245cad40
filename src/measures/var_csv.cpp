#include "measures/var_csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>

#include "common/error.hpp"

namespace triad {
namespace {

std::string Trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  const auto end = s.find_last_not_of(" \t\r");
  return s.substr(begin, end - begin + 1);
}

// Splits on commas; a field wholly enclosed in double quotes loses the quotes (no embedded
// commas are expected in a numeric table).
std::vector<std::string> SplitFields(const std::string& line) {
  std::vector<std::string> fields;
  std::string::size_type start = 0;
  while (true) {
    const auto comma = line.find(',', start);
    std::string field =
        Trim(line.substr(start, comma == std::string::npos ? comma : comma - start));
    if (field.size() >= 2 && field.front() == '"' && field.back() == '"')
      field = field.substr(1, field.size() - 2);
    fields.push_back(std::move(field));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return fields;
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

VarData ReadVarCsv(const std::string& path, const std::vector<std::string>& columns,
                   const std::vector<std::string>& exog_columns) {
  std::ifstream in(path);
  if (!in) ThrowInput(Location{path, 0, ""}, "cannot open file");
  std::string line;
  std::int64_t line_no = 0;
  std::vector<std::string> header;
  while (std::getline(in, line)) {
    ++line_no;
    if (!Trim(line).empty()) {
      header = SplitFields(line);
      break;
    }
  }
  if (header.size() < 2)
    ThrowInput(Location{path, line_no, ""},
               "expected a header row: a label column, then at least one numeric column");

  auto column_index = [&](const std::string& name) {
    for (std::size_t i = 1; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
    ThrowUsage(fmt::format("{}: no column '{}' (numeric columns: {})", path, name,
                           Join(std::vector<std::string>(header.begin() + 1, header.end()))));
  };
  VarData data;
  std::vector<int> endog_index, exog_index;
  for (const auto& name : exog_columns) {
    exog_index.push_back(column_index(name));
    data.exog_names.push_back(name);
  }
  if (columns.empty()) {
    for (std::size_t i = 1; i < header.size(); ++i) {
      if (std::find(exog_columns.begin(), exog_columns.end(), header[i]) != exog_columns.end())
        continue;
      endog_index.push_back(static_cast<int>(i));
      data.names.push_back(header[i]);
    }
  } else {
    for (const auto& name : columns) {
      if (std::find(exog_columns.begin(), exog_columns.end(), name) != exog_columns.end())
        ThrowUsage(fmt::format("column '{}' is both endogenous and exogenous", name));
      endog_index.push_back(column_index(name));
      data.names.push_back(name);
    }
  }

  std::vector<std::vector<double>> rows;
  std::vector<double> exog_rows;
  while (std::getline(in, line)) {
    ++line_no;
    if (Trim(line).empty()) continue;
    const std::vector<std::string> fields = SplitFields(line);
    if (fields.size() != header.size())
      ThrowInput(Location{path, line_no, ""},
                 fmt::format("{} fields, the header has {}", fields.size(), header.size()));
    auto number = [&](int index) {
      const std::string& text = fields[index];
      if (text.empty())
        ThrowInput(Location{path, line_no, header[index]},
                   "empty cell: a VAR needs a value in every period; fill the gap or cut the "
                   "series before it");
      double value = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        ThrowInput(Location{path, line_no, header[index]},
                   fmt::format("'{}' is not a finite number", text));
      return value;
    };
    data.labels.push_back(fields[0]);
    std::vector<double> row;
    for (int i : endog_index) row.push_back(number(i));
    rows.push_back(std::move(row));
    for (int i : exog_index) exog_rows.push_back(number(i));
  }
  const auto t = static_cast<Eigen::Index>(rows.size());
  if (t == 0) ThrowInput(Location{path, line_no, ""}, "no data rows after the header");
  const auto k = static_cast<Eigen::Index>(endog_index.size());
  const auto m = static_cast<Eigen::Index>(exog_index.size());
  data.values.resize(t, k);
  data.exog.resize(t, m);
  for (Eigen::Index r = 0; r < t; ++r) {
    for (Eigen::Index c = 0; c < k; ++c) data.values(r, c) = rows[r][c];
    for (Eigen::Index c = 0; c < m; ++c) data.exog(r, c) = exog_rows[r * m + c];
  }
  return data;
}

}  // namespace triad
