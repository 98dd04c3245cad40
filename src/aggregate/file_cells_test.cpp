#include "aggregate/file_cells.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace triad {
namespace {

// Tables as aggregation threads leave them: overlapping keys, each table holding part of a
// cell's events.
std::vector<CellTable> RandomTables(int count, int events,
                                    std::map<std::uint64_t, CellValues>* all) {
  std::mt19937_64 rng(11);
  std::vector<CellTable> tables;
  for (int t = 0; t < count; ++t) tables.emplace_back(16);
  const char* countries[] = {"CHN", "USA", "JPN", "KOR"};
  for (int i = 0; i < events; ++i) {
    const std::uint64_t key =
        CellKey::PackParts(static_cast<Day>(rng() % 300), countries[rng() % 4],
                           countries[rng() % 4], static_cast<Channel>(rng() % 3),
                           1 + static_cast<int>(rng() % 4), static_cast<ActorSector>(rng() % 5));
    CellValues v;
    v.events = 1;
    v.mentions = static_cast<std::int64_t>(rng() % 50);
    v.tone = static_cast<std::int64_t>(rng() % 2'000'000) - 1'000'000;
    tables[rng() % static_cast<std::size_t>(count)].At(key).Merge(v);
    (*all)[key].Merge(v);
  }
  return tables;
}

TEST(FileCells, MergesThreadTablesInKeyOrderLikeOneMap) {
  for (int threads : {1, 2, 3, 9}) {
    std::map<std::uint64_t, CellValues> all;
    FileCells cells(RandomTables(threads, 20000, &all));
    ASSERT_EQ(cells.size(), all.size()) << threads;
    auto expected = all.begin();
    std::size_t seen = 0;
    cells.ForEach([&](std::uint64_t key, const CellValues& v) {
      ASSERT_NE(expected, all.end());
      EXPECT_EQ(key, expected->first);
      EXPECT_EQ(v, expected->second);
      ++expected;
      ++seen;
    });
    EXPECT_EQ(seen, all.size());
  }
}

TEST(FileCells, EmptyTablesGiveNoCells) {
  std::vector<CellTable> tables;
  tables.emplace_back(16);
  tables.emplace_back(16);
  FileCells cells(std::move(tables));
  EXPECT_EQ(cells.size(), 0u);
  EXPECT_TRUE(cells.empty());
  int calls = 0;
  cells.ForEach([&](std::uint64_t, const CellValues&) { ++calls; });
  EXPECT_EQ(calls, 0);
  EXPECT_TRUE(FileCells().empty());
}

}  // namespace
}  // namespace triad
