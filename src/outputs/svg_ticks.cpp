#include "outputs/svg_ticks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace triad {
namespace {

constexpr std::array<const char*, 12> kMonthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The tick step among 1, 2, 2.5, 5 × 10^k closest above span / target.
double NiceStep(double span, int target) {
  const double raw = span / std::max(target, 1);
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * power >= raw * 0.999) return m * power;
  return 10.0 * power;
}

int DecimalsFor(double step) {
  // Enough decimals to tell neighbouring ticks apart: 0.25 needs 2, 0.5 needs 1, 5 needs 0.
  for (int d = 0; d < 8; ++d) {
    const double scaled = step * std::pow(10.0, d);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6 * scaled) return d;
  }
  return 8;
}

}  // namespace

std::string FormatNumber(double value, int decimals, bool signed_plus) {
  if (!std::isfinite(value)) return "–";
  // Avoid "-0.0": round first, then decide the sign.
  const double scale = std::pow(10.0, decimals);
  double rounded = std::round(value * scale) / scale;
  if (rounded == 0.0) rounded = 0.0;
  std::string text = fmt::format("{:.{}f}", std::fabs(rounded), decimals);
  if (rounded < 0) return "\u2212" + text;  // U+2212 MINUS SIGN
  if (signed_plus && rounded > 0) return "+" + text;
  return text;
}

NiceAxis NiceValueAxis(double lo, double hi, int target) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = hi = std::isfinite(lo) ? lo : hi;
  if (!std::isfinite(lo)) {
    lo = 0.0;
    hi = 1.0;
  }
  if (lo > hi) std::swap(lo, hi);
  if (hi - lo < 1e-12) {
    const double pad = lo == 0.0 ? 1.0 : std::fabs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const double step = NiceStep(hi - lo, std::max(target, 2));
  NiceAxis axis;
  axis.lo = std::floor(lo / step + 1e-9) * step;
  axis.hi = std::ceil(hi / step - 1e-9) * step;
  const int decimals = DecimalsFor(step);
  const int count = static_cast<int>(std::round((axis.hi - axis.lo) / step));
  for (int i = 0; i <= count; ++i) {
    const double at = axis.lo + i * step;
    axis.ticks.push_back({at, FormatNumber(at, decimals)});
  }
  return axis;
}

std::vector<Tick> NiceDateTicks(Day lo, Day hi, int target) {
  std::vector<Tick> ticks;
  if (hi < lo) std::swap(lo, hi);
  const double span_days = std::max(1, hi - lo);
  const double wanted = span_days / std::max(target, 2);  // days between ticks, ideally
  int y0, m0, d0;
  YmdFromDay(lo, &y0, &m0, &d0);
  if (wanted > 200) {
    // Whole years, every 1, 2, 5, 10... years.
    int every = 1;
    for (int e : {1, 2, 5, 10, 20, 50, 100})
      if (e * 365.25 >= wanted * 0.8) {
        every = e;
        break;
      }
    for (int y = y0; y <= y0 + 200; ++y) {
      const Day d = *DayFromYmd(y, 1, 1);
      if (d > hi) break;
      if (d >= lo && y % every == 0)
        ticks.push_back({static_cast<double>(d), fmt::format("{}", y)});
    }
    return ticks;
  }
  if (wanted > 20) {
    // Months, every 1, 2, 3 or 6; January carries the year.
    int every = 6;
    for (int e : {1, 2, 3, 6})
      if (e * 30.4 >= wanted * 0.8) {
        every = e;
        break;
      }
    bool year_shown = false;
    for (int y = y0, m = m0;; ++m) {
      if (m > 12) {
        m = 1;
        ++y;
      }
      const Day d = *DayFromYmd(y, m, 1);
      if (d > hi) break;
      if (d < lo || (m - 1) % every != 0) continue;
      const bool show_year = m == 1 || !year_shown;
      year_shown = true;
      ticks.push_back({static_cast<double>(d), show_year
                                                   ? fmt::format("{} {}", kMonthNames[m - 1], y)
                                                   : std::string(kMonthNames[m - 1])});
    }
    return ticks;
  }
  // Days or weeks: every 1, 2 or 7 days, weeks on Mondays (day 4 since 1970-01-01 was Monday).
  const int every = wanted > 3 ? 7 * std::max(1, static_cast<int>(std::round(wanted / 7)))
                               : (wanted > 1.5 ? 2 : 1);
  Day start = lo;
  if (every % 7 == 0)
    while (((start - 4) % 7 + 7) % 7 != 0) ++start;
  bool first = true;
  for (Day d = start; d <= hi; d += every) {
    int y, m, dd;
    YmdFromDay(d, &y, &m, &dd);
    ticks.push_back(
        {static_cast<double>(d), first ? fmt::format("{} {} {}", dd, kMonthNames[m - 1], y)
                                       : fmt::format("{} {}", dd, kMonthNames[m - 1])});
    first = false;
  }
  return ticks;
}

}  // namespace triad
