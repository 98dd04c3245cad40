#pragma once
// The sector class of each side of an event: government, military, business or civil, from
// GDELT's CAMEO actor type codes (Actor1Type1Code..Type3Code) and ICEWS's actor sectors. The
// mapping is data/codebook/actor_sectors.csv; a side with several codes takes the strongest
// class (military, then government, then business, then civil); a side with none of them (most
// GDELT sides name only a country) is unspecified.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triad {

// Stored in the cell key (3 bits a side): the numbers are part of the store format.
enum class ActorSector : std::uint8_t {
  kUnspecified = 0,
  kGovernment = 1,
  kMilitary = 2,
  kBusiness = 3,
  kCivil = 4,
  // Cells of stores made before sectors were recorded (schema 5 and older).
  kNotRecorded = 7,
};

// "unspecified", "government", "military", "business", "civil", "not recorded".
std::string_view ActorSectorName(ActorSector sector);
// The inverse for the five classes a user can ask for; nullopt otherwise.
std::optional<ActorSector> ParseActorSector(std::string_view name);

// Which classes a command keeps: both sides of a cell must be in the set. Empty (the default,
// `--sector any`) keeps every cell, including those of stores without sectors.
class SectorFilter {
 public:
  SectorFilter() = default;
  // "any", or a comma-separated list of classes ("government", "government,military"); throws a
  // usage error naming the option and the classes on anything else.
  static SectorFilter Parse(std::string_view text);
  bool any() const { return mask_ == 0; }
  bool Keeps(ActorSector source, ActorSector target) const {
    return mask_ == 0 ||
           ((mask_ >> static_cast<int>(source)) & (mask_ >> static_cast<int>(target)) & 1);
  }
  // "any" or the classes in the order of ActorSector, joined by ",".
  std::string Text() const;

 private:
  std::uint8_t mask_ = 0;
};

class ActorSectorTable {
 public:
  static const ActorSectorTable& Default();
  static ActorSectorTable FromCsvText(std::string_view text, const std::string& origin);
  // A GDELT side: the strongest class among its type codes (empty codes are skipped).
  ActorSector OfGdeltTypes(std::string_view type1, std::string_view type2,
                           std::string_view type3) const;
  // An ICEWS side: the strongest class among its comma-separated sectors ("Military,Government").
  ActorSector OfIcewsSectors(std::string_view sectors) const;
  // The GDELT type codes of a class, sorted (for the SQL of `triad sql`).
  std::vector<std::string> GdeltCodesOf(ActorSector sector) const;

 private:
  ActorSector OfGdeltCode(std::string_view code) const;
  std::vector<std::uint8_t> gdelt_;                         // by 3-letter code, 26^3 entries
  std::vector<std::pair<std::string, ActorSector>> icews_;  // sorted by name
};

}  // namespace triad
