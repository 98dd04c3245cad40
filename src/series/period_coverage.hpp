#pragma once
// How much of a period's news the store holds, and whether a period is fit to model.
//
// A day's coverage is the share of its news slots that were ingested (store NewsCoverage: 96
// fifteen-minute slots for GDELT 2.0, one file a day for GDELT 1.0, every day of an ICEWS file).
// A period's coverage is the mean over its days (clipped to the requested range) of the day's
// coverage. A period is
//   outside  when no day of it holds any news: its events, if any, are old events that later
//            news mentioned (GDELT codes them with their original date);
//   thin     when its coverage is below min_coverage (default 0.1: on average fewer than about
//            10 of a day's 96 GDELT 2.0 slots), so its index rests on a small, uneven sample of
//            the news;
//   covered  otherwise; unknown when the store does not record coverage (files ingested before
//            schema 3, or an imported series).
// Outside and thin periods are left out of the index (value missing, events still counted) and
// so out of every model, unless include_partial keeps them (still flagged).
#include <string_view>
#include <vector>

#include "common/date.hpp"
#include "store/event_store.hpp"

namespace triad {

inline constexpr double kDefaultMinCoverage = 0.1;

enum class CoverageFlag { kUnknown, kCovered, kThin, kOutside };
std::string_view CoverageFlagName(CoverageFlag flag);  // "unknown", "covered", "thin", "outside"

struct PeriodCoverage {
  std::vector<double> fraction;  // 0..1; NaN when unknown
  std::vector<CoverageFlag> flag;
};

// Period i covers [starts[i], starts[i + 1]) (the last one up to last_day), clipped to
// [first_day, last_day].
PeriodCoverage CoverageOfPeriods(const NewsCoverage& news, const std::vector<Day>& starts,
                                 Day first_day, Day last_day, double min_coverage);

}  // namespace triad
