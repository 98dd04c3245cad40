#pragma once
// Shares in [0, 1] (the SECURITY driver: the share of the triad's events that are security
// conflict) are modelled on the logit scale, so that a model's simulated paths, transformed back,
// stay shares. A share is clamped to [kShareFloor, 1 - kShareFloor] first: a period without any
// security conflict would otherwise be -infinity.
#include <algorithm>
#include <cmath>

namespace triad {

inline constexpr double kShareFloor = 0.005;

inline double LogitShare(double share) {
  const double p = std::clamp(share, kShareFloor, 1 - kShareFloor);
  return std::log(p / (1 - p));
}

inline double ShareOfLogit(double logit) {
  return 1 / (1 + std::exp(-logit));
}

// d logit / d share at a share p: a change of `size` share units near p is about
// size / (p (1 - p)) on the logit scale.
inline double LogitPerShare(double p) {
  return 1 / (p * (1 - p));
}

}  // namespace triad
