#include "scenarios/sample_quantiles.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "common/error.hpp"

namespace triad {
namespace {

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

std::vector<double> OrderStatisticsBinned(std::span<const double> values,
                                          const std::vector<std::size_t>& ranks) {
  constexpr int kBins = 2048;
  constexpr std::size_t kSample = 1024;
  const std::size_t n = values.size();
  double lo = values[0], hi = values[0];
  for (std::size_t i = 0; i < kSample; ++i) {
    const double x = values[(i * n) / kSample];
    lo = std::min(lo, x);
    hi = std::max(hi, x);
  }
  if (!(std::isfinite(lo) && std::isfinite(hi) && hi > lo)) return OrderStatistics(values, ranks);
  const double scale = kBins / (hi - lo);

  // Bin 0 holds values below lo (and NaN), bin kBins + 1 values at or above hi. Four interleaved
  // histograms, so that consecutive values in the same bin do not wait on each other's counts.
  thread_local std::vector<std::uint16_t> bin_of;
  bin_of.resize(n);
  constexpr int kWays = 4;
  std::vector<std::uint32_t> partial(kWays * (kBins + 2), 0);
  for (std::size_t i = 0; i < n; ++i) {
    // Clamped to [-1, kBins] (max(-1, NaN) is -1), then shifted: bins 0 .. kBins + 1.
    const double t = std::max(-1.0, std::min((values[i] - lo) * scale, static_cast<double>(kBins)));
    const int b = static_cast<int>(t + 1.0);
    bin_of[i] = static_cast<std::uint16_t>(b);
    ++partial[(i % kWays) * (kBins + 2) + b];
  }
  std::vector<std::size_t> count(kBins + 2, 0);
  for (int w = 0; w < kWays; ++w)
    for (int b = 0; b < kBins + 2; ++b) count[b] += partial[w * (kBins + 2) + b];
  // For each rank: its bin and its rank among the bin's values.
  std::vector<int> bin(ranks.size());
  std::vector<std::size_t> rank_in_bin(ranks.size());
  std::size_t before = 0;
  int b = 0;
  for (std::size_t t = 0; t < ranks.size(); ++t) {
    while (before + count[b] <= ranks[t]) before += count[b++];
    bin[t] = b;
    rank_in_bin[t] = ranks[t] - before;
  }
  std::vector<int> slot(kBins + 2, -1);
  std::vector<std::vector<double>> members;
  for (int x : bin)
    if (slot[x] < 0) {
      slot[x] = static_cast<int>(members.size());
      members.emplace_back();
      members.back().reserve(count[x]);
    }
  for (std::size_t i = 0; i < n; ++i)
    if (const int s = slot[bin_of[i]]; s >= 0) members[s].push_back(values[i]);
  std::vector<double> out(ranks.size());
  for (std::size_t t = 0; t < ranks.size(); ++t) {
    auto& m = members[slot[bin[t]]];
    std::nth_element(m.begin(), m.begin() + rank_in_bin[t], m.end());
    out[t] = m[rank_in_bin[t]];
  }
  return out;
}

}  // namespace

std::vector<double> SampleQuantiles(std::span<const double> values, std::span<const double> probs) {
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
      n >= 4096 ? OrderStatisticsBinned(values, ranks) : OrderStatistics(values, ranks);
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

SampleMoments MomentsOf(std::span<const double> values) {
  const std::size_t n = values.size();
  if (n == 0) ThrowCompute("moments of an empty sample");
  constexpr std::size_t kLanes = 8;
  const double pivot = values[0];
  double s1[kLanes] = {}, s2[kLanes] = {};
  const std::size_t whole = n - n % kLanes;
  for (std::size_t i = 0; i < whole; i += kLanes)
    for (std::size_t l = 0; l < kLanes; ++l) {
      const double d = values[i + l] - pivot;
      s1[l] += d;
      s2[l] += d * d;
    }
  for (std::size_t i = whole; i < n; ++i) {
    const double d = values[i] - pivot;
    s1[i - whole] += d;
    s2[i - whole] += d * d;
  }
  double sum = 0, squares = 0;
  for (std::size_t l = 0; l < kLanes; ++l) {
    sum += s1[l];
    squares += s2[l];
  }
  const double dn = static_cast<double>(n);
  SampleMoments m;
  m.mean = pivot + sum / dn;
  m.sd = n > 1 ? std::sqrt(std::max(0.0, (squares - sum * sum / dn) / (dn - 1))) : 0.0;
  return m;
}

}  // namespace triad
