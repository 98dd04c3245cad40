#include "store/key_chunks.hpp"

#include "common/error.hpp"

namespace triad {

std::vector<KeyChunk> EncodeKeyChunks(const std::vector<std::int64_t>& keys) {
  std::vector<KeyChunk> chunks;
  for (std::size_t begin = 0; begin < keys.size(); begin += kKeysPerChunk) {
    std::size_t end = std::min(keys.size(), begin + kKeysPerChunk);
    KeyChunk chunk;
    chunk.first = keys[begin];
    chunk.last = keys[end - 1];
    chunk.count = static_cast<std::int64_t>(end - begin);
    for (std::size_t i = begin + 1; i < end; ++i) {
      auto gap = static_cast<std::uint64_t>(keys[i] - keys[i - 1]);
      while (gap >= 0x80) {
        chunk.encoded.push_back(static_cast<char>((gap & 0x7f) | 0x80));
        gap >>= 7;
      }
      chunk.encoded.push_back(static_cast<char>(gap));
    }
    chunks.push_back(std::move(chunk));
  }
  return chunks;
}

std::vector<std::int64_t> DecodeKeyChunk(std::int64_t first, std::string_view encoded) {
  std::vector<std::int64_t> keys{first};
  std::uint64_t gap = 0;
  int shift = 0;
  for (char c : encoded) {
    auto byte = static_cast<std::uint8_t>(c);
    gap |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if (byte & 0x80) {
      shift += 7;
      if (shift > 63) ThrowStore("corrupt event-key chunk in the store");
    } else {
      keys.push_back(keys.back() + static_cast<std::int64_t>(gap));
      gap = 0;
      shift = 0;
    }
  }
  return keys;
}

}  // namespace triad
