// The report's sections on the dyads and the triangle.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "common/normal.hpp"
#include "outputs/chart_downloads.hpp"
#include "outputs/html_escape.hpp"
#include "outputs/localized_sentences.hpp"
#include "outputs/localized_terms.hpp"
#include "outputs/messages.hpp"
#include "outputs/report_sections.hpp"
#include "outputs/report_summary.hpp"
#include "outputs/svg_chart.hpp"
#include "outputs/svg_triangle.hpp"

namespace triad {

const std::array<const char*, 4> kTriangleTypeColours = {colour::kGreen, colour::kOrange,
                                                         colour::kBlue, colour::kVermillion};

namespace {

// A word of the page in `lang` (messages.hpp), HTML-escaped; Fill formats one first.
std::string Say(Language lang, std::string_view key) {
  return HtmlEscape(std::string(Message(lang, key)));
}
template <typename... Args>
std::string Fill(Language lang, std::string_view key, const Args&... args) {
  return HtmlEscape(FormatMessage(lang, key, args...));
}

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
std::string MovesHtml(const DyadReport& d, Language lang) {
  if (d.moves.empty()) return "";
  std::string out =
      fmt::format("<h4>{}</h4>\n<ul class=\"moves\">\n", Say(lang, "relations.moves"));
  for (const IndexMove& m : d.moves) {
    out += "<li>" +
           Fill(lang, "relations.move", FormatDate(m.period), FormatNumber(m.change, 2, true)) +
           "<ul>\n";
    for (const EventLink& e : m.events)
      out +=
          FormatMessage(lang, "relations.move_event.html", FormatDate(e.date), HtmlEscape(e.actors),
                        EventLinkHtml(e), FormatNumber(e.goldstein, 1, true));
    out += "</ul></li>\n";
  }
  return out + "</ul>\n<p class=\"note\">" +
         std::string(Message(lang, "relations.moves_note.html")) + "</p>\n";
}

// Shades the calendar's windows on a chart: labelled on the index chart, tooltips only on the
// momentum chart under it. Returns whether any is visible.
bool ShadeCalendar(XYChart& chart, const std::vector<CalendarMark>& calendar, bool labels,
                   Language lang) {
  bool any = false;
  for (const CalendarMark& c : calendar)
    any |= chart.VSpan(c.start, c.end + 1.0, "#E6E8EB", labels ? c.name : "",
                       FormatMessage(lang, "relations.calendar_window", c.name, FormatDate(c.start),
                                     FormatDate(c.end), c.source));
  return any;
}

std::string DyadCard(const DyadReport& d, std::size_t index, double x_lo, double x_hi,
                     const std::vector<CalendarMark>& calendar, Language lang) {
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
  opt.y_label = Message(lang, "relations.axis_index");
  XYChart index_chart(opt, x_lo, x_hi, range.lo, range.hi);
  const bool shaded = ShadeCalendar(index_chart, calendar, /*labels=*/true, lang);
  index_chart.Whiskers(x, whisker_lo, whisker_hi, "#C4C9CF");
  std::vector<std::string> titles;
  for (std::size_t i = 0; i < d.index.size(); ++i) {
    std::string t = FormatDate(d.dates[i]) + ": " + FormatNumber(d.index[i], dec, true);
    if (i < d.index_se.size() && std::isfinite(d.index_se[i]))
      t += FormatMessage(lang, "relations.point_se", FormatNumber(d.index_se[i], dec));
    titles.push_back(t);
  }
  index_chart.Points(x, d.index, "#9AA1A9", 1.8, titles);
  index_chart.Band(x, d.level_lo, d.level_hi, hue, 0.25);
  index_chart.Line(x, d.level, hue, 2.2, Stroke::kSolid,
                   FormatMessage(lang, "relations.level_line", d.name));
  if (d.floor) index_chart.HRule(*d.floor, colour::kVermillion, Stroke::kDashed, "");
  const bool off_scale = std::any_of(d.index.begin(), d.index.end(), [&](double v) {
    return std::isfinite(v) && index_chart.OffScale(v);
  });

  auto srange = FiniteRange({&d.slope, &d.slope_lo, &d.slope_hi});
  XYChart::Options mopt;
  mopt.height = 150;
  mopt.y_label = Message(lang, "relations.axis_per_30_days");
  mopt.y_ticks = 4;
  XYChart momentum_chart(mopt, x_lo, x_hi, std::min(0.0, srange.lo), std::max(0.0, srange.hi));
  ShadeCalendar(momentum_chart, calendar, /*labels=*/false, lang);
  momentum_chart.Band(x, d.slope_lo, d.slope_hi, hue, 0.25);
  momentum_chart.Line(x, d.slope, hue, 2.0, Stroke::kSolid,
                      FormatMessage(lang, "relations.momentum_line", d.name));
  momentum_chart.HRule(0.0, "#6E7781", Stroke::kSolid, "");

  const auto direction = DirectionOf(d);
  std::string out = fmt::format(
      "<article class=\"card\">\n<h3>{} <span class=\"badge {}\">{}</span></h3>\n"
      "<p class=\"lede\">{}</p>\n",
      HtmlEscape(d.name),
      direction == MomentumDirection::kImproving       ? "up"
      : direction == MomentumDirection::kDeteriorating ? "down"
                                                       : "flat",
      HtmlEscape(DirectionWord(d, lang)), HtmlEscape(DyadSummary(d, lang)));
  std::vector<LegendItem> legend = {
      {std::string(Message(lang, "relations.legend_index")), "#9AA1A9", SwatchKind::kPoint},
      {std::string(Message(lang, "relations.legend_level")), hue, SwatchKind::kLine},
      {std::string(Message(lang, "relations.legend_band")), hue, SwatchKind::kBand}};
  if (d.floor)
    legend.push_back(
        {FormatMessage(lang, "relations.legend_floor", FormatNumber(*d.floor, dec, true)),
         colour::kVermillion, SwatchKind::kDashed});
  if (off_scale)
    legend.push_back({std::string(Message(lang, "relations.legend_off_scale")), "#9AA1A9",
                      SwatchKind::kOffScale});
  if (shaded)
    legend.push_back(
        {std::string(Message(lang, "relations.legend_calendar")), "#E6E8EB", SwatchKind::kBlock});
  out += LegendHtml(legend);
  const std::string index_svg =
      index_chart.Svg(FormatMessage(lang, "relations.index_chart", d.name));
  // The data's columns are for machines: English, whatever the page's language.
  ChartTable index_data({"date", "index", "index_se", "level", "level_lower_90", "level_upper_90"});
  for (std::size_t i = 0; i < d.dates.size(); ++i)
    index_data.AddRow(FormatDate(d.dates[i]), {At(d.index, i), At(d.index_se, i), At(d.level, i),
                                               At(d.level_lo, i), At(d.level_hi, i)});
  out += index_svg + ChartDownloadsHtml(d.name + "_index", index_svg, index_data, lang);
  out += "<h4>" + Say(lang, "relations.momentum_heading") + "</h4>\n";
  const std::string momentum_svg =
      momentum_chart.Svg(FormatMessage(lang, "relations.momentum_line", d.name));
  ChartTable momentum_data({"date", "momentum_per_30_days", "lower_90", "upper_90"});
  for (std::size_t i = 0; i < d.dates.size(); ++i)
    momentum_data.AddRow(FormatDate(d.dates[i]),
                         {At(d.slope, i), At(d.slope_lo, i), At(d.slope_hi, i)});
  out += momentum_svg + ChartDownloadsHtml(d.name + "_momentum", momentum_svg, momentum_data, lang);
  out += MovesHtml(d, lang);
  return out + "</article>\n";
}

std::string ProbabilityTable(const TriangleSnapshot& t, Language lang) {
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
        HtmlEscape(TriangleTypeLabel(lang, static_cast<TriangleType>(k))), Percent(p),
        std::isfinite(p) ? 100 * std::clamp(p, 0.0, 1.0) : 0.0, kTriangleTypeColours[k]);
  }
  return fmt::format(
             "<table class=\"probs\"><thead><tr><th>{}</th><th class=\"num\">{}</th>"
             "<th></th></tr></thead><tbody>\n",
             Say(lang, "triangle.column_type"), Say(lang, "triangle.column_probability")) +
         rows + "</tbody></table>\n";
}

