#include "codebook/actor_sectors.hpp"

#include <gtest/gtest.h>

#include "common/error.hpp"

namespace triad {
namespace {

const ActorSectorTable& Table() {
  return ActorSectorTable::Default();
}

TEST(ActorSectors, GdeltTypeCodesTakeTheStrongestClass) {
  EXPECT_EQ(Table().OfGdeltTypes("GOV", "", ""), ActorSector::kGovernment);
  EXPECT_EQ(Table().OfGdeltTypes("LEG", "", ""), ActorSector::kGovernment);
  EXPECT_EQ(Table().OfGdeltTypes("MIL", "", ""), ActorSector::kMilitary);
  EXPECT_EQ(Table().OfGdeltTypes("SPY", "", ""), ActorSector::kMilitary);
  EXPECT_EQ(Table().OfGdeltTypes("MNC", "", ""), ActorSector::kBusiness);
  EXPECT_EQ(Table().OfGdeltTypes("MED", "", ""), ActorSector::kCivil);
  // A government's military ("GOV" then "MIL") is military; business over civil.
  EXPECT_EQ(Table().OfGdeltTypes("GOV", "MIL", ""), ActorSector::kMilitary);
  EXPECT_EQ(Table().OfGdeltTypes("CVL", "", "BUS"), ActorSector::kBusiness);
  // No code, or codes outside the four classes (rebels, IGOs): unspecified.
  EXPECT_EQ(Table().OfGdeltTypes("", "", ""), ActorSector::kUnspecified);
  EXPECT_EQ(Table().OfGdeltTypes("REB", "IGO", ""), ActorSector::kUnspecified);
  EXPECT_EQ(Table().OfGdeltTypes("gov", "GO", "GOVX"), ActorSector::kUnspecified);
}

TEST(ActorSectors, IcewsSectorListsTakeTheStrongestClass) {
  // Real ICEWS rows (events.2018.sample.tab of andybega/icews).
  EXPECT_EQ(Table().OfIcewsSectors("Executive,Foreign Ministry,Government"),
            ActorSector::kGovernment);
  EXPECT_EQ(Table().OfIcewsSectors("Military,Government"), ActorSector::kMilitary);
  EXPECT_EQ(Table().OfIcewsSectors("General Population / Civilian / Social"), ActorSector::kCivil);
  EXPECT_EQ(Table().OfIcewsSectors("Business"), ActorSector::kBusiness);
  EXPECT_EQ(Table().OfIcewsSectors("NA"), ActorSector::kUnspecified);
  EXPECT_EQ(Table().OfIcewsSectors(""), ActorSector::kUnspecified);
  EXPECT_EQ(Table().OfIcewsSectors("Insurgents,Unidentified Forces"), ActorSector::kUnspecified);
}

TEST(ActorSectors, FilterKeepsCellsWhoseBothSidesAreInTheSet) {
  const SectorFilter any;
  EXPECT_TRUE(any.any());
  EXPECT_TRUE(any.Keeps(ActorSector::kNotRecorded, ActorSector::kUnspecified));
  const SectorFilter government = SectorFilter::Parse("government");
  EXPECT_TRUE(government.Keeps(ActorSector::kGovernment, ActorSector::kGovernment));
  EXPECT_FALSE(government.Keeps(ActorSector::kGovernment, ActorSector::kUnspecified));
  EXPECT_FALSE(government.Keeps(ActorSector::kMilitary, ActorSector::kGovernment));
  EXPECT_FALSE(government.Keeps(ActorSector::kNotRecorded, ActorSector::kNotRecorded));
  const SectorFilter state = SectorFilter::Parse("unspecified,government");
  EXPECT_TRUE(state.Keeps(ActorSector::kUnspecified, ActorSector::kGovernment));
  EXPECT_FALSE(state.Keeps(ActorSector::kUnspecified, ActorSector::kBusiness));
  EXPECT_EQ(state.Text(), "unspecified,government");
  EXPECT_EQ(SectorFilter::Parse("any").Text(), "any");
  EXPECT_THROW(SectorFilter::Parse("army"), Error);
  EXPECT_THROW(SectorFilter::Parse("government,"), Error);
  EXPECT_THROW(SectorFilter::Parse("not recorded"), Error);
}

TEST(ActorSectors, ABadTableNamesTheLineAndField) {
  try {
    ActorSectorTable::FromCsvText(
        "scheme,code,class,description\ngdelt,GOV,government,x\ngdelt,MIL,navy,y\n", "t.csv");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("t.csv"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("3"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("class"), std::string::npos) << e.what();
  }
  EXPECT_THROW(ActorSectorTable::FromCsvText("scheme,code,class,description\ngdelt,GOVT,"
                                             "government,\n",
                                             "t.csv"),
               Error);
  const auto table = ActorSectorTable::FromCsvText(
      "scheme,code,class,description\nicews,Navy,military,\ngdelt,BUS,business,\n", "t.csv");
  EXPECT_EQ(table.OfIcewsSectors("Navy"), ActorSector::kMilitary);
  EXPECT_EQ(table.GdeltCodesOf(ActorSector::kBusiness), std::vector<std::string>{"BUS"});
}

}  // namespace
}  // namespace triad
