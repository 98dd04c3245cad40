#include "outputs/report_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "outputs/localized_terms.hpp"
#include "outputs/messages.hpp"
#include "outputs/svg_ticks.hpp"

namespace triad {
namespace {

// Index of the last finite value, or -1.
int LastFinite(const std::vector<double>& v) {
  for (std::size_t i = v.size(); i-- > 0;)
    if (std::isfinite(v[i])) return static_cast<int>(i);
  return -1;
}

std::string Percent(double p) {
  return FormatNumber(100 * p, 0) + "%";
}

std::string TriangleSentence(const ReportModel& m) {
  const Language lang = m.language;
  const TriangleSnapshot& t = *m.triangle;
  std::string type = t.type == TriangleType::kUnknown
                         ? std::string(Message(lang, "summary.unknown_type"))
                         : TriangleTypeLabel(lang, t.type);
  if (!t.roles.empty())
    type += FormatMessage(lang, "summary.roles", RoleDetailsTextLabel(lang, t.roles));
  double p = kMissing;
  if (const int k = static_cast<int>(t.type); k < kDittmerTypes) p = t.type_probability[k];
  std::string out = FormatMessage(lang, "summary.triangle", t.actors[0], t.actors[1], t.actors[2],
                                  FormatDate(t.date), type);
  if (std::isfinite(p)) out += FormatMessage(lang, "summary.probability", Percent(p));
  if (m.timeline && !m.timeline->changes.empty()) {
    const auto& last = m.timeline->changes.back();
    out += FormatMessage(lang, "summary.since", FormatDate(last.date),
                         StructureLabel(lang, last.from));
  }
  return out + std::string(Message(lang, "summary.end"));
}

// The label of a variance source: "own" and "other dyads" are words, the rest variable names.
std::string ShareSource(Language lang, const std::string& source) {
  if (source == "own") return std::string(Message(lang, "drivers.source_own"));
  if (source == "other dyads") return std::string(Message(lang, "drivers.source_other_dyads"));
  return source;
}

// Per dyad, its largest variance source other than itself.
std::string DriversSentence(const DriverReport& d, Language lang) {
  std::vector<std::string> parts;
  for (const auto& row : d.fevd) {
    int own = -1, top = -1;
    for (std::size_t s = 0; s < row.shares.size(); ++s) {
      if (d.share_sources[s] == "own") {
        own = static_cast<int>(s);
        continue;
      }
      if (std::isfinite(row.shares[s]) && (top < 0 || row.shares[s] > row.shares[top]))
        top = static_cast<int>(s);
    }
    std::string part = FormatMessage(lang, "summary.dyad", row.dyad);
    if (own >= 0) part += FormatMessage(lang, "summary.share_own", Percent(row.shares[own]));
    if (top >= 0)
      part += FormatMessage(lang, "summary.share_top",
                            own >= 0 ? std::string(Message(lang, "summary.then")) : "",
                            ShareSource(lang, d.share_sources[top]), Percent(row.shares[top]));
    parts.push_back(part);
  }
  std::string out =
      FormatMessage(lang, "summary.drivers", d.fevd_horizon, PeriodNameLabel(lang, d.period_name));
  const std::string separator(Message(lang, "summary.separator"));
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
  return out + std::string(Message(lang, "summary.end"));
}

std::string ScenarioSentence(const ScenarioReport& s, Language lang) {
  std::string out(Message(lang, "summary.scenario"));
  if (!s.name.empty()) out += FormatMessage(lang, "summary.scenario_name", s.name);
  std::vector<std::string> parts;
  for (const auto& p : s.on_track) {
    if (!std::isfinite(p.with_levers)) continue;
    std::string part = FormatMessage(lang, "summary.with_levers", p.target, Percent(p.with_levers));
    if (std::isfinite(p.baseline))
      part += FormatMessage(lang, "summary.without_levers", Percent(p.baseline));
    parts.push_back(part);
  }
  if (parts.empty()) return out + std::string(Message(lang, "summary.no_on_track"));
  out += Message(lang, "summary.on_track");
  const std::string separator(Message(lang, "summary.separator"));
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
  return out + std::string(Message(lang, "summary.end"));
}

}  // namespace

std::optional<MomentumDirection> DirectionOf(const DyadReport& d) {
  if (d.direction) return d.direction;
  const IntervalEstimate& m = d.momentum;
  if (!std::isfinite(m.value) && !std::isfinite(m.lo) && !std::isfinite(m.hi)) return std::nullopt;
  return DirectionOfInterval(m.lo, m.hi);
}

std::string DirectionWord(const DyadReport& d, Language language) {
  const auto direction = DirectionOf(d);
  return direction ? DirectionLabel(language, *direction)
                   : std::string(Message(language, "direction.unknown"));
}

int DisplayDecimals(double typical_magnitude) {
  const double a = std::fabs(typical_magnitude);
  if (!std::isfinite(a) || a < 10) return 2;
  if (a < 100) return 1;
  return 0;
}

double TypicalMagnitude(const DyadReport& d) {
  double m = 0.0;
  for (const auto* v : {&d.index, &d.level})
    for (double x : *v)
      if (std::isfinite(x)) m = std::max(m, std::fabs(x));
  return m > 0 ? m : 1.0;
}

std::string DyadSummary(const DyadReport& d, Language lang) {
  const int dec = DisplayDecimals(TypicalMagnitude(d));
  std::string out = FormatMessage(lang, "summary.dyad", d.name);
  int i = LastFinite(d.level);
  double value = kMissing, half = kMissing;
  if (i >= 0) {
    value = d.level[i];
    if (static_cast<std::size_t>(i) < d.level_lo.size() &&
        static_cast<std::size_t>(i) < d.level_hi.size())
      half = (d.level_hi[i] - d.level_lo[i]) / 2;
  } else if ((i = LastFinite(d.index)) >= 0) {
    value = d.index[i];
    if (static_cast<std::size_t>(i) < d.index_se.size()) half = 1.6448536269514722 * d.index_se[i];
  }
  if (i < 0) return out + std::string(Message(lang, "summary.no_data"));
  const std::string interval =
      std::isfinite(half) ? FormatMessage(lang, "summary.level_interval", FormatNumber(half, dec))
                          : "";
  out += FormatMessage(lang, "summary.level", FormatNumber(value, dec, true), interval,
                       FormatDate(d.dates[i]));
  if (std::isfinite(d.momentum.value)) {
    const std::string momentum_interval =
        std::isfinite(d.momentum.lo) && std::isfinite(d.momentum.hi)
            ? FormatMessage(lang, "summary.momentum_interval",
                            FormatNumber(d.momentum.lo, dec, true),
                            FormatNumber(d.momentum.hi, dec, true))
            : "";
    out += FormatMessage(lang, "summary.momentum", DirectionWord(d, lang),
                         FormatNumber(d.momentum.value, dec, true), momentum_interval);
  }
  if (d.floor && std::isfinite(*d.floor))
    out += FormatMessage(lang, value >= *d.floor ? "summary.above_floor" : "summary.below_floor",
                         FormatNumber(*d.floor, dec, true));
  return out + std::string(Message(lang, "summary.end"));
}

std::vector<std::string> SummaryLines(const ReportModel& m) {
  std::vector<std::string> lines;
  for (const auto& d : m.dyads) lines.push_back(DyadSummary(d, m.language));
  if (m.triangle) lines.push_back(TriangleSentence(m));
  if (m.drivers && !m.drivers->fevd.empty())
    lines.push_back(DriversSentence(*m.drivers, m.language));
  if (m.scenario) lines.push_back(ScenarioSentence(*m.scenario, m.language));
  if (!m.provenance.warnings.empty()) {
    const auto n = static_cast<long long>(m.provenance.warnings.size());
    lines.push_back(FormatMessage(m.language, PluralKey("summary.warnings", n), n));
  }
  return lines;
}

}  // namespace triad
