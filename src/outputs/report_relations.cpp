// The report's sections on the dyads and the triangle.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "common/normal.hpp"
#include "outputs/chart_downloads.hpp"
#include "outputs/html_escape.hpp"
#include "outputs/report_sections.hpp"
#include "outputs/report_summary.hpp"
#include "outputs/svg_chart.hpp"
#include "outputs/svg_triangle.hpp"

namespace triad {

const std::array<const char*, 4> kTriangleTypeColours = {colour::kGreen, colour::kOrange,
                                                         colour::kBlue, colour::kVermillion};

namespace {

std::string Percent(double p) {
  return std::isfinite(p) ? FormatNumber(100 * p, 0) + "%" : "–";
}

std::vector<double> Offset(const std::vector<double>& v, const std::vector<double>& se, double z) {
  std::vector<double> out(v.size(), kMissing);
  for (std::size_t i = 0; i < v.size() && i < se.size(); ++i) out[i] = v[i] + z * se[i];
  return out;
}

// The 1st and 99th percentiles of the finite values (empty when there are none).
std::vector<double> RobustSpan(const std::vector<double>& values) {
  std::vector<double> v;
  for (double x : values)
    if (std::isfinite(x)) v.push_back(x);
  if (v.empty()) return v;
  std::sort(v.begin(), v.end());
  const auto at = [&](double q) { return v[static_cast<std::size_t>(q * (v.size() - 1) + 0.5)]; };
  return {at(0.01), at(0.99)};
}

// A link only to an http(s) article: a URL from the data could say javascript:, and the page
// must stay inert. The link opens a new page without sending where it came from.
std::string EventLinkHtml(const EventLink& e) {
  const bool web = e.url.rfind("https://", 0) == 0 || e.url.rfind("http://", 0) == 0;
  if (!web) return HtmlEscape(e.description);
  return fmt::format("<a href=\"{}\" rel=\"noreferrer noopener\" target=\"_blank\">{}</a>",
                     HtmlEscape(e.url), HtmlEscape(e.description));
}

// The largest moves of the raw index, each with the events that pulled it (`triad events`).
std::string MovesHtml(const DyadReport& d) {
  if (d.moves.empty()) return "";
  std::string out =
      "<h4>Largest moves of the index, and the events that pulled it that way</h4>\n"
      "<ul class=\"moves\">\n";
  for (const IndexMove& m : d.moves) {
    out += fmt::format("<li>{}: {} from the period before<ul>\n", FormatDate(m.period),
                       FormatNumber(m.change, 2, true));
    for (const EventLink& e : m.events)
      out +=
          fmt::format("<li>{} {}: {} (Goldstein {})</li>\n", FormatDate(e.date),
                      HtmlEscape(e.actors), EventLinkHtml(e), FormatNumber(e.goldstein, 1, true));
    out += "</ul></li>\n";
  }
  return out +
         "</ul>\n<p class=\"note\">For a rise, the events with the most positive pull on "
         "the index (Goldstein × weight) first; for a fall, the most negative; links go to the "
         "articles GDELT coded, and nothing is fetched until "
         "one is opened. <code>triad events</code> lists them all.</p>\n";
}

// Shades the calendar's windows on a chart: labelled on the index chart, tooltips only on the
// momentum chart under it. Returns whether any is visible.
bool ShadeCalendar(XYChart& chart, const std::vector<CalendarMark>& calendar, bool labels) {
  bool any = false;
  for (const CalendarMark& c : calendar)
    any |= chart.VSpan(c.start, c.end + 1.0, "#E6E8EB", labels ? c.name : "",
                       fmt::format("{} ({} .. {}; source: {})", c.name, FormatDate(c.start),
                                   FormatDate(c.end), c.source));
  return any;
}

std::string DyadCard(const DyadReport& d, std::size_t index, double x_lo, double x_hi,
                     const std::vector<CalendarMark>& calendar) {
  const int dec = DisplayDecimals(TypicalMagnitude(d));
  const std::string hue = SeriesColour(index);
  const auto x = DaysAsX(d.dates);
  const auto whisker_lo = Offset(d.index, d.index_se, -kZ90);
  const auto whisker_hi = Offset(d.index, d.index_se, kZ90);
  // The axis covers the level band, the floor and the central 98% of the points: a few wild
  // periods must not flatten the picture. Points beyond are drawn on the edge (see Points).
  std::vector<double> central = RobustSpan(d.index);
  if (d.floor) central.push_back(*d.floor);
  auto range = FiniteRange({&central, &d.level_lo, &d.level_hi, &d.level});
  XYChart::Options opt;
  opt.height = 250;
  opt.y_label = "index";
  XYChart index_chart(opt, x_lo, x_hi, range.lo, range.hi);
  const bool shaded = ShadeCalendar(index_chart, calendar, /*labels=*/true);
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
  if (d.floor) index_chart.HRule(*d.floor, colour::kVermillion, Stroke::kDashed, "");
  const bool off_scale = std::any_of(d.index.begin(), d.index.end(), [&](double v) {
    return std::isfinite(v) && index_chart.OffScale(v);
  });

  auto srange = FiniteRange({&d.slope, &d.slope_lo, &d.slope_hi});
  XYChart::Options mopt;
  mopt.height = 150;
  mopt.y_label = "per 30 days";
  mopt.y_ticks = 4;
  XYChart momentum_chart(mopt, x_lo, x_hi, std::min(0.0, srange.lo), std::max(0.0, srange.hi));
  ShadeCalendar(momentum_chart, calendar, /*labels=*/false);
  momentum_chart.Band(x, d.slope_lo, d.slope_hi, hue, 0.25);
  momentum_chart.Line(x, d.slope, hue, 2.0, Stroke::kSolid, d.name + " momentum");
  momentum_chart.HRule(0.0, "#6E7781", Stroke::kSolid, "");

  const auto direction = DirectionOf(d);
  std::string out = fmt::format(
      "<article class=\"card\">\n<h3>{} <span class=\"badge {}\">{}</span></h3>\n"
      "<p class=\"lede\">{}</p>\n",
      HtmlEscape(d.name),
      direction == MomentumDirection::kImproving       ? "up"
      : direction == MomentumDirection::kDeteriorating ? "down"
                                                       : "flat",
      HtmlEscape(DirectionWord(d)), HtmlEscape(DyadSummary(d)));
  std::vector<LegendItem> legend = {{"index (90% whiskers)", "#9AA1A9", SwatchKind::kPoint},
                                    {"smoothed level", hue, SwatchKind::kLine},
                                    {"90% band", hue, SwatchKind::kBand}};
  if (d.floor)
    legend.push_back(
        {"floor " + FormatNumber(*d.floor, dec, true), colour::kVermillion, SwatchKind::kDashed});
  if (off_scale)
    legend.push_back({"off the scale (hover for the value)", "#9AA1A9", SwatchKind::kOffScale});
  if (shaded) legend.push_back({"election or summit (calendar)", "#E6E8EB", SwatchKind::kBlock});
  out += LegendHtml(legend);
  const std::string index_svg = index_chart.Svg(d.name + " relation index and smoothed level");
  ChartTable index_data({"date", "index", "index_se", "level", "level_lower_90", "level_upper_90"});
  for (std::size_t i = 0; i < d.dates.size(); ++i)
    index_data.AddRow(FormatDate(d.dates[i]), {At(d.index, i), At(d.index_se, i), At(d.level, i),
                                               At(d.level_lo, i), At(d.level_hi, i)});
  out += index_svg + ChartDownloadsHtml(d.name + "_index", index_svg, index_data);
  out += "<h4>Momentum: smoothed slope, index units per 30 days, with 90% band</h4>\n";
  const std::string momentum_svg = momentum_chart.Svg(d.name + " momentum");
  ChartTable momentum_data({"date", "momentum_per_30_days", "lower_90", "upper_90"});
  for (std::size_t i = 0; i < d.dates.size(); ++i)
    momentum_data.AddRow(FormatDate(d.dates[i]),
                         {At(d.slope, i), At(d.slope_lo, i), At(d.slope_hi, i)});
  out += momentum_svg + ChartDownloadsHtml(d.name + "_momentum", momentum_svg, momentum_data);
  out += MovesHtml(d);
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
        k == best ? " class=\"best\"" : "", kTriangleTypeColours[k],
        TriangleTypeName(static_cast<TriangleType>(k)), Percent(p),
        std::isfinite(p) ? 100 * std::clamp(p, 0.0, 1.0) : 0.0, kTriangleTypeColours[k]);
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

std::string ChangeRows(const std::vector<TriangleChange>& changes, std::size_t begin,
                       std::size_t end) {
  std::string out =
      "<table class=\"changes\"><thead><tr><th>from</th><th>most likely before</th>"
      "<th>most likely after</th></tr></thead><tbody>\n";
  for (std::size_t i = end; i-- > begin;)  // newest first
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", FormatDate(changes[i].date),
                       HtmlEscape(changes[i].from), HtmlEscape(changes[i].to));
  return out + "</tbody></table>\n";
}

// The latest changes in a table; older ones folded away (a <details> element, no script).
std::string ChangesTable(const std::vector<TriangleChange>& changes) {
  constexpr std::size_t kShown = 6;
  if (changes.empty()) return "";
  const std::size_t split = changes.size() > kShown ? changes.size() - kShown : 0;
  std::string out = fmt::format(
      "<h3>Changes of the most likely structure</h3>\n<p class=\"note\">{} change{} over the "
      "period, the latest first.</p>\n",
      changes.size(), changes.size() == 1 ? "" : "s");
  out += ChangeRows(changes, split, changes.size());
  if (split > 0)
    out += fmt::format("<details><summary>{} earlier change{}</summary>\n{}</details>\n", split,
                       split == 1 ? "" : "s", ChangeRows(changes, 0, split));
  return out;
}

std::string Timeline(const TriangleTimelineReport& tl) {
  if (tl.dates.empty()) return "";
  const auto x = DaysAsX(tl.dates);
  std::vector<std::vector<double>> layers(4, std::vector<double>(tl.dates.size()));
  for (std::size_t i = 0; i < tl.dates.size(); ++i)
    for (int k = 0; k < 4; ++k) layers[k][i] = tl.type_probability[i][k];
  XYChart::Options opt;
  opt.height = 236;
  opt.margin_top = 30;
  opt.y_label = "probability";
  XYChart chart(opt, x.front(), x.back(), 0.0, 1.0);
  std::vector<std::string> strip(tl.dates.size()), strip_titles(tl.dates.size());
  for (std::size_t i = 0; i < tl.most_likely.size() && i < tl.dates.size(); ++i)
    if (const int k = static_cast<int>(tl.most_likely[i]); k < kDittmerTypes) {
      strip[i] = kTriangleTypeColours[k];
      strip_titles[i] = FormatDate(tl.dates[i]) + ": most likely " +
                        std::string(TriangleTypeName(tl.most_likely[i]));
    }
  chart.TopStrip(x, strip, strip_titles);
  std::vector<std::string> type_names;
  for (int k = 0; k < kDittmerTypes; ++k)
    type_names.emplace_back(TriangleTypeName(static_cast<TriangleType>(k)));
  chart.StackedAreas(x, layers, {kTriangleTypeColours.begin(), kTriangleTypeColours.end()},
                     type_names);
  std::vector<LegendItem> legend;
  for (int k = 0; k < 4; ++k)
    legend.push_back({std::string(TriangleTypeName(static_cast<TriangleType>(k))),
                      kTriangleTypeColours[k], SwatchKind::kBlock});
  std::string out =
      "<h3>Type probabilities over time</h3>\n"
      "<p class=\"note\">Each period's probability of the four types when each dyad's index is "
      "Normal with its estimate and standard error; gaps are periods with missing data. The "
      "strip on top shows the most likely type.</p>\n";
  const std::string svg = chart.Svg("Triangle type probabilities over time");
  std::vector<std::string> columns{"date"};
  for (const auto& name : type_names) columns.push_back("p_" + name);
  ChartTable data(columns);
  for (std::size_t i = 0; i < tl.dates.size(); ++i) {
    const auto& p = tl.type_probability[i];
    data.AddRow(FormatDate(tl.dates[i]), {p[0], p[1], p[2], p[3]});
  }
  out += LegendHtml(legend) + svg + ChartDownloadsHtml("triangle_type_probabilities", svg, data);
  if (!tl.persistence.empty())
    out += "<p class=\"note\">Changes count only when they persist: " + HtmlEscape(tl.persistence) +
           ".</p>\n";
  out += ChangesTable(tl.changes);
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
      "<p class=\"note\">Grey dots: the measured index per period, with its 90% interval as "
      "whiskers (± 1.645 standard errors). Line and band: the Kalman-smoothed level of a local "
      "linear trend model and its "
      "90% band. Below each: the momentum, the smoothed slope.</p>\n";
  for (std::size_t i = 0; i < m.dyads.size(); ++i)
    out += DyadCard(m.dyads[i], i, lo, hi, m.calendar);
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
        TriangleDiagramSvg(t),
        HtmlEscape(t.type == TriangleType::kUnknown ? "Type unknown"
                                                    : std::string(TriangleTypeName(t.type))),
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
