#include "outputs/report_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

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
  const TriangleSnapshot& t = *m.triangle;
  std::string type =
      t.type == TriangleType::kUnknown ? "of unknown type" : std::string(TriangleTypeName(t.type));
  if (!t.roles.empty()) type += " (" + t.roles + ")";
  double p = kMissing;
  if (const int k = static_cast<int>(t.type); k < kDittmerTypes) p = t.type_probability[k];
  std::string out = fmt::format("Triangle {}–{}–{} on {}: {}", t.actors[0], t.actors[1],
                                t.actors[2], FormatDate(t.date), type);
  if (std::isfinite(p)) out += fmt::format(", probability {}", Percent(p));
  if (m.timeline && !m.timeline->changes.empty()) {
    const auto& last = m.timeline->changes.back();
    out += fmt::format("; most likely since {} (before: {})", FormatDate(last.date), last.from);
  }
  return out + ".";
}

// Per dyad, its largest variance source other than itself.
std::string DriversSentence(const DriverReport& d) {
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
    std::string part = row.dyad + ": ";
    if (own >= 0) part += fmt::format("{} own", Percent(row.shares[own]));
    if (top >= 0)
      part += fmt::format("{}{} {}", own >= 0 ? ", then " : "", d.share_sources[top],
                          Percent(row.shares[top]));
    parts.push_back(part);
  }
  std::string out = fmt::format("What moves each dyad ({}-{} forecast variance): ", d.fevd_horizon,
                                d.period_name.empty() ? "period" : d.period_name);
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out + ".";
}

std::string ScenarioSentence(const ScenarioReport& s) {
  std::string out = "Scenario";
  if (!s.name.empty()) out += " \"" + s.name + "\"";
  std::vector<std::string> parts;
  for (const auto& p : s.on_track) {
    if (!std::isfinite(p.with_levers)) continue;
    std::string part = fmt::format("{}: {} with the levers", p.target, Percent(p.with_levers));
    if (std::isfinite(p.baseline)) part += fmt::format(" vs {} without", Percent(p.baseline));
    parts.push_back(part);
  }
  if (parts.empty()) return out + ": no on-track probabilities computed.";
  out += ": chance of staying on track — ";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out + ".";
}

}  // namespace

std::optional<MomentumDirection> DirectionOf(const DyadReport& d) {
  if (d.direction) return d.direction;
  const IntervalEstimate& m = d.momentum;
  if (!std::isfinite(m.value) && !std::isfinite(m.lo) && !std::isfinite(m.hi)) return std::nullopt;
  return DirectionOfInterval(m.lo, m.hi);
}

std::string DirectionWord(const DyadReport& d) {
  const auto direction = DirectionOf(d);
  return direction ? std::string(MomentumDirectionName(*direction)) : "unknown";
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

std::string DyadSummary(const DyadReport& d) {
  const int dec = DisplayDecimals(TypicalMagnitude(d));
  std::string out = d.name + ": ";
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
  if (i < 0) return out + "no data.";
  out += FormatNumber(value, dec, true);
  if (std::isfinite(half)) out += " ± " + FormatNumber(half, dec) + " (90% interval)";
  out += " on " + FormatDate(d.dates[i]);
  if (std::isfinite(d.momentum.value)) {
    out += fmt::format(", {} ({} per 30 days", DirectionWord(d),
                       FormatNumber(d.momentum.value, dec, true));
    if (std::isfinite(d.momentum.lo) && std::isfinite(d.momentum.hi))
      out += fmt::format(", 90% interval {}..{}", FormatNumber(d.momentum.lo, dec, true),
                         FormatNumber(d.momentum.hi, dec, true));
    out += ")";
  }
  if (d.floor && std::isfinite(*d.floor))
    out += fmt::format("; {} its floor of {}", value >= *d.floor ? "above" : "below",
                       FormatNumber(*d.floor, dec, true));
  return out + ".";
}

std::vector<std::string> SummaryLines(const ReportModel& m) {
  std::vector<std::string> lines;
  for (const auto& d : m.dyads) lines.push_back(DyadSummary(d));
  if (m.triangle) lines.push_back(TriangleSentence(m));
  if (m.drivers && !m.drivers->fevd.empty()) lines.push_back(DriversSentence(*m.drivers));
  if (m.scenario) lines.push_back(ScenarioSentence(*m.scenario));
  if (!m.provenance.warnings.empty())
    lines.push_back(fmt::format("{} warning{} about the data: see Provenance.",
                                m.provenance.warnings.size(),
                                m.provenance.warnings.size() == 1 ? "" : "s"));
  return lines;
}

}  // namespace triad
