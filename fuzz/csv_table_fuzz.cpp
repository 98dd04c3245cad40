// libFuzzer harness: the RFC 4180 CSV reader every table input goes through.
#include "common/error.hpp"
#include "fuzz/fuzz_support.hpp"
#include "reading/csv_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto table = triad::CsvTable::Parse(triad::fuzz::AsText(data, size), "fuzz.csv");
    for (const auto& row : table.rows()) {
      if (row.fields.size() != table.header().size()) __builtin_trap();
      for (int c = 0; c < static_cast<int>(row.fields.size()); ++c) (void)table.Where(row, c);
    }
    (void)table.ColumnList();
  } catch (const triad::Error&) {
  }
  return 0;
}
