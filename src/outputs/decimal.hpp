#pragma once
// Exact decimal text for fixed-point integers (Goldstein tenths, tone millionths), so exported
// sums can be compared digit for digit with SQL over the raw rows.
#include <cstdint>
#include <string>

namespace triad {

// FixedToText(-123, 1) == "-12.3"; FixedToText(5, 2) == "0.05".
std::string FixedToText(std::int64_t value, int decimals);

}  // namespace triad
