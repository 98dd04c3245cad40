#include "outputs/report_html.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <regex>
#include <set>

#include "common/error.hpp"
#include "outputs/html_escape.hpp"
#include "outputs/report_sections.hpp"
#include "outputs/report_summary.hpp"

namespace triad {
namespace {

bool IsLetter(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

// `word` with no letter on either side (as the number printers would write NaN or infinity).
bool HasWord(const std::string& text, const std::string& word) {
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool before = at > 0 && IsLetter(text[at - 1]);
    const bool after = at + word.size() < text.size() && IsLetter(text[at + word.size()]);
    if (!before && !after) return true;
  }
  return false;
}

// An attribute like ` onload=` (white space, "on", letters, optional spaces, '='), any case.
bool HasEventHandler(const std::string& attributes) {
  for (std::size_t i = 0; i + 3 < attributes.size(); ++i) {
    if (!std::isspace(static_cast<unsigned char>(attributes[i])) ||
        std::tolower(static_cast<unsigned char>(attributes[i + 1])) != 'o' ||
        std::tolower(static_cast<unsigned char>(attributes[i + 2])) != 'n')
      continue;
    std::size_t j = i + 3;
    while (j < attributes.size() && IsLetter(attributes[j])) ++j;
    if (j == i + 3) continue;
    while (j < attributes.size() && std::isspace(static_cast<unsigned char>(attributes[j]))) ++j;
    if (j < attributes.size() && attributes[j] == '=') return true;
  }
  return false;
}

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
            "CHN-USA: +0.80 ± 0.20 (90% interval) on 2024-02-19, improving (+0.30 per 30 days, "
            "90% interval +0.10..+0.50); above its floor of \u22121.00.");
  DyadReport d = ImprovingDyad("CHN-JPN");
  d.level = {0.7, kMissing};  // the last level is missing: the last known one is used
  d.floor = 0.75;
  d.momentum = {-0.05, -0.2, 0.1};
  EXPECT_EQ(DyadSummary(d),
            "CHN-JPN: +0.70 ± 0.20 (90% interval) on 2024-02-12, steady (\u22120.05 per 30 days, "
            "90% interval \u22120.20..+0.10); below its floor of +0.75.");
  DyadReport empty;
  empty.name = "USA-JPN";
  EXPECT_EQ(DyadSummary(empty), "USA-JPN: no data.");
}

TEST(ReportSummary, DirectionFromTheInterval) {
  auto word = [](IntervalEstimate momentum) {
    DyadReport d;
    d.momentum = momentum;
    return DirectionWord(d);
  };
  EXPECT_EQ(word({0.3, 0.1, 0.5}), "improving");
  // The measures module's word (MomentumDirectionName), the one `triad momentum` prints.
  EXPECT_EQ(word({-0.3, -0.5, -0.1}), "deteriorating");
  EXPECT_EQ(word({0.1, -0.1, 0.3}), "steady");
  EXPECT_EQ(word({0.1, kMissing, kMissing}), "steady");  // no interval, no evidence
  EXPECT_EQ(word({}), "unknown");
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
  EXPECT_FALSE(HasWord(html, "nan"));
  EXPECT_FALSE(HasWord(html, "inf"));
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
  EXPECT_NE(html.find("CHN-USA: +0.80 ± 0.20 (90% interval) on 2024-02-19, improving"),
            std::string::npos);
}

// The <h3> of the dyad's card: its name and its momentum badge.
std::string CardHeading(const std::string& html, const std::string& dyad) {
  const auto at = html.find("<h3>" + dyad + " <span class=\"badge");
  if (at == std::string::npos) return "";
  return html.substr(at, html.find("</h3>", at) - at);
}

