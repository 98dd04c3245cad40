// The report's sections on drivers (VAR impulse responses and variance shares) and scenarios.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "common/normal.hpp"
#include "outputs/chart_downloads.hpp"
#include "outputs/html_escape.hpp"
#include "outputs/localized_terms.hpp"
#include "outputs/messages.hpp"
#include "outputs/report_sections.hpp"
#include "outputs/svg_bars.hpp"
#include "outputs/svg_chart.hpp"

namespace triad {
namespace {

// A plain word of the page in `lang` (messages.hpp), HTML-escaped; Fill formats one first.
std::string Say(Language lang, std::string_view key) {
  return HtmlEscape(std::string(Message(lang, key)));
}
template <typename... Args>
std::string Fill(Language lang, std::string_view key, const Args&... args) {
  return HtmlEscape(FormatMessage(lang, key, args...));
}

// The label of a variance source: "own" and "other dyads" are words, the rest variable names.
std::string ShareSource(Language lang, const std::string& source) {
  if (source == "own") return std::string(Message(lang, "drivers.source_own"));
  if (source == "other dyads") return std::string(Message(lang, "drivers.source_other_dyads"));
  return source;
}

std::vector<std::string> UniqueInOrder(const std::vector<ImpulseResponseCurve>& curves,
                                       bool response) {
  std::vector<std::string> out;
  for (const auto& c : curves) {
    const std::string& name = response ? c.response : c.shock;
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

std::size_t VariableIndex(const DriverReport& d, const std::string& name) {
  const auto it = std::find(d.variables.begin(), d.variables.end(), name);
  return it == d.variables.end() ? d.variables.size()
                                 : static_cast<std::size_t>(it - d.variables.begin());
}

std::string ImpulseGrid(const DriverReport& d, Language lang) {
  const auto responses = UniqueInOrder(d.responses, true);
  const auto shocks = UniqueInOrder(d.responses, false);
  std::string out = fmt::format(
      "<div class=\"multiples\" style=\"grid-template-columns:repeat({},"
      "minmax(0,1fr))\">\n",
      std::max<std::size_t>(1, shocks.size()));
  for (const auto& response : responses) {
    // One y range per row, so that a row's panels compare at a glance.
    std::vector<std::vector<double>> edges;
    std::size_t horizon = 1;
    for (const auto& c : d.responses) {
      if (c.response != response) continue;
      std::vector<double> lo = c.value, hi = c.value;
      for (std::size_t h = 0; h < c.value.size() && h < c.se.size(); ++h) {
        lo[h] -= kZ90 * c.se[h];
        hi[h] += kZ90 * c.se[h];
      }
      edges.push_back(std::move(lo));
      edges.push_back(std::move(hi));
      horizon = std::max(horizon, c.value.size() > 0 ? c.value.size() - 1 : 1);
    }
    std::vector<const std::vector<double>*> ptrs;
    for (const auto& e : edges) ptrs.push_back(&e);
    const auto range = FiniteRange(ptrs);
    const std::string hue = SeriesColour(VariableIndex(d, response));
    for (const auto& shock : shocks) {
      const auto it = std::find_if(d.responses.begin(), d.responses.end(), [&](const auto& c) {
        return c.response == response && c.shock == shock;
      });
      const std::string what = FormatMessage(lang, "drivers.response", response, shock);
      out += fmt::format(
          "<div class=\"panel\"><div class=\"panel-title\" title=\"{}\">{}</div>", HtmlEscape(what),
          FormatMessage(lang, "drivers.panel_title.html", HtmlEscape(shock), HtmlEscape(response)));
      if (it == d.responses.end()) {
        out += "<p class=\"note\">" + Say(lang, "drivers.not_computed") + "</p></div>\n";
        continue;
      }
      XYChart::Options opt;
      opt.width = 260;
      opt.height = 150;
      opt.margin_left = 44;
      opt.margin_right = 10;
      opt.margin_top = 8;
      opt.margin_bottom = 22;
      opt.date_axis = false;
      opt.y_ticks = 4;
      opt.x_ticks = 4;
      XYChart chart(opt, 0.0, static_cast<double>(horizon), std::min(0.0, range.lo),
                    std::max(0.0, range.hi));
      std::vector<double> x(it->value.size());
      for (std::size_t h = 0; h < x.size(); ++h) x[h] = static_cast<double>(h);
      if (!it->se.empty()) {
        std::vector<double> lo = it->value, hi = it->value;
        for (std::size_t h = 0; h < x.size(); ++h) {
          lo[h] -= kZ90 * it->se[h];
          hi[h] += kZ90 * it->se[h];
        }
        chart.Band(x, lo, hi, hue, 0.22);
      }
      chart.HRule(0.0, "#6E7781", Stroke::kSolid, "");
      chart.Line(x, it->value, hue, 2.0, Stroke::kSolid, what);
      const std::string svg = chart.Svg(what);
      ChartTable data({"horizon", "response", "se", "lower_90", "upper_90"});
      for (std::size_t h = 0; h < x.size(); ++h) {
        const double se = At(it->se, h);
        data.AddRow(std::to_string(h),
                    {it->value[h], se, it->value[h] - kZ90 * se, it->value[h] + kZ90 * se});
      }
      out += svg + ChartDownloadsHtml("irf_" + shock + "_to_" + response, svg, data, lang) +
             "</div>\n";
    }
  }
  return out + "</div>\n";
}

std::vector<std::string> ShareColours(const std::vector<std::string>& sources) {
  std::vector<std::string> colours;
  std::size_t next = 3;  // after the first three dyads' colours, so drivers look different
  for (const auto& s : sources) {
    if (s == "own")
      colours.push_back("#4D5560");
    else if (s == "other dyads")
      colours.push_back("#A8AFB7");
    else
      colours.push_back(SeriesColour(next++));
  }
  return colours;
}

// What a window does and to which variables, e.g. "volatility × 1.5 for CHN_USA and SECURITY".
std::string WindowEffect(const ScenarioWindow& w, Language lang) {
  std::string variables;
  for (std::size_t i = 0; i < w.variables.size(); ++i)
    variables += (i == 0                        ? ""
                  : i + 1 == w.variables.size() ? std::string(Message(lang, "common.and"))
                                                : std::string(Message(lang, "common.comma"))) +
                 w.variables[i];
  if (w.effect.empty())
    return variables.empty() ? std::string(Message(lang, "scenario.no_change"))
                             : FormatMessage(lang, "scenario.no_change_for", variables);
  return variables.empty() ? w.effect
                           : FormatMessage(lang, "scenario.effect_for", w.effect, variables);
}

std::string FanChartHtml(const FanChart& f, const std::vector<ScenarioWindow>& windows,
                         std::size_t index, Language lang) {
  const std::string hue = SeriesColour(index);
  const auto hx = DaysAsX(f.history_dates);
  const auto x = DaysAsX(f.dates);
  std::vector<std::vector<double>> q(5, std::vector<double>(f.dates.size()));
  for (std::size_t i = 0; i < f.dates.size(); ++i)
    for (int k = 0; k < 5; ++k) q[k][i] = f.quantiles[i][k];
  std::vector<double> floor_v;
  if (f.floor) floor_v.push_back(*f.floor);
  const auto range = FiniteRange({&f.history, &q[0], &q[4], &f.baseline_median, &floor_v});
  double x_lo = x.empty() ? 0 : x.front(), x_hi = x.empty() ? 1 : x.back();
  if (!hx.empty()) x_lo = std::min(x_lo, hx.front()), x_hi = std::max(x_hi, hx.back());
  XYChart::Options opt;
  opt.height = 240;
  XYChart chart(opt, x_lo, x_hi, range.lo, range.hi);
  bool any_window = false;
  for (const auto& w : windows)
    any_window |= chart.VSpan(w.start, w.end + 1.0, colour::kYellow, w.name,
                              w.name + ": " + WindowEffect(w, lang));
  const bool outer = chart.Band(x, q[0], q[4], hue, 0.16);
  const bool inner = chart.Band(x, q[1], q[3], hue, 0.32);
  const bool observed = chart.Line(hx, f.history, colour::kInk, 1.6, Stroke::kSolid,
                                   FormatMessage(lang, "scenario.observed_line", f.dyad));
  const bool baseline = chart.Line(x, f.baseline_median, "#6E7781", 1.8, Stroke::kDashed,
                                   std::string(Message(lang, "scenario.baseline_median")));
  const bool median = chart.Line(x, q[2], hue, 2.2, Stroke::kSolid,
                                 std::string(Message(lang, "scenario.median_with_the_levers")));
  // The floor is drawn where the targets apply: from the scenario's start (earlier simulated
  // steps are not targeted) to the horizon, never over the lead-in.
  if (f.floor && !x.empty()) {
    const double from = f.floor_from
                            ? std::clamp(DaysAsX({*f.floor_from}).front(), x.front(), x.back())
                            : x.front();
    chart.Line({from, x.back()}, {*f.floor, *f.floor}, colour::kVermillion, 1.4, Stroke::kDashed,
               std::string(Message(lang, "scenario.floor")));
  }
  // The legend names only what the chart shows: no baseline without levers, no observed line
  // without a lead-in.
  const auto word = [&](std::string_view key) { return std::string(Message(lang, key)); };
  std::vector<LegendItem> legend;
  if (observed) legend.push_back({word("scenario.observed"), colour::kInk, SwatchKind::kLine});
  if (median)
    legend.push_back({word(baseline ? "scenario.median_with_levers" : "scenario.median"), hue,
                      SwatchKind::kLine});
  if (outer || inner)
    legend.push_back({word(outer && inner ? "scenario.paths_50_90"
                           : outer        ? "scenario.paths_90"
                                          : "scenario.paths_50"),
                      hue, SwatchKind::kBand});
  if (baseline)
    legend.push_back({word("scenario.baseline_median"), "#6E7781", SwatchKind::kDashed});
  if (any_window) legend.push_back({word("scenario.window"), colour::kYellow, SwatchKind::kBlock});
  if (f.floor && std::isfinite(*f.floor))
    legend.push_back(
        {FormatMessage(lang, "relations.legend_floor", FormatNumber(*f.floor, 2, true)),
         colour::kVermillion, SwatchKind::kDashed});
  const std::string svg = chart.Svg(FormatMessage(lang, "scenario.fan_chart", f.dyad));
  // The data's columns are for machines: English, whatever the page's language.
  ChartTable data({"date", "observed", "q05", "q25", "median", "q75", "q95", "baseline_median"});
  for (std::size_t i = 0; i < f.history_dates.size(); ++i)
    data.AddRow(FormatDate(f.history_dates[i]),
                {At(f.history, i), kMissing, kMissing, kMissing, kMissing, kMissing, kMissing});
  for (std::size_t i = 0; i < f.dates.size(); ++i) {
    const auto& qs = f.quantiles[i];
    data.AddRow(FormatDate(f.dates[i]),
                {kMissing, qs[0], qs[1], qs[2], qs[3], qs[4], At(f.baseline_median, i)});
  }
  return fmt::format("<article class=\"card\"><h3>{}</h3>\n{}{}{}</article>\n", HtmlEscape(f.dyad),
                     LegendHtml(legend), svg, ChartDownloadsHtml(f.dyad + "_fan", svg, data, lang));
}

}  // namespace

std::string DriversSection(const DriverReport& d, const std::string& index_units, Language lang) {
  std::string out =
      fmt::format("<section id=\"drivers\">\n<h2>{}</h2>\n", Say(lang, "drivers.heading"));
  const std::string period = PeriodNameLabel(lang, d.period_name);
  if (!d.responses.empty()) {
    out += fmt::format(
        "<h3>{}</h3>\n<p class=\"note\">{}</p>\n", Say(lang, "drivers.impulse_responses"),
        FormatMessage(lang, "drivers.impulse_note.html",
                      index_units.empty()
                          ? ""
                          : FormatMessage(lang, "drivers.units", HtmlEscape(index_units)),
                      HtmlEscape(period)));
    out += ImpulseGrid(d, lang);
  }
  if (!d.fevd.empty()) {
    std::vector<ShareRow> rows;
    for (const auto& f : d.fevd) rows.push_back({f.dyad, f.shares});
    const auto colours = ShareColours(d.share_sources);
    std::vector<LegendItem> legend;
    std::vector<std::string> sources;
    for (const auto& source : d.share_sources) sources.push_back(ShareSource(lang, source));
    for (std::size_t s = 0; s < sources.size(); ++s)
      legend.push_back({sources[s], colours[s], SwatchKind::kBlock});
    out += fmt::format(
        "<h3>{}</h3>\n<p class=\"note\">{}</p>\n", Say(lang, "drivers.shares"),
        FormatMessage(lang, "drivers.shares_note.html", d.fevd_horizon, HtmlEscape(period)));
    const std::string svg = StackedShareBarsSvg(rows, sources, colours,
                                                std::string(Message(lang, "drivers.shares_chart")));
    std::vector<std::string> columns{"dyad"};
    for (const auto& source : d.share_sources) columns.push_back("share_" + source);
    ChartTable data(columns);
    for (const auto& f : d.fevd) data.AddRow(f.dyad, f.shares);
    out += LegendHtml(legend) + svg + ChartDownloadsHtml("variance_shares", svg, data, lang);
  }
  return out + "</section>\n";
}

std::string ScenarioSection(const ScenarioReport& s, Language lang) {
  std::string out = fmt::format("<section id=\"scenario\">\n<h2>{}</h2>\n",
                                s.name.empty() ? Say(lang, "scenario.heading")
                                               : Fill(lang, "scenario.heading_named", s.name));
  if (!s.description.empty()) out += "<p class=\"lede\">" + HtmlEscape(s.description) + "</p>\n";
  // Disagreements between the scenario's model and the report come first, where the fan charts
  // are read, not only under Provenance.
  if (!s.warnings.empty()) {
    out += "<ul class=\"warnings scenario-warnings\">\n";
    for (const auto& w : s.warnings)
      out += "<li>" + Say(lang, "common.warning_prefix") + HtmlEscape(w) + "</li>\n";
    out += "</ul>\n";
  }
  // The number of paths is said once, here: every probability, band and median below is a share
  // or a quantile of these paths.
  if (s.paths > 0)
    out += "<p class=\"note\">" + Fill(lang, "scenario.paths_note", s.paths) + "</p>\n";
  if (!s.levers.empty()) {
    out += "<h3>" + Say(lang, "scenario.levers") + "</h3>\n<ul class=\"levers\">\n";
    for (const auto& l : s.levers)
      out += fmt::format("<li><b>{}</b>{}{}</li>\n", HtmlEscape(l.name),
                         l.description.empty() ? "" : " — ", HtmlEscape(l.description));
    out += "</ul>\n";
  }
  if (!s.windows.empty()) {
    out += fmt::format(
        "<h3>{}</h3>\n<table><thead><tr><th>{}</th><th>{}</th><th>{}</th>"
        "<th>{}</th></tr></thead><tbody>\n",
        Say(lang, "scenario.windows"), Say(lang, "scenario.column_window"),
        Say(lang, "scenario.column_from"), Say(lang, "scenario.column_to"),
        Say(lang, "scenario.column_effect"));
    for (const auto& w : s.windows)
      out +=
          fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", HtmlEscape(w.name),
                      FormatDate(w.start), FormatDate(w.end), HtmlEscape(WindowEffect(w, lang)));
    out += "</tbody></table>\n";
  }
  if (!s.on_track.empty()) {
    std::vector<ProbabilityPair> pairs;
    for (const auto& p : s.on_track)
      pairs.push_back({p.target, p.baseline, p.baseline_se, p.with_levers, p.with_levers_se});
    const auto word = [&](std::string_view key) { return std::string(Message(lang, key)); };
    out += fmt::format("<h3>{}</h3>\n<p class=\"note\">{}</p>\n", Say(lang, "scenario.on_track"),
                       Say(lang, "scenario.on_track_note"));
    out += LegendHtml({{word("scenario.baseline_no_levers"), "#A8AFB7", SwatchKind::kBlock},
                       {word("scenario.with_the_levers"), colour::kBlue, SwatchKind::kBlock}});
    const std::string svg = ProbabilityBarsSvg(pairs, word("scenario.baseline"), "#A8AFB7",
                                               word("scenario.with_the_levers"), colour::kBlue,
                                               word("scenario.on_track_chart"));
    ChartTable data({"target", "baseline", "baseline_mc_se", "with_levers", "with_levers_mc_se"});
    for (const auto& p : s.on_track)
      data.AddRow(p.target, {p.baseline, p.baseline_se, p.with_levers, p.with_levers_se});
    out += svg + ChartDownloadsHtml("on_track_probabilities", svg, data, lang);
  }
  if (!s.fans.empty()) {
    out += "<h3>" + Say(lang, "scenario.fan_charts") + "</h3>\n";
    for (std::size_t i = 0; i < s.fans.size(); ++i)
      out += FanChartHtml(s.fans[i], s.windows, i, lang);
  }
  return out + "</section>\n";
}

}  // namespace triad
