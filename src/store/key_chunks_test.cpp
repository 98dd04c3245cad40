#include "store/key_chunks.hpp"

#include <gtest/gtest.h>

namespace triad {

TEST(KeyChunks, RoundTripAcrossChunkBoundaries) {
  std::vector<std::int64_t> keys;
  std::int64_t k = 1244107310;
  for (int i = 0; i < 150000; ++i) keys.push_back(k += 1 + (i % 7 == 0 ? 300 : 0));
  keys.push_back(k + (std::int64_t{1} << 40));  // a very large gap
  auto chunks = EncodeKeyChunks(keys);
  ASSERT_EQ(chunks.size(), 3u);
  std::vector<std::int64_t> back;
  for (auto& c : chunks) {
    auto part = DecodeKeyChunk(c.first, c.encoded);
    EXPECT_EQ(static_cast<std::int64_t>(part.size()), c.count);
    EXPECT_EQ(part.back(), c.last);
    back.insert(back.end(), part.begin(), part.end());
  }
  EXPECT_EQ(back, keys);
  EXPECT_LT(chunks[0].encoded.size(), 2 * kKeysPerChunk);
}

}  // namespace triad
