// Relation index on a tiny store built here from a few GDELT 2.0 rows: every expected number is
// worked out by hand in the comments.
#include "series/relation_index.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "aggregate/file_aggregator.hpp"
#include "common/error.hpp"
#include "store/series_store.hpp"

namespace triad {
namespace {

// A GDELT 2.0 export row (61 TAB-separated columns) with the fields the index reads.
std::string Row(int id, const std::string& sqldate, const std::string& a1, const std::string& a2,
                const std::string& code, int quad, double goldstein, int mentions) {
  std::vector<std::string> f(61);
  f[0] = std::to_string(id);
  f[1] = sqldate;
  f[2] = sqldate.substr(0, 6);
  f[3] = sqldate.substr(0, 4);
  f[4] = "2025.38";
  f[5] = f[7] = a1;
  f[15] = f[17] = a2;
  f[25] = "1";
  f[26] = f[27] = code;
  f[28] = code.substr(0, 2);
  f[29] = std::to_string(quad);
  std::ostringstream g;
  g << goldstein;
  f[30] = g.str();
  f[31] = std::to_string(mentions);
  f[32] = "1";
  f[33] = std::to_string(mentions);
  f[34] = "1.5";
  f[35] = f[43] = f[51] = "0";
  f[59] = sqldate + "120000";
  f[60] = "https://example.org/" + std::to_string(id);
  std::string line;
  for (std::size_t i = 0; i < f.size(); ++i) line += (i ? "\t" : "") + f[i];
  return line + "\n";
}

class TinyStore : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("triad_relation_index_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    // Week of Monday 2025-05-19. CHN-USA (both directions pooled), events and mentions:
    //   043 host a visit   +2.8  m=2  quad 1
    //   190 use force     -10.0  m=4  quad 4  (USA->CHN)
    //   061 cooperate econ +6.4  m=1  quad 2  economic channel
    //   010 statement       0.0  m=1  quad 1
    // JPN-USA: 051 +3.4 and 036 +4.0, m=1 each. Week of 2025-05-26: nothing.
    const std::string rows = Row(1, "20250519", "CHN", "USA", "043", 1, 2.8, 2) +
                             Row(2, "20250520", "USA", "CHN", "190", 4, -10.0, 4) +
                             Row(3, "20250521", "CHN", "USA", "061", 2, 6.4, 1) +
                             Row(4, "20250522", "CHN", "USA", "010", 1, 0.0, 1) +
                             Row(5, "20250520", "JPN", "USA", "051", 1, 3.4, 1) +
                             Row(6, "20250523", "USA", "JPN", "036", 1, 4.0, 1) +
                             Row(7, "20250601", "USA", "JPN", "036", 1, 4.0, 1);
    const std::string events = (dir_ / "20250601000000.export.CSV").string();
    std::ofstream(events) << rows;
    store_ = std::make_unique<EventStore>((dir_ / "t.db").string(), true);
    auto aggregate_file = [&] {
      return AggregateFile(
          events, [](EventFormat) -> const SeenEvents* { return nullptr; }, AggregateOptions{});
    };
    FileAggregate aggregate = aggregate_file();
    ASSERT_EQ(aggregate.rows_accepted, 7);
    store_->AddFile(aggregate, FileOnDisk{events, 1, 1}, 0.0, store_->KeysMark(), aggregate_file);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  RelationIndexOptions Options(Baseline baseline, std::int64_t min_events = 1) {
    RelationIndexOptions o;
    o.series.freq = Frequency::kWeek;
    o.series.from = ParseDate("2025-05-19");
    o.series.to = ParseDate("2025-06-01");
    o.baseline = baseline;
    o.min_events = min_events;
    // One 15-minute slot a day (1% of the news): thin, kept here to test the index itself.
    o.include_partial = true;
    return o;
  }
  std::filesystem::path dir_;
  std::unique_ptr<EventStore> store_;
};

const Dyad kChnUsa{"CHN", "USA"};

TEST_F(TinyStore, ThinNewsCoverageIsFlaggedAndLeftOut) {
  RelationIndexOptions o = Options(Baseline::kNone);
  o.include_partial = false;
  RelationIndexSeries s = LoadRelationIndex(*store_, kChnUsa, o);
  ASSERT_EQ(s.size(), 2u);
  // Week of 2025-05-19: one slot (12:00) on each of 5 of its 7 days: 5 / (7 * 96).
  EXPECT_NEAR(s.coverage[0], 5.0 / (7 * 96), 1e-12);
  EXPECT_EQ(s.coverage_flag[0], CoverageFlag::kThin);
  EXPECT_EQ(s.events[0], 4);  // still counted
  EXPECT_TRUE(std::isnan(s.value[0]));
  EXPECT_EQ(s.left_out, 1);
  // The week of 2025-05-26 holds 2025-06-01 (one slot), clipped to --to 2025-06-01.
  EXPECT_NEAR(s.coverage[1], 1.0 / (7 * 96), 1e-12);
  o.min_coverage = 0.007;  // 5 / 672 = 0.0074 passes, 1 / 672 does not
  s = LoadRelationIndex(*store_, kChnUsa, o);
  EXPECT_EQ(s.coverage_flag[0], CoverageFlag::kCovered);
  EXPECT_NEAR(s.value[0], -0.2, 1e-12);
  EXPECT_EQ(s.coverage_flag[1], CoverageFlag::kThin);
}

TEST_F(TinyStore, RawMeanStandardErrorAndNetCooperation) {
  RelationIndexSeries s = LoadRelationIndex(*store_, kChnUsa, Options(Baseline::kNone));
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(FormatDate(s.dates[0]), "2025-05-19");
  EXPECT_EQ(s.events[0], 4);
  // (2.8 - 10 + 6.4 + 0) / 4 = -0.2; sum of squares 148.8, variance (148.8/4 - 0.04) * 4/3.
  EXPECT_NEAR(s.value[0], -0.2, 1e-12);
  EXPECT_NEAR(s.se[0], std::sqrt((148.8 / 4 - 0.04) * 4.0 / 3.0 / 4.0), 1e-12);
  EXPECT_NEAR(s.net_coop[0], (3.0 - 1.0) / 4.0, 1e-12);
  // The second week has no CHN-USA event: missing, not zero.
  EXPECT_EQ(s.events[1], 0);
  EXPECT_TRUE(std::isnan(s.value[1]));
  EXPECT_TRUE(std::isnan(s.se[1]));
  EXPECT_EQ(s.units, "mean Goldstein (-10..10)");
}

TEST_F(TinyStore, MentionsWeighting) {
  RelationIndexOptions o = Options(Baseline::kNone);
  o.series.weight = Weighting::kMentions;
  RelationIndexSeries s = LoadRelationIndex(*store_, kChnUsa, o);
  // (2 * 2.8 - 4 * 10 + 6.4 + 0) / 8 = -3.5
  EXPECT_NEAR(s.value[0], -3.5, 1e-12);
}

TEST_F(TinyStore, WorldBaselineSubtractsTheMeanOfAllDyads) {
  RelationIndexSeries s = LoadRelationIndex(*store_, kChnUsa, Options(Baseline::kWorld));
  // World: 6 events, sum 6.6, mean 1.1 -> -0.2 - 1.1 = -1.3. The other dyad JPN-USA (3.4, 4.0)
  // has mean 3.7 and se^2 = 0.18 / 2; share of other weight 2/6.
  EXPECT_NEAR(s.value[0], -1.3, 1e-12);
  const double se_d2 = (148.8 / 4 - 0.04) * 4.0 / 3.0 / 4.0;
  EXPECT_NEAR(s.se[0], (2.0 / 6.0) * std::sqrt(se_d2 + 0.09), 1e-12);
  EXPECT_EQ(s.baseline, Baseline::kWorld);
  // The default for events is world.
  RelationIndexOptions o = Options(Baseline::kWorld);
  o.baseline.reset();
  EXPECT_NEAR(LoadRelationIndex(*store_, kChnUsa, o).value[0], -1.3, 1e-12);
}

TEST_F(TinyStore, WorldBaselineOfTheOnlyDyadIsZero) {
  // Second week: JPN-USA is the whole world.
  RelationIndexSeries s = LoadRelationIndex(*store_, {"USA", "JPN"}, Options(Baseline::kWorld));
  EXPECT_NEAR(s.value[1], 0.0, 1e-12);
  EXPECT_NEAR(s.value[0], (4.0 / 6.0) * (3.7 - (-0.2)), 1e-12);  // = 3.7 - 1.1
}

TEST_F(TinyStore, FewerThanMinEventsIsMissing) {
  RelationIndexSeries s = LoadRelationIndex(*store_, kChnUsa, Options(Baseline::kNone, 5));
  EXPECT_EQ(s.events[0], 4);
  EXPECT_TRUE(std::isnan(s.value[0]));
  EXPECT_TRUE(std::isnan(s.net_coop[0]));
  s = LoadRelationIndex(*store_, kChnUsa, Options(Baseline::kNone, 4));
  EXPECT_NEAR(s.value[0], -0.2, 1e-12);
}

TEST_F(TinyStore, ChannelFilter) {
  RelationIndexOptions o = Options(Baseline::kNone);
  o.series.channel = Channel::kEconomic;
  RelationIndexSeries s = LoadRelationIndex(*store_, kChnUsa, o);
  EXPECT_EQ(s.events[0], 1);
  EXPECT_NEAR(s.value[0], 6.4, 1e-12);
  EXPECT_TRUE(std::isnan(s.se[0]));  // one event: no standard error
  o.series.channel = Channel::kSecurity;
  s = LoadRelationIndex(*store_, kChnUsa, o);
  EXPECT_NEAR(s.value[0], -10.0, 1e-12);
  EXPECT_NEAR(s.net_coop[0], -1.0, 1e-12);
}

TEST_F(TinyStore, SeveralDyadsShareOneGrid) {
  auto all = LoadRelationIndices(*store_, {kChnUsa, {"JPN", "USA"}}, Options(Baseline::kNone));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].dyad.Label(), "JPN-USA");
  EXPECT_EQ(all[0].dates, all[1].dates);
  EXPECT_NEAR(all[1].value[0], 3.7, 1e-12);
  EXPECT_NEAR(all[1].value[1], 4.0, 1e-12);
}

