#pragma once
// The words triad prints for people (the terminal `status` and the HTML report), in English,
// simplified and traditional Chinese and Japanese. Each language's catalog is one table of
// key -> text (messages_en.cpp, messages_zh_hans.cpp, messages_zh_hant.cpp, messages_ja.cpp);
// texts are fmt format strings whose replacement fields are the same in every language (the
// same indices and format specs; CJK texts use positional fields {0}, {1} where the word order
// differs). Keys ending in ".html" hold trusted markup; all others are plain text, escaped by
// the caller. Numbers, codes, dates and names from the data are arguments, never translated.
// JSON output is for machines and stays English.
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace triad {

enum class Language { kEnglish, kSimplifiedChinese, kTraditionalChinese, kJapanese };
inline constexpr std::array<Language, 4> kLanguages = {
    Language::kEnglish, Language::kSimplifiedChinese, Language::kTraditionalChinese,
    Language::kJapanese};

// BCP 47 tags, as `--lang` takes them and `<html lang>` states them: "en", "zh-Hans",
// "zh-Hant", "ja".
std::string_view LanguageTag(Language language);
std::optional<Language> LanguageFromTag(std::string_view tag);
// Parses `--lang`; a usage error listing the tags otherwise.
Language ParseLanguage(std::string_view tag);

struct MessageEntry {
  std::string_view key;
  std::string_view text;
};

// The catalog of one language, in its file's order.
std::span<const MessageEntry> MessageCatalog(Language language);

// The text of `key` in `language`; the English text when the language lacks it (the catalog
// test makes sure none does). An unknown key is a programming error (internal error).
std::string_view Message(Language language, std::string_view key);

template <typename... Args>
std::string FormatMessage(Language language, std::string_view key, const Args&... args) {
  return fmt::format(fmt::runtime(Message(language, key)), args...);
}

// The English key for a count: `stem`.one for 1, `stem`.other otherwise (every language has
// both; the CJK texts are the same).
std::string PluralKey(std::string_view stem, long long count);

}  // namespace triad
