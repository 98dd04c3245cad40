#include "scenarios/sample_quantiles.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include "common/error.hpp"

namespace triad {
namespace {

// Sums of deviations from a pivot in kMomentLanes interleaved partial sums: value i goes to lane
// i % kMomentLanes. MomentsOf and the binning pass add in the same order, so they agree to the bit.
constexpr std::size_t kMomentLanes = 8;
struct MomentSums {
  double pivot = 0;
  double s1[kMomentLanes] = {}, s2[kMomentLanes] = {};

  SampleMoments Finish(std::size_t n) const {
    double sum = 0, squares = 0;
    for (std::size_t l = 0; l < kMomentLanes; ++l) {
      sum += s1[l];
      squares += s2[l];
    }
    const double dn = static_cast<double>(n);
    SampleMoments m;
    m.mean = pivot + sum / dn;
    m.sd = n > 1 ? std::sqrt(std::max(0.0, (squares - sum * sum / dn) / (dn - 1))) : 0.0;
    return m;
  }
};

void AddMoments(std::span<const double> values, MomentSums& sums) {
  const std::size_t n = values.size();
  const std::size_t whole = n - n % kMomentLanes;
  for (std::size_t i = 0; i < whole; i += kMomentLanes)
    for (std::size_t l = 0; l < kMomentLanes; ++l) {
      const double d = values[i + l] - sums.pivot;
      sums.s1[l] += d;
      sums.s2[l] += d * d;
    }
  for (std::size_t i = whole; i < n; ++i) {
    const double d = values[i] - sums.pivot;
    sums.s1[i - whole] += d;
    sums.s2[i - whole] += d * d;
  }
}

// The order statistics x_(rank) for the sorted, distinct `ranks`, by recursive selection on a
// copy: each nth_element splits the range so that later ranks search only their part.
void SelectRanks(std::vector<double>& values, std::size_t first, std::size_t last,
                 std::span<const std::size_t> ranks, std::span<double> out) {
  if (ranks.empty()) return;
  const std::size_t mid = ranks.size() / 2;
  const std::size_t r = ranks[mid];
  std::nth_element(values.begin() + first, values.begin() + r, values.begin() + last);
  out[mid] = values[r];
  SelectRanks(values, first, r, ranks.first(mid), out.first(mid));
  SelectRanks(values, r + 1, last, ranks.subspan(mid + 1), out.subspan(mid + 1));
}

std::vector<double> OrderStatistics(std::span<const double> values,
                                    const std::vector<std::size_t>& ranks) {
  std::vector<double> copy(values.begin(), values.end());
  std::vector<double> out(ranks.size());
  SelectRanks(copy, 0, copy.size(), ranks, out);
  return out;
}

#if defined(__x86_64__) && defined(__GNUC__)
// GCC 12 warns about the intrinsics' own deliberately undefined pass-through operands.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
// The binning pass of OrderStatisticsBinned for values [0, n - n % 8), eight at a time, where the
// processor has AVX-512: bins[i] = int(max(-1, min((v_i - lo) scale, top)) + 1) with the scalar
// code's IEEE operations and NaN handling (min_pd(a, b) is a < b ? a : b, as std::min(b, a)),
// and with `sums` its moment lanes (value i to lane i % 8). Returns how many values it did: 0
// without AVX-512.
__attribute__((target("avx512f,avx512dq"))) std::size_t BinValuesAvx512Kernel(
    const double* values, std::size_t n, double lo, double scale, double top, std::uint16_t* bins,
    MomentSums* sums) {
  static_assert(kMomentLanes == 8);
  const std::size_t whole = n - n % 8;
  const __m512d vlo = _mm512_set1_pd(lo), vscale = _mm512_set1_pd(scale),
                vtop = _mm512_set1_pd(top), minus_one = _mm512_set1_pd(-1.0),
                one = _mm512_set1_pd(1.0), pivot = _mm512_set1_pd(sums ? sums->pivot : 0.0);
  __m512d s1 = sums ? _mm512_loadu_pd(sums->s1) : _mm512_setzero_pd();
  __m512d s2 = sums ? _mm512_loadu_pd(sums->s2) : _mm512_setzero_pd();
  for (std::size_t i = 0; i < whole; i += 8) {
    const __m512d x = _mm512_loadu_pd(values + i);
    if (sums) {
      const __m512d d = _mm512_sub_pd(x, pivot);
      s1 = _mm512_add_pd(s1, d);
      s2 = _mm512_add_pd(s2, _mm512_mul_pd(d, d));
    }
    const __m512d t =
        _mm512_max_pd(_mm512_min_pd(vtop, _mm512_mul_pd(_mm512_sub_pd(x, vlo), vscale)), minus_one);
    const __m512i b = _mm512_cvttpd_epi64(_mm512_add_pd(t, one));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(bins + i), _mm512_cvtepi64_epi16(b));
  }
  if (sums) {
    _mm512_storeu_pd(sums->s1, s1);
    _mm512_storeu_pd(sums->s2, s2);
  }
  return whole;
}

// Calls found(i), in increasing i, for every i in [0, n - n % 32) whose bins[i] is one of
// `wanted`, 32 bins at a time (AVX-512BW); returns how many bins it looked at.
template <typename Found>
__attribute__((target("avx512f,avx512bw"))) std::size_t FindBinsAvx512Kernel(
    const std::uint16_t* bins, std::size_t n, const std::vector<std::uint16_t>& wanted,
    const Found& found) {
  const std::size_t whole = n - n % 32;
  for (std::size_t i = 0; i < whole; i += 32) {
    const __m512i b = _mm512_loadu_si512(bins + i);
    __mmask32 hit = 0;
    for (std::uint16_t w : wanted)
      hit |= _mm512_cmpeq_epi16_mask(b, _mm512_set1_epi16(static_cast<short>(w)));
    for (; hit != 0; hit &= hit - 1) found(i + static_cast<std::size_t>(std::countr_zero(hit)));
  }
  return whole;
}
#pragma GCC diagnostic pop

std::size_t BinValuesAvx512(const double* values, std::size_t n, double lo, double scale,
                            double top, std::uint16_t* bins, MomentSums* sums) {
  static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
  return has ? BinValuesAvx512Kernel(values, n, lo, scale, top, bins, sums) : 0;
}

template <typename Found>
std::size_t FindBinsAvx512(const std::uint16_t* bins, std::size_t n,
                           const std::vector<std::uint16_t>& wanted, const Found& found) {
  static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
  return has ? FindBinsAvx512Kernel(bins, n, wanted, found) : 0;
}
#else
std::size_t BinValuesAvx512(const double*, std::size_t, double, double, double, std::uint16_t*,
                            MomentSums*) {
  return 0;
}
template <typename Found>
std::size_t FindBinsAvx512(const std::uint16_t*, std::size_t, const std::vector<std::uint16_t>&,
                           const Found&) {
  return 0;
}
#endif

// With `sums`, also adds the values' deviations from sums->pivot to its lanes.
std::vector<double> OrderStatisticsBinned(std::span<const double> values,
                                          const std::vector<std::size_t>& ranks,
                                          MomentSums* sums = nullptr) {
  constexpr int kBins = 2048;
  constexpr std::size_t kSample = 1024;
  const std::size_t n = values.size();
  double lo = values[0], hi = values[0];
  for (std::size_t i = 0; i < kSample; ++i) {
    const double x = values[(i * n) / kSample];
    lo = std::min(lo, x);
    hi = std::max(hi, x);
  }
  if (!(std::isfinite(lo) && std::isfinite(hi) && hi > lo)) {
    if (sums) AddMoments(values, *sums);
    return OrderStatistics(values, ranks);
  }
  const double scale = kBins / (hi - lo);

  // Bin 0 holds values below lo (and NaN), bin kBins + 1 values at or above hi. Four interleaved
  // histograms, so that consecutive values in the same bin do not wait on each other's counts.
  thread_local std::vector<std::uint16_t> bin_of;
  bin_of.resize(n);
  constexpr int kWays = 4;
  std::vector<std::uint32_t> partial(kWays * (kBins + 2), 0);
  const std::size_t done =
      BinValuesAvx512(values.data(), n, lo, scale, static_cast<double>(kBins), bin_of.data(), sums);
  auto bin = [&](std::size_t i) {
    // Clamped to [-1, kBins] (max(-1, NaN) is -1), then shifted: bins 0 .. kBins + 1.
    const double t = std::max(-1.0, std::min((values[i] - lo) * scale, static_cast<double>(kBins)));
    bin_of[i] = static_cast<std::uint16_t>(static_cast<int>(t + 1.0));
  };
  if (sums) {
    // The moments' lanes in the same pass: value i to lane i % kMomentLanes, as MomentsOf.
    const std::size_t whole = n - n % kMomentLanes;
    const double pivot = sums->pivot;
    for (std::size_t i = done; i < whole; i += kMomentLanes)
      for (std::size_t l = 0; l < kMomentLanes; ++l) {
        const double d = values[i + l] - pivot;
        sums->s1[l] += d;
        sums->s2[l] += d * d;
        bin(i + l);
      }
    for (std::size_t i = std::max(done, whole); i < n; ++i) {
      const double d = values[i] - pivot;
      sums->s1[i - whole] += d;
      sums->s2[i - whole] += d * d;
      bin(i);
    }
  } else {
    for (std::size_t i = done; i < n; ++i) bin(i);
  }
  for (std::size_t i = 0; i < n; ++i) ++partial[(i % kWays) * (kBins + 2) + bin_of[i]];
  std::vector<std::size_t> count(kBins + 2, 0);
  for (int w = 0; w < kWays; ++w)
    for (int b = 0; b < kBins + 2; ++b) count[b] += partial[w * (kBins + 2) + b];
  // For each rank: its bin and its rank among the bin's values.
  std::vector<int> bin_of_rank(ranks.size());
  std::vector<std::size_t> rank_in_bin(ranks.size());
  std::size_t before = 0;
  int b = 0;
  for (std::size_t t = 0; t < ranks.size(); ++t) {
    while (before + count[b] <= ranks[t]) before += count[b++];
    bin_of_rank[t] = b;
    rank_in_bin[t] = ranks[t] - before;
  }
  std::vector<int> slot(kBins + 2, -1);
  std::vector<std::vector<double>> members;
  for (int x : bin_of_rank)
    if (slot[x] < 0) {
      slot[x] = static_cast<int>(members.size());
      members.emplace_back();
      members.back().reserve(count[x]);
    }
  std::vector<std::uint16_t> wanted;  // the bins holding a needed rank, each once
  for (int x = 0; x < kBins + 2; ++x)
    if (slot[x] >= 0) wanted.push_back(static_cast<std::uint16_t>(x));
  const std::size_t found = FindBinsAvx512(bin_of.data(), n, wanted, [&](std::size_t i) {
    members[slot[bin_of[i]]].push_back(values[i]);
  });
  for (std::size_t i = found; i < n; ++i)
    if (const int s = slot[bin_of[i]]; s >= 0) members[s].push_back(values[i]);
  std::vector<double> out(ranks.size());
  for (std::size_t t = 0; t < ranks.size(); ++t) {
    auto& m = members[slot[bin_of_rank[t]]];
    std::nth_element(m.begin(), m.begin() + rank_in_bin[t], m.end());
    out[t] = m[rank_in_bin[t]];
  }
  return out;
}

}  // namespace

