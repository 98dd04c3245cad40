#pragma once
// The essay's driver families as a type, with one name table for flags, model variables, JSON
// and the report: ECON (each dyad's economic channel, the "ballast"), REGIONAL (regional
// integration), GLOBAL_SOUTH (the triad's relations with the Global South) and SECURITY
// (security pressure). See drivers.hpp for how each series is built.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "codebook/dyad.hpp"

namespace triad {

enum class DriverFamily { kEconomic, kRegional, kGlobalSouth, kSecurity };
inline constexpr std::array<DriverFamily, 4> kDriverFamilies = {
    DriverFamily::kEconomic, DriverFamily::kRegional, DriverFamily::kGlobalSouth,
    DriverFamily::kSecurity};

// "ECON", "REGIONAL", "GLOBAL_SOUTH", "SECURITY".
std::string_view DriverFamilyName(DriverFamily family);
// Case-insensitive; usage error naming the valid families (with the nearest) otherwise.
DriverFamily ParseDriverFamily(std::string_view text);
// The model variable of a family: "ECON_CHN_USA" for the economic channel of a dyad, the
// family's name for the others.
std::string DriverVariable(DriverFamily family, const Dyad& dyad);
// The family of a model variable ("ECON_CHN_USA" -> economic), or nullopt for a dyad variable.
std::optional<DriverFamily> FamilyOfVariable(std::string_view variable);

}  // namespace triad
