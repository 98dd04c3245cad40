#include "cli/triad_json.hpp"

#include <cmath>

namespace triad::cli {

nlohmann::json JsonNumber(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json();
}

namespace {

nlohmann::json IntervalJson(const Interval90& i) {
  return {{"estimate", JsonNumber(i.estimate)},
          {"se", JsonNumber(i.se)},
          {"lower_90", JsonNumber(i.lower)},
          {"upper_90", JsonNumber(i.upper)}};
}

}  // namespace

nlohmann::json DyadStateJson(const DyadState& d) {
  nlohmann::json j = {{"dyad", d.dyad.Label()},
                      {"asof_period", d.asof ? FormatDate(d.asof) : ""},
                      {"level", d.level ? IntervalJson(*d.level) : nlohmann::json()},
                      {"change", d.change ? JsonNumber(*d.change) : nlohmann::json()},
                      {"events_in_window", d.events_in_window},
                      {"se_from_model", d.se_from_model}};
  j["latest_index"] = d.latest ? nlohmann::json{{"period", FormatDate(d.latest->period)},
                                                {"value", JsonNumber(d.latest->value)},
                                                {"se", JsonNumber(d.latest->se)},
                                                {"events", d.latest->events}}
                               : nlohmann::json();
  // The as-of period's index against its one-step-ahead 90% forecast band (follow's alerts).
  j["forecast_90"] = d.forecast ? nlohmann::json{{"period", FormatDate(d.forecast->period)},
                                                 {"value", JsonNumber(d.forecast->value)},
                                                 {"forecast", JsonNumber(d.forecast->forecast)},
                                                 {"lower_90", JsonNumber(d.forecast->lower)},
                                                 {"upper_90", JsonNumber(d.forecast->upper)},
                                                 {"outside", d.forecast->outside}}
                                : nlohmann::json();
  // What the trend fit cannot support (a variance at zero, a straight-line slope, starts that
  // disagree), keyed for machines; the messages are among the state's warnings.
  j["trend_fit_warnings"] = nlohmann::json::array();
  for (const TrendFitWarning& w : d.fit_warnings)
    j["trend_fit_warnings"].push_back({{"key", w.key}, {"message", w.message}});
  j["momentum_per_30_days"] =
      d.momentum ? nlohmann::json{{"estimate", JsonNumber(d.momentum->per_30_days)},
                                  {"se", JsonNumber(d.momentum->standard_error)},
                                  {"lower_90", JsonNumber(d.momentum->lower)},
                                  {"upper_90", JsonNumber(d.momentum->upper)},
                                  {"direction", MomentumDirectionName(d.momentum->direction)}}
                 : nlohmann::json();
  return j;
}

nlohmann::json TriangleNowJson(const TriadState& s) {
  const TrianglePeriodResult* now = s.TriangleNow();
  if (!now) return nullptr;
  const TriangleProbabilities& p = now->probabilities;
  nlohmann::json t = {
      {"basis", TriangleBasisName(s.triangle.basis)},
      {"period", FormatDate(now->date)},
      {"type", TriangleTypeKey(p.most_likely_roles.type)},
      {"structure", DescribeRoles(s.triangle.actors, p.most_likely_roles)},
      {"probability", JsonNumber(p.most_likely_roles_probability)},
      {"since", s.triangle.timeline.current_since
                    ? nlohmann::json(FormatDate(*s.triangle.timeline.current_since))
                    : nlohmann::json()},
      {"changes_in_range", s.triangle.timeline.changes.size()},
      {"period_to_period_changes", s.triangle.timeline.raw_changes},
      {"persist", s.triangle.timeline.persist},
      {"persistent_structure",
       s.triangle.timeline.current
           ? nlohmann::json(DescribeRoles(s.triangle.actors, *s.triangle.timeline.current))
           : nlohmann::json()},
      {"pending_structure",
       s.triangle.timeline.pending
           ? nlohmann::json(DescribeRoles(s.triangle.actors, *s.triangle.timeline.pending))
           : nlohmann::json()},
      {"pending_periods", s.triangle.timeline.pending_periods},
      {"p_balanced", JsonNumber(p.p_balanced)},
      {"balance_degree", JsonNumber(p.balance_degree)},
      {"p_indeterminate", JsonNumber(p.p_indeterminate)}};
  for (int k = 0; k < kDittmerTypes; ++k)
    t["type_probability"][std::string(TriangleTypeKey(static_cast<TriangleType>(k)))] =
        JsonNumber(p.type_probability[static_cast<std::size_t>(k)]);
  return t;
}

nlohmann::json NowJson(const TriadState& s) {
  nlohmann::json j = {{"actors", s.query.actors},
                      {"asof", FormatDate(s.plan.to)},
                      {"freq", FrequencyName(s.plan.freq)},
                      {"source", s.source},
                      {"baseline", BaselineName(s.indices[0].baseline)},
                      {"units", s.indices[0].units},
                      {"min_events", s.index.min_events},
                      {"sector", s.index.series.sector.Text()},
                      {"triangle", TriangleNowJson(s)},
                      {"notes", s.notes},
                      {"warnings", s.warnings}};
  j["dyads"] = nlohmann::json::array();
  for (const DyadState& d : s.dyads) j["dyads"].push_back(DyadStateJson(d));
  return j;
}

}  // namespace triad::cli
