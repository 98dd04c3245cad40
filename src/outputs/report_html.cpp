#include "outputs/report_html.hpp"

#include <fmt/format.h>

#include "outputs/html_escape.hpp"
#include "outputs/localized_sentences.hpp"
#include "outputs/localized_terms.hpp"
#include "outputs/messages.hpp"
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

// Chinese and Japanese pages name a CJK face first: the Noto/Source Han family (Debian's
// fonts-noto-cjk; the same design ships as Source Han Sans) in the language's regional variant,
// then the macOS and Windows system faces, then the other regions' variants (which still hold
// every character), then the page's Latin stack. Chart text (SVG) uses the same stack; without
// it, a browser may draw CJK glyphs from whatever font it finds first, or boxes.
std::string CjkStyle(Language language) {
  std::string regional;
  switch (language) {
    case Language::kSimplifiedChinese:
      regional = R"("Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB",)"
                 R"("Microsoft YaHei","Noto Sans CJK TC","Noto Sans CJK JP",)";
      break;
    case Language::kTraditionalChinese:
      regional = R"("Noto Sans CJK TC","Source Han Sans TC","PingFang TC","Microsoft JhengHei",)"
                 R"("Noto Sans CJK SC","Noto Sans CJK JP",)";
      break;
    case Language::kJapanese:
      regional =
          R"("Noto Sans CJK JP","Source Han Sans JP","Hiragino Sans","Hiragino Kaku Gothic ProN",)"
          R"("Yu Gothic","Meiryo","Noto Sans CJK SC","Noto Sans CJK TC",)";
      break;
    case Language::kEnglish:
      return "";
  }
  return "\n:root { --cjk-font:" + regional +
         R"(system-ui,"Noto Sans","DejaVu Sans",sans-serif; })" +
         "\nbody, svg text { font-family:var(--cjk-font); }\n";
}

// The page's words in the model's language (messages.hpp), HTML-escaped.
std::string Say(const ReportModel& m, std::string_view key) {
  return HtmlEscape(std::string(Message(m.language, key)));
}

std::string Title(const ReportModel& m) {
  if (m.title.empty()) return Say(m, "report.default_title");
  // The default title (analysis/report_builder.cpp: English country names), said in another
  // language with the actors' codes.
  if (m.language != Language::kEnglish && m.actors.size() == 3) {
    const std::string_view english = Message(Language::kEnglish, "report.triad_title");
    const std::string_view tail = english.substr(english.find("{2}") + 3);
    if (m.title.size() > tail.size() && std::string_view(m.title).ends_with(tail))
      return HtmlEscape(
          FormatMessage(m.language, "report.triad_title", m.actors[0], m.actors[1], m.actors[2]));
  }
  return HtmlEscape(m.title);
}

std::string Header(const ReportModel& m) {
  const Language lang = m.language;
  std::string actors;
  for (std::size_t i = 0; i < m.actors.size(); ++i) actors += (i ? ", " : "") + m.actors[i];
  std::string meta;
  if (!actors.empty()) meta += FormatMessage(lang, "report.meta_actors", HtmlEscape(actors));
  if (const auto freq = FrequencyFromName(m.frequency))
    meta +=
        HtmlEscape(FormatMessage(lang, "report.meta_series", FrequencyAdjectiveLabel(lang, *freq)));
  else if (!m.frequency.empty())
    meta += FormatMessage(lang, "report.meta_series_by", HtmlEscape(m.frequency));
  if (!m.index_units.empty())
    meta +=
        FormatMessage(lang, "report.meta_index", HtmlEscape(SentenceLabel(lang, m.index_units)));
  if (!m.generated_at.empty())
    meta += FormatMessage(lang, "report.meta_generated", HtmlEscape(m.generated_at));
  if (!m.triad_version.empty()) meta += " · triad " + HtmlEscape(m.triad_version);
  return fmt::format("<header>\n<h1>{}</h1>\n<p class=\"meta\">{}</p>\n</header>\n", Title(m),
                     meta);
}

