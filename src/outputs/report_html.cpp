#include "outputs/report_html.hpp"

#include <fmt/format.h>

#include "outputs/html_escape.hpp"
#include "outputs/report_sections.hpp"
#include "outputs/report_summary.hpp"
#include "outputs/table.hpp"

namespace triad {
namespace {

// System fonts only: the report must not fetch anything.
constexpr const char* kStyle = R"css(
:root { --ink:#1F2328; --muted:#5B636B; --line:#D8DDE2; --paper:#FFFFFF; --wash:#F5F7F9;
  --accent:#0072B2; --warn:#D55E00; }
* { box-sizing:border-box; }
html { background:var(--wash); }
body { margin:0; color:var(--ink); font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
  "Noto Sans","DejaVu Sans",sans-serif; font-variant-numeric:tabular-nums; }
main { max-width:1040px; margin:0 auto; padding:28px 28px 56px; background:var(--paper);
  min-height:100vh; box-shadow:0 0 0 1px var(--line); }
header h1 { margin:0 0 4px; font-size:28px; letter-spacing:-0.01em; }
.meta { color:var(--muted); margin:0; font-size:13px; }
h2 { font-size:21px; margin:40px 0 10px; padding-bottom:6px; border-bottom:2px solid var(--ink); }
h3 { font-size:16px; margin:22px 0 6px; }
h4 { font-size:13px; margin:10px 0 2px; color:var(--muted); font-weight:600; }
nav { margin:14px 0 0; font-size:13px; }
nav a { color:var(--accent); text-decoration:none; margin-right:14px; }
nav a:hover { text-decoration:underline; }
.summary { background:#EEF5FA; border-left:4px solid var(--accent); padding:10px 18px 12px;
  margin-top:20px; border-radius:0 6px 6px 0; }
.summary h2 { border:0; margin:4px 0 4px; padding:0; font-size:17px; }
.summary ul { margin:0; padding-left:20px; }
.summary li { margin:3px 0; }
.lede { margin:4px 0 8px; }
.note { color:var(--muted); font-size:13px; margin:4px 0 8px; }
.downloads { font-size:12px; margin:0 0 10px; text-align:right; }
.downloads a { color:var(--muted); }
.card { border:1px solid var(--line); border-radius:8px; padding:10px 16px 12px; margin:14px 0; }
.card h3 { margin:4px 0 2px; }
.badge { display:inline-block; font-size:12px; font-weight:600; padding:1px 8px;
  border-radius:10px; vertical-align:2px; margin-left:6px; }
.badge.up { background:#D9F0E8; color:#00684D; }
.badge.down { background:#FBE3D6; color:#9A3D00; }
.badge.flat { background:#E8EBEE; color:#424A53; }
svg.chart { display:block; max-width:100%; height:auto; }
.legend { display:flex; flex-wrap:wrap; gap:4px 16px; font-size:12px; color:var(--muted);
  margin:4px 0 2px; }
.legend-item { display:inline-flex; align-items:center; gap:5px; }
.split { display:grid; grid-template-columns:440px 1fr; gap:24px; align-items:start; }
.split figure { margin:0; }
.multiples { display:grid; gap:6px 10px; }
.panel { border:1px solid var(--line); border-radius:6px; padding:4px 4px 0; min-width:0; }
.panel-title { font-size:12px; color:var(--muted); padding:0 4px; white-space:nowrap;
  overflow:hidden; text-overflow:ellipsis; }
.panel-title b { color:var(--ink); }
table { border-collapse:collapse; font-size:13px; margin:8px 0 12px; }
th, td { padding:4px 10px; border-bottom:1px solid var(--line); text-align:left;
  vertical-align:top; }
th { font-weight:600; color:var(--muted); border-bottom:1.5px solid var(--ink); }
td.num, th.num { text-align:right; }
tr.best td { font-weight:700; }
td.bar { width:160px; }
td.bar span { display:block; height:10px; border-radius:2px; }
.swatch { display:inline-block; width:10px; height:10px; border-radius:2px; margin-right:6px; }
table.wide { width:100%; }
td.path, code { font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;
  font-size:12px; word-break:break-all; }
ul.levers li { margin:3px 0; }
details { margin:0 0 12px; font-size:13px; }
details summary { cursor:pointer; color:var(--accent); }
ul.warnings { color:var(--warn); padding-left:20px; }
footer { margin-top:40px; padding-top:10px; border-top:1px solid var(--line); color:var(--muted);
  font-size:12px; }
@media (max-width:900px) { .split { grid-template-columns:1fr; } }
@media print { html { background:none; } main { box-shadow:none; max-width:none; }
  .card, .panel, figure { break-inside:avoid; } }
)css";

std::string Header(const ReportModel& m) {
  std::string actors;
  for (std::size_t i = 0; i < m.actors.size(); ++i) actors += (i ? ", " : "") + m.actors[i];
  std::string meta;
  if (!actors.empty()) meta += "Actors " + HtmlEscape(actors);
  if (const auto freq = FrequencyFromName(m.frequency))
    meta += fmt::format(" · {} series", FrequencyAdjective(*freq));
  else if (!m.frequency.empty())
    meta += " · series by " + HtmlEscape(m.frequency);
  if (!m.index_units.empty()) meta += " · index: " + HtmlEscape(m.index_units);
  if (!m.generated_at.empty()) meta += " · generated " + HtmlEscape(m.generated_at);
  if (!m.triad_version.empty()) meta += " · triad " + HtmlEscape(m.triad_version);
  return fmt::format("<header>\n<h1>{}</h1>\n<p class=\"meta\">{}</p>\n</header>\n",
                     HtmlEscape(m.title.empty() ? "triad report" : m.title), meta);
}

std::string Navigation(const ReportModel& m) {
  std::string out = "<nav>";
  if (!m.dyads.empty()) out += "<a href=\"#relations\">Relations</a>";
  if (m.triangle || m.timeline) out += "<a href=\"#triangle\">Triangle</a>";
  if (m.drivers) out += "<a href=\"#drivers\">Drivers</a>";
  if (m.scenario) out += "<a href=\"#scenario\">Scenario</a>";
  if (m.evaluation) out += "<a href=\"#evaluation\">Forecast skill</a>";
  return out + "<a href=\"#provenance\">Provenance</a></nav>\n";
}

std::string Summary(const ReportModel& m) {
  std::string out =
      "<section class=\"summary\" id=\"summary\">\n<h2>Summary</h2>\n"
      "<p class=\"note\">Each dyad: its smoothed level with its 90% interval, and its momentum "
      "(the smoothed slope) per 30 days with a 90% interval.</p>\n<ul>\n";
  for (const auto& line : SummaryLines(m)) out += "<li>" + HtmlEscape(line) + "</li>\n";
  return out + "</ul>\n</section>\n";
}

std::string Count(std::int64_t n) {
  return WithThousands(n);
}

std::string ProvenanceSection(const ReportModel& m) {
  const Provenance& p = m.provenance;
  std::string out = "<section id=\"provenance\">\n<h2>Provenance</h2>\n";
  if (!p.warnings.empty()) {
    out += "<h3>Warnings</h3>\n<ul class=\"warnings\">\n";
    for (const auto& w : p.warnings) out += "<li>" + HtmlEscape(w) + "</li>\n";
    out += "</ul>\n";
  }
  if (!p.files.empty()) {
    out +=
        "<h3>Input files</h3>\n<table class=\"wide\"><thead><tr><th>file</th>"
        "<th class=\"num\">rows</th><th class=\"num\">accepted</th>"
        "<th class=\"num\">rejected</th><th>first event</th><th>last event</th></tr></thead>"
        "<tbody>\n";
    for (const auto& f : p.files)
      out += fmt::format(
          "<tr><td class=\"path\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
          "<td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n",
          HtmlEscape(f.name), Count(f.rows), Count(f.accepted), Count(f.rejected),
          f.first ? FormatDate(*f.first) : "–", f.last ? FormatDate(*f.last) : "–");
    out += "</tbody></table>\n";
  }
  out += "<table><tbody>\n";
  auto row = [&](const char* key, const std::string& value, bool code) {
    if (value.empty()) return;
    out += fmt::format("<tr><th>{}</th><td>{}{}{}</td></tr>\n", key, code ? "<code>" : "",
                       HtmlEscape(value), code ? "</code>" : "");
  };
  row("store", p.store_path, true);
  row("command line", m.command_line, true);
  row("triad version", m.triad_version, false);
  row("generated", m.generated_at, false);
  return out + "</tbody></table>\n</section>\n";
}

constexpr const char* kFooter =
    "<footer>Relation index: weighted event scores per dyad and period. Level and momentum: "
    "local linear trend model, Kalman smoother (Durbin &amp; Koopman, <i>Time Series Analysis "
    "by State Space Methods</i>). Triangle types: Heider's balance and Dittmer (1981), "
    "&ldquo;The Strategic Triangle&rdquo;, <i>World Politics</i> 33(4). Drivers: vector "
    "autoregression (L&uuml;tkepohl, <i>New Introduction to Multiple Time Series "
    "Analysis</i>). Made by triad; this file needs no network connection.</footer>\n";

}  // namespace

std::string RenderHtmlReport(const ReportModel& m) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // No request of any kind: block them all, should a future edit add one by mistake.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">\n";
  out += "<title>" + HtmlEscape(m.title.empty() ? "triad report" : m.title) + "</title>\n";
  out += std::string("<style>") + kStyle + "</style>\n</head>\n<body>\n<main>\n";
  out += Header(m) + Navigation(m) + Summary(m);
  out += RelationsSection(m);
  out += TriangleSection(m);
  if (m.drivers) out += DriversSection(*m.drivers, m.index_units);
  if (m.scenario) out += ScenarioSection(*m.scenario);
  if (m.evaluation) out += EvaluationSection(*m.evaluation);
  out += ProvenanceSection(m);
  out += kFooter;
  return out + "</main>\n</body>\n</html>\n";
}

}  // namespace triad
