#include "codebook/dyad.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "common/error.hpp"

namespace triad {
namespace {

std::string UsageMessage(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUsage);
    return e.what();
  }
  ADD_FAILURE() << "no error";
  return "";
}

TEST(Dyad, OneLabelAndOneVariableForm) {
  const Dyad d = Dyad::Parse("chn-usa");
  EXPECT_EQ(d.Label(), "CHN-USA");
  EXPECT_EQ(d.Variable(), "CHN_USA");
  EXPECT_EQ(Dyad::Parse("CHN_USA"), d);
  EXPECT_EQ(Dyad::Parse("USA-CHN"), d);                  // undirected
  EXPECT_EQ(Dyad::Parse("USA-CHN").Label(), "USA-CHN");  // but keeps the order given
  EXPECT_FALSE(Dyad::Parse("CHN-JPN") == d);
}

TEST(Dyad, UnknownCodesSuggestTheNearest) {
  EXPECT_EQ(UsageMessage([] { ParseCountryCode("JAP"); }),
            "'JAP' is not a CAMEO country code; did you mean JPN (Japan) or JAM (Jamaica)?");
  EXPECT_NE(UsageMessage([] { Dyad::Parse("CHN-JAP"); }).find("did you mean JPN"),
            std::string::npos);
  EXPECT_NE(UsageMessage([] { Dyad::Parse("CHN-CHN"); }).find("must differ"), std::string::npos);
  EXPECT_NE(UsageMessage([] { Dyad::Parse("CHNUSA"); }).find("joined by '-'"), std::string::npos);
  EXPECT_EQ(ParseCountryCode("twn"), "TWN");
}

TEST(Dyad, ShapeOnlyParsingForSavedNames) {
  Dyad d;
  EXPECT_TRUE(Dyad::TryParseShape("CHN_USA", &d));
  EXPECT_EQ(d.Label(), "CHN-USA");
  EXPECT_FALSE(Dyad::TryParseShape("SECURITY", &d));
  EXPECT_FALSE(Dyad::TryParseShape("ECON_CHN_USA", &d));
}

}  // namespace
}  // namespace triad
