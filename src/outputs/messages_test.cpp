#include "outputs/messages.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "common/error.hpp"
#include "outputs/localized_terms.hpp"

namespace triad {
namespace {

// The replacement fields of a format string as (argument index, format spec): automatic
// fields ({}, {:.2f}) are numbered in order, so "{} of {}" and "{1} の {0}" both give {0, 1}.
std::set<std::pair<int, std::string>> Fields(std::string_view text) {
  std::set<std::pair<int, std::string>> fields;
  int next = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '}' && i + 1 < text.size() && text[i + 1] == '}') {
      ++i;
      continue;
    }
    if (text[i] != '{') continue;
    if (i + 1 < text.size() && text[i + 1] == '{') {
      ++i;
      continue;
    }
    const std::size_t close = text.find('}', i);
    EXPECT_NE(close, std::string_view::npos) << text;
    if (close == std::string_view::npos) break;
    const std::string_view field = text.substr(i + 1, close - i - 1);
    const std::size_t colon = field.find(':');
    const std::string_view id = field.substr(0, colon);
    const std::string spec =
        colon == std::string_view::npos ? "" : std::string(field.substr(colon + 1));
    fields.insert({id.empty() ? next++ : std::stoi(std::string(id)), spec});
    i = close;
  }
  return fields;
}

std::map<std::string_view, std::string_view> AsMap(Language language) {
  std::map<std::string_view, std::string_view> out;
  for (const MessageEntry& e : MessageCatalog(language)) {
    EXPECT_TRUE(out.emplace(e.key, e.text).second)
        << LanguageTag(language) << ": key '" << e.key << "' twice";
  }
  return out;
}

TEST(Messages, EveryKeyExistsInEveryLanguageWithTheSameFields) {
  const auto english = AsMap(Language::kEnglish);
  ASSERT_GT(english.size(), 100u);
  for (Language language : kLanguages) {
    const auto catalog = AsMap(language);
    for (const auto& [key, text] : english) {
      const auto it = catalog.find(key);
      ASSERT_NE(it, catalog.end()) << LanguageTag(language) << " lacks '" << key << "'";
      EXPECT_FALSE(it->second.empty()) << LanguageTag(language) << ": '" << key << "' is empty";
      EXPECT_EQ(Fields(it->second), Fields(text))
          << LanguageTag(language) << ": '" << key
          << "' has other fields than English: " << it->second;
    }
    for (const auto& [key, text] : catalog)
      EXPECT_TRUE(english.count(key))
          << LanguageTag(language) << " has '" << key << "', which English lacks";
  }
}

TEST(Messages, FieldsAreReadAsFmtReadsThem) {
  using Set = std::set<std::pair<int, std::string>>;
  EXPECT_EQ(Fields("{} of {:.2f}"), (Set{{0, ""}, {1, ".2f"}}));
  EXPECT_EQ(Fields("{1:.2f} の {0}"), (Set{{0, ""}, {1, ".2f"}}));
  EXPECT_EQ(Fields("{{literal}} {}"), (Set{{0, ""}}));
}

TEST(Messages, LanguageTags) {
  for (Language language : kLanguages) EXPECT_EQ(LanguageFromTag(LanguageTag(language)), language);
  EXPECT_EQ(LanguageFromTag("zh"), std::nullopt);
  EXPECT_THROW(ParseLanguage("fr"), Error);
  EXPECT_THROW(Message(Language::kJapanese, "no.such.key"), std::logic_error);
}

TEST(Messages, EnglishTermsAreTheMeasuresOwnNames) {
  for (int k = 0; k <= static_cast<int>(TriangleType::kUnknown); ++k) {
    const auto type = static_cast<TriangleType>(k);
    EXPECT_EQ(TriangleTypeLabel(Language::kEnglish, type), TriangleTypeName(type));
  }
  for (auto d : {MomentumDirection::kImproving, MomentumDirection::kDeteriorating,
                 MomentumDirection::kSteady})
    EXPECT_EQ(DirectionLabel(Language::kEnglish, d), MomentumDirectionName(d));
  for (auto f : {Frequency::kDay, Frequency::kWeek, Frequency::kMonth, Frequency::kYear}) {
    EXPECT_EQ(FrequencyAdjectiveLabel(Language::kEnglish, f), FrequencyAdjective(f));
    EXPECT_EQ(FrequencyNoun(Language::kEnglish, f), FrequencyName(f));
  }
  EXPECT_EQ(PeriodCount(Language::kEnglish, Frequency::kDay, 7), "7 days");
  EXPECT_EQ(PeriodCount(Language::kEnglish, Frequency::kWeek, 1), "1 week");
}

TEST(Messages, TheFieldsTermsForTheFourTypes) {
  const std::array<std::string, 4> hans = {"三边家族", "浪漫三角", "稳定婚姻", "单位否决"};
  const std::array<std::string, 4> hant = {"三邊家族", "浪漫三角", "穩定婚姻", "單位否決"};
  for (int k = 0; k < kDittmerTypes; ++k) {
    const auto type = static_cast<TriangleType>(k);
    EXPECT_EQ(TriangleTypeLabel(Language::kSimplifiedChinese, type), hans[k]);
    EXPECT_EQ(TriangleTypeLabel(Language::kTraditionalChinese, type), hant[k]);
  }
  EXPECT_EQ(TriangleTypeLabel(Language::kJapanese, TriangleType::kRomanticTriangle),
            "ロマンティック・トライアングル");
}

// Every role assignment: the English text the report model carries reads back into the same
// words RolesLabel gives from the assignment itself, in every language.
TEST(Messages, StructureTextsReadBackInEveryLanguage) {
  const std::array<std::string, 3> actors = {"CHN", "USA", "GLOBAL_SOUTH"};
  std::vector<RoleAssignment> all = {{TriangleType::kMenageATrois, std::nullopt},
                                     {TriangleType::kUnitVeto, std::nullopt},
                                     {TriangleType::kIndeterminate, std::nullopt},
                                     {TriangleType::kUnknown, std::nullopt}};
  for (int key = 0; key < 3; ++key) {
    all.push_back({TriangleType::kRomanticTriangle, key});
    all.push_back({TriangleType::kStableMarriage, key});
  }
  for (const RoleAssignment& roles : all) {
    const std::string english = DescribeRoles(actors, roles);
    EXPECT_EQ(RolesLabel(Language::kEnglish, actors, roles), english);
    EXPECT_EQ(RoleDetailsLabel(Language::kEnglish, actors, roles),
              DescribeRoleDetails(actors, roles));
    for (Language language : kLanguages) {
      EXPECT_EQ(StructureLabel(language, english), RolesLabel(language, actors, roles)) << english;
      EXPECT_EQ(RoleDetailsTextLabel(language, DescribeRoleDetails(actors, roles)),
                RoleDetailsLabel(language, actors, roles));
    }
  }
  EXPECT_EQ(RolesLabel(Language::kSimplifiedChinese, actors, {TriangleType::kRomanticTriangle, 1}),
            "浪漫三角，枢纽 USA，侧翼 CHN 与 GLOBAL_SOUTH");
  EXPECT_EQ(StructureLabel(Language::kJapanese, "something else"), "something else");
}

}  // namespace
}  // namespace triad
