#include "codebook/groups.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "codebook/countries.hpp"
#include "common/error.hpp"

namespace triad {
namespace {

Day D(const char* ymd) {
  return *ParseDate(ymd);
}

const ActorGroup& Group(std::string_view name) {
  const ActorGroup* group = GroupRegistry::Default().Find(name);
  EXPECT_NE(group, nullptr) << name;
  return *group;
}

using Codes = std::vector<std::string>;

TEST(GroupRegistry, TradeAndSecurityGroupsFollowEntryIntoForce) {
  const ActorGroup& rcep = Group("RCEP");
  EXPECT_TRUE(rcep.Contains("CHN", D("2022-01-01")));
  EXPECT_FALSE(rcep.Contains("CHN", D("2021-12-31")));  // signed 2020, in force 2022
  EXPECT_FALSE(rcep.Contains("KOR", D("2022-01-31")));
  EXPECT_TRUE(rcep.Contains("KOR", D("2022-02-01")));
  EXPECT_FALSE(rcep.Contains("MMR", D("2025-01-01")));
  EXPECT_FALSE(rcep.Contains("USA", D("2025-01-01")));
  EXPECT_EQ(rcep.MembersBetween(D("2024-01-01"), D("2024-12-31")).size(), 14u);
  const ActorGroup& cptpp = Group("CPTPP");
  EXPECT_FALSE(cptpp.Contains("GBR", D("2024-12-14")));
  EXPECT_TRUE(cptpp.Contains("GBR", D("2024-12-15")));
  EXPECT_TRUE(cptpp.Contains("JPN", D("2018-12-30")));
  EXPECT_FALSE(cptpp.Contains("CHN", D("2025-01-01")));  // applied 2021, not a party
  EXPECT_EQ(cptpp.MembersBetween(D("2025-01-01"), D("2025-12-31")).size(), 12u);
  const ActorGroup& sco = Group("SCO");
  EXPECT_FALSE(sco.Contains("IND", D("2017-06-08")));
  EXPECT_TRUE(sco.Contains("IND", D("2017-06-09")));
  EXPECT_TRUE(sco.Contains("BLR", D("2024-07-04")));
  EXPECT_EQ(sco.MembersBetween(D("2025-01-01"), D("2025-12-31")).size(), 10u);
  const ActorGroup& aukus = Group("AUKUS");
  EXPECT_EQ(aukus.MembersBetween(D("2022-01-01"), D("2022-12-31")), (Codes{"AUS", "GBR", "USA"}));
  EXPECT_FALSE(aukus.Contains("USA", D("2021-09-14")));
}

TEST(GroupRegistry, BricsMembershipStartsOnTheDayOfJoining) {
  const ActorGroup& brics = Group("BRICS");
  EXPECT_TRUE(brics.Contains("IRN", D("2024-01-01")));
  EXPECT_FALSE(brics.Contains("IRN", D("2023-12-31")));
  EXPECT_TRUE(brics.Contains("IDN", D("2025-01-06")));
  EXPECT_FALSE(brics.Contains("IDN", D("2025-01-05")));
  EXPECT_TRUE(brics.Contains("ZAF", D("2010-12-24")));
  EXPECT_FALSE(brics.Contains("ZAF", D("2010-12-23")));
  EXPECT_TRUE(brics.Contains("CHN", D("2009-06-16")));
  EXPECT_FALSE(brics.Contains("CHN", D("2009-06-15")));
  EXPECT_FALSE(brics.Contains("SAU", D("2025-06-01")));  // invited, never confirmed
  EXPECT_FALSE(brics.Contains("USA", D("2025-06-01")));
  EXPECT_EQ(brics.MembersBetween(D("2023-01-01"), D("2023-12-31")),
            (Codes{"BRA", "CHN", "IND", "RUS", "ZAF"}));
  EXPECT_EQ(brics.MembersBetween(D("2024-06-01"), D("2024-06-30")).size(), 9u);
  // A period that touches the first day of the expansion includes the new members.
  EXPECT_EQ(brics.MembersBetween(D("2023-12-01"), D("2024-01-01")).size(), 9u);
  EXPECT_EQ(brics.MembersBetween(D("2025-01-06"), D("2025-01-06")).size(), 10u);
  EXPECT_TRUE(brics.MembersBetween(D("2000-01-01"), D("2009-06-15")).empty());
}

TEST(GroupRegistry, AseanAndTheRegionalGroup) {
  const ActorGroup& asean = Group("ASEAN");
  EXPECT_EQ(asean.MembersBetween(D("2025-10-25"), D("2025-10-25")).size(), 10u);
  EXPECT_EQ(asean.MembersBetween(D("2025-10-26"), D("2025-10-26")).size(), 11u);
  EXPECT_TRUE(asean.Contains("TMP", D("2025-10-26")));
  EXPECT_FALSE(asean.Contains("VNM", D("1995-07-27")));
  EXPECT_TRUE(asean.Contains("VNM", D("1995-07-28")));
  EXPECT_EQ(asean.MembersBetween(D("1970-01-01"), D("1970-12-31")),
            (Codes{"IDN", "MYS", "PHL", "SGP", "THA"}));

  const ActorGroup& region = Group("ASIA_PACIFIC_REGIONAL");
  Codes in_2024 = region.MembersBetween(D("2024-01-01"), D("2024-12-31"));
  EXPECT_EQ(in_2024, (Codes{"AUS", "BRN", "IDN", "IND", "KHM", "KOR", "LAO", "MMR", "MYS", "PHL",
                            "SGP", "THA", "VNM"}));
  for (const char* triad_member : {"CHN", "JPN", "USA"}) {
    EXPECT_FALSE(region.Contains(triad_member, D("2024-06-01"))) << triad_member;
  }
}

TEST(GroupRegistry, OtherBuiltInGroups) {
  Day today = D("2025-06-01");
  EXPECT_EQ(Group("QUAD").MembersBetween(today, today), (Codes{"AUS", "IND", "JPN", "USA"}));
  EXPECT_EQ(Group("G7").MembersBetween(today, today),
            (Codes{"CAN", "DEU", "FRA", "GBR", "ITA", "JPN", "USA"}));
  EXPECT_FALSE(Group("G7").Contains("CAN", D("1976-06-26")));
  EXPECT_EQ(Group("G20").MembersBetween(today, today).size(), 19u);

  const ActorGroup& south = Group("GLOBAL_SOUTH");
  EXPECT_EQ(south.MembersBetween(today, today).size(), 133u);
  EXPECT_FALSE(south.Contains("CHN", today));  // G77 "partner", and a triad member
  for (const char* member : {"IND", "BRA", "ZAF", "IDN", "SAU", "BIH", "PSE", "SSD", "TMP"}) {
    EXPECT_TRUE(south.Contains(member, today)) << member;
  }
  for (const char* outside : {"MEX", "KOR", "TUR", "KAZ", "RUS", "USA", "JPN"}) {
    EXPECT_FALSE(south.Contains(outside, today)) << outside;
  }
  // Names are case-insensitive; unknown groups give nullptr.
  EXPECT_EQ(GroupRegistry::Default().Find("brics"), GroupRegistry::Default().Find("BRICS"));
  EXPECT_EQ(GroupRegistry::Default().Find("NATO"), nullptr);
  EXPECT_EQ(GroupRegistry::Default().groups().size(), 11u);
}

TEST(GroupRegistry, EveryMemberIsACameoCountryWithADescription) {
  for (const ActorGroup& group : GroupRegistry::Default().groups()) {
    EXPECT_FALSE(group.description.empty()) << group.name;
    for (const Membership& m : group.members) {
      EXPECT_TRUE(CountryTable::Default().NameForCode(m.country)) << group.name << " " << m.country;
      EXPECT_LE(m.from, m.to);
    }
  }
}

TEST(GroupRegistry, UserFileWithQuotesAndRejoining) {
  const std::string text =
      "group,country,from,to,description\n"
      "Pacific_Pact,AUS,2001-01-01,2003-12-31,\"A \"\"test\"\" pact, with a comma\"\n"
      "pacific_pact,AUS,2010-01-01,,rejoined\r\n"
      "\n"
      "Pacific_Pact,NZL,2001-01-01,,\n";
  GroupRegistry registry = GroupRegistry::FromCsvText(text, "user.csv");
  const ActorGroup* pact = registry.Find("PACIFIC_PACT");
  ASSERT_NE(pact, nullptr);
  EXPECT_EQ(pact->name, "Pacific_Pact");
  EXPECT_EQ(pact->description, "A \"test\" pact, with a comma");
  EXPECT_TRUE(pact->Contains("AUS", D("2003-12-31")));
  EXPECT_FALSE(pact->Contains("AUS", D("2004-01-01")));
  EXPECT_TRUE(pact->Contains("AUS", D("2010-01-01")));
  EXPECT_EQ(pact->MembersBetween(D("2005-01-01"), D("2006-01-01")), (Codes{"NZL"}));
  EXPECT_EQ(pact->MembersBetween(D("2003-01-01"), D("2006-01-01")), (Codes{"AUS", "NZL"}));

  std::string path = ::testing::TempDir() + "groups_test_user.csv";
  std::ofstream(path) << text;
  EXPECT_EQ(GroupRegistry::FromCsv(path).groups().size(), 1u);
  std::remove(path.c_str());
}

std::string ErrorOf(const std::string& text) {
  try {
    GroupRegistry::FromCsvText(text, "my_groups.csv");
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kInput);
    return e.what();
  }
  return "no error";
}

TEST(GroupRegistry, ErrorsNameFileLineAndField) {
  const std::string header = "group,country,from,to,description\n";
  const std::string ok = "G,USA,2000-01-01,,x\n";
  auto expect_error = [&](const std::string& text, const std::string& where) {
    std::string message = ErrorOf(text);
    EXPECT_NE(message.find(where), std::string::npos) << message;
  };
  expect_error(header + ok + "G,CHN,2000-13-01,,x\n", "my_groups.csv:3 (field from): '2000-13-01'");
  expect_error(header + ok + "G,CHN,2000,,x\n", "my_groups.csv:3 (field from)");
  expect_error(header + "G,ROU,2000-01-01,,x\n", "my_groups.csv:2 (field country): 'ROU'");
  expect_error(header + "G,chn,2000-01-01,,x\n", "my_groups.csv:2 (field country)");
  expect_error(header + "G,CHN,2000-01-01,1999-12-31,x\n", "my_groups.csv:2 (field to)");
  expect_error(header + "G,CHN,2000-01-01,20xx,x\n", "my_groups.csv:2 (field to)");
  expect_error(header + "G B,CHN,2000-01-01,,x\n", "my_groups.csv:2 (field group)");
  expect_error(header + "G,CHN,2000-01-01,,x\nG,CHN,2005-01-01,,y\n",
               "my_groups.csv:3 (field from): CHN membership of G overlaps");
  expect_error(header + "G,CHN,2000-01-01,,\"unclosed\n", "my_groups.csv:2: unbalanced");
  expect_error(header + "G,CHN,2000-01-01\n", "my_groups.csv:2: expected 5");
  expect_error("group,country,start,end,description\n" + ok, "my_groups.csv:1: header");
  expect_error("", "my_groups.csv: the group file is empty");
  try {
    GroupRegistry::FromCsv("/nonexistent/groups.csv");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/groups.csv"), std::string::npos);
  }
}

}  // namespace
}  // namespace triad
