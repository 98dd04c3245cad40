#pragma once
// Reproducible standard normal draws for Monte Carlo paths. Path i of a simulation with seed s
// draws from its own stream, a SplitMix64 sequence (Steele, Lea and Flood 2014) started at a
// state hashed from (s, i); the normals come from a 256-layer ziggurat (Marsaglia and Tsang 2000)
// whose tables are computed here from the layer count alone. Nothing depends on the standard
// library's distributions (whose output differs between implementations) or on which thread runs
// the path, so a seed gives the same numbers on any machine with IEEE doubles and the same libm,
// whatever the thread count.
#include <bit>
#include <cstddef>
#include <cstdint>

namespace triad {

// Ziggurat for the normal density f(x) = exp(-x^2 / 2) (unnormalised) with 256 layers of equal
// area v. Layer 0 is the base: the rectangle [0, r] x [0, f(r)] plus the tail beyond r. Layer
// i >= 1 spans heights f(x[i-1]) .. f(x[i]) and widths 0 .. x[i-1], with x[0] = r and x[255] = 0.
// r = 3.6541528853610088 is the value that makes 256 layers of equal area close at the top
// (Marsaglia and Tsang 2000); v follows from r exactly.
struct ZigguratTables {
  static constexpr int kLayers = 256;
  double width[kLayers];   // x-extent of layer i (layer 0: v / f(r), the base's pseudo-width)
  double inner[kLayers];   // points with |x| < inner[i] lie under the curve at any height
  double f_low[kLayers];   // f at the layer's wide edge (height of its bottom)
  double f_high[kLayers];  // f at the narrow edge (height of its top)
  double r;
  ZigguratTables();
};
// Computed once at start-up.
extern const ZigguratTables kZiggurat;

// The SplitMix64 finaliser: a bijective 64-bit mix.
inline std::uint64_t Mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class NormalStream {
 public:
  // The stream of path `path` under `seed`. Distinct paths start at unrelated states; two
  // streams of n draws overlap with probability about paths^2 n / 2^64.
  NormalStream(std::uint64_t seed, std::uint64_t path)
      : state_(Mix64(Mix64(seed ^ 0x6A09E667F3BCC909ULL) + Mix64(path + 0x3C6EF372FE94F82BULL))) {}
  explicit NormalStream(std::uint64_t state) : state_(state) {}

  std::uint64_t NextBits() {
    state_ += 0x9E3779B97F4A7C15ULL;
    return Mix64(state_);
  }
  // Uniform on [0, 1) with 53 random bits.
  double NextUniform() { return static_cast<double>(NextBits() >> 11) * 0x1.0p-53; }
  // A standard normal draw. The fast path (about 99% of draws) takes one 64-bit word: 8 bits
  // choose the layer, 1 bit the sign, 53 bits the position within the layer.
  double NextNormal() {
    const std::uint64_t bits = NextBits();
    const int layer = static_cast<int>(bits & 0xFF);
    const double x = static_cast<double>(bits >> 11) * 0x1.0p-53 * kZiggurat.width[layer];
    if (x < kZiggurat.inner[layer]) {
      // Sign from bit 8, without a branch (the sign is unpredictable by design).
      return std::bit_cast<double>(std::bit_cast<std::uint64_t>(x) | ((bits & 0x100) << 55));
    }
    return NextNormalSlow(bits);
  }

  std::uint64_t state() const { return state_; }

  // One normal draw from each of n streams: out[i] is what NormalStream(states[i]).NextNormal()
  // returns, and states[i] advances as it would. The same numbers as one stream at a time,
  // computed eight streams at once where the processor has AVX-512 (the integer mixing, the
  // exact conversion to double and the layer tests are the same operations per lane; the rare
  // draws outside the fast path go through the scalar code).
  static void NextNormals(std::uint64_t* states, std::size_t n, double* out);

 private:
  double NextNormalSlow(std::uint64_t bits);
  double Tail(bool negative);
  std::uint64_t state_;
};

}  // namespace triad
