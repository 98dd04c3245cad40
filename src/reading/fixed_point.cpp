#include "reading/fixed_point.hpp"

namespace triad {

std::optional<std::int64_t> ParseFixedPoint(std::string_view text, int scale) {
  std::size_t i = 0, n = text.size();
  bool negative = false;
  if (i < n && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  std::int64_t value = 0;
  int int_digits = 0;
  while (i < n && text[i] >= '0' && text[i] <= '9') {
    // Keep value x 10^scale within 18 digits: no int64 overflow for any input.
    if (++int_digits + scale > 18) return std::nullopt;
    value = value * 10 + (text[i++] - '0');
  }
  int frac_digits = 0;
  bool round_up = false;
  if (i < n && text[i] == '.') {
    ++i;
    while (i < n && text[i] >= '0' && text[i] <= '9') {
      if (frac_digits < scale) {
        value = value * 10 + (text[i] - '0');
      } else if (frac_digits == scale) {
        round_up = text[i] >= '5';
      }
      ++frac_digits;
      ++i;
    }
  }
  if (i != n || (int_digits == 0 && frac_digits == 0)) return std::nullopt;
  for (int d = frac_digits; d < scale; ++d) value *= 10;
  if (round_up) ++value;
  return negative ? -value : value;
}

std::optional<std::int64_t> ParseInteger(std::string_view text) {
  std::size_t i = 0, n = text.size();
  bool negative = false;
  if (i < n && text[i] == '-') {
    negative = true;
    ++i;
  }
  if (i == n || n - i > 18) return std::nullopt;
  std::int64_t value = 0;
  for (; i < n; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return negative ? -value : value;
}

}  // namespace triad
