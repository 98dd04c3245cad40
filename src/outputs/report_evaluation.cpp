// The report's forecast-skill section: the rolling-origin evaluation as a table.
#include <fmt/format.h>

#include <cmath>

#include "outputs/html_escape.hpp"
#include "outputs/report_sections.hpp"
#include "outputs/table.hpp"

namespace triad {

std::string EvaluationSection(const ForecastSkillReport& e) {
  std::string out = "<section id=\"evaluation\">\n<h2>Forecast skill</h2>\n";
  if (!e.summary.empty()) out += "<p class=\"lede\">" + HtmlEscape(e.summary) + "</p>\n";
  out +=
      "<p class=\"note\">Every model refitted at every origin on the data up to it. CRPS: mean "
      "continuous ranked probability score of the Gaussian forecast, in index points (lower is "
      "better); ratio: to the no-change forecast's (below 1: better); coverage of the central "
      "50% and 90% intervals (nominal 0.50 and 0.90); DM: Diebold-Mariano statistic of the CRPS "
      "differential against no-change, Harvey-Leybourne-Newbold corrected (negative: the model "
      "forecast better), with its two-sided p-value.</p>\n"
      "<table><thead><tr><th class=\"num\">h</th><th>model</th><th class=\"num\">forecasts</th>"
      "<th class=\"num\">CRPS</th><th class=\"num\">ratio</th><th class=\"num\">cov50</th>"
      "<th class=\"num\">cov90</th><th class=\"num\">DM</th><th class=\"num\">p</th></tr>"
      "</thead><tbody>\n";
  for (const ForecastSkillRow& r : e.rows)
    out += fmt::format(
        "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}"
        "</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
        r.horizon, HtmlEscape(r.model), r.forecasts, Num(r.crps, 3), Num(r.crps_ratio, 3),
        Num(r.coverage50, 2), Num(r.coverage90, 2), Num(r.dm_statistic, 2), Num(r.dm_p_value, 3));
  return out + "</tbody></table>\n</section>\n";
}

}  // namespace triad
