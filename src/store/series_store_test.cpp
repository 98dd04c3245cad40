// Imported series in the store: round trip, listing, and replacement that is all or nothing.
#include "store/series_store.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "common/error.hpp"

namespace triad {
namespace {

class SeriesStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("triad_series_store_" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    db_ = std::make_unique<Database>(path_.string(), true);
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove(path_);
  }
  static ImportedSeries Series(double base) {
    ImportedSeries s;
    s.name = "expert";
    s.file = "expert.csv";
    s.layout = "wide";
    s.resolution = Frequency::kMonth;
    const double nan = std::nan("");
    s.values = {{*ParseDate("2024-01-01"), "CHN", "USA", base, 1.0, nan},
                {*ParseDate("2024-02-01"), "USA", "CHN", base + 1, 2.0, 0.5},
                {*ParseDate("2024-01-01"), "CHN", "JPN", base + 2, 1.0, nan}};
    return s;
  }
  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

TEST_F(SeriesStoreTest, RoundTrip) {
  SeriesStore store(*db_);
  store.Replace(Series(1.0));
  auto info = store.Find("expert");
  ASSERT_TRUE(info);
  EXPECT_EQ(info->values, 3);
  EXPECT_EQ(info->dyads, 2);
  EXPECT_EQ(info->resolution, Frequency::kMonth);
  EXPECT_EQ(FormatDate(info->first_day), "2024-01-01");
  EXPECT_EQ(FormatDate(info->last_day), "2024-02-01");
  // Both orders of the pair, by day.
  auto values = store.Values("expert", "USA", "CHN", 0, 100000);
  ASSERT_EQ(values.size(), 2u);
  EXPECT_DOUBLE_EQ(values[0].value, 1.0);
  EXPECT_TRUE(std::isnan(values[0].se));
  EXPECT_DOUBLE_EQ(values[1].weight, 2.0);
  EXPECT_DOUBLE_EQ(values[1].se, 0.5);
  EXPECT_EQ(store.AllValues("expert", 0, *ParseDate("2024-01-31")).size(), 2u);
  EXPECT_FALSE(store.Find("other"));
  EXPECT_THROW(store.Values("other", "CHN", "USA", 0, 1), Error);
}

TEST_F(SeriesStoreTest, ReplaceIsAllOrNothing) {
  SeriesStore store(*db_);
  store.Replace(Series(1.0));
  // A second value for the same key fails half-way through the inserts: the old series stays.
  ImportedSeries broken = Series(10.0);
  broken.values.push_back(broken.values.front());
  EXPECT_THROW(store.Replace(broken), Error);
  auto values = store.Values("expert", "CHN", "USA", 0, 100000);
  ASSERT_EQ(values.size(), 2u);
  EXPECT_DOUBLE_EQ(values[0].value, 1.0);
  // A good replacement drops every old value.
  ImportedSeries smaller = Series(20.0);
  smaller.values.resize(1);
  store.Replace(smaller);
  EXPECT_EQ(store.Find("expert")->values, 1);
  EXPECT_DOUBLE_EQ(store.Values("expert", "CHN", "USA", 0, 100000)[0].value, 20.0);
  EXPECT_EQ(store.List().size(), 1u);
}

}  // namespace
}  // namespace triad
