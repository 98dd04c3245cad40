#include "outputs/report_html.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>

#include "outputs/html_escape.hpp"
#include "outputs/report_summary.hpp"

namespace triad {
namespace {

Day D(const char* text) {
  return *ParseDate(text);
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// A two-period dyad whose last smoothed level is +0.80 with band 0.60..1.00.
DyadReport ImprovingDyad(const std::string& name) {
  DyadReport d;
  d.name = name;
  d.dates = {D("2024-02-12"), D("2024-02-19")};
  d.index = {0.7, 0.9};
  d.index_se = {0.1, 0.1};
  d.level = {0.7, 0.8};
  d.level_lo = {0.5, 0.6};
  d.level_hi = {0.9, 1.0};
  d.slope = {0.2, 0.3};
  d.slope_lo = {0.0, 0.1};
  d.slope_hi = {0.4, 0.5};
  d.momentum = {0.3, 0.1, 0.5};
  d.floor = -1.0;
  return d;
}

TEST(ReportSummary, DyadSentenceInPlainWords) {
  EXPECT_EQ(DyadSummary(ImprovingDyad("CHN-USA")),
            "CHN-USA: +0.80 ±0.20 on 2024-02-19, improving (+0.30 per 30 days, 90% interval "
            "+0.10..+0.50); above its floor of \u22121.00.");
  DyadReport d = ImprovingDyad("CHN-JPN");
  d.level = {0.7, kMissing};  // the last level is missing: the last known one is used
  d.floor = 0.75;
  d.momentum = {-0.05, -0.2, 0.1};
  EXPECT_EQ(DyadSummary(d),
            "CHN-JPN: +0.70 ±0.20 on 2024-02-12, steady (\u22120.05 per 30 days, 90% interval "
            "\u22120.20..+0.10); below its floor of +0.75.");
  DyadReport empty;
  empty.name = "USA-JPN";
  EXPECT_EQ(DyadSummary(empty), "USA-JPN: no data.");
}

TEST(ReportSummary, DirectionFromTheInterval) {
  EXPECT_EQ(MomentumDirection({0.3, 0.1, 0.5}), "improving");
  EXPECT_EQ(MomentumDirection({-0.3, -0.5, -0.1}), "worsening");
  EXPECT_EQ(MomentumDirection({0.1, -0.1, 0.3}), "steady");
  EXPECT_EQ(MomentumDirection({}), "unknown");
  EXPECT_EQ(DisplayDecimals(0.8), 2);
  EXPECT_EQ(DisplayDecimals(45), 1);
  EXPECT_EQ(DisplayDecimals(361), 0);
}

ReportModel SampleModel() {
  std::ifstream in(std::string(TRIAD_SOURCE_DIR) + "/tests/data/report/sample_report.json");
  return ReportModelFromJson(nlohmann::json::parse(in));
}

TEST(HtmlReport, SampleHasEveryChart) {
  const std::string html = RenderHtmlReport(SampleModel());
  // 3 dyads x (index + momentum), triangle, timeline, 15 impulse responses, variance shares,
  // on-track bars, 3 fan charts.
  EXPECT_EQ(Count(html, "<svg class=\"chart"), 3u * 2 + 1 + 1 + 15 + 1 + 1 + 3);
  for (const char* id : {"summary", "relations", "triangle", "drivers", "scenario", "provenance"})
    EXPECT_EQ(Count(html, std::string("id=\"") + id + "\""), 1u) << id;
  EXPECT_EQ(html, RenderHtmlReport(SampleModel()));  // deterministic
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(Count(html, "<script"), 0u);
  // No NaN or infinity ever reaches an SVG coordinate or a printed number.
  EXPECT_FALSE(std::regex_search(html, std::regex("[^A-Za-z](-?nan|-?inf)[^A-Za-z]")));
}

TEST(HtmlReport, AbsentSectionsAreLeftOut) {
  ReportModel m;
  m.title = "Only one dyad";
  m.dyads.push_back(ImprovingDyad("CHN-USA"));
  const std::string html = RenderHtmlReport(m);
  EXPECT_EQ(Count(html, "id=\"triangle\""), 0u);
  EXPECT_EQ(Count(html, "id=\"drivers\""), 0u);
  EXPECT_EQ(Count(html, "id=\"scenario\""), 0u);
  EXPECT_EQ(Count(html, "<svg class=\"chart"), 2u);
  EXPECT_NE(html.find("CHN-USA: +0.80 ±0.20 on 2024-02-19, improving"), std::string::npos);
}

TEST(HtmlEscape, EveryDangerousCharacter) {
  EXPECT_EQ(HtmlEscape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(HtmlEscape("\"onload=\"x"), "&quot;onload=&quot;x");
  EXPECT_EQ(HtmlEscape("a&b 'c'"), "a&amp;b &#39;c&#39;");
  EXPECT_EQ(HtmlEscape(std::string("a\0b", 3)),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(HtmlEscape("CHN–USA ménage"), "CHN–USA ménage");  // UTF-8 passes through
}

// Puts a hostile string in every string field of the model.
ReportModel HostileModel() {
  const std::string bad = "<script>alert(1)</script>\"onload=\"x'onerror='y";
  ReportModel m = SampleModel();
  m.title = m.generated_at = m.triad_version = m.command_line = m.index_units = m.frequency = bad;
  m.actors = {bad, "USA", "JPN"};
  for (auto& d : m.dyads) d.name = d.direction = bad;
  m.triangle->actors[0] = m.triangle->type = m.triangle->roles = bad;
  for (auto& c : m.timeline->changes) c.from = c.to = bad;
  m.timeline->most_likely[0] = bad;
  for (auto& v : m.drivers->variables) v = bad;
  for (auto& r : m.drivers->responses) r.shock = bad;
  m.drivers->responses[0].response = bad;
  m.drivers->period_name = bad;
  m.drivers->share_sources[2] = bad;
  m.drivers->fevd[0].dyad = bad;
  m.scenario->name = m.scenario->description = bad;
  for (auto& l : m.scenario->levers) l.name = l.description = bad;
  for (auto& w : m.scenario->windows) w.name = w.effect = bad;
  for (auto& f : m.scenario->fans) f.dyad = bad;
  for (auto& p : m.scenario->on_track) p.target = bad;
  for (auto& f : m.provenance.files) f.name = bad;
  m.provenance.store_path = bad;
  m.provenance.warnings.push_back(bad);
  return m;
}

TEST(HtmlReport, DataCannotInjectMarkup) {
  const std::string html = RenderHtmlReport(HostileModel());
  EXPECT_EQ(Count(html, "<script"), 0u);
  EXPECT_EQ(Count(html, "\"onload="), 0u);
  EXPECT_EQ(Count(html, "'onerror="), 0u);
  EXPECT_GT(Count(html,
                  "&lt;script&gt;alert(1)&lt;/script&gt;&quot;onload=&quot;x&#39;onerror="
                  "&#39;y"),
            30u);
  // Every tag is one the renderer writes itself, and no attribute is an event handler.
  const std::set<std::string> allowed = {
      "html",    "head",    "meta",   "title",   "style",   "body",  "main",    "header", "h1",
      "h2",      "h3",      "h4",     "p",       "nav",     "a",     "section", "ul",     "li",
      "article", "span",    "div",    "svg",     "g",       "line",  "text",    "path",   "circle",
      "rect",    "polygon", "table",  "thead",   "tbody",   "tr",    "th",      "td",     "b",
      "i",       "code",    "figure", "details", "summary", "footer"};
  const std::regex tag("<(/?)([A-Za-z0-9!]+)([^>]*)>");
  const std::regex handler("\\son[a-z]+\\s*=", std::regex::icase);
  std::size_t tags = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator();
       ++it, ++tags) {
    const std::string name = (*it)[2].str();
    if (name == "!DOCTYPE") continue;
    EXPECT_TRUE(allowed.count(name)) << "unexpected tag <" << name << ">";
    EXPECT_FALSE(std::regex_search((*it)[3].str(), handler)) << (*it)[0].str();
  }
  EXPECT_GT(tags, 1000u);
  // A '<' that starts no tag would be a parse hazard: every '<' is followed by a tag name.
  for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    const char next = html[at + 1];
    EXPECT_TRUE(std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!')
        << html.substr(at, 40);
  }
}

}  // namespace
}  // namespace triad
