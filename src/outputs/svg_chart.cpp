#include "outputs/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "outputs/html_escape.hpp"

namespace triad {
namespace {

constexpr const char* kGridColour = "#E3E6EA";
constexpr const char* kTickColour = "#5B636B";
constexpr const char* kFont = "font-family=\"inherit\" font-size=\"11\"";

std::string DashArray(Stroke stroke) {
  switch (stroke) {
    case Stroke::kDashed:
      return " stroke-dasharray=\"6 4\"";
    case Stroke::kDotted:
      return " stroke-dasharray=\"2 3\"";
    case Stroke::kSolid:
      break;
  }
  return "";
}

std::string TitleElement(const std::string& title) {
  return title.empty() ? "" : "<title>" + HtmlEscape(title) + "</title>";
}

// Runs [begin, end) of consecutive indices for which ok(i) holds.
template <typename Ok>
std::vector<std::pair<std::size_t, std::size_t>> Runs(std::size_t n, Ok ok) {
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  std::size_t i = 0;
  while (i < n) {
    while (i < n && !ok(i)) ++i;
    const std::size_t begin = i;
    while (i < n && ok(i)) ++i;
    if (i > begin) runs.emplace_back(begin, i);
  }
  return runs;
}

std::string Pt(double x, double y) {
  return fmt::format("{:.1f},{:.1f}", x, y);
}

}  // namespace

const char* SeriesColour(std::size_t i) {
  static constexpr std::array<const char*, 7> kCycle = {
      colour::kBlue,   colour::kOrange, colour::kGreen, colour::kVermillion,
      colour::kPurple, colour::kSky,    colour::kYellow};
  return kCycle[i % kCycle.size()];
}

XYChart::XYChart(Options options, double x_lo, double x_hi, double y_lo, double y_hi)
    : o_(std::move(options)), x_lo_(x_lo), x_hi_(x_hi) {
  if (!std::isfinite(x_lo_) || !std::isfinite(x_hi_)) x_lo_ = 0, x_hi_ = 1;
  if (x_hi_ <= x_lo_) x_hi_ = x_lo_ + 1;
  y_ = NiceValueAxis(y_lo, y_hi, o_.y_ticks);
}

double XYChart::PixelX(double x) const {
  const double left = o_.margin_left;
  const double right = o_.width - o_.margin_right;
  return left + (x - x_lo_) / (x_hi_ - x_lo_) * (right - left);
}

double XYChart::PixelY(double y) const {
  const double top = o_.margin_top;
  const double bottom = o_.height - o_.margin_bottom;
  const double p = bottom - (y - y_.lo) / (y_.hi - y_.lo) * (bottom - top);
  // Values outside the axis (never from the data the range was built from) stay on the edge.
  return std::clamp(p, top, bottom);
}

bool XYChart::Band(const std::vector<double>& x, const std::vector<double>& lo,
                   const std::vector<double>& hi, const std::string& colour, double opacity) {
  const std::size_t n = std::min({x.size(), lo.size(), hi.size()});
  bool drawn = false;
  for (auto [b, e] : Runs(n, [&](std::size_t i) {
         return std::isfinite(x[i]) && std::isfinite(lo[i]) && std::isfinite(hi[i]);
       })) {
    if (e - b < 2) continue;
    std::string points;
    for (std::size_t i = b; i < e; ++i) points += Pt(PixelX(x[i]), PixelY(hi[i])) + " ";
    for (std::size_t i = e; i-- > b;) points += Pt(PixelX(x[i]), PixelY(lo[i])) + " ";
    points.pop_back();
    layers_ += fmt::format("<polygon points=\"{}\" fill=\"{}\" fill-opacity=\"{:.2f}\"/>\n", points,
                           colour, opacity);
    drawn = true;
  }
  return drawn;
}

bool XYChart::Line(const std::vector<double>& x, const std::vector<double>& y,
                   const std::string& colour, double width, Stroke stroke,
                   const std::string& title) {
  const std::size_t n = std::min(x.size(), y.size());
  std::string d;
  for (auto [b, e] :
       Runs(n, [&](std::size_t i) { return std::isfinite(x[i]) && std::isfinite(y[i]); })) {
    if (e - b < 2) continue;
    for (std::size_t i = b; i < e; ++i)
      d += fmt::format("{}{:.1f},{:.1f}", i == b ? "M" : "L", PixelX(x[i]), PixelY(y[i]));
  }
  if (d.empty()) return false;
  layers_ += fmt::format(
      "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{:.1f}\" "
      "stroke-linejoin=\"round\"{}>{}</path>\n",
      d, colour, width, DashArray(stroke), TitleElement(title));
  return true;
}

void XYChart::Points(const std::vector<double>& x, const std::vector<double>& y,
                     const std::string& colour, double radius,
                     const std::vector<std::string>& titles) {
  const std::size_t n = std::min(x.size(), y.size());
  layers_ += fmt::format("<g fill=\"{}\">", colour);
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i])) continue;
    const std::string title = TitleElement(i < titles.size() ? titles[i] : "");
    const double px = PixelX(x[i]), py = PixelY(y[i]);
    if (OffScale(y[i])) {
      const double tip = y[i] > y_.hi ? -6.0 : 6.0;  // points away from the plot
      layers_ += fmt::format(
          "<path d=\"M{:.1f},{:.1f}L{:.1f},{:.1f}L{:.1f},{:.1f}Z\" fill=\"#fff\" stroke=\"{}\" "
          "stroke-width=\"1.2\">{}</path>",
          px, py + tip, px - 4, py, px + 4, py, colour, title);
      continue;
    }
    layers_ += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\">{}</circle>", px, py,
                           radius, title);
  }
  layers_ += "</g>\n";
}

