#include "outputs/decimal.hpp"

#include <fmt/format.h>

namespace triad {

std::string FixedToText(std::int64_t value, int decimals) {
  std::uint64_t magnitude =
      value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  std::uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  std::string sign = value < 0 ? "-" : "";
  if (decimals == 0) return sign + std::to_string(magnitude);
  return fmt::format("{}{}.{:0{}}", sign, magnitude / scale, magnitude % scale, decimals);
}

}  // namespace triad
