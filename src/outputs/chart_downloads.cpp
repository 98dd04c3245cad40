#include "outputs/chart_downloads.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "outputs/html_escape.hpp"

namespace triad {
namespace {

std::string CsvCell(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

double At(const std::vector<double>& v, std::size_t i) {
  return i < v.size() ? v[i] : std::numeric_limits<double>::quiet_NaN();
}

void ChartTable::AddRow(const std::string& first, const std::vector<double>& values) {
  std::vector<std::string> row{first};
  for (double v : values) row.push_back(std::isfinite(v) ? fmt::format("{}", v) : "");
  rows_.push_back(std::move(row));
}

std::string ChartTable::Csv() const {
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + CsvCell(cells[i]);
    out += "\r\n";
  };
  line(columns_);
  for (const auto& r : rows_) line(r);
  return out;
}

std::string DataUrl(std::string_view mime, std::string_view content) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out = "data:" + std::string(mime) + ";charset=utf-8;base64,";
  out.reserve(out.size() + (content.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < content.size(); i += 3) {
    const auto n = static_cast<std::uint32_t>(static_cast<unsigned char>(content[i]) << 16 |
                                              static_cast<unsigned char>(content[i + 1]) << 8 |
                                              static_cast<unsigned char>(content[i + 2]));
    for (int shift : {18, 12, 6, 0}) out += kAlphabet[(n >> shift) & 63];
  }
  if (const std::size_t left = content.size() - i; left > 0) {
    std::uint32_t n = static_cast<std::uint32_t>(static_cast<unsigned char>(content[i]) << 16);
    if (left == 2) n |= static_cast<std::uint32_t>(static_cast<unsigned char>(content[i + 1]) << 8);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += left == 2 ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string StandaloneSvg(std::string_view inline_svg) {
  std::string svg(inline_svg);
  const std::size_t at = svg.find("<svg");
  if (at != std::string::npos)
    svg.insert(at + 4,
               " xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui, -apple-system, "
               "'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', sans-serif\" "
               "font-size=\"12\"");
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg;
}

std::string ChartDownloadsHtml(std::string_view file_stem, std::string_view inline_svg,
                               const ChartTable& data, Language language) {
  std::string stem;
  for (char c : file_stem) {
    const bool safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
    stem += safe ? c : '_';
  }
  if (stem.empty()) stem = "chart";
  return fmt::format(
      "<p class=\"downloads\"><a download=\"{0}.csv\" href=\"{1}\">{3}</a> · "
      "<a download=\"{0}.svg\" href=\"{2}\">{4}</a></p>\n",
      HtmlEscape(stem), DataUrl("text/csv", data.Csv()),
      DataUrl("image/svg+xml", StandaloneSvg(inline_svg)),
      HtmlEscape(std::string(Message(language, "report.download_csv"))),
      HtmlEscape(std::string(Message(language, "report.download_svg"))));
}

}  // namespace triad
