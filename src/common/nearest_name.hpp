#pragma once
// Suggestions for misspelt names (scenario keys, variables, country codes): the nearest valid key
// or variable name by edit distance, so that "horizn" gets "did you mean 'horizon'?".
#include <optional>
#include <string>
#include <vector>

namespace triad {

// Levenshtein distance (insertions, deletions, substitutions each cost 1), case-insensitive.
int EditDistance(const std::string& a, const std::string& b);

// The candidate nearest to `typed`, if it is close enough to be a plausible typo: distance at most
// max(2, |typed| / 3). Ties go to the earlier candidate.
std::optional<std::string> NearestName(const std::string& typed,
                                       const std::vector<std::string>& candidates);

// "did you mean 'x'?" when a candidate is near, else "valid: a, b, c".
std::string SuggestName(const std::string& typed, const std::vector<std::string>& candidates);

}  // namespace triad
