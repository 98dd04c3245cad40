#pragma once
// Bar charts for the report: shares stacked to 100% (variance decompositions) and paired
// probabilities with error bars (on-track probabilities with and without levers). Labels are
// plain text; they are HTML-escaped here.
#include <string>
#include <vector>

namespace triad {

// One horizontal bar split into shares (fractions; drawn as given, normally summing to 1).
struct ShareRow {
  std::string label;
  std::vector<double> shares;  // parallel to the sources; NaN draws nothing
};

// Segments carry the source name and percentage as a tooltip, and the percentage as text when
// the segment is wide enough to hold it.
std::string StackedShareBarsSvg(const std::vector<ShareRow>& rows,
                                const std::vector<std::string>& sources,
                                const std::vector<std::string>& colours,
                                const std::string& description, int width = 960);

// Two probabilities for one target, each with its standard error.
struct ProbabilityPair {
  std::string label;
  double first = 0.0;
  double first_se = 0.0;
  double second = 0.0;
  double second_se = 0.0;
};

// Per target: its label, then a bar for `first` and one for `second`, on a 0–100% axis, each
// with a 90% error bar (± 1.645 s.e., clipped to [0, 1]) and its value printed beside it.
std::string ProbabilityBarsSvg(const std::vector<ProbabilityPair>& pairs,
                               const std::string& first_name, const std::string& first_colour,
                               const std::string& second_name, const std::string& second_colour,
                               const std::string& description, int width = 960);

}  // namespace triad
