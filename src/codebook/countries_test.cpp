#include "codebook/countries.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "codebook/table_text.hpp"

namespace triad {
namespace {

// A file under tests/data/ (see the README.md of each folder there for origins).
std::string ReadTestData(const std::string& relative) {
  std::string path = std::string(TRIAD_SOURCE_DIR) + "/tests/data/" + relative;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const CountryTable& Table() {
  return CountryTable::Default();
}

// Every country name in the ICEWS sample maps to a code, except "NA", which is how that file
// writes a missing country (an actor with no country, e.g. an NGO); the ingest keeps such rows
// visible as unmatched.
TEST(CountryTable, EveryIcewsSampleCountryNameMaps) {
  std::string text = ReadTestData("events/icews_2018_sample.tab");
  std::map<std::string, int> names;  // name -> rows
  int source_column = -1, target_column = -1;
  codebook::ForEachLine(text, [&](std::int64_t line, std::string_view row) {
    std::vector<std::string_view> f = codebook::SplitTabs(row);
    if (line == 1) {
      for (size_t i = 0; i < f.size(); ++i) {
        if (f[i] == "Source Country") source_column = static_cast<int>(i);
        if (f[i] == "Target Country") target_column = static_cast<int>(i);
      }
      return;
    }
    ASSERT_EQ(f.size(), 20u) << line;
    ++names[std::string(f[source_column])];
    ++names[std::string(f[target_column])];
  });
  ASSERT_GE(source_column, 0);
  ASSERT_GE(target_column, 0);
  EXPECT_EQ(names.size(), 149u);
  std::set<std::string> unmatched;
  for (const auto& [name, rows] : names) {
    if (!Table().CodeForIcewsName(name)) unmatched.insert(name);
  }
  EXPECT_EQ(unmatched, std::set<std::string>{"NA"});
  EXPECT_EQ(names["NA"], 379);
}

TEST(CountryTable, IcewsNamesAUserWouldCheck) {
  const std::map<std::string, std::string> expected = {
      {"United States", "USA"},
      {"China", "CHN"},
      {"Japan", "JPN"},
      {"Russian Federation", "RUS"},
      {"South Korea", "KOR"},
      {"North Korea", "PRK"},
      {"Taiwan", "TWN"},
      {"Hong Kong", "HKG"},
      {"Occupied Palestinian Territory", "PSE"},
      {"Vietnam", "VNM"},
      {"Timor-Leste", "TMP"},
      {"Cote d'Ivoire", "CIV"},
      {"Congo", "COG"},
      {"Democratic Republic of Congo", "COD"},
      {"Holy See", "VAT"},
      {"Moldova, Republic of", "MDA"},
      {"the former Yugoslav Republic of Macedonia", "MKD"},
      {"South Sudan", "SSD"},
      {"Colombia", "COL"},
      {"Montenegro", "MTN"},
      {"Romania", "ROM"},
      {"united states", "USA"},  // case-insensitive
      {"RUSSIAN FEDERATION", "RUS"},
  };
  for (const auto& [name, code] : expected) {
    EXPECT_EQ(Table().CodeForIcewsName(name), code) << name;
  }
  // Exact otherwise: no trimming, no partial names, no codes; Kosovo has no CAMEO code.
  for (std::string_view name : {"United States ", "United", "USA", "", "NA", "Kosovo", "Asia"}) {
    EXPECT_EQ(Table().CodeForIcewsName(name), std::nullopt) << name;
  }
}

TEST(CountryTable, HoldsGdeltsCameoCountryList) {
  std::string text = ReadTestData("cameo/cameoCountry.txt");
  int rows = 0;
  codebook::ForEachLine(text, [&](std::int64_t line, std::string_view row) {
    if (line == 1) return;
    std::vector<std::string_view> f = codebook::SplitTabs(row);
    ASSERT_EQ(f.size(), 2u);
    std::optional<std::string> name = Table().NameForCode(f[0]);
    ASSERT_TRUE(name) << f[0];
    if (f[0] != "REU") {
      EXPECT_EQ(*name, f[1]);
    }
    ++rows;
  });
  EXPECT_EQ(rows, 261);
  EXPECT_EQ(Table().countries().size(), 262u);  // + SSD
  EXPECT_EQ(Table().NameForCode("SSD"), "South Sudan");
  EXPECT_EQ(Table().NameForCode("REU"), "Réunion");
  EXPECT_EQ(Table().NameForCode("CHN"), "China");
  EXPECT_EQ(Table().NameForCode("chn"), std::nullopt);
  EXPECT_EQ(Table().NameForCode("XKX"), std::nullopt);
  EXPECT_EQ(Table().NameForCode(""), std::nullopt);
}

// Every actor country code in a real GDELT 2.0 file (the 122 distinct codes of the 15-minute
// file 20161013151500, each in the first row that uses it) is a known code.
TEST(CountryTable, KnowsEveryActorCountryCodeOfARealGdeltFile) {
  std::string text = ReadTestData("events/gdelt2_20161013151500_country_rows.tsv");
  std::set<std::string> codes;
  codebook::ForEachLine(text, [&](std::int64_t, std::string_view row) {
    std::vector<std::string_view> f = codebook::SplitTabs(row);
    ASSERT_EQ(f.size(), 61u);
    if (!f[7].empty()) codes.emplace(f[7]);
    if (!f[17].empty()) codes.emplace(f[17]);
  });
  EXPECT_EQ(codes.size(), 122u);
  for (const std::string& code : codes) EXPECT_TRUE(Table().NameForCode(code)) << code;
}

}  // namespace
}  // namespace triad
