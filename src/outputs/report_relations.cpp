// The report's sections on the dyads and the triangle.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "outputs/html_escape.hpp"
#include "outputs/report_sections.hpp"
#include "outputs/report_summary.hpp"
#include "outputs/svg_chart.hpp"
#include "outputs/svg_triangle.hpp"

namespace triad {

const std::array<const char*, 4> kTriangleTypeColours = {colour::kGreen, colour::kOrange,
                                                         colour::kBlue, colour::kVermillion};

namespace {

constexpr double kZ90 = 1.6448536269514722;

std::string Percent(double p) {
  return std::isfinite(p) ? FormatNumber(100 * p, 0) + "%" : "–";
}

std::vector<double> Offset(const std::vector<double>& v, const std::vector<double>& se, double z) {
  std::vector<double> out(v.size(), kMissing);
  for (std::size_t i = 0; i < v.size() && i < se.size(); ++i) out[i] = v[i] + z * se[i];
  return out;
}

std::string DyadCard(const DyadReport& d, std::size_t index, double x_lo, double x_hi,
                     const std::string& units) {
  const int dec = DisplayDecimals(TypicalMagnitude(d));
  const std::string hue = SeriesColour(index);
  const auto x = DaysAsX(d.dates);
  const auto whisker_lo = Offset(d.index, d.index_se, -kZ90);
  const auto whisker_hi = Offset(d.index, d.index_se, kZ90);
  std::vector<double> floor_v;
  if (d.floor) floor_v.push_back(*d.floor);
  auto range = FiniteRange(
      {&d.index, &whisker_lo, &whisker_hi, &d.level_lo, &d.level_hi, &d.level, &floor_v});
  XYChart::Options opt;
  opt.height = 250;
  opt.y_label = units.empty() ? "index" : units;
  XYChart index_chart(opt, x_lo, x_hi, range.lo, range.hi);
  index_chart.Whiskers(x, whisker_lo, whisker_hi, "#C4C9CF");
  std::vector<std::string> titles;
  for (std::size_t i = 0; i < d.index.size(); ++i) {
    std::string t = FormatDate(d.dates[i]) + ": " + FormatNumber(d.index[i], dec, true);
    if (i < d.index_se.size() && std::isfinite(d.index_se[i]))
      t += " (s.e. " + FormatNumber(d.index_se[i], dec) + ")";
    titles.push_back(t);
  }
  index_chart.Points(x, d.index, "#9AA1A9", 1.8, titles);
  index_chart.Band(x, d.level_lo, d.level_hi, hue, 0.25);
  index_chart.Line(x, d.level, hue, 2.2, Stroke::kSolid, d.name + " smoothed level");
  if (d.floor)
    index_chart.HRule(*d.floor, colour::kVermillion, Stroke::kDashed,
                      "floor " + FormatNumber(*d.floor, dec, true));

  auto srange = FiniteRange({&d.slope, &d.slope_lo, &d.slope_hi});
  XYChart::Options mopt;
  mopt.height = 150;
  mopt.y_label = "per 30 days";
  mopt.y_ticks = 4;
  XYChart momentum_chart(mopt, x_lo, x_hi, std::min(0.0, srange.lo), std::max(0.0, srange.hi));
  momentum_chart.Band(x, d.slope_lo, d.slope_hi, hue, 0.25);
  momentum_chart.Line(x, d.slope, hue, 2.0, Stroke::kSolid, d.name + " momentum");
  momentum_chart.HRule(0.0, "#6E7781", Stroke::kSolid, "");

  const std::string direction = d.direction.empty() ? MomentumDirection(d.momentum) : d.direction;
  std::string out = fmt::format(
      "<article class=\"card\">\n<h3>{} <span class=\"badge {}\">{}</span></h3>\n"
      "<p class=\"lede\">{}</p>\n",
      HtmlEscape(d.name),
      direction == "improving"   ? "up"
      : direction == "worsening" ? "down"
                                 : "flat",
      HtmlEscape(direction), HtmlEscape(DyadSummary(d)));
  std::vector<LegendItem> legend = {{"index (90% whiskers)", "#9AA1A9", SwatchKind::kPoint},
                                    {"smoothed level", hue, SwatchKind::kLine},
                                    {"90% band", hue, SwatchKind::kBand}};
  if (d.floor) legend.push_back({"floor", colour::kVermillion, SwatchKind::kDashed});
  out += LegendHtml(legend);
  out += index_chart.Svg(d.name + " relation index and smoothed level");
  out += "<h4>Momentum: smoothed slope, index units per 30 days, with 90% band</h4>\n";
  out += momentum_chart.Svg(d.name + " momentum");
  return out + "</article>\n";
}

std::string ProbabilityTable(const TriangleSnapshot& t) {
  std::string rows;
  int best = -1;
  for (int k = 0; k < 4; ++k)
    if (std::isfinite(t.type_probability[k]) &&
        (best < 0 || t.type_probability[k] > t.type_probability[best]))
      best = k;
  for (int k = 0; k < 4; ++k) {
    const double p = t.type_probability[k];
    rows += fmt::format(
        "<tr{}><td><span class=\"swatch\" style=\"background:{}\"></span>{}</td>"
        "<td class=\"num\">{}</td><td class=\"bar\"><span style=\"width:{:.1f}%;background:{}\">"
        "</span></td></tr>\n",
        k == best ? " class=\"best\"" : "", kTriangleTypeColours[k], kTriangleTypeNames[k],
        Percent(p), std::isfinite(p) ? 100 * std::clamp(p, 0.0, 1.0) : 0.0,
        kTriangleTypeColours[k]);
  }
  return "<table class=\"probs\"><thead><tr><th>type</th><th class=\"num\">probability</th>"
         "<th></th></tr></thead><tbody>\n" +
         rows + "</tbody></table>\n";
}

std::string EdgeTable(const TriangleSnapshot& t) {
  static constexpr int kEnds[3][2] = {{0, 1}, {0, 2}, {1, 2}};
  std::string rows;
  for (int d = 0; d < 3; ++d)
    rows += fmt::format("<tr><td>{}–{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
                        HtmlEscape(t.actors[kEnds[d][0]]), HtmlEscape(t.actors[kEnds[d][1]]),
                        FormatNumber(t.edges[d], 2, true),
                        t.signs[d] > 0   ? "friendly (+)"
                        : t.signs[d] < 0 ? "hostile (−)"
                                         : "neutral or unknown");
  return "<table class=\"edges\"><thead><tr><th>dyad</th><th class=\"num\">index</th>"
         "<th>sign</th></tr></thead><tbody>\n" +
         rows + "</tbody></table>\n";
}

std::string Timeline(const TriangleTimelineReport& tl) {
  if (tl.dates.empty()) return "";
  const auto x = DaysAsX(tl.dates);
  std::vector<std::vector<double>> layers(4, std::vector<double>(tl.dates.size()));
  for (std::size_t i = 0; i < tl.dates.size(); ++i)
    for (int k = 0; k < 4; ++k) layers[k][i] = tl.type_probability[i][k];
  XYChart::Options opt;
  opt.height = 220;
  opt.y_label = "probability";
  XYChart chart(opt, x.front(), x.back(), 0.0, 1.0);
  chart.StackedAreas(x, layers, {kTriangleTypeColours.begin(), kTriangleTypeColours.end()},
                     {kTriangleTypeNames.begin(), kTriangleTypeNames.end()});
  for (const auto& c : tl.changes)
    chart.VMarker(c.date, colour::kInk, FormatDate(c.date) + ": " + c.from + " → " + c.to);
  std::vector<LegendItem> legend;
  for (int k = 0; k < 4; ++k)
    legend.push_back({kTriangleTypeNames[k], kTriangleTypeColours[k], SwatchKind::kBlock});
  legend.push_back({"change of the most likely structure", colour::kInk, SwatchKind::kDashed});
  std::string out =
      "<h3>Type probabilities over time</h3>\n"
      "<p class=\"note\">Each period's probability of the four types when each dyad's index is "
      "Normal with its estimate and standard error; gaps are periods with missing data.</p>\n";
  out += LegendHtml(legend) + chart.Svg("Triangle type probabilities over time");
  if (!tl.changes.empty()) {
    out +=
        "<table class=\"changes\"><thead><tr><th>from</th><th>most likely before</th>"
        "<th>most likely after</th></tr></thead><tbody>\n";
    for (const auto& c : tl.changes)
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", FormatDate(c.date),
                         HtmlEscape(c.from), HtmlEscape(c.to));
    out += "</tbody></table>\n";
  }
  return out;
}

}  // namespace