void XYChart::Whiskers(const std::vector<double>& x, const std::vector<double>& lo,
                       const std::vector<double>& hi, const std::string& colour) {
  const std::size_t n = std::min({x.size(), lo.size(), hi.size()});
  std::string d;
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(lo[i]) || !std::isfinite(hi[i])) continue;
    const double px = PixelX(x[i]);
    d += fmt::format("M{:.1f},{:.1f}V{:.1f}", px, PixelY(lo[i]), PixelY(hi[i]));
  }
  if (d.empty()) return;
  layers_ +=
      fmt::format("<path d=\"{}\" stroke=\"{}\" stroke-width=\"1\" fill=\"none\"/>\n", d, colour);
}

void XYChart::HRule(double y, const std::string& colour, Stroke stroke, const std::string& label) {
  if (!std::isfinite(y)) return;
  const double py = PixelY(y);
  const double x0 = o_.margin_left, x1 = o_.width - o_.margin_right;
  layers_ += fmt::format(
      "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" "
      "stroke-width=\"1.5\"{}/>\n",
      x0, py, x1, py, colour, DashArray(stroke));
  if (!label.empty())
    layers_ += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" fill=\"{}\" {} "
        "paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">{}</text>\n",
        x1 - 4, py - 4, colour, kFont, HtmlEscape(label));
}

bool XYChart::VSpan(double x0, double x1, const std::string& fill, const std::string& label,
                    const std::string& tooltip) {
  if (!std::isfinite(x0) || !std::isfinite(x1)) return false;
  const double left = o_.margin_left, right = o_.width - o_.margin_right;
  const double p0 = std::clamp(PixelX(x0), left, right);
  const double p1 = std::clamp(PixelX(x1), left, right);
  if (p1 <= p0) return false;
  const double top = o_.margin_top, bottom = o_.height - o_.margin_bottom;
  layers_ += fmt::format(
      "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" "
      "fill-opacity=\"0.35\">{}</rect>\n",
      p0, top, p1 - p0, bottom - top, fill, TitleElement(tooltip.empty() ? label : tooltip));
  if (!label.empty()) span_labels_.push_back({p0, p1, label});
  return true;
}

