#include "codebook/table_text.hpp"

#include <fmt/format.h>

#include "common/error.hpp"

namespace triad::codebook {

void ForEachLine(std::string_view text,
                 const std::function<void(std::int64_t, std::string_view)>& visit) {
  std::int64_t number = 0;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) visit(number, line);
  }
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

bool SplitCsvLine(std::string_view line, std::vector<std::string>* fields) {
  fields->clear();
  size_t i = 0;
  while (true) {
    std::string field;
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (true) {
        if (i >= line.size()) return false;  // no closing quote
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += line[i++];
      }
      if (i < line.size() && line[i] != ',') return false;  // text after the closing quote
    } else {
      size_t comma = line.find(',', i);
      size_t end = comma == std::string_view::npos ? line.size() : comma;
      field.assign(line.substr(i, end - i));
      i = end;
    }
    fields->push_back(std::move(field));
    if (i >= line.size()) return true;
    ++i;  // skip the comma; a trailing comma gives a last empty field
    if (i == line.size()) {
      fields->emplace_back();
      return true;
    }
  }
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool ForEachCsvRecord(
    std::string_view text, const std::string& origin, const std::vector<std::string_view>& columns,
    const std::function<void(std::int64_t, const std::vector<std::string>&)>& visit) {
  bool header_seen = false;
  std::vector<std::string> fields;
  ForEachLine(text, [&](std::int64_t line, std::string_view row) {
    auto fail = [&](const std::string& message) { ThrowInput({origin, line, ""}, message); };
    if (!SplitCsvLine(row, &fields)) fail("unbalanced double quote");
    if (!header_seen) {
      bool ok = fields.size() == columns.size();
      for (std::size_t i = 0; ok && i < fields.size(); ++i) ok = fields[i] == columns[i];
      if (!ok) {
        std::string names;
        for (auto c : columns) names += (names.empty() ? "" : ",") + std::string(c);
        fail("header must be " + names);
      }
      header_seen = true;
      return;
    }
    if (fields.size() != columns.size())
      fail(fmt::format("expected {} comma-separated fields, found {}", columns.size(),
                       fields.size()));
    visit(line, fields);
  });
  return header_seen;
}

}  // namespace triad::codebook
