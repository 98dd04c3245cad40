#include "outputs/localized_sentences.hpp"

#include <fmt/args.h>

#include <array>
#include <map>
#include <optional>
#include <regex>

#include "outputs/localized_terms.hpp"

namespace triad {
namespace {

constexpr std::string_view kSentenceKeys[] = {
    "sentence.level_at_zero",   "sentence.slope_at_zero",  "sentence.irregular_at_zero",
    "sentence.starts_disagree", "sentence.daily_periods",  "sentence.driver_left_out",
    "sentence.too_little_data", "sentence.thin_one",       "sentence.thin_other",
    "sentence.units_goldstein", "sentence.driver_missing", "sentence.driver_no_events",
    "sentence.periods_used",    "sentence.filled_one",     "sentence.filled_other",
    "persist.rule.one",         "persist.rule.other",      "sentence.stale_store",
    "sentence.rejected_rows"};

// The English text of `key` as a regular expression: every replacement field matches the
// shortest text that lets the whole sentence match. Built once per key (std::map nodes stay
// put, so the references handed out stay valid); status and the report render on one thread.
const std::regex& Pattern(std::string_view key) {
  static std::map<std::string, std::regex, std::less<>> cache;
  if (const auto it = cache.find(key); it != cache.end()) return it->second;
  const std::string escaped = std::regex_replace(std::string(Message(Language::kEnglish, key)),
                                                 std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)");
  const std::string source = std::regex_replace(escaped, std::regex(R"(\\\{.*?\\\})"), "(.+?)");
  return cache.emplace(std::string(key), std::regex(source)).first->second;
}

// `key` in `language` with the captured values, as printed (format specs dropped: the values
// are text already).
std::string Fill(Language language, std::string_view key, const std::smatch& m) {
  static const std::regex spec(R"(\{(\d*):[^}]*\})");
  const std::string text = std::regex_replace(std::string(Message(language, key)), spec, "{$1}");
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  for (std::size_t i = 1; i < m.size(); ++i) args.push_back(m[i].str());
  return fmt::vformat(text, args);
}

std::optional<std::string> Match(Language language, const std::string& english) {
  for (std::string_view key : kSentenceKeys) {
    std::smatch m;
    if (std::regex_match(english, m, Pattern(key))) return Fill(language, key, m);
  }
  return std::nullopt;
}

}  // namespace

std::string SentenceLabel(Language language, const std::string& english) {
  if (language == Language::kEnglish) return english;
  // "CHN-USA: ..." or "drivers: ...": the code kept, the sentence after it said. Tried first, as
  // a pattern that starts with a value ("{} left out of the VAR") would take the code into it.
  const std::size_t colon = english.find(": ");
  if (colon != std::string::npos && english.find(' ') > colon) {
    if (const auto said = Match(language, english.substr(colon + 2))) {
      const std::string prefix = english.substr(0, colon);
      return (prefix == "drivers" ? std::string(Message(language, "sentence.drivers")) : prefix) +
             std::string(Message(language, "sentence.colon")) + *said;
    }
  }
  if (auto said = Match(language, english)) return *said;
  return english;
}

std::string PersistenceLabel(Language language, const std::string& english) {
  if (language == Language::kEnglish) return english;
  static const std::string kPending = "; not yet a change: ";
  const std::size_t pending = english.find(kPending);
  const std::string head = english.substr(0, pending);
  std::smatch m;
  std::string out = head;
  if (std::regex_match(head, m, Pattern("persist.current")))
    out = FormatMessage(language, "persist.current", StructureLabel(language, m[1].str()),
                        m[2].str(), SentenceLabel(language, m[3].str()));
  else if (std::regex_match(head, m, Pattern("persist.none")))
    out = FormatMessage(language, "persist.none", SentenceLabel(language, m[1].str()));
  if (pending == std::string::npos) return out;
  const std::string tail = english.substr(pending);
  if (std::regex_match(tail, m, Pattern("persist.pending")))
    return out + FormatMessage(language, "persist.pending", StructureLabel(language, m[1].str()),
                               m[2].str(), m[3].str(), m[4].str());
  return out + tail;
}

}  // namespace triad