namespace {

constexpr double kSpanLabelCharWidth = 6.2;  // pixels per character at font size 10, generous
constexpr double kSpanLabelGap = 6;          // pixels between two labels on a row
constexpr double kSpanLabelRowHeight = 12;

std::size_t CodePoints(const std::string& text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// The first `n` code points of text.
std::string FirstCodePoints(const std::string& text, std::size_t n) {
  std::size_t i = 0;
  for (; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && n-- == 0) break;
  return text.substr(0, i);
}

}  // namespace

double XYChart::SpanLabelWidth(const std::string& text) {
  return kSpanLabelCharWidth * static_cast<double>(CodePoints(text));
}

std::string XYChart::SpanLabels() const {
  const double left = o_.margin_left, right = o_.width - o_.margin_right;
  std::vector<std::size_t> order(span_labels_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return span_labels_[a].left < span_labels_[b].left;
  });
  std::array<double, kSpanLabelRows> row_end;  // right end of the last label on each row
  row_end.fill(-1e9);
  std::string out;
  auto place = [&](int row, double x, const std::string& text) {
    row_end[row] = x + SpanLabelWidth(text);
    out += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"{}\" font-size=\"10\" paint-order=\"stroke\" "
        "stroke=\"#fff\" stroke-width=\"3\" stroke-opacity=\"0.8\">{}</text>\n",
        x, o_.margin_top + 11 + kSpanLabelRowHeight * row, kTickColour, HtmlEscape(text));
  };
  for (std::size_t k = 0; k < order.size(); ++k) {
    const SpanLabel& s = span_labels_[order[k]];
    const double anchor = s.left + 3;
    // A label may reach as far as the plot's edge, but not past the start of the label
    // kSpanLabelRows places later, which may need its row: close windows get short labels, no
    // label is crowded out.
    const double limit =
        k + kSpanLabelRows < order.size()
            ? std::max(anchor, span_labels_[order[k + kSpanLabelRows]].left + 3 - kSpanLabelGap)
            : right;
    const double end = std::min(right, limit);
    // Where the label would start on `row`: at its span, moved left to end inside the plot, but
    // never over the row's previous label. It must start over its span, or it would name another.
    auto start = [&](int row, double width) {
      return std::max({std::min(anchor, right - width), row_end[row] + kSpanLabelGap, left});
    };
    auto over_span = [&](double x) { return x <= std::max(anchor, s.right - 3); };
    const double width = SpanLabelWidth(s.text);
    int row = 0;
    while (row < kSpanLabelRows &&
           !(start(row, width) + width <= end && over_span(start(row, width))))
      ++row;
    if (row < kSpanLabelRows) {
      place(row, start(row, width), s.text);
      continue;
    }
    // No row has room for the whole label: shorten it on the row where it gets the most room.
    int best = -1;
    double best_room = 0;
    for (int r = 0; r < kSpanLabelRows; ++r) {
      const double x = start(r, 0);
      if (over_span(x) && end - x > best_room) best = r, best_room = end - x;
    }
    const auto chars = static_cast<std::size_t>(best_room / kSpanLabelCharWidth);
    if (best >= 0 && chars >= 4)
      place(best, start(best, 0), FirstCodePoints(s.text, chars - 1) + "…");
  }
  return out;
}

void XYChart::VMarker(double x, const std::string& colour, const std::string& title) {
  if (!std::isfinite(x)) return;
  const double px = PixelX(x);
  layers_ += fmt::format(
      "<line x1=\"{:.1f}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1.5\" "
      "stroke-dasharray=\"3 2\">{}</line>\n",
      px, o_.margin_top, px, o_.height - o_.margin_bottom, colour, TitleElement(title));
}