std::string EdgeTable(const TriangleSnapshot& t, Language lang) {
  static constexpr int kEnds[3][2] = {{0, 1}, {0, 2}, {1, 2}};
  std::string rows;
  for (int d = 0; d < 3; ++d)
    rows += fmt::format("<tr><td>{}–{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
                        HtmlEscape(t.actors[kEnds[d][0]]), HtmlEscape(t.actors[kEnds[d][1]]),
                        FormatNumber(t.edges[d], 2, true),
                        Say(lang, t.signs[d] > 0   ? "triangle.sign_friendly"
                                  : t.signs[d] < 0 ? "triangle.sign_hostile"
                                                   : "triangle.sign_neutral"));
  return fmt::format(
             "<table class=\"edges\"><thead><tr><th>{}</th><th class=\"num\">{}</th>"
             "<th>{}</th></tr></thead><tbody>\n",
             Say(lang, "triangle.column_dyad"), Say(lang, "triangle.column_index"),
             Say(lang, "triangle.column_sign")) +
         rows + "</tbody></table>\n";
}

std::string ChangeRows(const std::vector<TriangleChange>& changes, std::size_t begin,
                       std::size_t end, Language lang) {
  std::string out = fmt::format(
      "<table class=\"changes\"><thead><tr><th>{}</th><th>{}</th>"
      "<th>{}</th></tr></thead><tbody>\n",
      Say(lang, "triangle.column_from"), Say(lang, "triangle.column_before"),
      Say(lang, "triangle.column_after"));
  for (std::size_t i = end; i-- > begin;)  // newest first
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", FormatDate(changes[i].date),
                       HtmlEscape(StructureLabel(lang, changes[i].from)),
                       HtmlEscape(StructureLabel(lang, changes[i].to)));
  return out + "</tbody></table>\n";
}

