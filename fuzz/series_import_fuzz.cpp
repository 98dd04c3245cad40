// libFuzzer harness: `triad import-series`'s reader (long and wide layouts, every date form).
#include "common/error.hpp"
#include "fuzz/fuzz_support.hpp"
#include "series/series_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)triad::ParseImportedSeriesCsv(triad::fuzz::AsText(data, size), "fuzz.csv", "fuzz");
  } catch (const triad::Error&) {
  }
  return 0;
}