void XYChart::TopStrip(const std::vector<double>& x, const std::vector<std::string>& colours,
                       const std::vector<std::string>& titles) {
  const std::size_t n = std::min(x.size(), colours.size());
  const double left = o_.margin_left, right = o_.width - o_.margin_right;
  for (std::size_t i = 0; i < n; ++i) {
    if (colours[i].empty() || !std::isfinite(x[i])) continue;
    const double next = i + 1 < n ? x[i + 1] : x[i] + (i > 0 ? x[i] - x[i - 1] : 1.0);
    const double p0 = std::clamp(PixelX(x[i]), left, right);
    const double p1 = std::clamp(PixelX(next), left, right);
    if (p1 <= p0) continue;
    layers_ += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.2f}\" height=\"8\" fill=\"{}\">{}</rect>", p0,
        o_.margin_top - 12.0, p1 - p0 + 0.3, colours[i],
        TitleElement(i < titles.size() ? titles[i] : ""));
  }
  layers_ += "\n";
}

void XYChart::StackedAreas(const std::vector<double>& x,
                           const std::vector<std::vector<double>>& layers,
                           const std::vector<std::string>& colours,
                           const std::vector<std::string>& titles) {
  std::size_t n = x.size();
  for (const auto& layer : layers) n = std::min(n, layer.size());
  auto all_finite = [&](std::size_t i) {
    if (!std::isfinite(x[i])) return false;
    for (const auto& layer : layers)
      if (!std::isfinite(layer[i])) return false;
    return true;
  };
  const auto runs = Runs(n, all_finite);
  for (std::size_t k = 0; k < layers.size(); ++k) {
    std::string polygons;
    for (auto [b, e] : runs) {
      if (e - b < 2) continue;
      auto cumulative = [&](std::size_t i, std::size_t upto) {
        double sum = 0.0;
        for (std::size_t j = 0; j < upto; ++j) sum += layers[j][i];
        return sum;
      };
      std::string points;
      for (std::size_t i = b; i < e; ++i)
        points += Pt(PixelX(x[i]), PixelY(cumulative(i, k + 1))) + " ";
      for (std::size_t i = e; i-- > b;) points += Pt(PixelX(x[i]), PixelY(cumulative(i, k))) + " ";
      points.pop_back();
      polygons += fmt::format("<polygon points=\"{}\"/>", points);
    }
    if (polygons.empty()) continue;
    layers_ += fmt::format("<g fill=\"{}\" stroke=\"#fff\" stroke-width=\"0.3\">{}{}</g>\n",
                           k < colours.size() ? colours[k] : SeriesColour(k),
                           TitleElement(k < titles.size() ? titles[k] : ""), polygons);
  }
}

std::string XYChart::Axes() const {
  const double left = o_.margin_left, right = o_.width - o_.margin_right;
  const double top = o_.margin_top, bottom = o_.height - o_.margin_bottom;
  std::string out = "<g>";
  for (const auto& t : y_.ticks) {
    const double py = PixelY(t.at);
    const bool zero = std::fabs(t.at) < 1e-12 && y_.lo < 0 && y_.hi > 0;
    out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" "
        "stroke-width=\"1\"/>",
        left, py, right, py, zero ? "#9AA1A9" : kGridColour);
    out +=
        fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" fill=\"{}\" {}>{}</text>",
                    left - 6, py + 4, kTickColour, kFont, HtmlEscape(t.label));
  }
  std::vector<Tick> x_ticks;
  if (o_.date_axis) {
    x_ticks = NiceDateTicks(static_cast<Day>(std::ceil(x_lo_)), static_cast<Day>(std::floor(x_hi_)),
                            o_.x_ticks);
  } else {
    for (const auto& t : NiceValueAxis(x_lo_, x_hi_, o_.x_ticks).ticks)
      if (t.at >= x_lo_ - 1e-9 && t.at <= x_hi_ + 1e-9) x_ticks.push_back(t);
  }
  for (const auto& t : x_ticks) {
    const double px = PixelX(t.at);
    out +=
        fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\"/>",
                    px, top, px, bottom, kGridColour);
    out +=
        fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\"/>",
                    px, bottom, px, bottom + 4, kTickColour);
    out += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"{}\" {}>{}</text>", px,
        bottom + 16, kTickColour, kFont, HtmlEscape(t.label));
  }
  out +=
      fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\"/>",
                  left, bottom, right, bottom, kTickColour);
  if (!o_.y_label.empty())
    out += fmt::format(
        "<text transform=\"translate({:.1f},{:.1f}) rotate(-90)\" text-anchor=\"middle\" "
        "fill=\"{}\" {}>{}</text>",
        12.0, (top + bottom) / 2, kTickColour, kFont, HtmlEscape(o_.y_label));
  if (!o_.x_label.empty())
    out += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"{}\" {}>{}</text>",
        (left + right) / 2, static_cast<double>(o_.height) - 2, kTickColour, kFont,
        HtmlEscape(o_.x_label));
  return out + "</g>\n";
}