namespace {

// The quantiles of `probs`; with `sums` (large samples only: the caller adds the moments of
// small ones itself), the moments' sums too.
std::vector<double> Quantiles(std::span<const double> values, std::span<const double> probs,
                              MomentSums* sums) {
  const std::size_t n = values.size();
  if (n == 0) ThrowCompute("quantiles of an empty sample");
  // Distinct ranks needed: j and j + 1 for every probability.
  std::vector<std::size_t> ranks;
  for (double q : probs) {
    if (!(q >= 0 && q <= 1)) ThrowUsage("quantile probabilities must lie in [0, 1]");
    const auto j = static_cast<std::size_t>(std::floor(q * static_cast<double>(n - 1)));
    ranks.push_back(j);
    if (j + 1 < n) ranks.push_back(j + 1);
  }
  std::sort(ranks.begin(), ranks.end());
  ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
  const std::vector<double> stats =
      n >= 4096 ? OrderStatisticsBinned(values, ranks, sums) : OrderStatistics(values, ranks);
  auto stat = [&](std::size_t rank) {
    return stats[std::lower_bound(ranks.begin(), ranks.end(), rank) - ranks.begin()];
  };
  std::vector<double> out;
  for (double q : probs) {
    const double pos = q * static_cast<double>(n - 1);
    const auto j = static_cast<std::size_t>(std::floor(pos));
    const double g = pos - static_cast<double>(j);
    const double lo = stat(j);
    out.push_back(j + 1 < n ? lo + g * (stat(j + 1) - lo) : lo);
  }
  return out;
}

}  // namespace

std::vector<double> SampleQuantiles(std::span<const double> values, std::span<const double> probs) {
  return Quantiles(values, probs, nullptr);
}

SampleSummary SummariseSample(std::span<const double> values, std::span<const double> probs) {
  if (values.empty()) ThrowCompute("moments of an empty sample");
  SampleSummary out;
  MomentSums sums;
  sums.pivot = values[0];
  if (values.size() >= 4096) {
    out.quantiles = Quantiles(values, probs, &sums);
  } else {
    AddMoments(values, sums);
    out.quantiles = Quantiles(values, probs, nullptr);
  }
  out.moments = sums.Finish(values.size());
  return out;
}

SampleMoments MomentsOf(std::span<const double> values) {
  if (values.empty()) ThrowCompute("moments of an empty sample");
  MomentSums sums;
  sums.pivot = values[0];
  AddMoments(values, sums);
  return sums.Finish(values.size());
}

}  // namespace triad
