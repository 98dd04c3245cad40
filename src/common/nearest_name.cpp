#include "common/nearest_name.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace triad {

int EditDistance(const std::string& a, const std::string& b) {
  // One row of the dynamic programme at a time: row[j] = distance(a[0..i), b[0..j)).
  std::vector<int> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
      const int next = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = row[j];
      row[j] = next;
    }
  }
  return row[b.size()];
}

std::optional<std::string> NearestName(const std::string& typed,
                                       const std::vector<std::string>& candidates) {
  const int limit = std::max(2, static_cast<int>(typed.size()) / 3);
  std::optional<std::string> best;
  int best_distance = limit + 1;
  for (const auto& c : candidates) {
    const int d = EditDistance(typed, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string SuggestName(const std::string& typed, const std::vector<std::string>& candidates) {
  if (const auto near = NearestName(typed, candidates))
    return fmt::format("did you mean '{}'?", *near);
  std::string all;
  for (const auto& c : candidates) all += (all.empty() ? "" : ", ") + c;
  return fmt::format("valid: {}", all);
}

}  // namespace triad
