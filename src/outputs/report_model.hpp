#pragma once
// What the HTML report shows, as plain data: the measures side fills a ReportModel, and
// RenderHtmlReport (report_html.hpp) turns it into one self-contained HTML file. The same model
// round-trips through JSON (`triad report --format json`, `triad render MODEL.json`).
//
// Conventions for every field below:
// - Missing numbers are NaN (null in JSON): a NaN breaks a line in a chart, never draws a zero.
// - Dates are Days (days since 1970-01-01; YYYY-MM-DD strings in JSON), period starts.
// - Parallel vectors (dates, values, band edges...) have the same length; the JSON reader
//   checks this and names the field that does not.
// - "Index units" are the units of the relation index the model was built from (say, a weekly
//   mean Goldstein score or a z-score); `index_units` says which. Momentum is in index units per
//   30 days, whatever the series' frequency.
// - Bands and intervals are 90% (estimate ± 1.645 s.e. for Normal estimates) unless stated.
// - Triangle dyads are in the order A–B, A–C, B–C of `actors` (as in measures/triangle.hpp);
//   the four Dittmer types are in the order of measures/triangle.hpp's TriangleType (their names
//   and JSON keys come from there too).
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/date.hpp"
#include "measures/local_linear_trend_momentum.hpp"
#include "measures/triangle.hpp"
#include "outputs/messages.hpp"

