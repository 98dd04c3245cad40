// ForEachCell on a store opened for reading: a read of fewer countries or a shorter period after a
// read of more is answered from the cells kept from that read, and gives exactly the cells, in the
// same order, that a store object reading them from the file gives.
#include "store/event_store.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "reading/event_record.hpp"

namespace triad {
namespace {

std::vector<Cell> Read(EventStore& store, Day from, Day to,
                       const std::vector<std::string>& countries) {
  std::vector<Cell> out;
  store.ForEachCell(
      from, to, [&](const Cell& c) { out.push_back(c); }, countries);
  return out;
}

// Cells equal key for key and sum for sum, in the same order.
void ExpectSameCells(const std::vector<Cell>& got, const std::vector<Cell>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    ASSERT_EQ(got[i].key, want[i].key) << "cell " << i;
    ASSERT_TRUE(got[i].values == want[i].values) << "cell " << i;
  }
}

std::int64_t Events(const std::vector<Cell>& cells) {
  std::int64_t n = 0;
  for (const Cell& c : cells) n += c.values.events;
  return n;
}

class KeptCellsTest : public ::testing::Test {
 protected:
  // The bundled sample (CHN, USA, JPN and their partners, 2025-05-15 .. 2025-06-14) in a store.
  static void SetUpTestSuite() {
    path_ = new std::string((std::filesystem::temp_directory_path() /
                             ("triad_kept_cells_" + std::to_string(::getpid()) + ".db"))
                                .string());
    std::filesystem::remove(*path_);
    EventStore store(*path_, /*create=*/true);
    const std::string sample =
        std::string(TRIAD_SOURCE_DIR) + "/data/sample/dyads_involving_CHN_USA_JPN.export.tsv.zip";
    std::unique_ptr<SeenEvents> seen;
    auto aggregate = [&] {
      return AggregateFile(
          sample,
          [&](EventFormat format) {
            seen = store.SeenEventsOf(IdFamilyOf(format));
            return seen.get();
          },
          AggregateOptions{});
    };
    FileAggregate a = aggregate();
    FileOnDisk disk{sample, static_cast<std::int64_t>(std::filesystem::file_size(sample)), 0};
    ASSERT_TRUE(store.AddFile(a, disk, 0, 0, aggregate).added);
    store.EnsureDyadIndex();
  }
  static void TearDownTestSuite() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(*path_ + suffix);
    delete path_;
  }
  static std::string* path_;
  const Day may15 = *ParseDate("2025-05-15"), jun14 = *ParseDate("2025-06-14");
  const Day may20 = *ParseDate("2025-05-20"), jun01 = *ParseDate("2025-06-01");
  const std::vector<std::string> triad_ = {"CHN", "USA", "JPN"};
};
std::string* KeptCellsTest::path_ = nullptr;

TEST_F(KeptCellsTest, FewerCountriesAndShorterPeriodsGiveTheCellsOfTheFile) {
  EventStore kept(*path_, /*create=*/false);
  const std::vector<Cell> triad = Read(kept, may15, jun14, triad_);
  ASSERT_GT(triad.size(), 1000u);
  // Each dyad and a shorter period of the triad, read after the triad (from its kept cells),
  // equal what a new store object reads from the file.
  std::int64_t dyad_events = 0;
  for (const std::vector<std::string>& dyad :
       std::vector<std::vector<std::string>>{{"CHN", "USA"}, {"JPN", "CHN"}, {"USA", "JPN"}}) {
    EventStore fresh(*path_, false);
    const std::vector<Cell> cells = Read(kept, may15, jun14, dyad);
    ExpectSameCells(cells, Read(fresh, may15, jun14, dyad));
    EXPECT_FALSE(cells.empty());
    dyad_events += Events(cells);
  }
  // The sample holds no event of a country with itself: the triad is its three dyads.
  EXPECT_EQ(dyad_events, Events(triad));
  {
    EventStore fresh(*path_, false);
    const std::vector<Cell> cells = Read(kept, may20, jun01, triad_);
    ExpectSameCells(cells, Read(fresh, may20, jun01, triad_));
    EXPECT_GT(cells.size(), 0u);
    EXPECT_LT(cells.size(), triad.size());
  }
  {
    EventStore fresh(*path_, false);
    ExpectSameCells(Read(kept, jun01, jun01, {"USA", "CHN"}),
                    Read(fresh, jun01, jun01, {"USA", "CHN"}));
  }
}

TEST_F(KeptCellsTest, MoreCountriesOrALongerPeriodAreReadFromTheFile) {
  EventStore kept(*path_, false);
  const std::vector<Cell> shorter = Read(kept, may20, jun01, {"CHN", "USA"});
  EventStore fresh(*path_, false);
  // Beyond the kept read: another country, and a longer period.
  const std::vector<std::string> with_korea = {"CHN", "USA", "KOR"};
  const std::vector<Cell> more = Read(kept, may20, jun01, with_korea);
  ExpectSameCells(more, Read(fresh, may20, jun01, with_korea));
  EXPECT_GT(more.size(), shorter.size());
  const std::vector<Cell> longer = Read(kept, may15, jun14, {"CHN", "USA"});
  ExpectSameCells(longer, Read(fresh, may15, jun14, {"CHN", "USA"}));
  EXPECT_GT(longer.size(), shorter.size());
  // The whole store (no countries) is never kept, and still read whole.
  EXPECT_GT(Read(kept, may15, jun14, {}).size(), more.size());
}

TEST_F(KeptCellsTest, AStoreOpenedForWritingReadsTheFileEveryTime) {
  // A writer's store changes under it: its reads are never answered from kept cells.
  EventStore writer(*path_, /*create=*/true);
  const std::vector<Cell> before = Read(writer, may15, jun14, triad_);
  writer.db().Exec("DELETE FROM cells WHERE day = " + std::to_string(jun01));
  const std::vector<Cell> after = Read(writer, may15, jun14, {"CHN", "USA"});
  EventStore fresh(*path_, false);
  ExpectSameCells(after, Read(fresh, may15, jun14, {"CHN", "USA"}));
  EXPECT_LT(Events(after), Events(before));
}

}  // namespace
}  // namespace triad
