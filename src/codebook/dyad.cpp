#include "codebook/dyad.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "codebook/countries.hpp"
#include "codebook/groups.hpp"
#include "common/error.hpp"
#include "common/nearest_name.hpp"

namespace triad {
namespace {

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool IsCodeShape(std::string_view code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

std::string ParseCountryCode(std::string_view text) {
  const std::string code = Upper(text);
  const CountryTable& table = CountryTable::Default();
  if (IsCodeShape(code) && table.NameForCode(code)) return code;
  // Suggestions: codes whose country name starts with what was typed ("JAP" -> Japan), then
  // the codes nearest by edit distance ("JAP" -> JAM); at most three.
  std::vector<std::string> suggestions;
  for (const Country& c : table.countries())
    if (code.size() >= 2 && Upper(c.name).rfind(code, 0) == 0) suggestions.push_back(c.code);
  std::vector<std::string> codes;
  for (const Country& c : table.countries()) codes.push_back(c.code);
  for (int distance = 1; distance <= 2; ++distance) {
    bool found = false;
    for (const std::string& c : codes)
      if (suggestions.size() < 3 && EditDistance(code, c) == distance &&
          std::find(suggestions.begin(), suggestions.end(), c) == suggestions.end())
        suggestions.push_back(c), found = true;
    if (found) break;
  }
  std::string hint = "; the codes are listed in data/codebook/cameo_countries.tsv";
  if (!suggestions.empty()) {
    std::vector<std::string> named;
    for (const std::string& c : suggestions)
      named.push_back(fmt::format("{} ({})", c, *table.NameForCode(c)));
    hint = fmt::format("; did you mean {}?", fmt::join(named, " or "));
  }
  ThrowUsage(fmt::format("'{}' is not a CAMEO country code{}", text, hint));
}

bool IsGroupActor(std::string_view actor) {
  return GroupRegistry::Default().Find(actor) != nullptr;
}

std::string ParseActor(std::string_view text) {
  if (const ActorGroup* group = GroupRegistry::Default().Find(text)) return group->name;
  const std::string code = Upper(text);
  if (code.size() == 3) return ParseCountryCode(text);
  std::vector<std::string> groups;
  for (const ActorGroup& g : GroupRegistry::Default().groups()) groups.push_back(g.name);
  ThrowUsage(fmt::format("'{}' is neither a CAMEO country code nor a group; {}", text,
                         SuggestName(code, groups)));
}

Dyad Dyad::Parse(std::string_view text) {
  // Label form splits at '-'; the variable form at the '_' that leaves two actors (group names
  // hold underscores themselves: CHN_GLOBAL_SOUTH).
  std::optional<Dyad> found;
  const std::size_t dash = text.find('-');
  if (dash != std::string_view::npos) {
    found = Dyad{ParseActor(text.substr(0, dash)), ParseActor(text.substr(dash + 1))};
  } else {
    for (std::size_t cut = text.find('_'); cut != std::string_view::npos && !found;
         cut = text.find('_', cut + 1)) {
      const std::string a = Upper(text.substr(0, cut)), b = Upper(text.substr(cut + 1));
      const auto valid = [](const std::string& s) {
        return IsGroupActor(s) || (IsCodeShape(s) && CountryTable::Default().NameForCode(s));
      };
      if (valid(a) && valid(b)) found = Dyad{ParseActor(a), ParseActor(b)};
    }
    if (!found) {
      const std::size_t cut = text.find('_');
      if (cut == std::string_view::npos)
        ThrowUsage(fmt::format(
            "'{}' is not a dyad: write two different CAMEO country codes (or groups) joined by "
            "'-', e.g. CHN-USA or CHN-GLOBAL_SOUTH",
            text));
      found = Dyad{ParseActor(text.substr(0, cut)), ParseActor(text.substr(cut + 1))};
    }
  }
  if (found->first == found->second)
    ThrowUsage(fmt::format("'{}' is not a dyad: the two actors must differ", text));
  return *found;
}

bool Dyad::TryParseShape(std::string_view text, Dyad* out) {
  const std::size_t sep = text.find_first_of("-_");
  if (sep == std::string_view::npos) return false;
  const std::string a = Upper(text.substr(0, sep)), b = Upper(text.substr(sep + 1));
  if (!IsCodeShape(a) || !IsCodeShape(b) || a == b) return false;
  *out = Dyad{a, b};
  return true;
}

}  // namespace triad