namespace triad {

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// An estimate with a 90% interval; all NaN when unknown.
struct IntervalEstimate {
  double value = kMissing;
  double lo = kMissing;
  double hi = kMissing;
};

// One event behind a move of the index (analysis/event_drilldown.hpp), as the report lists it.
struct EventLink {
  Day date = 0;
  std::string actors;       // e.g. "CHN (CHINA) -> JPN (JAPAN)"
  std::string description;  // the CAMEO code and its description
  double goldstein = kMissing;
  std::string url;  // the article; linked only when it is http(s)
};

// A period whose raw index moved most from the period before, with the events that pulled it.
struct IndexMove {
  Day period = 0;
  double change = kMissing;  // index units, from the previous period with a value
  std::vector<EventLink> events;
};

// One dyad's relation over time.
struct DyadReport {
  std::string name;  // "CHN-USA"
  std::vector<Day> dates;
  // The measured index per period and its standard error (index units).
  std::vector<double> index;
  std::vector<double> index_se;
  // Kalman-smoothed level (index units) with its 90% band.
  std::vector<double> level;
  std::vector<double> level_lo;
  std::vector<double> level_hi;
  // Kalman-smoothed slope, the momentum (index units per 30 days), with its 90% band.
  std::vector<double> slope;
  std::vector<double> slope_lo;
  std::vector<double> slope_hi;
  // The latest momentum (index units per 30 days) with its 90% interval, and its direction
  // (improving: interval above 0, deteriorating: below 0, steady: straddles 0; the measures'
  // MomentumDirection, named by MomentumDirectionName in JSON). Unset: the renderer derives it
  // from the interval.
  IntervalEstimate momentum;
  std::optional<MomentumDirection> direction;
  // The level below which the relation counts as off track (index units), if one was set.
  std::optional<double> floor;
  // The largest moves of the raw index with their top events (may be empty).
  std::vector<IndexMove> moves;
};

// The triangle in its latest period.
struct TriangleSnapshot {
  Day date = 0;
  std::array<std::string, 3> actors;                          // A, B, C
  std::array<double, 3> edges{kMissing, kMissing, kMissing};  // A–B, A–C, B–C (index units)
  std::array<int, 3> signs{};                                 // -1, 0 (neutral or unknown), +1
  TriangleType type = TriangleType::kUnknown;                 // most likely structure
  std::string roles;                                          // e.g. "pivot CHN, wings USA and JPN"
  std::array<double, 4> type_probability{kMissing, kMissing, kMissing, kMissing};
};

struct TriangleChange {
  Day date = 0;      // first period of the run in which the new structure persisted
  std::string from;  // e.g. "ménage à trois"
  std::string to;    // e.g. "romantic triangle, pivot CHN, wings USA and JPN"
};

// Per period, the probability of each of the four types (a row of NaN = unknown period).
struct TriangleTimelineReport {
  std::vector<Day> dates;
  std::vector<std::array<double, 4>> type_probability;
  std::vector<TriangleType> most_likely;  // per period; kUnknown or kIndeterminate: none
  std::vector<TriangleChange> changes;    // under the persistence rule
  std::string persistence;  // the rule and the persistent structure in words, or empty
};

// Response of one variable to a one-s.d. (orthogonalised) shock in another, for horizons
// 0..H periods: value and standard error per horizon (units of the responding variable).
struct ImpulseResponseCurve {
  std::string response;  // e.g. "CHN-USA"
  std::string shock;     // e.g. "trade CHN-USA"
  std::vector<double> value;
  std::vector<double> se;
};

// Forecast-error variance shares of one dyad at `horizon` periods ahead; parallel to
// DriverReport::share_sources; shares are fractions that sum to 1.
struct VarianceShares {
  std::string dyad;
  std::vector<double> shares;
};

struct DriverReport {
  std::vector<std::string> variables;  // every variable of the VAR: dyads and drivers
  std::string period_name;             // "week", "month": the unit of horizons
  std::vector<ImpulseResponseCurve> responses;
  int fevd_horizon = 0;
  // Labels of the variance sources, e.g. "own", "other dyads", "trade CHN-USA".
  std::vector<std::string> share_sources;
  std::vector<VarianceShares> fevd;
};

// One dyad's simulated future.
struct FanChart {
  std::string dyad;
  std::vector<Day> history_dates;  // observed lead-in, may be empty
  std::vector<double> history;
  std::vector<Day> dates;
  // 5%, 25%, 50%, 75%, 95% quantiles of the simulated index with the levers, per date.
  std::vector<std::array<double, 5>> quantiles;
  std::vector<double> baseline_median;  // the median without the levers
  std::optional<double> floor;
  // The first period the floor applies to (the scenario's `start`); unset: the first date.
  std::optional<Day> floor_from;
};

// P(on track) of some target, with and without the levers, each with its Monte Carlo s.e.
struct OnTrackProbability {
  std::string target;  // e.g. "CHN-USA above -1.0 through 2024-12-30"
  double with_levers = kMissing;
  double with_levers_se = kMissing;
  double baseline = kMissing;
  double baseline_se = kMissing;
};

struct ReportLever {
  std::string name;
  std::string description;
};

// A date range where the scenario changes volatility or drift (shaded on fan charts).
struct ScenarioWindow {
  std::string name;
  Day start = 0;
  Day end = 0;                         // inclusive
  std::string effect;                  // e.g. "volatility × 1.5"
  std::vector<std::string> variables;  // the variables whose equations it changes
};

struct ScenarioReport {
  std::string name;
  std::string description;
  int paths = 0;  // number of Monte Carlo paths
  std::vector<ReportLever> levers;
  std::vector<ScenarioWindow> windows;
  std::vector<FanChart> fans;
  std::vector<OnTrackProbability> on_track;
  // Where the scenario's model and the report disagree (other store, series, units or
  // frequency), each a sentence shown at the top of the scenario section.
  std::vector<std::string> warnings;
};

// The rolling-origin forecast evaluation (`triad evaluate`), when the report ran it: one row per
// horizon and model. DM is NaN for the no-change benchmark itself.
struct ForecastSkillRow {
  int horizon = 0;
  std::string model;  // its label, e.g. "VAR + drivers"
  int forecasts = 0;
  double crps = 0, crps_ratio = 0, coverage50 = 0, coverage90 = 0;
  double dm_statistic = 0, dm_p_value = 0;  // HLN-corrected, against no-change
};

struct ForecastSkillReport {
  std::string summary;  // data, origins and horizons in words
  std::vector<ForecastSkillRow> rows;
};

struct SourceFile {
  std::string name;
  std::int64_t rows = 0;
  std::int64_t accepted = 0;
  std::int64_t rejected = 0;
  std::optional<Day> first;  // first and last event dates in the file
  std::optional<Day> last;
};

struct Provenance {
  std::vector<SourceFile> files;
  std::string store_path;
  std::vector<std::string> warnings;
};

// A window of the bundled calendar (codebook/calendar.hpp) that the charts shade: elections of
// the triad's countries and the summits, within the report's dates.
struct CalendarMark {
  std::string id;    // "us-president-2024"
  std::string name;  // "US presidential election 2024"
  std::string kind;
  Day start = 0, end = 0;
  std::string source;
};

struct ReportModel {
  // The language of the page's words (`--lang`); the model's own texts (names, notes, warnings
  // from the analysis) are as given. JSON key "lang", written only when not English.
  Language language = Language::kEnglish;
  std::string title;
  std::vector<std::string> actors;  // e.g. {"CHN", "USA", "JPN"}
  std::string generated_at;         // ISO 8601 timestamp, as given
  std::string triad_version;
  std::string command_line;
  std::string index_units;  // what one unit of the index is, in words
  std::string frequency;    // "day", "week", "month"
  std::vector<DyadReport> dyads;
  std::vector<CalendarMark> calendar;  // shaded on the dyads' charts
  std::optional<TriangleSnapshot> triangle;
  std::optional<TriangleTimelineReport> timeline;
  std::optional<DriverReport> drivers;
  std::optional<ScenarioReport> scenario;
  std::optional<ForecastSkillReport> evaluation;
  Provenance provenance;
};

nlohmann::json ToJson(const ReportModel& model);
// Throws an input error naming the field (e.g. "dyads[1].level_lo") when a field is missing,
// has the wrong type, or a parallel vector has the wrong length. `source` names the file.
ReportModel ReportModelFromJson(const nlohmann::json& json, const std::string& source = "");

}  // namespace triad
