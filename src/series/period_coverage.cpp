#include "series/period_coverage.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace triad {

std::string_view CoverageFlagName(CoverageFlag flag) {
  switch (flag) {
    case CoverageFlag::kCovered:
      return "covered";
    case CoverageFlag::kThin:
      return "thin";
    case CoverageFlag::kOutside:
      return "outside";
    case CoverageFlag::kUnknown:
      break;
  }
  return "unknown";
}

PeriodCoverage CoverageOfPeriods(const NewsCoverage& news, const std::vector<Day>& starts,
                                 Day first_day, Day last_day, double min_coverage) {
  PeriodCoverage out;
  const std::size_t n = starts.size();
  if (!news.Known()) {
    out.fraction.assign(n, std::numeric_limits<double>::quiet_NaN());
    out.flag.assign(n, CoverageFlag::kUnknown);
    return out;
  }
  out.fraction.resize(n);
  out.flag.resize(n);
  const auto& days = news.days;  // in day order
  for (std::size_t i = 0; i < n; ++i) {
    const Day begin = std::max(starts[i], first_day);
    const Day end = std::min(i + 1 < n ? starts[i + 1] - 1 : last_day, last_day);
    double sum = 0;
    bool any = false;
    auto it = std::lower_bound(days.begin(), days.end(), begin,
                               [](const DayCoverage& d, Day day) { return d.day < day; });
    for (; it != days.end() && it->day <= end; ++it) {
      sum += it->Fraction();
      any = any || it->slots > 0;
    }
    const double fraction = end >= begin ? sum / (end - begin + 1) : 0;
    out.fraction[i] = fraction;
    out.flag[i] = !any                      ? CoverageFlag::kOutside
                  : fraction < min_coverage ? CoverageFlag::kThin
                                            : CoverageFlag::kCovered;
  }
  return out;
}

}  // namespace triad