TEST_F(TinyStore, RangeIndexPoolsTheWholePeriod) {
  auto range = RelationIndexOverRange(*store_, {{"JPN", "USA"}}, Options(Baseline::kNone));
  EXPECT_EQ(range[0].events, 3);
  EXPECT_NEAR(range[0].value, (3.4 + 4.0 + 4.0) / 3, 1e-12);
}

TEST_F(TinyStore, ImportedSeriesAggregatesToCoarserPeriods) {
  SeriesStore series(store_->db());
  ImportedSeries imported;
  imported.name = "expert";
  imported.layout = "long";
  imported.resolution = Frequency::kDay;
  const double nan = std::nan("");
  imported.values = {{*ParseDate("2025-05-19"), "CHN", "USA", 1.0, 1.0, nan},
                     {*ParseDate("2025-05-20"), "USA", "CHN", 3.0, 1.0, nan},
                     {*ParseDate("2025-05-21"), "CHN", "USA", 8.0, 2.0, nan},
                     {*ParseDate("2025-05-19"), "JPN", "USA", 10.0, 1.0, nan}};
  series.Replace(imported);
  RelationIndexOptions o = Options(Baseline::kNone);
  o.source = "expert";
  o.baseline.reset();  // imported: none by default
  RelationIndexSeries s = LoadRelationIndex(*store_, kChnUsa, o);
  EXPECT_EQ(s.baseline, Baseline::kNone);
  EXPECT_EQ(s.events[0], 3);
  // Weighted mean (1 + 3 + 2 * 8) / 4 = 5; spread-based se: weighted variance
  // (1 + 9 + 128) / 4 - 25 = 9.5, times 3/2, times sum w^2 / (sum w)^2 = 6/16.
  EXPECT_NEAR(s.value[0], 5.0, 1e-12);
  EXPECT_NEAR(s.se[0], std::sqrt(9.5 * 1.5 * 6.0 / 16.0), 1e-12);
  EXPECT_TRUE(std::isnan(s.value[1]));
  // World for an imported series: minus the weighted mean of all its values that period,
  // (1 + 3 + 16 + 10) / 5 = 6.
  o.baseline = Baseline::kWorld;
  EXPECT_NEAR(LoadRelationIndex(*store_, kChnUsa, o).value[0], -1.0, 1e-12);
  // A daily series cannot be read at a finer frequency; a monthly one not at weekly.
  imported.resolution = Frequency::kMonth;
  series.Replace(imported);
  try {
    LoadRelationIndex(*store_, kChnUsa, o);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("coarser than --freq week"), std::string::npos)
        << e.what();
  }
  o.source = "nothing";
  EXPECT_THROW(LoadRelationIndex(*store_, kChnUsa, o), Error);
}

