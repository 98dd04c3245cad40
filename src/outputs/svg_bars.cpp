#include "outputs/svg_bars.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "outputs/html_escape.hpp"
#include "outputs/svg_chart.hpp"
#include "outputs/svg_ticks.hpp"

namespace triad {
namespace {

constexpr const char* kFont = "font-size=\"11\"";
constexpr const char* kTickColour = "#5B636B";
constexpr double kZ90 = 1.6448536269514722;  // Normal quantile for a two-sided 90% interval

std::string Percent(double p) {
  return FormatNumber(100.0 * p, 0) + "%";
}

// Vertical grid lines and labels at 0, 20, ..., 100% between pixel columns x0 and x1.
std::string PercentGrid(double x0, double x1, double top, double bottom) {
  std::string out;
  for (int pct = 0; pct <= 100; pct += 20) {
    const double px = x0 + (x1 - x0) * pct / 100.0;
    out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#E3E6EA\"/>", px,
        top, px, bottom);
    out += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"{}\" {}>{}%</text>", px,
        bottom + 14, kTickColour, kFont, pct);
  }
  return out;
}

}  // namespace

std::string StackedShareBarsSvg(const std::vector<ShareRow>& rows,
                                const std::vector<std::string>& sources,
                                const std::vector<std::string>& colours,
                                const std::string& description, int width) {
  const double left = 96, right = width - 16.0, top = 8;
  const double bar = 22, gap = 12;
  const double bottom = top + rows.size() * (bar + gap);
  const int height = static_cast<int>(bottom + 22);
  std::string body = PercentGrid(left, right, top, bottom);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const double y = top + r * (bar + gap) + gap / 2;
    body += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" fill=\"#1F2328\" font-size=\"12\" "
        "font-weight=\"600\">{}</text>",
        left - 8, y + bar / 2 + 4, HtmlEscape(rows[r].label));
    double cum = 0.0;
    for (std::size_t s = 0; s < rows[r].shares.size() && s < sources.size(); ++s) {
      const double share = rows[r].shares[s];
      if (!std::isfinite(share) || share <= 0) continue;
      const double x0 = left + (right - left) * std::clamp(cum, 0.0, 1.0);
      const double x1 = left + (right - left) * std::clamp(cum + share, 0.0, 1.0);
      cum += share;
      const std::string fill = s < colours.size() ? colours[s] : SeriesColour(s);
      body += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" "
          "stroke=\"#fff\" stroke-width=\"1\"><title>{}: {}: {}</title></rect>",
          x0, y, std::max(0.0, x1 - x0), bar, fill, HtmlEscape(rows[r].label),
          HtmlEscape(sources[s]), Percent(share));
      if (x1 - x0 > 34)
        body += fmt::format(
            "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"#fff\" {} "
            "font-weight=\"600\">{}</text>",
            (x0 + x1) / 2, y + bar / 2 + 4, kFont, Percent(share));
    }
  }
  return fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\">"
      "<title>{}</title>{}</svg>\n",
      width, height, width, height, HtmlEscape(description), body);
}

std::string ProbabilityBarsSvg(const std::vector<ProbabilityPair>& pairs,
                               const std::string& first_name, const std::string& first_colour,
                               const std::string& second_name, const std::string& second_colour,
                               const std::string& description, int width) {
  // The right margin holds the value text of a bar near 100%: "97% ± 0.4 (90% interval)".
  const double left = 16, right = width - 160.0, top = 4;
  const double label_h = 18, bar = 16, inner = 4, gap = 14;
  const double group = label_h + 2 * bar + inner + gap;
  const double bottom = top + pairs.size() * group;
  const int height = static_cast<int>(bottom + 20);
  std::string body = PercentGrid(left, right, top, bottom);
  auto px = [&](double p) { return left + (right - left) * std::clamp(p, 0.0, 1.0); };
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto& pair = pairs[i];
    const double y = top + i * group;
    body += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"#1F2328\" font-size=\"12\" "
        "font-weight=\"600\">{}</text>",
        left, y + 13, HtmlEscape(pair.label));
    const struct {
      const std::string& name;
      const std::string& colour;
      double p, se;
    } bars[2] = {{first_name, first_colour, pair.first, pair.first_se},
                 {second_name, second_colour, pair.second, pair.second_se}};
    for (int b = 0; b < 2; ++b) {
      const double by = y + label_h + b * (bar + inner);
      const auto& it = bars[b];
      if (!std::isfinite(it.p)) {
        body +=
            fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"{}\" {}>{}: not computed</text>",
                        left + 4, by + bar - 4, kTickColour, kFont, HtmlEscape(it.name));
        continue;
      }
      const std::string value_text =
          Percent(it.p) + (std::isfinite(it.se)
                               ? " ± " + FormatNumber(100 * kZ90 * it.se, 1) + " (90% interval)"
                               : std::string());
      body += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" "
          "rx=\"2\"><title>{}: {} (90% interval ± {} points)</title></rect>",
          left, by, px(it.p) - left, bar, it.colour, HtmlEscape(it.name), Percent(it.p),
          FormatNumber(100 * kZ90 * it.se, 1));
      if (std::isfinite(it.se) && it.se > 0) {
        const double lo = px(it.p - kZ90 * it.se), hi = px(it.p + kZ90 * it.se);
        const double cy = by + bar / 2;
        body += fmt::format(
            "<path d=\"M{:.1f},{:.1f}H{:.1f}M{:.1f},{:.1f}V{:.1f}M{:.1f},{:.1f}V{:.1f}\" "
            "stroke=\"#1F2328\" stroke-width=\"1.2\" fill=\"none\"/>",
            lo, cy, hi, lo, cy - 4, cy + 4, hi, cy - 4, cy + 4);
      }
      body +=
          fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"#1F2328\" {}>{}</text>",
                      std::max(px(it.p), px(it.p + kZ90 * (std::isfinite(it.se) ? it.se : 0))) + 6,
                      by + bar - 4, kFont, HtmlEscape(value_text));
    }
  }
  return fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\">"
      "<title>{}</title>{}</svg>\n",
      width, height, width, height, HtmlEscape(description), body);
}

}  // namespace triad
