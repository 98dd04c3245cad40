#pragma once
// The report's summary in plain words: one sentence per dyad, the triangle now, the largest
// drivers, the scenario's answer and the number of warnings. Returned as plain text (the
// renderer escapes it), so the same sentences can go to a terminal.
#include <string>
#include <vector>

#include "outputs/report_model.hpp"

namespace triad {

// "improving" when the interval lies above 0, "worsening" below 0, "steady" when it straddles 0,
// "unknown" when it is missing.
std::string MomentumDirection(const IntervalEstimate& momentum);

// Decimals to print index values of this typical size with: 2 below 10, 1 below 100, else 0.
int DisplayDecimals(double typical_magnitude);
// The largest finite |value| over the model's indices and levels (1 when there is none).
double TypicalMagnitude(const DyadReport& dyad);

// E.g. "CHN-USA: +0.80 ±0.20 on 2024-02-19, improving (+0.30 per 30 days, 90% interval
// +0.10..+0.50); above its floor of −1.00". The level is the last finite smoothed level (else
// the last index); ± is half its 90% band.
std::string DyadSummary(const DyadReport& dyad);

std::vector<std::string> SummaryLines(const ReportModel& model);

}  // namespace triad
