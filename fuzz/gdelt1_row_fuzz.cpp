// libFuzzer harness: the GDELT 1.0 row parser on arbitrary bytes, line by line (Parse) and
// through the one-pass splitter (ParseNext) the aggregator uses, over an exact-size buffer so
// that any read past a line's end is caught by AddressSanitizer.
#include "fuzz/row_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  triad::fuzz::FuzzRows(triad::EventFormat::kGdelt1, data, size);
  return 0;
}
