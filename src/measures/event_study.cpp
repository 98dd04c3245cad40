#include "measures/event_study.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

#include "common/error.hpp"

namespace triad {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct MeanSd {
  double mean = kNaN, sd = kNaN;
  int n = 0;
};

MeanSd Moments(const std::vector<double>& xs) {
  MeanSd m;
  m.n = static_cast<int>(xs.size());
  if (m.n == 0) return m;
  double sum = 0;
  for (double x : xs) sum += x;
  m.mean = sum / m.n;
  if (m.n > 1) {
    double ss = 0;
    for (double x : xs) ss += (x - m.mean) * (x - m.mean);
    m.sd = std::sqrt(ss / (m.n - 1));
  }
  return m;
}

// The path x(t0 + h) - mean(x(t0 - k .. t0 - 1)) for h = -k..k; empty when a value is missing or
// the path leaves the data.
std::vector<double> PathAt(const std::vector<double>& x, long t0, int k) {
  const long n = static_cast<long>(x.size());
  if (t0 - k < 0 || t0 + k >= n) return {};
  double pre = 0;
  for (long t = t0 - k; t < t0; ++t) {
    if (!std::isfinite(x[static_cast<std::size_t>(t)])) return {};
    pre += x[static_cast<std::size_t>(t)];
  }
  pre /= k;
  std::vector<double> path;
  for (long t = t0 - k; t <= t0 + k; ++t) {
    const double v = x[static_cast<std::size_t>(t)];
    if (!std::isfinite(v)) return {};
    path.push_back(v - pre);
  }
  return path;
}

}  // namespace

EventStudyResult RunEventStudy(const std::vector<Day>& periods, const std::vector<double>& values,
                               Frequency freq, const std::vector<EventStudyEvent>& events, int k) {
  if (k < 1) ThrowUsage("an event study needs at least one period before and after (k >= 1)");
  EventStudyResult r;
  r.k = k;
  for (int h = -k; h <= k; ++h) r.offsets.push_back(h);
  const std::size_t width = r.offsets.size();
  std::vector<std::vector<double>> paths;
  std::vector<bool> near_event(values.size(), false);
  std::vector<bool> in_window(values.size(), false);  // offsets 0..k of a used event
  for (const auto& e : events) {
    const Day p = PeriodStart(e.start, freq);
    const auto it = std::lower_bound(periods.begin(), periods.end(), p);
    if (it == periods.end() || *it != p) {
      r.skipped.push_back(e.id + ": outside the data");
      continue;
    }
    const long t0 = it - periods.begin();
    // Baseline origins keep 2k + 1 periods away, so no baseline path overlaps an event's.
    for (long t = t0 - 2 * k; t <= t0 + 2 * k; ++t)
      if (t >= 0 && t < static_cast<long>(values.size()))
        near_event[static_cast<std::size_t>(t)] = true;
    std::vector<double> path = PathAt(values, t0, k);
    if (path.empty()) {
      r.skipped.push_back(e.id + fmt::format(": fewer than {} complete periods on each side", k));
      continue;
    }
    for (long t = t0; t <= t0 + k; ++t) in_window[static_cast<std::size_t>(t)] = true;
    r.used.push_back(e.id);
    paths.push_back(std::move(path));
  }
  std::vector<std::vector<double>> baseline_paths;
  for (long t = 0; t < static_cast<long>(values.size()); ++t) {
    if (near_event[static_cast<std::size_t>(t)]) continue;
    std::vector<double> path = PathAt(values, t, k);
    if (!path.empty()) baseline_paths.push_back(std::move(path));
  }
  r.baseline_origins = static_cast<int>(baseline_paths.size());
  const int n = static_cast<int>(paths.size());
  const double t90 = n >= 2 ? boost::math::quantile(boost::math::students_t(n - 1), 0.95) : kNaN;
  for (std::size_t j = 0; j < width; ++j) {
    std::vector<double> at, base;
    for (const auto& p : paths) at.push_back(p[j]);
    for (const auto& p : baseline_paths) base.push_back(p[j]);
    const MeanSd m = Moments(at);
    r.mean.push_back(m.mean);
    const double half = n >= 2 ? t90 * m.sd / std::sqrt(n) : kNaN;
    r.lower.push_back(m.mean - half);
    r.upper.push_back(m.mean + half);
    r.baseline.push_back(Moments(base).mean);
  }
  // One-period changes x(t) - x(t-1) into the periods of an event window (offsets 0..k) against
  // every other change.
  std::vector<double> inside, outside;
  for (std::size_t t = 1; t < values.size(); ++t) {
    if (!std::isfinite(values[t]) || !std::isfinite(values[t - 1])) continue;
    (in_window[t] ? inside : outside).push_back(values[t] - values[t - 1]);
  }
  const MeanSd in = Moments(inside), out = Moments(outside);
  r.window_changes = in.n;
  r.other_changes = out.n;
  r.volatility_ratio = in.n >= 2 && out.n >= 2 && out.sd > 0 ? in.sd / out.sd : kNaN;
  r.drift_per_period = in.n >= 1 && out.n >= 1 ? in.mean - out.mean : kNaN;
  r.drift_p_value = kNaN;
  if (in.n >= 2 && out.n >= 2) {
    const double vi = in.sd * in.sd / in.n, vo = out.sd * out.sd / out.n;
    const double se = std::sqrt(vi + vo);
    if (se > 0) {
      const double df = (vi + vo) * (vi + vo) /
                        (vi * vi / (in.n - 1) + vo * vo / (out.n - 1));  // Welch-Satterthwaite
      const double t = std::fabs(r.drift_per_period) / se;
      r.drift_p_value =
          2 * boost::math::cdf(boost::math::complement(boost::math::students_t(df), t));
    }
  }
  return r;
}

}  // namespace triad
