#pragma once
// An event study of a relation series around dated windows of one kind (US presidential
// elections, G20 summits, ...): the average path from k periods before to k periods after, each
// event's path measured from its own pre-event level, against the same path taken from every
// period that is not near an event (the baseline), with intervals across events. Its window
// statistics calibrate a scenario window's drift and volatility, so windows rest on history.
#include <string>
#include <vector>

#include "common/date.hpp"

namespace triad {

struct EventStudyEvent {
  std::string id;
  Day start = 0, end = 0;
};

struct EventStudyResult {
  int k = 0;                 // periods before and after
  std::vector<int> offsets;  // -k..k; 0 is the period holding the event's first day
  // Per offset: the mean over events of x(t0 + h) - mean(x(t0 - k .. t0 - 1)); its 90% interval
  // (Student t with events - 1 degrees of freedom; NaN with fewer than two events); and the same
  // mean over every baseline origin (origins at least 2k + 1 periods from any event).
  std::vector<double> mean, lower, upper, baseline;
  std::vector<std::string> used;     // ids of the events with a complete path
  std::vector<std::string> skipped;  // "id: why" (outside the data, a missing period)
  int baseline_origins = 0;
  // Calibration for a scenario window covering offsets 0..k: the s.d. of one-period changes
  // inside those windows over their s.d. elsewhere (volatility factor), and the mean one-period
  // change inside minus elsewhere (drift per period, in the series' units).
  double volatility_ratio = 0, drift_per_period = 0;
  // Welch's two-sided p-value for drift_per_period = 0 (NaN with fewer than two changes on a
  // side): a calibrated window keeps a drift only when its p-value is below 0.10.
  double drift_p_value = 0;
  int window_changes = 0, other_changes = 0;  // the one-period changes each rests on
};

// `values` on consecutive periods of `freq` starting at periods[0] (NaN = missing). Events are
// placed at the period holding their start day. Usage error when k < 1.
EventStudyResult RunEventStudy(const std::vector<Day>& periods, const std::vector<double>& values,
                               Frequency freq, const std::vector<EventStudyEvent>& events, int k);

}  // namespace triad
