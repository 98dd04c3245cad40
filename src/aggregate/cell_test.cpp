#include <gtest/gtest.h>

#include <random>

#include "aggregate/cell.hpp"
#include "aggregate/cell_table.hpp"

namespace triad {

TEST(CellKey, PacksAndUnpacksInKeyOrder) {
  Day day = *ParseDate("2025-05-15");
  std::uint64_t a = CellKey::PackParts(day, "CHN", "USA", Channel::kEconomic, 2);
  CellKey k = CellKey::Unpack(a);
  EXPECT_EQ(k.day, day);
  EXPECT_STREQ(k.source, "CHN");
  EXPECT_STREQ(k.target, "USA");
  EXPECT_EQ(k.channel, Channel::kEconomic);
  EXPECT_EQ(k.quad_class, 2);
  EXPECT_LT(a, CellKey::PackParts(day, "CHN", "USA", Channel::kEconomic, 3));
  EXPECT_LT(a, CellKey::PackParts(day, "JPN", "AFG", Channel::kDiplomatic, 1));
  EXPECT_LT(a, CellKey::PackParts(day + 1, "AAA", "AAA", Channel::kDiplomatic, 1));
  // The dyad index's part of the key.
  EXPECT_EQ((a >> CellKey::kPairShift) & CellKey::kPairMask, CellKey::PairBits("CHN", "USA"));
  EXPECT_NE(CellKey::PairBits("CHN", "USA"), CellKey::PairBits("USA", "CHN"));
  // Dates before 1970 (the GDELT 1.0 back file starts in 1979, but SQLDATE can be older).
  EXPECT_EQ(CellKey::Unpack(CellKey::PackParts(-20000, "ZZZ", "ZZZ", Channel::kSecurity, 4)).day,
            -20000);
}

TEST(CellKey, SectorsAreTheLowestBitsAndRoundTrip) {
  const Day day = *ParseDate("2025-05-15");
  const std::uint64_t plain = CellKey::PackParts(day, "CHN", "USA", Channel::kSecurity, 4);
  const std::uint64_t military = CellKey::PackParts(day, "CHN", "USA", Channel::kSecurity, 4,
                                                    ActorSector::kMilitary, ActorSector::kCivil);
  CellKey k = CellKey::Unpack(military);
  EXPECT_EQ(k.source_sector, ActorSector::kMilitary);
  EXPECT_EQ(k.target_sector, ActorSector::kCivil);
  EXPECT_EQ(k.quad_class, 4);
  EXPECT_EQ(k.channel, Channel::kSecurity);
  EXPECT_EQ(military, plain + 2 * 8 + 4);
  // A (day, dyad, channel, QuadClass)'s sector cells sort before the next QuadClass.
  EXPECT_LT(CellKey::PackParts(day, "CHN", "USA", Channel::kEconomic, 2, ActorSector::kNotRecorded,
                               ActorSector::kNotRecorded),
            CellKey::PackParts(day, "CHN", "USA", Channel::kEconomic, 3));
  // The largest key stays a positive SQLite integer (below 2^63).
  const std::uint64_t last =
      CellKey::PackParts((1 << 20) - 1, "ZZZ", "ZZZ", Channel::kSecurity, 4,
                         ActorSector::kNotRecorded, ActorSector::kNotRecorded);
  EXPECT_LT(last, std::uint64_t{1} << 62);
  EXPECT_EQ(CellKey::Unpack(last).day, (1 << 20) - 1);
  EXPECT_EQ(CellKey::Unpack(last).target_sector, ActorSector::kNotRecorded);
}

TEST(CellTable, AggregatesLikeAMapWhileGrowing) {
  CellTable table(16);
  std::mt19937_64 rng(7);
  std::vector<std::uint64_t> keys;
  for (int i = 0; i < 5000; ++i)
    keys.push_back(CellKey::PackParts(static_cast<Day>(rng() % 700), "CHN", "USA",
                                      Channel::kDiplomatic, 1 + static_cast<int>(rng() % 4)));
  for (auto key : keys) {
    CellValues& v = table.At(key);
    v.events += 1;
    v.goldstein += 10;
  }
  auto cells = table.SortedEntries();
  std::int64_t total = 0;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) {
      EXPECT_LT(cells[i - 1].key, cells[i].key);
    }
    const CellValues& v = table.ValueOf(cells[i].index);
    EXPECT_EQ(v.goldstein, 10 * v.events);
    total += v.events;
  }
  EXPECT_EQ(total, 5000);
  CellTable other(16);
  other.Merge(table);
  other.Merge(table);
  EXPECT_EQ(other.size(), table.size());
  EXPECT_EQ(other.At(keys[0]).events, 2 * table.At(keys[0]).events);
}

}  // namespace triad