TEST(OwnBaseline, ZScoreAgainstTheTrailingYear) {
  // 30 weeks: values alternate 1, 3 (mean 2, sd of 26 such values), then 5 at week 28.
  std::vector<Day> dates;
  std::vector<double> value, se;
  const Day monday = *ParseDate("2024-01-01");
  for (int i = 0; i < 30; ++i) {
    dates.push_back(monday + 7 * i);
    value.push_back(i % 2 == 0 ? 1.0 : 3.0);
    se.push_back(0.5);
  }
  value[28] = 5.0;
  std::vector<double> z = value, z_se = se;
  ApplyOwnBaseline(dates, Frequency::kWeek, z, z_se);
  for (int i = 0; i < 26; ++i) EXPECT_TRUE(std::isnan(z[i])) << i;  // fewer than 26 before
  // Period 26: 26 earlier values, 13 ones and 13 threes: mean 2, sd sqrt(26 / 25).
  const double sd = std::sqrt(26.0 / 25.0);
  EXPECT_NEAR(z[26], (1.0 - 2.0) / sd, 1e-12);
  EXPECT_NEAR(z_se[26], 0.5 / sd, 1e-12);
  // Period 28: all 28 earlier periods lie within 365 days, 14 ones and 14 threes.
  EXPECT_NEAR(z[28], (5.0 - 2.0) / std::sqrt(28.0 / 27.0), 1e-12);
  EXPECT_THROW(MinOwnHistory(Frequency::kYear), Error);
}

TEST(Baselines, ParseAndDefaults) {
  EXPECT_EQ(ParseBaseline("own"), Baseline::kOwn);
  EXPECT_EQ(BaselineName(Baseline::kWorld), "world");
  EXPECT_THROW(ParseBaseline("zero"), Error);
  EXPECT_EQ(DefaultBaseline(""), Baseline::kWorld);
  EXPECT_EQ(DefaultBaseline("unga"), Baseline::kNone);
}

}  // namespace
}  // namespace triad
