#pragma once
// Sorted event keys packed for the store: chunks of up to kKeysPerChunk keys, each a LEB128
// varint of the gap to the previous key (GDELT ids of one file are dense, so about 1-2 bytes a
// key).
#include <cstdint>
#include <string>
#include <vector>

namespace triad {

inline constexpr std::size_t kKeysPerChunk = 65536;

struct KeyChunk {
  std::int64_t first = 0, last = 0;
  std::int64_t count = 0;
  std::string encoded;  // gaps after `first`
};

// `keys` must be sorted ascending and unique.
std::vector<KeyChunk> EncodeKeyChunks(const std::vector<std::int64_t>& keys);
std::vector<std::int64_t> DecodeKeyChunk(std::int64_t first, std::string_view encoded);

}  // namespace triad
