#include "analysis/triad_alerts.hpp"

#include <fmt/format.h>

#include <cmath>

namespace triad {
namespace {

nlohmann::json Number(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json();
}

std::string ActorsKey(const TriadState& s) {
  return fmt::format("{}-{}-{}", s.query.actors[0], s.query.actors[1], s.query.actors[2]);
}

}  // namespace

nlohmann::json AlertMemory::ToJson() const {
  return {{"asof", asof ? nlohmann::json(FormatDate(*asof)) : nlohmann::json()},
          {"structure", structure ? nlohmann::json(*structure) : nlohmann::json()},
          {"signs", signs}};
}

AlertMemory AlertMemory::FromJson(const nlohmann::json& j) {
  AlertMemory m;
  if (!j.is_object()) return m;
  if (j.contains("asof") && j["asof"].is_string()) m.asof = ParseDate(j["asof"].get<std::string>());
  if (j.contains("structure") && j["structure"].is_string())
    m.structure = j["structure"].get<std::string>();
  if (j.contains("signs") && j["signs"].is_object())
    for (auto& [k, v] : j["signs"].items())
      if (v.is_string()) m.signs[k] = v.get<std::string>();
  return m;
}

nlohmann::json TriadAlert::ToJson() const {
  return {{"id", id},
          {"kind", kind},
          {"dyad", dyad.empty() ? nlohmann::json() : nlohmann::json(dyad)},
          {"period", FormatDate(period)},
          {"message", message},
          {"evidence", evidence}};
}

std::vector<TriadAlert> DetectAlerts(const TriadState& s, AlertMemory* memory) {
  std::vector<TriadAlert> alerts;
  const bool first = !memory->asof.has_value();
  const Day period = s.plan.to;
  const std::string actors = ActorsKey(s);
  auto make = [&](std::string kind, std::string dyad, std::string message,
                  nlohmann::json evidence) {
    TriadAlert a;
    a.kind = std::move(kind);
    a.dyad = std::move(dyad);
    a.period = period;
    a.id = fmt::format("{}/{}/{}/{}", a.kind, actors, a.dyad.empty() ? "triangle" : a.dyad,
                       FormatDate(period));
    a.message = std::move(message);
    a.evidence = std::move(evidence);
    alerts.push_back(std::move(a));
  };

  // The persistent structure.
  const TriangleTimeline& timeline = s.triangle.timeline;
  std::optional<std::string> structure;
  if (timeline.current) structure = DescribeRoles(s.triangle.actors, *timeline.current);
  if (!first && structure && structure != memory->structure) {
    const TrianglePeriodResult* now = s.TriangleNow();
    make("structure", "",
         fmt::format("{}: the triangle is now {} (since {}; was {})", actors, *structure,
                     timeline.current_since ? FormatDate(*timeline.current_since) : "?",
                     memory->structure ? *memory->structure : "no persistent structure"),
         {{"from", memory->structure ? nlohmann::json(*memory->structure) : nlohmann::json()},
          {"to", *structure},
          {"since", timeline.current_since ? nlohmann::json(FormatDate(*timeline.current_since))
                                           : nlohmann::json()},
          {"persist", timeline.persist},
          {"probability",
           now ? Number(now->probabilities.most_likely_roles_probability) : nlohmann::json()},
          {"basis", TriangleBasisName(s.triangle.basis)}});
  }
  // A range without a persistent structure (re-smoothing with new data can take one away) keeps
  // the last structure announced: the next one is compared with what the analyst was told.
  if (structure) memory->structure = structure;

  for (const DyadState& d : s.dyads) {
    const std::string label = d.dyad.Label();
    // Momentum that now excludes zero with a new sign.
    if (d.momentum && d.momentum->direction != MomentumDirection::kSteady) {
      const std::string sign(MomentumDirectionName(d.momentum->direction));
      auto last = memory->signs.find(label);
      const bool turned = last == memory->signs.end() || last->second != sign;
      if (!first && turned)
        make("momentum", label,
             fmt::format("{}: momentum is now {} ({:+.3f} per 30 days, 90% interval [{:+.3f}, "
                         "{:+.3f}]; last sign {})",
                         label, sign, d.momentum->per_30_days, d.momentum->lower, d.momentum->upper,
                         last == memory->signs.end() ? "none since following began" : last->second),
             {{"direction", sign},
              {"previous",
               last == memory->signs.end() ? nlohmann::json() : nlohmann::json(last->second)},
              {"per_30_days", Number(d.momentum->per_30_days)},
              {"lower_90", Number(d.momentum->lower)},
              {"upper_90", Number(d.momentum->upper)}});
      memory->signs[label] = sign;
    }
    // The period's index outside its forecast band.
    if (!first && d.forecast && d.forecast->outside) {
      const ForecastCheck& f = *d.forecast;
      make("forecast", label,
           fmt::format(
               "{}: the index of {} ({:+.3f}) is {} its 90% forecast band [{:+.3f}, {:+.3f}]",
               label, FormatDate(f.period), f.value, f.value > f.upper ? "above" : "below", f.lower,
               f.upper),
           {{"value", Number(f.value)},
            {"forecast", Number(f.forecast)},
            {"lower_90", Number(f.lower)},
            {"upper_90", Number(f.upper)},
            {"events", d.latest ? d.latest->events : 0}});
    }
  }
  memory->asof = period;
  return alerts;
}

}  // namespace triad
