// libFuzzer harness: signed edge lists as `triad frustration` reads them, and the frustration
// index computed on what was read (small networks only, to keep each run short).
#include "common/error.hpp"
#include "fuzz/fuzz_support.hpp"
#include "measures/frustration.hpp"
#include "measures/signed_network.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string& path = triad::fuzz::WriteInputFile("signed_edges", data, size);
  try {
    const auto windows = triad::ListEdgeListWindows(path);
    std::optional<std::string> window;
    if (!windows.empty()) window = windows.front();
    const auto network = triad::ReadSignedEdgeList(path, window);
    if (network.NodeCount() <= 12) (void)triad::ComputeFrustrationIndex(network);
  } catch (const triad::Error&) {
  }
  return 0;
}
