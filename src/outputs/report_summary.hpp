#pragma once
// The report's summary in plain words: one sentence per dyad, the triangle now, the largest
// drivers, the scenario's answer and the number of warnings. Returned as plain text (the
// renderer escapes it), so the same sentences can go to a terminal.
#include <optional>
#include <string>
#include <vector>

#include "outputs/report_model.hpp"

namespace triad {

// The dyad's momentum direction: as the model gives it, else from its momentum interval
// (measures' DirectionOfInterval; steady when only the value is known); nullopt when the dyad
// has no momentum at all.
std::optional<MomentumDirection> DirectionOf(const DyadReport& dyad);
// MomentumDirectionName of DirectionOf ("improving", "deteriorating", "steady"), or "unknown";
// in another language, its words for these.
std::string DirectionWord(const DyadReport& dyad, Language language = Language::kEnglish);

// Decimals to print index values of this typical size with: 2 below 10, 1 below 100, else 0.
int DisplayDecimals(double typical_magnitude);
// The largest finite |value| over the model's indices and levels (1 when there is none).
double TypicalMagnitude(const DyadReport& dyad);

// E.g. "CHN-USA: +0.80 ± 0.20 (90% interval) on 2024-02-19, improving (+0.30 per 30 days, 90%
// interval +0.10..+0.50); above its floor of −1.00". The level is the last finite smoothed level
// (else the last index); ± is half its 90% band.
std::string DyadSummary(const DyadReport& dyad, Language language = Language::kEnglish);

std::vector<std::string> SummaryLines(const ReportModel& model);

}  // namespace triad
