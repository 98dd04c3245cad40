#include "scenarios/normal_stream.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numbers>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define TRIAD_AVX512_NORMALS 1
#endif

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

namespace {

#ifdef TRIAD_AVX512_NORMALS
// GCC 12 warns about the intrinsics' own deliberately undefined pass-through operands.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
// SplitMix64's finaliser on eight lanes (vpmullq is AVX-512DQ).
__attribute__((target("avx512f,avx512dq"))) inline __m512i Mix64x8(__m512i z) {
  z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 30)),
                         _mm512_set1_epi64(static_cast<long long>(0xBF58476D1CE4E5B9ULL)));
  z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 27)),
                         _mm512_set1_epi64(static_cast<long long>(0x94D049BB133111EBULL)));
  return _mm512_xor_si512(z, _mm512_srli_epi64(z, 31));
}

// The fast path of NextNormal for streams [0, n - n % 8): writes out[i] and advances states[i]
// for every stream; the lanes whose draw falls outside the fast path get their bits in
// `bits[i]` and a set bit in the returned masks (one byte per group of eight).
__attribute__((target("avx512f,avx512dq"))) void FastNormalsAvx512(std::uint64_t* states,
                                                                   std::size_t groups, double* out,
                                                                   std::uint64_t* bits_out,
                                                                   std::uint8_t* slow) {
  const __m512i gamma = _mm512_set1_epi64(static_cast<long long>(0x9E3779B97F4A7C15ULL));
  const __m512i layer_mask = _mm512_set1_epi64(0xFF);
  const __m512i sign_bit = _mm512_set1_epi64(0x100);
  const __m512d scale = _mm512_set1_pd(0x1.0p-53);
  for (std::size_t g = 0; g < groups; ++g) {
    const __m512i state = _mm512_add_epi64(_mm512_loadu_si512(states + 8 * g), gamma);
    _mm512_storeu_si512(states + 8 * g, state);
    const __m512i bits = Mix64x8(state);
    const __m512i layer = _mm512_and_si512(bits, layer_mask);
    // (bits >> 11) < 2^53 converts exactly, as static_cast<double> does in NextNormal.
    const __m512d u = _mm512_mul_pd(_mm512_cvtepu64_pd(_mm512_srli_epi64(bits, 11)), scale);
    // The layers' table entries by scalar loads: faster than gathers on some processors.
    alignas(64) std::uint64_t l[8];
    _mm512_store_si512(l, layer);
    const double* w = kZiggurat.width;
    const double* in = kZiggurat.inner;
    const __m512d x = _mm512_mul_pd(
        u, _mm512_set_pd(w[l[7]], w[l[6]], w[l[5]], w[l[4]], w[l[3]], w[l[2]], w[l[1]], w[l[0]]));
    const __mmask8 fast = _mm512_cmp_pd_mask(x,
                                             _mm512_set_pd(in[l[7]], in[l[6]], in[l[5]], in[l[4]],
                                                           in[l[3]], in[l[2]], in[l[1]], in[l[0]]),
                                             _CMP_LT_OQ);
    const __m512i sign = _mm512_slli_epi64(_mm512_and_si512(bits, sign_bit), 55);
    _mm512_storeu_pd(out + 8 * g,
                     _mm512_castsi512_pd(_mm512_or_si512(_mm512_castpd_si512(x), sign)));
    _mm512_storeu_si512(bits_out + 8 * g, bits);
    slow[g] = static_cast<std::uint8_t>(~fast);
  }
}

#pragma GCC diagnostic pop

bool HasAvx512() {
  static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
  return has;
}
#endif

}  // namespace

void NormalStream::NextNormals(std::uint64_t* states, std::size_t n, double* out) {
  std::size_t done = 0;
#ifdef TRIAD_AVX512_NORMALS
  if (HasAvx512()) {
    constexpr std::size_t kChunk = 256;  // streams per pass, so the scratch stays on the stack
    std::uint64_t bits[kChunk];
    std::uint8_t slow[kChunk / 8];
    while (n - done >= 8) {
      const std::size_t groups = std::min(n - done, kChunk) / 8;
      FastNormalsAvx512(states + done, groups, out + done, bits, slow);
      for (std::size_t g = 0; g < groups; ++g) {
        for (unsigned m = slow[g]; m != 0; m &= m - 1) {
          const std::size_t i = done + 8 * g + static_cast<std::size_t>(std::countr_zero(m));
          NormalStream stream(states[i]);
          out[i] = stream.NextNormalSlow(bits[i - done]);
          states[i] = stream.state();
        }
      }
      done += 8 * groups;
    }
  }
#endif
  for (std::size_t i = done; i < n; ++i) {
    NormalStream stream(states[i]);
    out[i] = stream.NextNormal();
    states[i] = stream.state();
  }
}

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
