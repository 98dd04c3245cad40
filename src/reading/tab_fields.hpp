#pragma once
// Splits one line of a tab-separated event file into fields. GDELT never quotes: a `"` inside a
// field is data, so splitting is on tabs alone. This is the innermost loop of ingest: it finds
// tabs 64 or 32 bytes at a time (AVX-512 or AVX2 when the processor has it, SSE2 otherwise),
// records the offsets of the first `keep` fields only, and merely counts the rest.
#include <cstddef>
#include <string_view>

namespace triad {

inline constexpr int kMaxFields = 64;

struct TabFields {
  // start[i] is the offset of field i for i < min(count, keep); start[i + 1] - 1 is its end.
  int count = 0;  // number of fields (tabs + 1), always exact
  std::size_t start[kMaxFields + 1];

  std::string_view Field(std::string_view line, int i) const {
    return line.substr(start[i], start[i + 1] - 1 - start[i]);
  }
};

// Records the offsets of fields 0..keep-1 (keep <= kMaxFields) and counts all fields.
void SplitTabs(std::string_view line, TabFields* fields, int keep = kMaxFields);

// Finds the end of the line starting at `begin` (the first '\n' before `end`, or `end`) and
// splits it like SplitTabs, in one pass over the bytes. Returns the end of the line.
const char* SplitLine(const char* begin, const char* end, TabFields* fields, int keep);

}  // namespace triad