std::string Navigation(const ReportModel& m) {
  std::string out = "<nav>";
  const auto link = [&](const char* id, std::string_view key) {
    out += fmt::format("<a href=\"#{}\">{}</a>", id, Say(m, key));
  };
  if (!m.dyads.empty()) link("relations", "report.nav_relations");
  if (m.triangle || m.timeline) link("triangle", "report.nav_triangle");
  if (m.drivers) link("drivers", "report.nav_drivers");
  if (m.scenario) link("scenario", "report.nav_scenario");
  if (m.evaluation) link("evaluation", "report.nav_evaluation");
  link("provenance", "report.nav_provenance");
  return out + "</nav>\n";
}

std::string Summary(const ReportModel& m) {
  std::string out = fmt::format(
      "<section class=\"summary\" id=\"summary\">\n<h2>{}</h2>\n"
      "<p class=\"note\">{}</p>\n<ul>\n",
      Say(m, "report.summary"), Say(m, "report.summary_note"));
  for (const auto& line : SummaryLines(m)) out += "<li>" + HtmlEscape(line) + "</li>\n";
  return out + "</ul>\n</section>\n";
}

std::string Count(std::int64_t n) {
  return WithThousands(n);
}

std::string ProvenanceSection(const ReportModel& m) {
  const Provenance& p = m.provenance;
  std::string out =
      fmt::format("<section id=\"provenance\">\n<h2>{}</h2>\n", Say(m, "report.provenance"));
  if (!p.warnings.empty()) {
    out += fmt::format("<h3>{}</h3>\n<ul class=\"warnings\">\n", Say(m, "report.warnings"));
    for (const auto& w : p.warnings)
      out += "<li>" + HtmlEscape(SentenceLabel(m.language, w)) + "</li>\n";
    out += "</ul>\n";
  }
  if (!p.files.empty()) {
    out += fmt::format(
        "<h3>{}</h3>\n<table class=\"wide\"><thead><tr><th>{}</th>"
        "<th class=\"num\">{}</th><th class=\"num\">{}</th>"
        "<th class=\"num\">{}</th><th>{}</th><th>{}</th></tr></thead>"
        "<tbody>\n",
        Say(m, "report.input_files"), Say(m, "report.column_file"), Say(m, "report.column_rows"),
        Say(m, "report.column_accepted"), Say(m, "report.column_rejected"),
        Say(m, "report.column_first_event"), Say(m, "report.column_last_event"));
    for (const auto& f : p.files)
      out += fmt::format(
          "<tr><td class=\"path\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
          "<td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n",
          HtmlEscape(f.name), Count(f.rows), Count(f.accepted), Count(f.rejected),
          f.first ? FormatDate(*f.first) : "–", f.last ? FormatDate(*f.last) : "–");
    out += "</tbody></table>\n";
  }
  out += "<table><tbody>\n";
  auto row = [&](std::string_view key, const std::string& value, bool code) {
    if (value.empty()) return;
    out += fmt::format("<tr><th>{}</th><td>{}{}{}</td></tr>\n", Say(m, key), code ? "<code>" : "",
                       HtmlEscape(value), code ? "</code>" : "");
  };
  row("report.row_store", p.store_path, true);
  row("report.row_command_line", m.command_line, true);
  row("report.row_triad_version", m.triad_version, false);
  row("report.row_generated", m.generated_at, false);
  return out + "</tbody></table>\n</section>\n";
}

}  // namespace

std::string RenderHtmlReport(const ReportModel& m) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"" + std::string(LanguageTag(m.language)) +
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // No request of any kind: block them all, should a future edit add one by mistake.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">\n";
  out += "<title>" + Title(m) + "</title>\n";
  out += std::string("<style>") + kStyle + CjkStyle(m.language) +
         "</style>\n</head>\n<body>\n<main>\n";
  out += Header(m) + Navigation(m) + Summary(m);
  out += RelationsSection(m);
  out += TriangleSection(m);
  if (m.drivers) out += DriversSection(*m.drivers, m.index_units, m.language);
  if (m.scenario) out += ScenarioSection(*m.scenario, m.language);
  if (m.evaluation) out += EvaluationSection(*m.evaluation, m.language);
  out += ProvenanceSection(m);
  out += Message(m.language, "report.footer.html");
  return out + "</main>\n</body>\n</html>\n";
}

}  // namespace triad
