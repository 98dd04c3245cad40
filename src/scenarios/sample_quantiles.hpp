#pragma once
// Exact quantiles of a sample, as numpy.quantile's default ("linear", Hyndman and Fan type 7):
// for probability q over n values sorted x_0 <= ... <= x_{n-1}, position q (n - 1) is split into
// whole part j and fraction g, and the quantile is x_j + g (x_{j+1} - x_j).
#include <span>
#include <vector>

namespace triad {

// probs in [0, 1]; NaN values are not allowed. Returns one quantile per probability, in the
// order given; `values` is not modified. For large samples the cost is two passes: the first
// counts the values in 2048 equal-width bins spanning a subsample's range (plus an underflow and
// an overflow bin), which tells which bin holds each needed order statistic and its rank there;
// the second collects the values of those few bins, and selection within them is exact.
std::vector<double> SampleQuantiles(std::span<const double> values, std::span<const double> probs);

// Mean and standard deviation (divisor n - 1; 0 for one value), summed in a fixed order of eight
// interleaved partial sums of deviations from the first value (so the result does not depend on
// threads, and the sums vectorise).
struct SampleMoments {
  double mean = 0.0;
  double sd = 0.0;
};
SampleMoments MomentsOf(std::span<const double> values);

// Both at once: the moments are MomentsOf's to the bit (the same partial sums in the same order)
// and the quantiles SampleQuantiles', but for large samples the moments are summed in the
// binning pass, so the values are read twice instead of three times.
struct SampleSummary {
  SampleMoments moments;
  std::vector<double> quantiles;
};
SampleSummary SummariseSample(std::span<const double> values, std::span<const double> probs);

}  // namespace triad
