// libFuzzer harness: the ICEWS row parser. The first line is the header (as in a Dataverse .tab
// file), so the fuzzer varies the column layout as well as the rows; a header the parser refuses
// must be an input error, never a crash.
#include "fuzz/row_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  triad::fuzz::FuzzRows(triad::EventFormat::kIcews, data, size);
  return 0;
}
