#include "outputs/report_model.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "common/error.hpp"

namespace triad {
namespace {

nlohmann::json SampleJson() {
  std::ifstream in(std::string(TRIAD_SOURCE_DIR) + "/tests/data/report/sample_report.json");
  return nlohmann::json::parse(in);
}

std::string ErrorOf(const nlohmann::json& j) {
  try {
    ReportModelFromJson(j, "model.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(ReportModel, SampleLoads) {
  const ReportModel m = ReportModelFromJson(SampleJson(), "sample_report.json");
  ASSERT_EQ(m.dyads.size(), 3u);
  EXPECT_EQ(m.dyads[0].name, "CHN-USA");
  EXPECT_EQ(m.dyads[0].dates.size(), 321u);  // weeks 2018-01-01 .. 2024-02-19
  EXPECT_EQ(FormatDate(m.dyads[0].dates.back()), "2024-02-19");
  EXPECT_EQ(m.dyads[0].floor, -1.0);
  EXPECT_FALSE(m.dyads[2].floor.has_value());
  ASSERT_TRUE(m.triangle && m.timeline && m.drivers && m.scenario);
  EXPECT_EQ(m.drivers->responses.size(), 15u);  // 3 dyads x 5 shocked variables
  double total = 0;
  for (double p : m.triangle->type_probability) total += p;
  EXPECT_NEAR(total, 1.0, 1e-3);  // rounded to 4 decimals in the file
  EXPECT_EQ(m.scenario->fans[0].quantiles.size(), m.scenario->fans[0].dates.size());
}

TEST(ReportModel, JsonRoundTripKeepsEverything) {
  const nlohmann::json original = SampleJson();
  const ReportModel m = ReportModelFromJson(original);
  const nlohmann::json again = ToJson(m);
  EXPECT_EQ(ToJson(ReportModelFromJson(again)), again);
  // Every field of the sample survives (the sample has one extra field, drivers.lag_order,
  // that the model does not carry).
  nlohmann::json expected = original;
  expected["drivers"].erase("lag_order");
  EXPECT_EQ(again, expected);
}

TEST(ReportModel, ForecastSkillSurvivesTheRoundTrip) {
  ReportModel m;
  m.evaluation =
      ForecastSkillReport{"CHN-USA-JPN, weekly: 321 periods",
                          {{1, "no-change", 483, 60.24, 1.0, 0.72, 0.96, kMissing, kMissing},
                           {1, "VAR + drivers", 483, 53.56, 0.889, 0.70, 0.96, -5.20, 1e-6}}};
  const nlohmann::json j = ToJson(m);
  EXPECT_TRUE(j["evaluation"]["rows"][0]["dm_statistic"].is_null());
  const ReportModel back = ReportModelFromJson(j);
  ASSERT_TRUE(back.evaluation.has_value());
  EXPECT_EQ(back.evaluation->summary, "CHN-USA-JPN, weekly: 321 periods");
  ASSERT_EQ(back.evaluation->rows.size(), 2u);
  EXPECT_EQ(back.evaluation->rows[1].model, "VAR + drivers");
  EXPECT_EQ(back.evaluation->rows[1].forecasts, 483);
  EXPECT_DOUBLE_EQ(back.evaluation->rows[1].dm_statistic, -5.20);
  EXPECT_TRUE(std::isnan(back.evaluation->rows[0].dm_p_value));
  EXPECT_EQ(ToJson(back), j);
}

TEST(ReportModel, MissingNumbersAreNullInJson) {
  ReportModel m;
  DyadReport d;
  d.name = "CHN-USA";
  d.dates = {*ParseDate("2024-01-01"), *ParseDate("2024-01-08")};
  d.index = {0.5, kMissing};
  m.dyads.push_back(d);
  const nlohmann::json j = ToJson(m);
  EXPECT_TRUE(j["dyads"][0]["index"][1].is_null());
  EXPECT_TRUE(j["dyads"][0]["floor"].is_null());
  EXPECT_EQ(j["dyads"][0]["dates"][1], "2024-01-08");
  const ReportModel back = ReportModelFromJson(j);
  EXPECT_DOUBLE_EQ(back.dyads[0].index[0], 0.5);
  EXPECT_TRUE(std::isnan(back.dyads[0].index[1]));
  EXPECT_TRUE(std::isnan(back.dyads[0].momentum.value));
  EXPECT_FALSE(back.triangle.has_value());
}

TEST(ReportModel, TriangleTypesTravelAsTheirKeysOnly) {
  nlohmann::json j = SampleJson();
  ASSERT_TRUE(j.contains("triangle"));
  const ReportModel back = ReportModelFromJson(j);
  ASSERT_TRUE(back.triangle.has_value());
  EXPECT_EQ(ToJson(back)["triangle"]["type"], j["triangle"]["type"]);
  j["triangle"]["type"] = "romantic triangle";  // a display name is not a key
  EXPECT_NE(ErrorOf(j).find("triangle.type"), std::string::npos) << ErrorOf(j);
  EXPECT_NE(ErrorOf(j).find("unknown triangle type 'romantic triangle'"), std::string::npos);
}

TEST(ReportModel, ErrorsNameTheField) {
  nlohmann::json j = SampleJson();
  j["dyads"][1]["level_lo"].erase(0);
  const std::string e1 = ErrorOf(j);
  EXPECT_NE(e1.find("model.json"), std::string::npos) << e1;
  EXPECT_NE(e1.find("dyads[1].level_lo"), std::string::npos) << e1;
  EXPECT_NE(e1.find("320 values but there are 321 dates"), std::string::npos) << e1;

  j = SampleJson();
  j["triangle"]["date"] = "2024-13-01";
  EXPECT_NE(ErrorOf(j).find("triangle.date"), std::string::npos);

  j = SampleJson();
  j["dyads"][0]["index"][3] = "high";
  EXPECT_NE(ErrorOf(j).find("dyads[0].index[3]"), std::string::npos);

  j = SampleJson();
  j["triangle"]["signs"][0] = 2;
  EXPECT_NE(ErrorOf(j).find("signs must be -1, 0 or 1"), std::string::npos);

  j = SampleJson();
  j["drivers"]["fevd"][2]["shares"].erase(0);
  EXPECT_NE(ErrorOf(j).find("drivers.fevd[2].shares"), std::string::npos);

  j = SampleJson();
  j["scenario"]["windows"][0]["end"] = "2024-01-01";
  EXPECT_NE(ErrorOf(j).find("end is before start"), std::string::npos);

  EXPECT_NE(ErrorOf(nlohmann::json::array()).find("expected an object"), std::string::npos);
  EXPECT_NE(ErrorOf({{"dyads", {{{"dates", nlohmann::json::array()}}}}}).find("dyads[0].name"),
            std::string::npos);
}

}  // namespace
}  // namespace triad
