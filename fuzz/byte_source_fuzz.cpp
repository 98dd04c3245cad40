// libFuzzer harness: the zip / gzip / plain byte source on arbitrary file contents. Opening and
// reading to the end must either succeed or throw triad::Error; the bytes read must add up to
// the announced content size for plain and zip files.
#include <algorithm>
#include <vector>

#include "common/error.hpp"
#include "fuzz/fuzz_support.hpp"
#include "reading/byte_source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string& path = triad::fuzz::WriteInputFile("byte_source", data, size);
  try {
    auto source = triad::OpenByteSource(path);
    std::vector<char> buffer(4096);
    std::uint64_t total = 0;
    constexpr std::uint64_t kBound = 4u << 20;
    // Bound the output: a small archive may inflate to gigabytes (a zip bomb); 4 MB is enough
    // to exercise every path.
    while (total < kBound) {
      const std::size_t n = source->Read(buffer.data(), buffer.size());
      if (n == 0) break;
      if (n > buffer.size()) __builtin_trap();
      total += n;
    }
    if (source->packaging() == triad::Packaging::kPlain &&
        total != std::min<std::uint64_t>(size, kBound))
      __builtin_trap();
  } catch (const triad::Error&) {
  }
  return 0;
}
