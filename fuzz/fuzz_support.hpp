#pragma once
// Helpers shared by the libFuzzer harnesses in this folder (built only with -DTRIAD_FUZZ=ON).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace triad::fuzz {

// The input as text (the readers take string_view; embedded NULs stay in).
inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// For readers that take a path: writes the input to one file per process (in /tmp, named after
// the harness and the pid, so parallel workers do not share it) and returns its path.
inline const std::string& WriteInputFile(const char* harness, const std::uint8_t* data,
                                         std::size_t size) {
  static const std::string path =
      std::string("/tmp/triad-fuzz-") + harness + "-" + std::to_string(getpid());
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  if (size && std::fwrite(data, 1, size, f) != size) std::abort();
  std::fclose(f);
  return path;
}

}  // namespace triad::fuzz
