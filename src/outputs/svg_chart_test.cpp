#include "outputs/svg_chart.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <regex>

#include "outputs/svg_bars.hpp"
#include "outputs/svg_ticks.hpp"
#include "outputs/svg_triangle.hpp"

namespace triad {
namespace {

std::vector<std::string> Labels(const std::vector<Tick>& ticks) {
  std::vector<std::string> out;
  for (const auto& t : ticks) out.push_back(t.label);
  return out;
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

Day D(const char* text) {
  return *ParseDate(text);
}

TEST(NiceValueAxis, WidensToWholeSteps) {
  const NiceAxis a = NiceValueAxis(-0.69, 2.8, 5);  // span 3.49 / 5 = 0.70 -> step 1
  EXPECT_DOUBLE_EQ(a.lo, -1.0);
  EXPECT_DOUBLE_EQ(a.hi, 3.0);
  EXPECT_EQ(Labels(a.ticks), (std::vector<std::string>{"\u22121", "0", "1", "2", "3"}));

  const NiceAxis p = NiceValueAxis(0.0, 1.0, 5);
  EXPECT_EQ(Labels(p.ticks), (std::vector<std::string>{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}));
  // 0.25 steps need two decimals to tell the ticks apart.
  const NiceAxis q = NiceValueAxis(-0.2, 0.7, 4);  // 0.9 / 4 = 0.225 -> step 0.25
  EXPECT_EQ(Labels(q.ticks),
            (std::vector<std::string>{"\u22120.25", "0.00", "0.25", "0.50", "0.75"}));
}

TEST(NiceValueAxis, DegenerateInput) {
  const NiceAxis flat = NiceValueAxis(5.0, 5.0, 5);  // padded by 10% either side
  EXPECT_LE(flat.lo, 4.5);
  EXPECT_GE(flat.hi, 5.5);
  const NiceAxis none = NiceValueAxis(NAN, NAN, 5);
  EXPECT_DOUBLE_EQ(none.lo, 0.0);
  EXPECT_DOUBLE_EQ(none.hi, 1.0);
}

TEST(NiceDateTicks, YearsMonthsDays) {
  EXPECT_EQ(Labels(NiceDateTicks(D("2018-01-01"), D("2024-02-19"), 8)),
            (std::vector<std::string>{"2018", "2019", "2020", "2021", "2022", "2023", "2024"}));
  // 672 days / 8 = 84 days wanted -> every 3 months; the year is named on the first tick and
  // on January.
  EXPECT_EQ(Labels(NiceDateTicks(D("2023-02-27"), D("2024-12-30"), 8)),
            (std::vector<std::string>{"Apr 2023", "Jul", "Oct", "Jan 2024", "Apr", "Jul", "Oct"}));
  const auto days = NiceDateTicks(D("2024-01-01"), D("2024-01-07"), 7);
  EXPECT_EQ(days.front().label, "1 Jan 2024");
  EXPECT_EQ(days[1].label, "2 Jan");
  EXPECT_EQ(days.size(), 7u);
  // Weekly ticks fall on Mondays.
  for (const auto& t : NiceDateTicks(D("2024-01-03"), D("2024-04-30"), 8)) {
    EXPECT_EQ(((static_cast<int>(t.at) - 4) % 7 + 7) % 7, 0) << t.label;
  }
}

TEST(FormatNumber, MinusSignAndNoNegativeZero) {
  EXPECT_EQ(FormatNumber(-1.5, 1), "\u22121.5");
  EXPECT_EQ(FormatNumber(-0.004, 2), "0.00");
  EXPECT_EQ(FormatNumber(0.3, 2, true), "+0.30");
  EXPECT_EQ(FormatNumber(0.0, 2, true), "0.00");
  EXPECT_EQ(FormatNumber(NAN, 2), "–");
}

XYChart::Options SmallChart() {
  XYChart::Options o;
  o.width = 200;
  o.height = 100;
  o.margin_left = 20;
  o.margin_right = 20;
  o.margin_top = 10;
  o.margin_bottom = 10;
  o.date_axis = false;
  return o;
}

TEST(XYChart, MapsDataToThePlotArea) {
  XYChart chart(SmallChart(), 0.0, 10.0, 0.0, 1.0);
  EXPECT_DOUBLE_EQ(chart.PixelX(0.0), 20.0);
  EXPECT_DOUBLE_EQ(chart.PixelX(10.0), 180.0);
  EXPECT_DOUBLE_EQ(chart.PixelX(5.0), 100.0);
  EXPECT_DOUBLE_EQ(chart.PixelY(0.0), 90.0);  // y grows downwards in SVG
  EXPECT_DOUBLE_EQ(chart.PixelY(1.0), 10.0);
  EXPECT_DOUBLE_EQ(chart.PixelY(0.25), 70.0);
}

TEST(XYChart, MissingValuesBreakLinesAndBands) {
  XYChart chart(SmallChart(), 0.0, 6.0, 0.0, 1.0);
  const std::vector<double> x = {0, 1, 2, 3, 4, 5, 6};
  const std::vector<double> y = {0.1, 0.2, NAN, 0.4, 0.5, 0.6, INFINITY};
  chart.Line(x, y, "#000", 1.0);
  chart.Band(x, {0, 0, 0, NAN, 0, 0, 0}, {1, 1, 1, 1, 1, 1, 1}, "#00f", 0.3);
  const std::string svg = chart.Svg("test");
  // One path with two runs: {0,1} and {3,4,5}; the infinite value is a gap too.
  const std::regex path("<path d=\"([^\"]*)\" fill=\"none\"");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, path));
  EXPECT_EQ(Count(m[1].str(), "M"), 2u);
  EXPECT_EQ(Count(m[1].str(), "L"), 3u);
  EXPECT_TRUE(m[1].str().rfind("M20.0,82.0L46.7,74.0M100.0,58.0", 0) == 0) << m[1].str();
  // Two band polygons: points 0..2 and 4..6.
  EXPECT_EQ(Count(svg, "<polygon"), 2u);
  EXPECT_EQ(Count(svg, "nan"), 0u);
  EXPECT_EQ(Count(svg, "inf"), 0u);
}

struct TextBox {
  double x, y, width;
  std::string text;
};

// The span labels of an SVG (the only text at font size 10), with their estimated widths.
std::vector<TextBox> SpanLabelBoxes(const std::string& svg) {
  const std::regex text(
      R"re(<text x="([-0-9.]+)" y="([-0-9.]+)"[^>]*font-size="10"[^>]*>([^<]*)</text>)re");
  std::vector<TextBox> out;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text); it != std::sregex_iterator();
       ++it) {
    const std::string label = (*it)[3].str();
    out.push_back({std::stod((*it)[1].str()), std::stod((*it)[2].str()),
                   XYChart::SpanLabelWidth(label), label});
  }
  return out;
}

