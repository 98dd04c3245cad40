// libFuzzer harness: scenario files (TOML) as `triad simulate` and `triad optimize` read them.
#include "common/error.hpp"
#include "fuzz/fuzz_support.hpp"
#include "scenarios/scenario_toml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)triad::ParseScenario(triad::fuzz::AsText(data, size), "/tmp/fuzz/scenario.toml");
  } catch (const triad::Error&) {
  }
  return 0;
}
