#pragma once
// The periods an answer covers, resolved once and passed down: the frequency (with the rule for
// choosing it when the analyst did not), and the first and last day, trimmed to the data.
//
// Same default everywhere: weekly periods, the natural grain of relations. When the data span
// fewer than kMinWeeksForWeekly weeks the trend and driver models have too little to rest on at
// that grain, so daily periods are used instead, and the plan's notes say so.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/date.hpp"

namespace triad {

inline constexpr Frequency kDefaultFrequency = Frequency::kWeek;
inline constexpr int kMinWeeksForWeekly = 26;

struct PeriodRequest {
  std::optional<Frequency> freq;  // unset: the default rule
  std::optional<Day> from, to;    // unset: the data's first and last day
};

struct PeriodPlan {
  Frequency freq = kDefaultFrequency;
  Day from = 0, to = 0;            // inclusive, within the data
  Day data_from = 0, data_to = 0;  // the days the data cover
  std::vector<std::string> notes;  // what was chosen or trimmed, for the user
};

// `data` is the day range the source covers (the store's events or an imported series). Errors
// (usage): no data at all; --to before the data start ("no data on or before D"); --from after the
// data end; from after to. A --to past the data end is trimmed to it, with a note ("the data end
// at D").
PeriodPlan PlanPeriods(std::optional<std::pair<Day, Day>> data, const PeriodRequest& request);

}  // namespace triad