TEST(HtmlReport, DeterioratingDyadGetsTheDownBadge) {
  // As `triad report --format json` writes it: the measures module's word.
  std::ifstream in(std::string(TRIAD_SOURCE_DIR) + "/tests/data/report/sample_report.json");
  nlohmann::json j = nlohmann::json::parse(in);
  j["dyads"][0]["direction"] = "deteriorating";
  const std::string html = RenderHtmlReport(ReportModelFromJson(j));
  EXPECT_EQ(CardHeading(html, "CHN-USA"),
            "<h3>CHN-USA <span class=\"badge down\">deteriorating</span>");
  // Derived from the interval when the model gives no direction.
  ReportModel m;
  m.dyads.push_back(ImprovingDyad("CHN-JPN"));
  m.dyads[0].momentum = {-0.3, -0.5, -0.1};
  EXPECT_EQ(CardHeading(RenderHtmlReport(m), "CHN-JPN"),
            "<h3>CHN-JPN <span class=\"badge down\">deteriorating</span>");
  // A word of another spelling is an error that names the field, not a neutral badge.
  j["dyads"][0]["direction"] = "worsening";
  try {
    ReportModelFromJson(j, "model.json");
    ADD_FAILURE() << "accepted 'worsening'";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("dyads[0].direction"), std::string::npos) << e.what();
  }
}

TEST(HtmlReport, HeaderNamesTheFrequencyAsAnAdjective) {
  ReportModel m;
  m.frequency = "day";
  std::string html = RenderHtmlReport(m);
  EXPECT_NE(html.find(" · daily series"), std::string::npos);
  EXPECT_EQ(html.find("dayly"), std::string::npos);
  m.frequency = "week";
  EXPECT_NE(RenderHtmlReport(m).find(" · weekly series"), std::string::npos);
}

// The text of the HTML outside its tags (entities left as they are).
std::string VisibleText(const std::string& html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag) out += c;
    if (c == '>') {
      in_tag = false;
      out += '\n';  // a tag ends a text run
    }
  }
  return out;
}

TEST(HtmlReport, EveryPlusMinusSaysWhatItIs) {
  const std::string text = VisibleText(RenderHtmlReport(SampleModel()));
  std::size_t seen = 0;
  for (std::size_t at = text.find("±"); at != std::string::npos; at = text.find("±", at + 1)) {
    ++seen;
    // The run of text holding the ± (a sentence, a label) says what it is.
    const std::size_t begin = text.rfind('\n', at) + 1;
    const std::string run = text.substr(begin, text.find('\n', at) - begin);
    EXPECT_TRUE(run.find("90% interval") != std::string::npos ||
                run.find("standard error") != std::string::npos)
        << run;
  }
  EXPECT_GE(seen, 3u + 6);  // 3 dyad sentences (summary and cards), 6 on-track bars
}

// A scenario with the given windows and one fan chart from 2024-02-26 to 2024-12-30.
ScenarioReport ScenarioWithWindows(std::vector<ScenarioWindow> windows) {
  ScenarioReport s = *SampleModel().scenario;
  s.windows = std::move(windows);
  s.fans.resize(1);
  return s;
}

TEST(HtmlReport, FanChartLegendListsOnlyWhatIsDrawn) {
  ScenarioReport s = ScenarioWithWindows({});
  std::string html = ScenarioSection(s);
  for (const char* item :
       {"observed", "median with levers", "50% / 90% of paths", "baseline median (no levers)"})
    EXPECT_NE(html.find(std::string("</svg>") + item + "</span>"), std::string::npos) << item;
  EXPECT_EQ(html.find("</svg>window</span>"), std::string::npos);
  // No levers: no baseline (NaN, as `triad report --scenario` gives it); no lead-in history.
  for (double& v : s.fans[0].baseline_median) v = kMissing;
  s.fans[0].history.clear();
  s.fans[0].history_dates.clear();
  html = ScenarioSection(s);
  EXPECT_EQ(html.find("baseline median"), std::string::npos);
  EXPECT_EQ(html.find("</svg>observed</span>"), std::string::npos);
  EXPECT_EQ(html.find("median with levers"), std::string::npos);
  EXPECT_NE(html.find("</svg>median</span>"), std::string::npos);
}

// The x pixel where the path whose title is `title` starts.
double PathStartX(const std::string& svg, const std::string& title) {
  const std::size_t at = svg.find("<title>" + title + "</title>");
  const std::size_t d = svg.rfind("<path d=\"M", at);
  if (at == std::string::npos || d == std::string::npos) return std::nan("");
  return std::stod(svg.substr(d + 10));
}

