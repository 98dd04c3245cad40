#include "codebook/actor_sectors.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "codebook/embedded_tables.hpp"
#include "codebook/table_text.hpp"
#include "common/error.hpp"

namespace triad {
namespace {

constexpr ActorSector kClasses[] = {ActorSector::kUnspecified, ActorSector::kGovernment,
                                    ActorSector::kMilitary, ActorSector::kBusiness,
                                    ActorSector::kCivil};

// Higher is stronger: a side coded both military and government counts as military.
int Strength(ActorSector sector) {
  switch (sector) {
    case ActorSector::kMilitary:
      return 4;
    case ActorSector::kGovernment:
      return 3;
    case ActorSector::kBusiness:
      return 2;
    case ActorSector::kCivil:
      return 1;
    default:
      return 0;
  }
}

ActorSector Stronger(ActorSector a, ActorSector b) {
  return Strength(b) > Strength(a) ? b : a;
}

int CodeIndex(std::string_view code) {
  if (code.size() != 3) return -1;
  int index = 0;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return -1;
    index = index * 26 + (c - 'A');
  }
  return index;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

std::string_view ActorSectorName(ActorSector sector) {
  switch (sector) {
    case ActorSector::kUnspecified:
      return "unspecified";
    case ActorSector::kGovernment:
      return "government";
    case ActorSector::kMilitary:
      return "military";
    case ActorSector::kBusiness:
      return "business";
    case ActorSector::kCivil:
      return "civil";
    case ActorSector::kNotRecorded:
      return "not recorded";
  }
  return "not recorded";
}

std::optional<ActorSector> ParseActorSector(std::string_view name) {
  for (ActorSector s : kClasses)
    if (name == ActorSectorName(s)) return s;
  return std::nullopt;
}

SectorFilter SectorFilter::Parse(std::string_view text) {
  SectorFilter filter;
  if (text == "any") return filter;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string_view name = text.substr(start, comma - start);
    auto sector = ParseActorSector(name);
    if (!sector)
      ThrowUsage(
          fmt::format("--sector: '{}' is not a sector class (use any, or one or more of "
                      "government, military, business, civil, unspecified, separated by "
                      "commas)",
                      name));
    filter.mask_ |= static_cast<std::uint8_t>(1u << static_cast<int>(*sector));
    start = comma + 1;
  }
  return filter;
}

std::string SectorFilter::Text() const {
  if (mask_ == 0) return "any";
  std::string out;
  for (ActorSector s : kClasses)
    if ((mask_ >> static_cast<int>(s)) & 1)
      out += (out.empty() ? "" : ",") + std::string(ActorSectorName(s));
  return out;
}

const ActorSectorTable& ActorSectorTable::Default() {
  static const ActorSectorTable table =
      FromCsvText(embedded::ActorSectorsCsv(), "data/codebook/actor_sectors.csv (built in)");
  return table;
}

ActorSectorTable ActorSectorTable::FromCsvText(std::string_view text, const std::string& origin) {
  ActorSectorTable table;
  table.gdelt_.assign(26 * 26 * 26, static_cast<std::uint8_t>(ActorSector::kUnspecified));
  codebook::ForEachCsvRecord(
      text, origin, {"scheme", "code", "class", "description"},
      [&](std::int64_t line, const std::vector<std::string>& f) {
        auto sector = ParseActorSector(f[2]);
        if (!sector || *sector == ActorSector::kUnspecified)
          ThrowInput({origin, line, "class"},
                     fmt::format("'{}' is not one of government, military, business, civil", f[2]));
        if (f[0] == "gdelt") {
          const int index = CodeIndex(f[1]);
          if (index < 0)
            ThrowInput({origin, line, "code"},
                       fmt::format("'{}' is not a 3-letter CAMEO actor type code", f[1]));
          table.gdelt_[static_cast<std::size_t>(index)] = static_cast<std::uint8_t>(*sector);
        } else if (f[0] == "icews") {
          if (f[1].empty() || f[1] != Trim(f[1]) || f[1].find(',') != std::string::npos)
            ThrowInput({origin, line, "code"},
                       "an ICEWS sector name must be non-empty, "
                       "without commas or surrounding spaces");
          table.icews_.emplace_back(f[1], *sector);
        } else {
          ThrowInput({origin, line, "scheme"},
                     fmt::format("'{}' is not a scheme (gdelt or icews)", f[0]));
        }
      });
  std::sort(table.icews_.begin(), table.icews_.end());
  return table;
}

ActorSector ActorSectorTable::OfGdeltCode(std::string_view code) const {
  const int index = CodeIndex(code);
  return index < 0 ? ActorSector::kUnspecified
                   : static_cast<ActorSector>(gdelt_[static_cast<std::size_t>(index)]);
}

ActorSector ActorSectorTable::OfGdeltTypes(std::string_view type1, std::string_view type2,
                                           std::string_view type3) const {
  return Stronger(Stronger(OfGdeltCode(type1), OfGdeltCode(type2)), OfGdeltCode(type3));
}

std::vector<std::string> ActorSectorTable::GdeltCodesOf(ActorSector sector) const {
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < gdelt_.size(); ++i) {
    if (gdelt_[i] != static_cast<std::uint8_t>(sector)) continue;
    const int n = static_cast<int>(i);
    codes.push_back({static_cast<char>('A' + n / 676), static_cast<char>('A' + n / 26 % 26),
                     static_cast<char>('A' + n % 26)});
  }
  return codes;
}

ActorSector ActorSectorTable::OfIcewsSectors(std::string_view sectors) const {
  ActorSector best = ActorSector::kUnspecified;
  std::size_t start = 0;
  while (start < sectors.size()) {
    const std::size_t comma = std::min(sectors.find(',', start), sectors.size());
    const std::string_view name = Trim(sectors.substr(start, comma - start));
    auto it = std::lower_bound(icews_.begin(), icews_.end(), name,
                               [](const std::pair<std::string, ActorSector>& e,
                                  std::string_view n) { return e.first < n; });
    if (it != icews_.end() && it->first == name) best = Stronger(best, it->second);
    start = comma + 1;
  }
  return best;
}

}  // namespace triad
