// The report's forecast-skill section: the rolling-origin evaluation as a table.
#include <fmt/format.h>

#include <cmath>

#include "outputs/html_escape.hpp"
#include "outputs/messages.hpp"
#include "outputs/report_sections.hpp"
#include "outputs/table.hpp"

namespace triad {

std::string EvaluationSection(const ForecastSkillReport& e, Language lang) {
  const auto say = [&](std::string_view key) {
    return HtmlEscape(std::string(Message(lang, key)));
  };
  std::string out =
      fmt::format("<section id=\"evaluation\">\n<h2>{}</h2>\n", say("evaluation.heading"));
  if (!e.summary.empty()) out += "<p class=\"lede\">" + HtmlEscape(e.summary) + "</p>\n";
  out += fmt::format(
      "<p class=\"note\">{}</p>\n"
      "<table><thead><tr><th class=\"num\">h</th><th>{}</th><th class=\"num\">{}</th>"
      "<th class=\"num\">CRPS</th><th class=\"num\">{}</th><th class=\"num\">cov50</th>"
      "<th class=\"num\">cov90</th><th class=\"num\">DM</th><th class=\"num\">p</th></tr>"
      "</thead><tbody>\n",
      Message(lang, "evaluation.note.html"), say("evaluation.column_model"),
      say("evaluation.column_forecasts"), say("evaluation.column_ratio"));
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
