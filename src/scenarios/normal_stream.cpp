#include "scenarios/normal_stream.hpp"

#include <cmath>
#include <numbers>

namespace triad {
ZigguratTables::ZigguratTables() {
  r = 3.6541528853610088;
  auto f = [](double x) { return std::exp(-0.5 * x * x); };
  const double v = r * f(r) + std::sqrt(std::numbers::pi / 2) * std::erfc(r / std::numbers::sqrt2);
  double x[kLayers];
  x[0] = r;
  for (int i = 1; i < kLayers; ++i) {
    const double fx = f(x[i - 1]) + v / x[i - 1];
    x[i] = fx >= 1.0 ? 0.0 : std::sqrt(-2.0 * std::log(fx));
  }
  x[kLayers - 1] = 0.0;
  width[0] = v / f(r);
  inner[0] = r;
  f_low[0] = 0.0;
  f_high[0] = f(r);
  for (int i = 1; i < kLayers; ++i) {
    width[i] = x[i - 1];
    inner[i] = x[i];
    f_low[i] = f(x[i - 1]);
    f_high[i] = f(x[i]);
  }
}

const ZigguratTables kZiggurat;

double NormalStream::Tail(bool negative) {
  // Marsaglia (1964): x = r + a with a = -ln(U1) / r, accepted when 2 (-ln U2) > a^2.
  const double r = kZiggurat.r;
  for (;;) {
    const double a = -std::log(1.0 - NextUniform()) / r;
    const double b = -std::log(1.0 - NextUniform());
    if (2.0 * b > a * a) return negative ? -(r + a) : r + a;
  }
}

double NormalStream::NextNormalSlow(std::uint64_t bits) {
  const ZigguratTables& t = kZiggurat;
  for (;;) {
    const int layer = static_cast<int>(bits & 0xFF);
    const bool negative = (bits >> 8) & 1;
    const double x = static_cast<double>(bits >> 11) * 0x1.0p-53 * t.width[layer];
    if (x < t.inner[layer]) return negative ? -x : x;
    if (layer == 0) return Tail(negative);
    // The wedge: a uniform height within the layer, accepted under the curve.
    const double height = t.f_low[layer] + NextUniform() * (t.f_high[layer] - t.f_low[layer]);
    if (height < std::exp(-0.5 * x * x)) return negative ? -x : x;
    bits = NextBits();
  }
}

}  // namespace triad
