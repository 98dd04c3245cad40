#include "outputs/localized_terms.hpp"

#include <regex>

namespace triad {
namespace {

constexpr std::array<TriangleType, 6> kAllTypes = {
    TriangleType::kMenageATrois, TriangleType::kRomanticTriangle, TriangleType::kStableMarriage,
    TriangleType::kUnitVeto,     TriangleType::kIndeterminate,    TriangleType::kUnknown};

std::string Key(std::string_view prefix, std::string_view name) {
  return std::string(prefix) + std::string(name);
}

// Role details from the three actors: `key` is the pivot or the outcast, {x, y} the wings or
// the married pair.
std::string Details(Language language, TriangleType type, const std::string& key,
                    const std::string& x, const std::string& y) {
  return type == TriangleType::kRomanticTriangle
             ? FormatMessage(language, "roles.romantic_details", key, x, y)
             : FormatMessage(language, "roles.stable_details", x, y, key);
}

std::string WithDetails(Language language, TriangleType type, const std::string& key,
                        const std::string& x, const std::string& y) {
  const std::string name = TriangleTypeLabel(language, type);
  return type == TriangleType::kRomanticTriangle
             ? FormatMessage(language, "roles.romantic", name, key, x, y)
             : FormatMessage(language, "roles.stable", name, x, y, key);
}

// The English role details, as DescribeRoleDetails writes them. Actor names hold no ", ".
const std::regex& RomanticDetails() {
  static const std::regex re("^pivot (.+), wings (.+) and (.+)$");
  return re;
}
const std::regex& StableDetails() {
  static const std::regex re("^married pair (.+)\u2013(.+), outcast (.+)$");
  return re;
}
const std::regex& StableStructure() {
  static const std::regex re("^(.+)\u2013(.+), outcast (.+)$");
  return re;
}

}  // namespace

std::string TriangleTypeLabel(Language language, TriangleType type) {
  return std::string(Message(language, Key("type.", TriangleTypeKey(type))));
}

std::string RolesLabel(Language language, const std::array<std::string, 3>& actors,
                       const RoleAssignment& roles) {
  if (!roles.key_actor) return TriangleTypeLabel(language, roles.type);
  const int key = *roles.key_actor;
  const auto [x, y] = DyadActors(DyadOppositeActor(key));
  return WithDetails(language, roles.type, actors[key], actors[x], actors[y]);
}

std::string RoleDetailsLabel(Language language, const std::array<std::string, 3>& actors,
                             const RoleAssignment& roles) {
  if (!roles.key_actor) return "";
  const int key = *roles.key_actor;
  const auto [x, y] = DyadActors(DyadOppositeActor(key));
  return Details(language, roles.type, actors[key], actors[x], actors[y]);
}

std::string DirectionLabel(Language language, MomentumDirection direction) {
  return std::string(Message(language, Key("direction.", MomentumDirectionName(direction))));
}

std::string FrequencyNoun(Language language, Frequency freq) {
  return std::string(Message(language, Key("freq.", FrequencyName(freq))));
}

std::string FrequencyAdjectiveLabel(Language language, Frequency freq) {
  return std::string(Message(language, Key("freq_adjective.", FrequencyName(freq))));
}

std::string PeriodNameLabel(Language language, const std::string& name) {
  if (name.empty()) return std::string(Message(language, "common.period"));
  if (const auto freq = FrequencyFromName(name)) return FrequencyNoun(language, *freq);
  return name;
}

std::string PeriodCount(Language language, Frequency freq, long long count) {
  return FormatMessage(language, PluralKey(Key("periods.", FrequencyName(freq)), count), count);
}

std::string StructureLabel(Language language, const std::string& english) {
  if (language == Language::kEnglish) return english;
  for (TriangleType type : kAllTypes) {
    const std::string name(TriangleTypeName(type));
    if (english == name) return TriangleTypeLabel(language, type);
    if (english.rfind(name + " ", 0) != 0 && english.rfind(name + ",", 0) != 0) continue;
    std::smatch m;
    const std::string rest = english.substr(name.size());
    if (type == TriangleType::kRomanticTriangle && rest.rfind(", ", 0) == 0) {
      const std::string details = rest.substr(2);
      if (std::regex_match(details, m, RomanticDetails()))
        return WithDetails(language, type, m[1], m[2], m[3]);
    }
    if (type == TriangleType::kStableMarriage && rest.rfind(" ", 0) == 0) {
      const std::string details = rest.substr(1);
      if (std::regex_match(details, m, StableStructure()))
        return WithDetails(language, type, m[3], m[1], m[2]);
    }
  }
  return english;
}

std::string RoleDetailsTextLabel(Language language, const std::string& english) {
  if (language == Language::kEnglish) return english;
  std::smatch m;
  if (std::regex_match(english, m, RomanticDetails()))
    return Details(language, TriangleType::kRomanticTriangle, m[1], m[2], m[3]);
  if (std::regex_match(english, m, StableDetails()))
    return Details(language, TriangleType::kStableMarriage, m[3], m[1], m[2]);
  return english;
}

}  // namespace triad
