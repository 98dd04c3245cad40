#pragma once
// The body of the three row-parser harnesses (gdelt1, gdelt2, icews).
#include <cstring>
#include <memory>
#include <vector>

#include "common/error.hpp"
#include "fuzz/fuzz_support.hpp"
#include "reading/row_parser.hpp"

namespace triad::fuzz {

inline void CheckRecord(RowOutcome outcome, const EventRecord& record, std::string_view line) {
  if (outcome != RowOutcome::kAccepted) return;
  // Names and URL point into the line they came from; countries are CAMEO codes (ICEWS maps
  // names to codes from its table, so those views point there).
  for (std::string_view v : {record.source_name, record.target_name, record.url}) {
    if (!v.empty() && (v.data() < line.data() || v.data() + v.size() > line.data() + line.size()))
      __builtin_trap();
  }
  if (record.source.size() != 3 || record.target.size() != 3 || record.source == record.target)
    __builtin_trap();
  if (record.event == nullptr || record.quad_class < 1 || record.quad_class > 4) __builtin_trap();
}

inline void FuzzRows(EventFormat format, const std::uint8_t* data, std::size_t size) {
  // An exact-size copy: the fuzzer's own buffer is exact too, but a copy lets the header be cut.
  std::vector<char> bytes(data, data + size);
  const char* p = bytes.data();
  const char* end = p + bytes.size();
  std::string_view header;
  if (format == EventFormat::kIcews && !bytes.empty()) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', bytes.size()));
    header = std::string_view(p, static_cast<std::size_t>((nl ? nl : end) - p));
    p = nl ? nl + 1 : end;
  }
  std::unique_ptr<RowParser> parser;
  try {
    parser = MakeRowParser(format, header, "fuzz.input");
  } catch (const Error&) {
    return;  // a header without the needed columns: an input error, as it should be
  }
  if (size) {
    try {
      DetectFormat(std::string_view(bytes.data(), std::min<std::size_t>(bytes.size(), 4096)),
                   "fuzz.input");
    } catch (const Error&) {
    }
  }
  while (p < end) {
    EventRecord record;
    RowProblem problem;
    std::string_view line;
    const RowOutcome outcome = parser->ParseNext(p, end, &line, &record, &problem);
    if (line.data() != p || line.data() + line.size() > end) __builtin_trap();
    CheckRecord(outcome, record, line);
    // Parse on its own, on an exact-size copy of the line, must agree with ParseNext.
    std::vector<char> alone(line.begin(), line.end());
    EventRecord record2;
    RowProblem problem2;
    const RowOutcome outcome2 =
        parser->Parse(std::string_view(alone.data(), alone.size()), &record2, &problem2);
    if (outcome2 != outcome || record2.key != record.key || record2.day != record.day)
      __builtin_trap();
    p = line.data() + line.size() + 1;
  }
}

}  // namespace triad::fuzz
