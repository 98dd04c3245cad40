#include "analysis/period_plan.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "common/error.hpp"

namespace triad {

PeriodPlan PlanPeriods(std::optional<std::pair<Day, Day>> data, const PeriodRequest& request) {
  if (!data) ThrowUsage("the store holds no data yet: run 'triad ingest FILES' first");
  PeriodPlan plan;
  plan.data_from = data->first;
  plan.data_to = data->second;
  Day to = request.to.value_or(plan.data_to);
  Day from = request.from.value_or(plan.data_from);
  if (to < plan.data_from)
    ThrowUsage(fmt::format("no data on or before {}: the data start at {}", FormatDate(to),
                           FormatDate(plan.data_from)));
  if (from > plan.data_to)
    ThrowUsage(fmt::format("no data on or after {}: the data end at {}", FormatDate(from),
                           FormatDate(plan.data_to)));
  if (to > plan.data_to) {
    plan.notes.push_back(
        fmt::format("the data end at {}; the answer is as of that day", FormatDate(plan.data_to)));
    to = plan.data_to;
  }
  from = std::max(from, plan.data_from);
  if (from > to)
    ThrowUsage(fmt::format("--from {} is after --to {}", FormatDate(from), FormatDate(to)));
  plan.from = from;
  plan.to = to;
  if (request.freq) {
    plan.freq = *request.freq;
  } else {
    const int weeks = (to - from + 1) / 7;
    if (weeks < kMinWeeksForWeekly) {
      plan.freq = Frequency::kDay;
      plan.notes.push_back(
          fmt::format("daily periods: the data span {} days ({} weeks), too few weeks for the "
                      "trend and driver models (weekly needs {}); give --freq to choose",
                      to - from + 1, weeks, kMinWeeksForWeekly));
    } else {
      plan.freq = kDefaultFrequency;
    }
  }
  return plan;
}

}  // namespace triad