// The latest changes in a table; older ones folded away (a <details> element, no script).
std::string ChangesTable(const std::vector<TriangleChange>& changes, Language lang) {
  constexpr std::size_t kShown = 6;
  if (changes.empty()) return "";
  const std::size_t split = changes.size() > kShown ? changes.size() - kShown : 0;
  const auto n = static_cast<long long>(changes.size());
  std::string out =
      fmt::format("<h3>{}</h3>\n<p class=\"note\">{}</p>\n", Say(lang, "triangle.changes"),
                  Fill(lang, PluralKey("triangle.changes_note", n), n));
  out += ChangeRows(changes, split, changes.size(), lang);
  if (split > 0) {
    const auto earlier = static_cast<long long>(split);
    out += fmt::format("<details><summary>{}</summary>\n{}</details>\n",
                       Fill(lang, PluralKey("triangle.earlier_changes", earlier), earlier),
                       ChangeRows(changes, 0, split, lang));
  }
  return out;
}

std::string Timeline(const TriangleTimelineReport& tl, Language lang) {
  if (tl.dates.empty()) return "";
  const auto x = DaysAsX(tl.dates);
  std::vector<std::vector<double>> layers(4, std::vector<double>(tl.dates.size()));
  for (std::size_t i = 0; i < tl.dates.size(); ++i)
    for (int k = 0; k < 4; ++k) layers[k][i] = tl.type_probability[i][k];
  XYChart::Options opt;
  opt.height = 236;
  opt.margin_top = 30;
  opt.y_label = Message(lang, "triangle.axis_probability");
  XYChart chart(opt, x.front(), x.back(), 0.0, 1.0);
  std::vector<std::string> strip(tl.dates.size()), strip_titles(tl.dates.size());
  for (std::size_t i = 0; i < tl.most_likely.size() && i < tl.dates.size(); ++i)
    if (const int k = static_cast<int>(tl.most_likely[i]); k < kDittmerTypes) {
      strip[i] = kTriangleTypeColours[k];
      strip_titles[i] = FormatMessage(lang, "triangle.strip_title", FormatDate(tl.dates[i]),
                                      TriangleTypeLabel(lang, tl.most_likely[i]));
    }
  chart.TopStrip(x, strip, strip_titles);
  std::vector<std::string> type_names;
  for (int k = 0; k < kDittmerTypes; ++k)
    type_names.push_back(TriangleTypeLabel(lang, static_cast<TriangleType>(k)));
  chart.StackedAreas(x, layers, {kTriangleTypeColours.begin(), kTriangleTypeColours.end()},
                     type_names);
  std::vector<LegendItem> legend;
  for (int k = 0; k < 4; ++k)
    legend.push_back({TriangleTypeLabel(lang, static_cast<TriangleType>(k)),
                      kTriangleTypeColours[k], SwatchKind::kBlock});
  std::string out =
      fmt::format("<h3>{}</h3>\n<p class=\"note\">{}</p>\n", Say(lang, "triangle.timeline"),
                  Message(lang, "triangle.timeline_note.html"));
  const std::string svg = chart.Svg(std::string(Message(lang, "triangle.timeline_chart")));
  std::vector<std::string> columns{"date"};
  for (int k = 0; k < kDittmerTypes; ++k)
    columns.push_back("p_" + std::string(TriangleTypeName(static_cast<TriangleType>(k))));
  ChartTable data(columns);
  for (std::size_t i = 0; i < tl.dates.size(); ++i) {
    const auto& p = tl.type_probability[i];
    data.AddRow(FormatDate(tl.dates[i]), {p[0], p[1], p[2], p[3]});
  }
  out +=
      LegendHtml(legend) + svg + ChartDownloadsHtml("triangle_type_probabilities", svg, data, lang);
  if (!tl.persistence.empty())
    out += "<p class=\"note\">" +
           Fill(lang, "triangle.persistence", PersistenceLabel(lang, tl.persistence)) + "</p>\n";
  out += ChangesTable(tl.changes, lang);
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
      fmt::format("<section id=\"relations\">\n<h2>{}</h2>\n<p class=\"note\">{}</p>\n",
                  Say(m.language, "relations.heading"), Say(m.language, "relations.note"));
  for (std::size_t i = 0; i < m.dyads.size(); ++i)
    out += DyadCard(m.dyads[i], i, lo, hi, m.calendar, m.language);
  return out + "</section>\n";
}

std::string TriangleSection(const ReportModel& m) {
  if (!m.triangle && !m.timeline) return "";
  const Language lang = m.language;
  std::string out =
      fmt::format("<section id=\"triangle\">\n<h2>{}</h2>\n", Say(lang, "triangle.heading"));
  if (m.triangle) {
    const auto& t = *m.triangle;
    out += fmt::format(
        "<div class=\"split\">\n<figure>{}</figure>\n<div>\n<h3>{}</h3>\n"
        "<p class=\"lede\">{}</p>\n",
        TriangleDiagramSvg(t, 440, 380, lang),
        Fill(lang, "triangle.now",
             t.type == TriangleType::kUnknown ? std::string(Message(lang, "triangle.type_unknown"))
                                              : TriangleTypeLabel(lang, t.type),
             FormatDate(t.date)),
        HtmlEscape(RoleDetailsTextLabel(lang, t.roles)));
    out += ProbabilityTable(t, lang) + EdgeTable(t, lang);
    out += "<p class=\"note\">" + Say(lang, "triangle.diagram_note") + "</p>\n</div>\n</div>\n";
  }
  if (m.timeline) out += Timeline(*m.timeline, lang);
  return out + "</section>\n";
}

}  // namespace triad
