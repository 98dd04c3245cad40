#pragma once
// Axis ticks that a person would choose: values at 1, 2 or 5 times a power of ten, dates at
// whole years, quarters, months, weeks or days, depending on the span.
#include <string>
#include <vector>

#include "common/date.hpp"

namespace triad {

struct Tick {
  double at = 0.0;    // position in data units (a value, or a Day for date axes)
  std::string label;  // as printed beside the axis
};

// A value axis: [lo, hi] widened to the nearest ticks, and the ticks (about `target` of them,
// at least 2). lo == hi or non-finite input gives a small range around the value (or [0, 1]).
struct NiceAxis {
  double lo = 0.0;
  double hi = 1.0;
  std::vector<Tick> ticks;
};
NiceAxis NiceValueAxis(double lo, double hi, int target = 5);

// Ticks inside [lo, hi] (days), about `target` of them: years ("2021"), quarters or months
// ("Apr 2021"), weeks or days ("12 Apr"). Labels name the year at least once per axis.
std::vector<Tick> NiceDateTicks(Day lo, Day hi, int target = 7);

// A number with `decimals` decimals and a real minus sign; "+" prefix when `signed_plus`.
std::string FormatNumber(double value, int decimals, bool signed_plus = false);

}  // namespace triad