TEST(XYChart, SpanLabelsNeverOverlapAndStayInThePlot) {
  XYChart::Options o;  // 960 wide, plot from x = 58 to 944, top at y = 14
  XYChart chart(o, D("2024-01-01"), D("2024-12-31"), 0.0, 1.0);
  const std::vector<std::pair<const char*, const char*>> windows = {
      {"2024-03-04", "Two sessions (NPC)"},
      {"2024-09-02", "US presidential campaign, final stretch"},
      {"2024-09-12", "LDP presidential election"},
      {"2024-09-20", "UN General Assembly week"},
      {"2024-10-01", "PRC National Day"},
      {"2024-11-05", "US presidential election day and count"},
      {"2024-12-20", "Year-end Central Economic Work Conference"}};
  for (const auto& [from, name] : windows) chart.VSpan(D(from), D(from) + 7.0, "#ff0", name);
  const std::vector<TextBox> boxes = SpanLabelBoxes(chart.Svg("windows"));
  // Close ones are shortened; only the last, squeezed against the right edge, may be left out
  // (its span keeps its tooltip).
  EXPECT_GE(boxes.size(), windows.size() - 1);
  std::size_t full = 0;
  for (const TextBox& b : boxes) {
    EXPECT_GE(b.x, 58.0) << b.text;
    EXPECT_LE(b.x + b.width, 944.0) << b.text;  // nothing runs off the right edge
    EXPECT_LE(b.y, 14 + 11 + 12.0 * (XYChart::kSpanLabelRows - 1)) << b.text;
    bool whole = false;
    for (const auto& w : windows) whole |= b.text == w.second;
    full += whole;
  }
  EXPECT_GE(full, 3u);  // the ones with room keep their whole name
  for (std::size_t i = 0; i < boxes.size(); ++i)
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      if (boxes[i].y != boxes[j].y) continue;  // different rows
      const bool apart =
          boxes[i].x + boxes[i].width <= boxes[j].x || boxes[j].x + boxes[j].width <= boxes[i].x;
      EXPECT_TRUE(apart) << "'" << boxes[i].text << "' overlaps '" << boxes[j].text << "'";
    }
}

