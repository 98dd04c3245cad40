#include "series/driver_family.hpp"

#include <fmt/format.h>

#include <cctype>
#include <vector>

#include "common/error.hpp"
#include "common/nearest_name.hpp"

namespace triad {

std::string_view DriverFamilyName(DriverFamily family) {
  switch (family) {
    case DriverFamily::kEconomic:
      return "ECON";
    case DriverFamily::kRegional:
      return "REGIONAL";
    case DriverFamily::kGlobalSouth:
      return "GLOBAL_SOUTH";
    case DriverFamily::kSecurity:
      return "SECURITY";
  }
  return "ECON";
}

DriverFamily ParseDriverFamily(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::vector<std::string> names;
  for (DriverFamily f : kDriverFamilies) {
    if (upper == DriverFamilyName(f)) return f;
    names.emplace_back(DriverFamilyName(f));
  }
  ThrowUsage(fmt::format("unknown driver '{}': {} (or none)", text, SuggestName(upper, names)));
}

std::string DriverVariable(DriverFamily family, const Dyad& dyad) {
  if (family == DriverFamily::kEconomic)
    return fmt::format("{}_{}", DriverFamilyName(family), dyad.Variable());
  return std::string(DriverFamilyName(family));
}

std::optional<DriverFamily> FamilyOfVariable(std::string_view variable) {
  for (DriverFamily f : kDriverFamilies) {
    const std::string_view name = DriverFamilyName(f);
    if (variable == name) return f;
    if (f == DriverFamily::kEconomic && variable.size() > name.size() &&
        variable.substr(0, name.size() + 1) == std::string(name) + "_")
      return f;
  }
  return std::nullopt;
}

}  // namespace triad
