#include "outputs/messages.hpp"

#include <stdexcept>
#include <unordered_map>

#include "common/error.hpp"
#include "outputs/message_catalogs.hpp"

namespace triad {
namespace {

using Index = std::unordered_map<std::string_view, std::string_view>;

Index BuildIndex(std::span<const MessageEntry> catalog) {
  Index index;
  for (const MessageEntry& e : catalog) index.emplace(e.key, e.text);
  return index;
}

const Index& IndexOf(Language language) {
  // Built once per language on first use; the tables are constant, so reading them from several
  // threads afterwards is safe (function-local statics are initialised exactly once).
  static const std::array<Index, 4> indices = {
      BuildIndex(catalogs::English()), BuildIndex(catalogs::SimplifiedChinese()),
      BuildIndex(catalogs::TraditionalChinese()), BuildIndex(catalogs::Japanese())};
  return indices[static_cast<std::size_t>(language)];
}

}  // namespace

std::string_view LanguageTag(Language language) {
  switch (language) {
    case Language::kEnglish:
      return "en";
    case Language::kSimplifiedChinese:
      return "zh-Hans";
    case Language::kTraditionalChinese:
      return "zh-Hant";
    case Language::kJapanese:
      return "ja";
  }
  return "en";
}

std::optional<Language> LanguageFromTag(std::string_view tag) {
  for (Language language : kLanguages)
    if (tag == LanguageTag(language)) return language;
  return std::nullopt;
}

Language ParseLanguage(std::string_view tag) {
  if (const auto language = LanguageFromTag(tag)) return *language;
  ThrowUsage(fmt::format("unknown language '{}': use en, zh-Hans, zh-Hant or ja", tag));
}

std::span<const MessageEntry> MessageCatalog(Language language) {
  switch (language) {
    case Language::kEnglish:
      return catalogs::English();
    case Language::kSimplifiedChinese:
      return catalogs::SimplifiedChinese();
    case Language::kTraditionalChinese:
      return catalogs::TraditionalChinese();
    case Language::kJapanese:
      return catalogs::Japanese();
  }
  return catalogs::English();
}

std::string_view Message(Language language, std::string_view key) {
  const Index& own = IndexOf(language);
  if (const auto it = own.find(key); it != own.end()) return it->second;
  const Index& english = IndexOf(Language::kEnglish);
  if (const auto it = english.find(key); it != english.end()) return it->second;
  throw std::logic_error(fmt::format("message key '{}' is not in the English catalog", key));
}

std::string PluralKey(std::string_view stem, long long count) {
  return fmt::format("{}.{}", stem, count == 1 ? "one" : "other");
}

}  // namespace triad
