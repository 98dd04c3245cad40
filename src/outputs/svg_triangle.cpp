#include "outputs/svg_triangle.hpp"

#include <fmt/format.h>

#include <cmath>

#include "outputs/html_escape.hpp"
#include "outputs/localized_terms.hpp"
#include "outputs/svg_chart.hpp"
#include "outputs/svg_ticks.hpp"

namespace triad {
namespace {

// Dyad d joins these two actors; the third actor (2 - d) is opposite it.
constexpr int kDyadEnds[3][2] = {{0, 1}, {0, 2}, {1, 2}};

struct Point {
  double x, y;
};

}  // namespace

std::array<std::string, 3> ActorRoles(const std::array<int, 3>& signs) {
  int negatives = 0, positives = 0, lone_negative = -1, lone_positive = -1;
  for (int d = 0; d < 3; ++d) {
    if (signs[d] < 0) ++negatives, lone_negative = d;
    if (signs[d] > 0) ++positives, lone_positive = d;
  }
  std::array<std::string, 3> roles;
  if (negatives + positives != 3) return roles;
  if (negatives == 1) {
    roles.fill("wing");
    roles[2 - lone_negative] = "pivot";
  } else if (negatives == 2) {
    roles.fill("married");
    roles[2 - lone_positive] = "outcast";
  }
  return roles;
}

std::string TriangleDiagramSvg(const TriangleSnapshot& t, int width, int height,
                               Language language) {
  const double r = 36;
  const std::array<Point, 3> at = {Point{width / 2.0, 62.0}, Point{78.0, height - 78.0},
                                   Point{width - 78.0, height - 78.0}};
  const Point centre{(at[0].x + at[1].x + at[2].x) / 3, (at[0].y + at[1].y + at[2].y) / 3};
  double max_abs = 0.0;
  for (double e : t.edges)
    if (std::isfinite(e)) max_abs = std::max(max_abs, std::fabs(e));
  std::string body;
  for (int d = 0; d < 3; ++d) {
    const Point a = at[kDyadEnds[d][0]], b = at[kDyadEnds[d][1]];
    const int sign = t.signs[d];
    const double value = t.edges[d];
    const char* stroke = sign > 0 ? colour::kBlue : sign < 0 ? colour::kVermillion : colour::kGrey;
    const char* dash = sign > 0   ? ""
                       : sign < 0 ? " stroke-dasharray=\"10 6\""
                                  : " stroke-dasharray=\"2 5\"";
    // Thicker for stronger relations, so the strongest tie stands out.
    const double w =
        2.0 + (max_abs > 0 && std::isfinite(value) ? 5.0 * std::fabs(value) / max_abs : 0);
    const std::string name = t.actors[kDyadEnds[d][0]] + "–" + t.actors[kDyadEnds[d][1]];
    const std::string sign_word(Message(language, sign > 0   ? "diagram.friendly"
                                                  : sign < 0 ? "diagram.hostile"
                                                             : "diagram.neutral"));
    body += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" "
        "stroke-width=\"{:.1f}\" stroke-linecap=\"round\"{}><title>{}: {} ({})</title></line>\n",
        a.x, a.y, b.x, b.y, stroke, w, dash, HtmlEscape(name), FormatNumber(value, 2, true),
        HtmlEscape(sign_word));
    // The label sits just outside the edge's midpoint, away from the centre.
    Point mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
    const double dx = mid.x - centre.x, dy = mid.y - centre.y;
    const double len = std::max(1.0, std::hypot(dx, dy));
    const Point label{mid.x + dx / len * 22, mid.y + dy / len * 22 + 4};
    body += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"14\" "
        "font-weight=\"700\" fill=\"{}\" paint-order=\"stroke\" stroke=\"#fff\" "
        "stroke-width=\"4\">{}</text>\n",
        label.x, label.y, stroke, FormatNumber(value, 2, true));
  }
  const auto roles = ActorRoles(t.signs);
  for (int i = 0; i < 3; ++i) {
    body += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"#fff\" stroke=\"{}\" "
        "stroke-width=\"2.5\"/>\n"
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"15\" "
        "font-weight=\"700\" fill=\"{}\">{}</text>\n",
        at[i].x, at[i].y, r, colour::kInk, at[i].x, at[i].y + 5, colour::kInk,
        HtmlEscape(t.actors[i]));
    if (!roles[i].empty()) {
      const double ry = i == 0 ? at[i].y - r - 10 : at[i].y + r + 20;
      body += fmt::format(
          "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"13\" "
          "font-style=\"italic\" fill=\"#5B636B\">{}</text>\n",
          at[i].x, ry, HtmlEscape(std::string(Message(language, "diagram.role_" + roles[i]))));
    }
  }
  const std::string description = FormatMessage(
      language, "diagram.title", t.actors[0], t.actors[1], t.actors[2], FormatDate(t.date),
      t.type == TriangleType::kUnknown ? std::string(Message(language, "diagram.type_unknown"))
                                       : TriangleTypeLabel(language, t.type));
  return fmt::format(
      "<svg class=\"chart triangle\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
      "role=\"img\"><title>{}</title>\n{}</svg>\n",
      width, height, width, height, HtmlEscape(description), body);
}

}  // namespace triad