TEST(XYChart, PointsOffTheScaleSitOnTheEdge) {
  XYChart chart(SmallChart(), 0.0, 2.0, 0.0, 1.0);
  chart.Points({0, 1, 2}, {0.5, 7.0, -3.0}, "#000", 2.0, {"a", "b", "c"});
  const std::string svg = chart.Svg("points");
  EXPECT_EQ(Count(svg, "<circle"), 1u);
  // The point above the axis is a triangle on the top edge (y = 10) pointing up.
  EXPECT_NE(svg.find("M100.0,4.0L96.0,10.0L104.0,10.0Z"), std::string::npos) << svg;
  EXPECT_NE(svg.find("M180.0,96.0L176.0,90.0L184.0,90.0Z"), std::string::npos);
  EXPECT_NE(svg.find("<title>b</title>"), std::string::npos);
}

TEST(XYChart, StackedAreasFillToTheSum) {
  XYChart chart(SmallChart(), 0.0, 1.0, 0.0, 1.0);
  chart.StackedAreas({0, 1}, {{0.25, 0.5}, {0.75, 0.5}}, {"#111", "#222"}, {"first", "second"});
  const std::string svg = chart.Svg("stack");
  // First layer: from 0 up to 0.25 / 0.5; second from there up to 1 (the plot's top, y = 10).
  EXPECT_NE(svg.find("points=\"20.0,70.0 180.0,50.0 180.0,90.0 20.0,90.0\""), std::string::npos)
      << svg;
  EXPECT_NE(svg.find("points=\"20.0,10.0 180.0,10.0 180.0,50.0 20.0,70.0\""), std::string::npos);
}

TEST(ShareBars, SegmentsSpanTheirShares) {
  const std::string svg =
      StackedShareBarsSvg({{"CHN-USA", {0.5, 0.25, 0.25}}}, {"own", "other dyads", "trade"},
                          {"#111", "#222", "#333"}, "fevd", 296);
  // Plot from x = 96 to 280 (184 px): 50% is 92 px, 25% is 46 px.
  EXPECT_NE(svg.find("x=\"96.0\" y=\"14.0\" width=\"92.0\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("x=\"188.0\" y=\"14.0\" width=\"46.0\""), std::string::npos);
  EXPECT_NE(svg.find("<title>CHN-USA: trade: 25%</title>"), std::string::npos);
}

TEST(ProbabilityBars, ErrorBarsAreNinetyPercent) {
  const std::string svg = ProbabilityBarsSvg({{"target", 0.5, 0.1, 0.8, NAN}}, "baseline", "#aaa",
                                             "levers", "#00f", "on track", 276);
  // 0..100% spans x = 16..116 (160 px on the right for the value text); 0.5 ± 1.645 * 0.1 ->
  // 33.55%..66.45% -> 49.6..82.4 px.
  EXPECT_NE(svg.find("M49.6,"), std::string::npos) << svg;
  EXPECT_NE(svg.find("H82.4"), std::string::npos);
  EXPECT_NE(svg.find(">50% ± 16.4 (90% interval)<"), std::string::npos);
  EXPECT_NE(svg.find(">80%<"), std::string::npos);  // no s.e.: no error bar, no ±
}

TEST(TriangleDiagram, RolesFromSigns) {
  // Dyads A–B, A–C, B–C. One hostile edge B–C: A is the pivot.
  EXPECT_EQ(ActorRoles({1, 1, -1}), (std::array<std::string, 3>{"pivot", "wing", "wing"}));
  // One friendly edge A–C: B is the outcast.
  EXPECT_EQ(ActorRoles({-1, 1, -1}), (std::array<std::string, 3>{"married", "outcast", "married"}));
  EXPECT_EQ(ActorRoles({1, 1, 1}), (std::array<std::string, 3>{"", "", ""}));
  EXPECT_EQ(ActorRoles({1, 0, -1}), (std::array<std::string, 3>{"", "", ""}));

  TriangleSnapshot t;
  t.actors = {"CHN", "USA", "JPN"};
  t.edges = {-0.5, 0.4, 1.2};
  t.signs = {-1, 1, 1};
  const std::string svg = TriangleDiagramSvg(t);
  EXPECT_EQ(Count(svg, "stroke-dasharray=\"10 6\""), 1u);  // the one hostile edge
  EXPECT_NE(svg.find("CHN–USA: \u22120.50 (hostile)"), std::string::npos);
  EXPECT_NE(svg.find(">pivot<"), std::string::npos);
}

}  // namespace
}  // namespace triad
