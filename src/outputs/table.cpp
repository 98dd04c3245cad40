#include "outputs/table.hpp"

#include "outputs/safe_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace triad {
namespace {

bool LooksNumeric(const std::string& s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == ',' || c == '%' ||
           c == 'e';
  });
}

// Terminal columns of UTF-8 text, by the rule fmt pads with (East Asian wide and fullwidth
// characters count two, every other code point one), so padding to the widest cell lines up.
std::size_t TerminalColumns(const std::string& s) {
  std::size_t columns = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto byte = static_cast<unsigned char>(s[i]);
    const int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t cp = length == 1 ? byte : byte & (0x3F >> (length - 1));
    for (int k = 1; k < length && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += static_cast<std::size_t>(length);
    const bool wide =
        cp >= 0x1100 && (cp <= 0x115f || cp == 0x2329 || cp == 0x232a ||
                         (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f) ||
                         (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
                         (cp >= 0xfe10 && cp <= 0xfe19) || (cp >= 0xfe30 && cp <= 0xfe6f) ||
                         (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) ||
                         (cp >= 0x20000 && cp <= 0x2fffd) || (cp >= 0x30000 && cp <= 0x3fffd) ||
                         (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f900 && cp <= 0x1f9ff));
    columns += wide ? 2 : 1;
  }
  return columns;
}

}  // namespace

std::string TextTable::Render() const {
  // Cells may hold names from the data: shown with their control characters escaped.
  std::vector<std::vector<std::string>> rows;
  rows.reserve(rows_.size());
  for (const auto& row : rows_) {
    std::vector<std::string> safe;
    safe.reserve(row.size());
    for (const auto& cell : row) safe.push_back(TerminalText(cell));
    rows.push_back(std::move(safe));
  }
  std::vector<std::size_t> width(header_.size(), 0);
  const auto measure = [&](const std::string& cell) {
    return terminal_columns_ ? TerminalColumns(cell) : cell.size();
  };
  for (std::size_t c = 0; c < header_.size(); ++c) width[c] = measure(header_[c]);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c)
      width[c] = std::max(width[c], measure(row[c]));
  std::string out;
  auto line = [&](const std::vector<std::string>& row, bool is_header) {
    for (std::size_t c = 0; c < width.size(); ++c) {
      const std::string cell = c < row.size() ? row[c] : "";
      bool right = !is_header && LooksNumeric(cell);
      if (c) out += "  ";
      out += right ? fmt::format("{:>{}}", cell, width[c]) : fmt::format("{:<{}}", cell, width[c]);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += '\n';
  };
  line(header_, true);
  for (const auto& row : rows) line(row, false);
  return out;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\n\r") == std::string::npos) {
      out += f;
    } else {
      out += '"';
      for (char c : f) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
  }
  out += '\n';
  return out;
}

std::string WithThousands(long long value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

std::string Num(double value, int decimals) {
  if (std::isnan(value)) return "";
  return fmt::format("{:.{}f}", value, decimals);
}

}  // namespace triad