TEST(HtmlReport, FloorIsDrawnWhereTheTargetsApplyNotOverTheLeadIn) {
  const ScenarioReport s = ScenarioWithWindows({});
  ASSERT_TRUE(s.fans[0].floor.has_value());
  ASSERT_FALSE(s.fans[0].history_dates.empty());
  const std::string html = ScenarioSection(s);
  const double floor_x = PathStartX(html, "floor");
  const double observed_x = PathStartX(html, s.fans[0].dyad + " observed");
  const double median_x = PathStartX(html, "median with the levers");
  ASSERT_TRUE(std::isfinite(floor_x) && std::isfinite(observed_x) && std::isfinite(median_x));
  EXPECT_GT(floor_x, observed_x + 100);  // a year of lead-in is not under the floor
  EXPECT_DOUBLE_EQ(floor_x, median_x);   // the floor starts with the simulated periods
}

// The x pixels of the points of the path whose title is `title` ("M x,y L x,y ...").
std::vector<double> PathXs(const std::string& svg, const std::string& title) {
  const std::size_t at = svg.find("<title>" + title + "</title>");
  const std::size_t d = svg.rfind("<path d=\"M", at);
  std::vector<double> xs;
  if (at == std::string::npos || d == std::string::npos) return xs;
  const std::string path = svg.substr(d + 9, svg.find('"', d + 9) - (d + 9));
  static const std::regex point(R"([ML]([-0-9.]+),)");
  for (auto it = std::sregex_iterator(path.begin(), path.end(), point);
       it != std::sregex_iterator(); ++it)
    xs.push_back(std::stod((*it)[1]));
  return xs;
}

TEST(HtmlReport, FloorStartsAtTheScenarioStartNotAtTheFirstSimulatedStep) {
  ScenarioReport s = ScenarioWithWindows({});
  FanChart& fan = s.fans[0];
  ASSERT_GT(fan.dates.size(), 10u);
  // The scenario's start is the 10th simulated period: the steps before it are not targeted.
  fan.floor_from = fan.dates[9];
  const std::string html = ScenarioSection(s);
  const std::vector<double> median = PathXs(html, "median with the levers");
  ASSERT_EQ(median.size(), fan.dates.size());
  const double floor_x = PathStartX(html, "floor");
  EXPECT_DOUBLE_EQ(floor_x, median[9]);  // the start's x, not the first step's
  EXPECT_GT(floor_x, median[0] + 10);
  // Read back from the report model (triad render), the start is kept.
  const ReportModel m = ReportModelFromJson(ToJson([&] {
    ReportModel r = SampleModel();
    r.scenario = s;
    return r;
  }()));
  ASSERT_TRUE(m.scenario->fans[0].floor_from.has_value());
  EXPECT_EQ(*m.scenario->fans[0].floor_from, fan.dates[9]);
}

TEST(HtmlReport, ScenarioWarningsAreShownAboveTheFanCharts) {
  ScenarioReport s = ScenarioWithWindows({});
  s.warnings = {
      "scenario s.toml: its model's indices are events-weighted, the report's "
      "mentions-weighted (other units)"};
  const std::string html = ScenarioSection(s);
  const std::size_t warning = html.find(
      "<li>warning: scenario s.toml: its model&#39;s indices are events-weighted, the report&#39;s "
      "mentions-weighted (other units)</li>");
  ASSERT_NE(warning, std::string::npos) << html.substr(0, 2000);
  EXPECT_LT(warning, html.find("<h3>Fan charts</h3>"));
  const ReportModel m = ReportModelFromJson(ToJson([&] {
    ReportModel r = SampleModel();
    r.scenario = s;
    return r;
  }()));
  EXPECT_EQ(m.scenario->warnings, s.warnings);
}

TEST(HtmlReport, WindowsNameTheVariablesTheyAffect) {
  const ScenarioReport s = ScenarioWithWindows(
      {{"US election",
        D("2024-09-02"),
        D("2024-11-05"),
        "volatility × 1.5",
        {"CHN_USA", "SECURITY"}},
       {"LDP election", D("2024-09-12"), D("2024-09-27"), "drift −0.1 per step", {"CHN_JPN"}}});
  const std::string html = ScenarioSection(s);
  EXPECT_NE(html.find("<td>volatility × 1.5 for CHN_USA and SECURITY</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>drift −0.1 per step for CHN_JPN</td>"), std::string::npos);
  // The shaded span's tooltip says it too.
  EXPECT_NE(html.find("<title>US election: volatility × 1.5 for CHN_USA and SECURITY</title>"),
            std::string::npos);
}