std::string RelationsSection(const ReportModel& m) {
  if (m.dyads.empty()) return "";
  Day lo = 0, hi = 0;
  bool any = false;
  for (const auto& d : m.dyads)
    for (Day day : d.dates) {
      lo = any ? std::min(lo, day) : day;
      hi = any ? std::max(hi, day) : day;
      any = true;
    }
  std::string out =
      "<section id=\"relations\">\n<h2>Relations</h2>\n"
      "<p class=\"note\">Grey dots: the measured index per period with 90% whiskers (± 1.645 "
      "s.e.). Line and band: the Kalman-smoothed level of a local linear trend model and its "
      "90% band. Below each: the momentum, the smoothed slope.</p>\n";
  for (std::size_t i = 0; i < m.dyads.size(); ++i)
    out += DyadCard(m.dyads[i], i, lo, hi, m.index_units);
  return out + "</section>\n";
}

std::string TriangleSection(const ReportModel& m) {
  if (!m.triangle && !m.timeline) return "";
  std::string out = "<section id=\"triangle\">\n<h2>The triangle</h2>\n";
  if (m.triangle) {
    const auto& t = *m.triangle;
    out += fmt::format(
        "<div class=\"split\">\n<figure>{}</figure>\n<div>\n<h3>{} on {}</h3>\n"
        "<p class=\"lede\">{}</p>\n",
        TriangleDiagramSvg(t), HtmlEscape(t.type.empty() ? "Type unknown" : t.type),
        FormatDate(t.date), HtmlEscape(t.roles));
    out += ProbabilityTable(t) + EdgeTable(t);
    out +=
        "<p class=\"note\">Solid blue: friendly (index above the neutral band); dashed "
        "vermillion: hostile; dotted grey: neutral or unknown. Line width grows with the "
        "size of the index.</p>\n</div>\n</div>\n";
  }
  if (m.timeline) out += Timeline(*m.timeline);
  return out + "</section>\n";
}

}  // namespace triad
