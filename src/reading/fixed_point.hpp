#pragma once
// Decimal text to exact fixed-point integers. Goldstein values are defined in tenths and AvgTone
// is kept in millionths, so sums over events are exact integers whatever the order of addition
// (and so identical for any number of threads), and equal SQL's SUM over the same rows.
#include <cstdint>
#include <optional>
#include <string_view>

namespace triad {

// Parses an optionally signed decimal ("-10.0", "2.8", "5.23168908819133", "3") into
// value x 10^scale, rounding half away from zero; nullopt on anything else (empty, letters,
// exponents, more than 18 significant digits before rounding).
std::optional<std::int64_t> ParseFixedPoint(std::string_view text, int scale);

// Parses a non-negative or negative decimal integer that fits in int64; nullopt otherwise.
std::optional<std::int64_t> ParseInteger(std::string_view text);

}  // namespace triad