std::string XYChart::Svg(const std::string& description) const {
  return fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\">"
      "<title>{}</title>\n{}{}</svg>\n",
      o_.width, o_.height, o_.width, o_.height, HtmlEscape(description), Axes(),
      layers_ + SpanLabels());
}

std::string LegendHtml(const std::vector<LegendItem>& items) {
  std::string out = "<div class=\"legend\">";
  for (const auto& item : items) {
    std::string swatch;
    switch (item.kind) {
      case SwatchKind::kLine:
        swatch = fmt::format(
            "<line x1=\"1\" y1=\"6\" x2=\"21\" y2=\"6\" stroke=\"{}\" "
            "stroke-width=\"2.5\"/>",
            item.colour);
        break;
      case SwatchKind::kDashed:
        swatch = fmt::format(
            "<line x1=\"1\" y1=\"6\" x2=\"21\" y2=\"6\" stroke=\"{}\" "
            "stroke-width=\"2\" stroke-dasharray=\"5 3\"/>",
            item.colour);
        break;
      case SwatchKind::kBand:
        swatch = fmt::format(
            "<rect x=\"1\" y=\"1\" width=\"20\" height=\"10\" fill=\"{}\" "
            "fill-opacity=\"0.3\"/>",
            item.colour);
        break;
      case SwatchKind::kPoint:
        swatch = fmt::format(
            "<line x1=\"11\" y1=\"0\" x2=\"11\" y2=\"12\" stroke=\"{}\"/>"
            "<circle cx=\"11\" cy=\"6\" r=\"3\" fill=\"{}\"/>",
            item.colour, item.colour);
        break;
      case SwatchKind::kOffScale:
        swatch =
            fmt::format("<path d=\"M11,1L7,9L15,9Z\" fill=\"#fff\" stroke=\"{}\"/>", item.colour);
        break;
      case SwatchKind::kBlock:
        swatch = fmt::format("<rect x=\"1\" y=\"1\" width=\"20\" height=\"10\" fill=\"{}\"/>",
                             item.colour);
        break;
    }
    out += fmt::format(
        "<span class=\"legend-item\"><svg width=\"22\" height=\"12\" aria-hidden=\"true\">{}"
        "</svg>{}</span>",
        swatch, HtmlEscape(item.label));
  }
  return out + "</div>\n";
}

ValueRange FiniteRange(const std::vector<const std::vector<double>*>& series) {
  double lo = INFINITY, hi = -INFINITY;
  for (const auto* s : series)
    for (double v : *s)
      if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  if (lo > hi) return {NAN, NAN};
  return {lo, hi};
}

std::vector<double> DaysAsX(const std::vector<Day>& days) {
  return std::vector<double>(days.begin(), days.end());
}

}  // namespace triad
