#pragma once
// Splits one line of a tab-separated event file into fields. GDELT never quotes: a `"` inside a
// field is data, so splitting is on tabs alone. Uses SSE2 (baseline on x86-64) to find tabs 16
// bytes at a time, since this is the innermost loop of ingest.
#include <cstddef>
#include <string_view>

namespace triad {

inline constexpr int kMaxFields = 64;

struct TabFields {
  // start[i] is the offset of field i; start[count] is one past the end of the line plus one, so
  // field i spans [start[i], start[i+1] - 1).
  int count = 0;  // number of fields (tabs + 1); may exceed kMaxFields, then only the first are kept
  std::size_t start[kMaxFields + 1];

  std::string_view Field(std::string_view line, int i) const {
    return line.substr(start[i], start[i + 1] - 1 - start[i]);
  }
};

void SplitTabs(std::string_view line, TabFields* fields);

}  // namespace triad
