#include "series/coverage_note.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>

namespace triad {

std::string CoverageCell(double fraction, CoverageFlag flag) {
  if (flag == CoverageFlag::kUnknown || std::isnan(fraction)) return "";
  const std::string percent = fmt::format("{:.0f}%", 100 * fraction);
  if (flag == CoverageFlag::kCovered) return percent;
  return percent + " " + std::string(CoverageFlagName(flag));
}

std::string CoverageNote(const RelationIndexSeries& s) {
  std::vector<std::string> thin, outside;
  for (std::size_t i = 0; i < s.coverage_flag.size(); ++i) {
    if (s.coverage_flag[i] == CoverageFlag::kThin) thin.push_back(FormatDate(s.dates[i]));
    if (s.coverage_flag[i] == CoverageFlag::kOutside) outside.push_back(FormatDate(s.dates[i]));
  }
  if (thin.empty() && outside.empty()) return "";
  auto list = [](const std::vector<std::string>& dates) {
    std::string text;
    for (std::size_t i = 0; i < dates.size() && i < 5; ++i) text += (i ? ", " : "") + dates[i];
    if (dates.size() > 5) text += fmt::format(" and {} more", dates.size() - 5);
    return text;
  };
  std::vector<std::string> parts;
  if (!thin.empty())
    parts.push_back(fmt::format("{} period{} thin (below {:.0f}% of {} news slots: {})",
                                thin.size(), thin.size() == 1 ? "" : "s", 100 * s.min_coverage,
                                thin.size() == 1 ? "its" : "their", list(thin)));
  if (!outside.empty())
    parts.push_back(fmt::format("{} period{} outside the store's news ({})", outside.size(),
                                outside.size() == 1 ? "" : "s", list(outside)));
  const std::size_t n = thin.size() + outside.size();
  return fmt::format("news coverage: {}; {}", fmt::join(parts, "; "),
                     s.include_partial
                         ? std::string("kept, as --include-partial asks (read them with care)")
                         : fmt::format("left out of the index and the models; --include-partial "
                                       "keeps {}",
                                       n == 1 ? "it" : "them"));
}

}  // namespace triad
