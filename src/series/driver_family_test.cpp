#include "series/driver_family.hpp"

#include <gtest/gtest.h>

#include "common/error.hpp"

namespace triad {
namespace {

TEST(DriverFamily, OneNameTableForFlagsAndVariables) {
  for (DriverFamily f : kDriverFamilies) EXPECT_EQ(ParseDriverFamily(DriverFamilyName(f)), f);
  EXPECT_EQ(ParseDriverFamily("global_south"), DriverFamily::kGlobalSouth);
  const Dyad dyad{"CHN", "USA"};
  EXPECT_EQ(DriverVariable(DriverFamily::kEconomic, dyad), "ECON_CHN_USA");
  EXPECT_EQ(DriverVariable(DriverFamily::kSecurity, dyad), "SECURITY");
  EXPECT_EQ(FamilyOfVariable("ECON_CHN_USA"), DriverFamily::kEconomic);
  EXPECT_EQ(FamilyOfVariable("REGIONAL"), DriverFamily::kRegional);
  EXPECT_EQ(FamilyOfVariable("CHN_USA"), std::nullopt);
  EXPECT_EQ(FamilyOfVariable("ECONOMY"), std::nullopt);
}

TEST(DriverFamily, UnknownNamesSuggest) {
  try {
    ParseDriverFamily("SECURTY");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUsage);
    EXPECT_NE(std::string(e.what()).find("did you mean 'SECURITY'?"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace triad