TEST(HtmlReport, ImpulseResponsesStateTheirUnits) {
  const ReportModel m = SampleModel();
  const std::string html = RenderHtmlReport(m);
  EXPECT_NE(html.find("<title>Response of CHN-USA in index points to a one-standard-deviation "
                      "shock of CHN-RUS</title>"),
            std::string::npos);
  EXPECT_NE(html.find("the response of a dyad (rows) in index points (" + m.index_units + ")"),
            std::string::npos);
  // Each of the 15 panels: its title names the unit.
  EXPECT_EQ(Count(html, "</b>, index points</div>"), 15u);
}

TEST(HtmlReport, ScenarioSaysTheNumberOfPathsOnce) {
  ScenarioReport s = ScenarioWithWindows({});
  s.paths = 4321;
  EXPECT_EQ(Count(ScenarioSection(s), "4321"), 1u);
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
  for (auto& d : m.dyads) d.name = bad;
  m.triangle->actors[0] = m.triangle->roles = bad;
  for (auto& c : m.timeline->changes) c.from = c.to = bad;
  for (auto& v : m.drivers->variables) v = bad;
  for (auto& r : m.drivers->responses) r.shock = bad;
  m.drivers->responses[0].response = bad;
  m.drivers->period_name = bad;
  m.drivers->share_sources[2] = bad;
  m.drivers->fevd[0].dyad = bad;
  m.scenario->name = m.scenario->description = bad;
  for (auto& l : m.scenario->levers) l.name = l.description = bad;
  for (auto& w : m.scenario->windows) {
    w.name = w.effect = bad;
    w.variables = {bad};
  }
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
  // Tags are scanned by hand: std::regex recurses per character and overflows the stack on the
  // report's long SVG paths (under AddressSanitizer's larger frames).
  ASSERT_TRUE(HasEventHandler(" src=x onError = \"y\""));  // the scanner itself
  ASSERT_FALSE(HasEventHandler(" class=\"online\" d=\"M1,2\""));
  std::size_t tags = 0;
  for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    std::size_t name_start = at + 1 + (html[at + 1] == '/' ? 1 : 0);
    std::size_t name_end = name_start;
    while (name_end < html.size() &&
           (std::isalnum(static_cast<unsigned char>(html[name_end])) || html[name_end] == '!'))
      ++name_end;
    const std::size_t close = html.find('>', name_end);
    if (name_end == name_start || close == std::string::npos) continue;
    ++tags;
    const std::string name = html.substr(name_start, name_end - name_start);
    if (name == "!DOCTYPE") continue;
    EXPECT_TRUE(allowed.count(name)) << "unexpected tag <" << name << ">";
    const std::string attributes = html.substr(name_end, close - name_end);
    EXPECT_FALSE(HasEventHandler(attributes)) << html.substr(at, 80);
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

namespace triad {
namespace {

TEST(HtmlReport, EventsBehindMovesLinkOnlyToWebArticlesAndSendNoReferrer) {
  ReportModel m = SampleModel();
  m.dyads[0].moves = {IndexMove{
      D("2024-01-08"),
      -1.25,
      {EventLink{D("2024-01-09"), "CHN (CHINA) → USA (UNITED STATES)",
                 "190 Use conventional military force", -10.0, "https://example.org/a?b=1&c=2"},
       EventLink{D("2024-01-10"), "USA → CHN", "0211 Appeal", 3.0, "javascript:alert(1)"}}}};
  const std::string html = RelationsSection(m);
  EXPECT_NE(html.find("<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noreferrer noopener\""),
            std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);  // shown as text, never as a link
  EXPECT_NE(html.find("0211 Appeal"), std::string::npos);
  EXPECT_NE(html.find("2024-01-08: −1.25 from the period before"), std::string::npos) << html;
  // And the moves survive the JSON round trip.
  const ReportModel back = ReportModelFromJson(ToJson(m));
  ASSERT_EQ(back.dyads[0].moves.size(), 1u);
  EXPECT_EQ(back.dyads[0].moves[0].events[1].url, "javascript:alert(1)");
  EXPECT_DOUBLE_EQ(back.dyads[0].moves[0].change, -1.25);
}

}  // namespace
}  // namespace triad
