#pragma once
// Hand-made SVG charts for the HTML report: an x–y chart with a value or date x axis, to which
// layers are added in drawing order (bands, lines, points with whiskers, rules, shaded spans,
// stacked areas), and an HTML legend. Every coordinate is finite: a NaN in a series breaks the
// line or band there instead of drawing through it. Text passed in (titles, labels) is
// HTML-escaped here, so callers pass plain text.
#include <string>
#include <vector>

#include "outputs/svg_ticks.hpp"

namespace triad {

// Okabe & Ito (2008), "Color Universal Design": distinguishable with any colour vision.
namespace colour {
inline constexpr const char* kBlue = "#0072B2";
inline constexpr const char* kOrange = "#E69F00";
inline constexpr const char* kSky = "#56B4E9";
inline constexpr const char* kGreen = "#009E73";
inline constexpr const char* kYellow = "#F0E442";
inline constexpr const char* kVermillion = "#D55E00";
inline constexpr const char* kPurple = "#CC79A7";
inline constexpr const char* kGrey = "#8C8C8C";
inline constexpr const char* kInk = "#1F2328";
}  // namespace colour

// The i-th colour of a categorical series (cycles after 7).
const char* SeriesColour(std::size_t i);

enum class Stroke { kSolid, kDashed, kDotted };

class XYChart {
 public:
  struct Options {
    int width = 960;  // pixels (the SVG scales to its container; this sets the aspect)
    int height = 260;
    int margin_left = 58;
    int margin_right = 16;
    int margin_top = 14;
    int margin_bottom = 30;
    bool date_axis = true;  // x values are Days
    std::string y_label;    // written along the y axis
    std::string x_label;    // under the x axis (numeric axes)
    int y_ticks = 5;
    int x_ticks = 8;
  };

  // [x_lo, x_hi] is used as given; [y_lo, y_hi] is widened to nice ticks.
  XYChart(Options options, double x_lo, double x_hi, double y_lo, double y_hi);

  // A filled band between lo and hi; broken where either is NaN. Returns whether anything was
  // drawn (a legend lists only what is drawn).
  bool Band(const std::vector<double>& x, const std::vector<double>& lo,
            const std::vector<double>& hi, const std::string& colour, double opacity);
  // A polyline; broken where y is NaN. Returns whether anything was drawn (two finite points in
  // a row at least).
  bool Line(const std::vector<double>& x, const std::vector<double>& y, const std::string& colour,
            double width, Stroke stroke = Stroke::kSolid, const std::string& title = "");
  // Dots at finite y, each with its tooltip (titles may be empty, or one per point). A value
  // outside the y axis is drawn as a hollow triangle on the edge it lies beyond.
  void Points(const std::vector<double>& x, const std::vector<double>& y, const std::string& colour,
              double radius, const std::vector<std::string>& titles);
  // Vertical error bars from lo to hi where both are finite.
  void Whiskers(const std::vector<double>& x, const std::vector<double>& lo,
                const std::vector<double>& hi, const std::string& colour);
  // A horizontal rule across the plot at y, with a label at its right end (may be empty).
  void HRule(double y, const std::string& colour, Stroke stroke, const std::string& label);
  // A shaded x range [x0, x1] (clipped to the plot) with a label at its top and a tooltip (the
  // label when empty); returns whether it is visible. Labels are laid out when the chart is
  // finished: each on the first of kSpanLabelRows text rows where it overlaps no other label (moved
  // left, if need be, to end inside the plot), else shortened with "…" to the room left, else left
  // out (the span keeps its tooltip).
  bool VSpan(double x0, double x1, const std::string& fill, const std::string& label,
             const std::string& tooltip = "");
  static constexpr int kSpanLabelRows = 3;
  // Width of a span label's text in pixels, as the layout estimates it (font size 10).
  static double SpanLabelWidth(const std::string& text);
  // A vertical marker line at x with a tooltip.
  void VMarker(double x, const std::string& colour, const std::string& title);
  // A strip of coloured cells in the top margin (needs margin_top >= 14): cell i spans
  // [x[i], x[i+1]) and is left out when its colour is empty. For a categorical state per period
  // (the most likely triangle type).
  void TopStrip(const std::vector<double>& x, const std::vector<std::string>& colours,
                const std::vector<std::string>& titles);
  // True when y lies outside the y axis (Points draws it on the edge).
  bool OffScale(double y) const { return y < y_.lo || y > y_.hi; }
  // Layers stacked from 0 upwards: layer k fills between the sum of layers < k and <= k. A
  // period where any layer is NaN breaks every area.
  void StackedAreas(const std::vector<double>& x, const std::vector<std::vector<double>>& layers,
                    const std::vector<std::string>& colours,
                    const std::vector<std::string>& titles);

  // The finished <svg> element; `description` becomes its accessible name (<title>).
  std::string Svg(const std::string& description) const;

  // Pixel coordinates, for tests and custom layers.
  double PixelX(double x) const;
  double PixelY(double y) const;

 private:
  std::string Axes() const;
  std::string SpanLabels() const;

  struct SpanLabel {
    double left, right;  // the span, pixels
    std::string text;
  };

  Options o_;
  double x_lo_, x_hi_;
  NiceAxis y_;
  std::string layers_;                  // SVG elements in drawing order
  std::vector<SpanLabel> span_labels_;  // drawn on top of the layers, laid out together
};

// An HTML legend: a row of swatches (line, dashed line, band, point) with labels.
enum class SwatchKind { kLine, kDashed, kBand, kPoint, kBlock, kOffScale };
struct LegendItem {
  std::string label;
  std::string colour;
  SwatchKind kind = SwatchKind::kLine;
};
std::string LegendHtml(const std::vector<LegendItem>& items);

// The range of the finite values among several series, or {NaN, NaN} when there are none.
struct ValueRange {
  double lo;
  double hi;
};
ValueRange FiniteRange(const std::vector<const std::vector<double>*>& series);

// Days as chart x values.
std::vector<double> DaysAsX(const std::vector<Day>& days);

}  // namespace triad
