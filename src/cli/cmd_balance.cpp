// triad balance: the triangle of three actors over time — relation indices, signs, Heider
// balance, Dittmer's type with roles, the four type probabilities, and when the type changed.
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/relation_index_options.hpp"
#include "cli/triangle_over_time.hpp"
#include "common/error.hpp"
#include "outputs/output_file.hpp"
#include "outputs/table.hpp"

namespace triad::cli {
namespace {

struct BalanceArgs {
  std::string actors = "CHN,USA,JPN";
  double neutral = 0.0;
  RelationIndexFlags flags;
  std::string format = "table";
};

nlohmann::json Number(double v) {
  return std::isnan(v) ? nlohmann::json() : nlohmann::json(v);
}

char SignChar(EdgeSign s) {
  return s == EdgeSign::kPositive ? '+' : s == EdgeSign::kNegative ? '-' : '0';
}

std::string Signs(const TriangleClassification& c) {
  std::string out;
  for (std::size_t d = 0; d < 3; ++d) {
    if (d) out += ' ';
    bool missing = false;
    for (int m : c.missing_dyads) missing |= static_cast<std::size_t>(m) == d;
    out += missing ? '?' : SignChar(c.signs[d]);
  }
  return out;
}

std::string PointType(const TriangleOverTime& t, const TriangleClassification& c) {
  return DescribeRoles(t.actors, c.roles);
}

std::string Balanced(const TriangleClassification& c) {
  return c.balanced ? (*c.balanced ? "yes" : "no") : "";
}

std::string Percent(double p) {
  return std::isnan(p) ? "" : fmt::format("{:.1f}", 100.0 * p);
}

nlohmann::json ToJson(const TriangleOverTime& t) {
  nlohmann::json out;
  out["actors"] = t.actors;
  out["dyads"] = {t.dyads[0].dyad, t.dyads[1].dyad, t.dyads[2].dyad};
  out["source"] = t.dyads[0].source;
  out["freq"] = FrequencyName(t.dyads[0].freq);
  out["baseline"] = BaselineName(t.dyads[0].baseline);
  out["units"] = t.dyads[0].units;
  out["neutral"] = t.neutral;
  out["periods"] = nlohmann::json::array();
  for (std::size_t i = 0; i < t.timeline.periods.size(); ++i) {
    const TrianglePeriodResult& r = t.timeline.periods[i];
    const TriangleProbabilities& p = r.probabilities;
    nlohmann::json period = {{"period", FormatDate(r.date)}};
    for (std::size_t d = 0; d < 3; ++d)
      period["indices"].push_back({{"dyad", t.dyads[d].dyad},
                                   {"value", Number(t.dyads[d].value[i])},
                                   {"se", Number(t.dyads[d].se[i])},
                                   {"events", t.dyads[d].events[i]},
                                   {"sign", static_cast<int>(r.classification.signs[d])},
                                   {"p_positive", Number(p.p_positive[d])}});
    period["type"] = TriangleTypeKey(r.classification.roles.type);
    period["roles"] = PointType(t, r.classification);
    period["balanced"] =
        r.classification.balanced ? nlohmann::json(*r.classification.balanced) : nlohmann::json();
    for (int k = 0; k < kDittmerTypes; ++k)
      period["probabilities"][TriangleTypeKey(static_cast<TriangleType>(k))] =
          Number(p.type_probability[static_cast<std::size_t>(k)]);
    period["p_balanced"] = Number(p.p_balanced);
    period["balance_degree"] = Number(p.balance_degree);
    period["most_likely"] = {{"type", TriangleTypeKey(p.most_likely_roles.type)},
                             {"roles", DescribeRoles(t.actors, p.most_likely_roles)},
                             {"probability", Number(p.most_likely_roles_probability)}};
    if (!t.band.empty()) period["p_indeterminate"] = Number(t.band[i].p_indeterminate);
    out["periods"].push_back(period);
  }
  out["changes"] = nlohmann::json::array();
  for (const TriangleTypeChange& c : t.timeline.changes)
    out["changes"].push_back({{"date", FormatDate(c.date)},
                              {"from", DescribeRoles(t.actors, c.from)},
                              {"to", DescribeRoles(t.actors, c.to)}});
  if (t.timeline.current_since) {
    const TrianglePeriodResult* last = nullptr;
    for (const auto& r : t.timeline.periods)
      if (r.probabilities.most_likely_roles.type != TriangleType::kUnknown) last = &r;
    out["current"] = {{"type", TriangleTypeKey(last->probabilities.most_likely_roles.type)},
                      {"roles", DescribeRoles(t.actors, last->probabilities.most_likely_roles)},
                      {"since", FormatDate(*t.timeline.current_since)}};
  } else {
    out["current"] = nullptr;
  }
  return out;
}

std::vector<std::string> Header(const TriangleOverTime& t) {
  std::vector<std::string> h = {"period"};
  for (const auto& d : t.dyads) h.insert(h.end(), {d.dyad, "se"});
  h.insert(h.end(),
           {"signs", "type (point estimates)", "balanced", "P(menage)%", "P(romantic)%",
            "P(marriage)%", "P(veto)%", "P(balanced)%", "degree", "most likely structure", "P%"});
  if (!t.band.empty()) h.push_back("P(neutral)%");
  return h;
}

std::vector<std::string> Row(const TriangleOverTime& t, std::size_t i) {
  const TrianglePeriodResult& r = t.timeline.periods[i];
  const TriangleProbabilities& p = r.probabilities;
  std::vector<std::string> row = {FormatDate(r.date)};
  for (const auto& d : t.dyads) row.insert(row.end(), {Num(d.value[i], 3), Num(d.se[i], 3)});
  row.insert(row.end(),
             {Signs(r.classification), PointType(t, r.classification), Balanced(r.classification)});
  for (double q : p.type_probability) row.push_back(Percent(q));
  row.insert(row.end(), {Percent(p.p_balanced), Num(p.balance_degree, 3),
                         p.most_likely_roles.type == TriangleType::kUnknown
                             ? ""
                             : DescribeRoles(t.actors, p.most_likely_roles),
                         Percent(p.most_likely_roles_probability)});
  if (!t.band.empty()) row.push_back(Percent(t.band[i].p_indeterminate));
  return row;
}

int RunBalance(const BalanceArgs& args) {
  const std::vector<std::string> list = ParseActorList(args.actors);
  if (list.size() != 3)
    ThrowUsage(
        fmt::format("--actors needs exactly three actors, got {}; for more, use "
                    "'triad network'",
                    list.size()));
  const std::array<std::string, 3> actors = {list[0], list[1], list[2]};
  const RelationIndexOptions options = args.flags.Resolve();
  EventStore store(args.flags.series.store, /*create=*/false);
  const TriangleOverTime t = LoadTriangleOverTime(store, actors, options, args.neutral);
  if (args.format == "json") {
    std::printf("%s\n", ToJson(t).dump(2).c_str());
    return kExitOk;
  }
  if (args.format == "csv") {
    std::string out = CsvLine(Header(t));
    for (std::size_t i = 0; i < t.timeline.periods.size(); ++i) out += CsvLine(Row(t, i));
    WriteStandardOutput(out);
    return kExitOk;
  }
  TextTable table(Header(t));
  for (std::size_t i = 0; i < t.timeline.periods.size(); ++i) table.AddRow(Row(t, i));
  std::printf(
      "triangle %s–%s–%s from %s, %s, baseline %s: %s; neutral band ±%g\n"
      "signs: %s, %s, %s; probabilities assume each index ~ Normal(value, se^2)\n%s",
      actors[0].c_str(), actors[1].c_str(), actors[2].c_str(), t.dyads[0].source.c_str(),
      std::string(FrequencyName(t.dyads[0].freq)).c_str(),
      std::string(BaselineName(t.dyads[0].baseline)).c_str(), t.dyads[0].units.c_str(), t.neutral,
      t.dyads[0].dyad.c_str(), t.dyads[1].dyad.c_str(), t.dyads[2].dyad.c_str(),
      table.Render().c_str());
  std::printf("\nchanges of the most likely structure (type and roles)\n");
  if (t.timeline.changes.empty()) std::printf("  none\n");
  for (const TriangleTypeChange& c : t.timeline.changes)
    std::printf("  %s  %s -> %s\n", FormatDate(c.date).c_str(),
                DescribeRoles(actors, c.from).c_str(), DescribeRoles(actors, c.to).c_str());
  if (t.timeline.current_since) {
    RoleAssignment current;
    for (const auto& r : t.timeline.periods)
      if (r.probabilities.most_likely_roles.type != TriangleType::kUnknown)
        current = r.probabilities.most_likely_roles;
    std::printf("now: %s, most likely since %s\n", DescribeRoles(actors, current).c_str(),
                FormatDate(*t.timeline.current_since).c_str());
  } else {
    std::printf("now: unknown (no period with all three indices and standard errors)\n");
  }
  return kExitOk;
}

const CommandRegistration kBalance(55, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<BalanceArgs>();
  CLI::App* cmd =
      app.add_subcommand("balance", "The triangle of three actors over time: signs, type, balance");
  cmd->add_option("--actors", args->actors, "Three CAMEO country codes A,B,C")
      ->capture_default_str();
  cmd->add_option("--neutral", args->neutral,
                  "Half-width of the neutral band in index units: |index| <= X is sign 0")
      ->capture_default_str();
  args->flags.AddTo(cmd);
  cmd->add_option("--format", args->format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Per period: the three relation indices (A-B, A-C, B-C) with standard errors, their signs,\n"
      "Heider balance and Dittmer's type of the point estimates with roles (menage a trois +++,\n"
      "romantic triangle ++- with pivot and wings, stable marriage +-- with the married pair and\n"
      "outcast, unit veto ---); then, treating each index as Normal(value, se^2), the probability\n"
      "of each type, P(balanced), the balance degree E[product of signs] in [-1, 1], and the most\n"
      "likely structure (type and roles; a romantic triangle counts once per pivot). Then the\n"
      "dates the most likely structure changed.\n\n"
      "Example:\n"
      "  triad balance --actors CHN,USA,JPN --freq week\n"
      "  triad balance --actors CHN,USA,JPN --source gzemo --freq month --from 2022-01-01");
  cmd->callback([args, &exit_code] { exit_code = RunBalance(*args); });
});

}  // namespace
}  // namespace triad::cli
