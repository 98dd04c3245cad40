// triad balance: the triangle of three actors over time — relation indices, signs, Heider
// balance, Dittmer's type with roles, the four type probabilities, and when the type changed.
#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/command.hpp"
#include "cli/triad_flags.hpp"
#include "cli/triad_json.hpp"
#include "common/error.hpp"
#include "outputs/output_file.hpp"
#include "outputs/safe_text.hpp"
#include "outputs/table.hpp"

namespace triad::cli {
namespace {

struct BalanceArgs {
  TriadFlags flags;
  std::string format = "table";
};

char SignChar(EdgeSign s) {
  return s == EdgeSign::kPositive ? '+' : s == EdgeSign::kNegative ? '-' : '0';
}

// The sign of dyad d as -1, 0 or +1; unset when the dyad has no estimate in the period.
std::optional<int> SignNumber(const TriangleClassification& c, std::size_t d) {
  for (int m : c.missing_dyads)
    if (static_cast<std::size_t>(m) == d) return std::nullopt;
  return static_cast<int>(c.signs[d]);
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

std::string Balanced(const TriangleClassification& c) {
  return c.balanced ? (*c.balanced ? "yes" : "no") : "";
}

std::string Percent(double p) {
  return std::isnan(p) ? "" : fmt::format("{:.1f}", 100.0 * p);
}

std::string Structure(const TriadState& s, const RoleAssignment& roles) {
  return roles.type == TriangleType::kUnknown ? "" : DescribeRoles(s.triangle.actors, roles);
}

nlohmann::json ToJson(const TriadState& s) {
  const TriangleOverTime& t = s.triangle;
  nlohmann::json out = NowJson(s);
  out["neutral"] = t.neutral;
  out["basis"] = TriangleBasisName(t.basis);
  out["periods"] = nlohmann::json::array();
  for (std::size_t i = 0; i < t.timeline.periods.size(); ++i) {
    const TrianglePeriodResult& r = t.timeline.periods[i];
    const TriangleProbabilities& p = r.probabilities;
    nlohmann::json period = {{"period", FormatDate(r.date)}};
    for (std::size_t d = 0; d < 3; ++d) {
      const std::optional<int> sign = SignNumber(r.classification, d);
      period["dyads"].push_back({{"dyad", s.indices[d].dyad.Label()},
                                 {"index", JsonNumber(s.indices[d].value[i])},
                                 {"index_se", JsonNumber(s.indices[d].se[i])},
                                 {"events", s.indices[d].events[i]},
                                 {"level", JsonNumber(t.estimates[d][i].estimate)},
                                 {"level_se", JsonNumber(t.estimates[d][i].se)},
                                 {"sign", sign ? nlohmann::json(*sign) : nlohmann::json()},
                                 {"p_positive", JsonNumber(p.p_positive[d])}});
    }
    period["structure"] = Structure(s, r.classification.roles);
    period["balanced"] =
        r.classification.balanced ? nlohmann::json(*r.classification.balanced) : nlohmann::json();
    for (int k = 0; k < kDittmerTypes; ++k)
      period["type_probability"][std::string(TriangleTypeKey(static_cast<TriangleType>(k)))] =
          JsonNumber(p.type_probability[static_cast<std::size_t>(k)]);
    period["p_indeterminate"] = JsonNumber(p.p_indeterminate);
    period["p_balanced"] = JsonNumber(p.p_balanced);
    period["balance_degree"] = JsonNumber(p.balance_degree);
    period["most_likely"] = {{"type", TriangleTypeKey(p.most_likely_roles.type)},
                             {"structure", Structure(s, p.most_likely_roles)},
                             {"probability", JsonNumber(p.most_likely_roles_probability)}};
    out["periods"].push_back(period);
  }
  out["changes"] = nlohmann::json::array();
  for (const TriangleTypeChange& c : t.timeline.changes)
    out["changes"].push_back({{"date", FormatDate(c.date)},
                              {"from", DescribeRoles(t.actors, c.from)},
                              {"to", DescribeRoles(t.actors, c.to)}});
  return out;
}

// The dyad's prefix in CSV column names: "chn_usa" for CHN-USA.
std::string ColumnPrefix(const Dyad& dyad) {
  std::string v = dyad.Variable();
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return v;
}

// CSV: one row per period (the triangle is the observation), tidy names (snake_case, unique,
// no symbols) that are the JSON's names flattened: a dyad's fields prefixed with the dyad
// (dyads[].index of CHN-USA -> chn_usa_index), a nested object's with its name
// (type_probability.unit_veto -> type_probability_unit_veto). Probabilities are shares in
// [0, 1], signs -1, 0 or 1, balanced true or false; unknown is empty.
std::vector<std::string> CsvHeader(const TriadState& s) {
  std::vector<std::string> h = {"period"};
  for (const auto& index : s.indices) {
    const std::string v = ColumnPrefix(index.dyad);
    for (const char* field :
         {"_index", "_index_se", "_events", "_level", "_level_se", "_sign", "_p_positive"})
      h.push_back(v + field);
  }
  h.insert(h.end(), {"structure", "balanced"});
  for (int k = 0; k < kDittmerTypes; ++k)
    h.push_back("type_probability_" + std::string(TriangleTypeKey(static_cast<TriangleType>(k))));
  h.insert(h.end(), {"p_indeterminate", "p_balanced", "balance_degree", "most_likely_type",
                     "most_likely_structure", "most_likely_probability"});
  return h;
}

std::vector<std::string> CsvRow(const TriadState& s, std::size_t i) {
  const TriangleOverTime& t = s.triangle;
  const TrianglePeriodResult& r = t.timeline.periods[i];
  const TriangleProbabilities& p = r.probabilities;
  std::vector<std::string> row = {FormatDate(r.date)};
  for (std::size_t d = 0; d < 3; ++d) {
    const std::optional<int> sign = SignNumber(r.classification, d);
    row.insert(row.end(), {Num(s.indices[d].value[i], 6), Num(s.indices[d].se[i], 6),
                           std::to_string(s.indices[d].events[i]),
                           Num(t.estimates[d][i].estimate, 6), Num(t.estimates[d][i].se, 6),
                           sign ? std::to_string(*sign) : "", Num(p.p_positive[d], 6)});
  }
  const auto& balanced = r.classification.balanced;
  row.insert(row.end(), {Structure(s, r.classification.roles),
                         balanced ? (*balanced ? "true" : "false") : ""});
  for (double q : p.type_probability) row.push_back(Num(q, 6));
  row.insert(row.end(),
             {Num(p.p_indeterminate, 6), Num(p.p_balanced, 6), Num(p.balance_degree, 6),
              std::string(TriangleTypeKey(p.most_likely_roles.type)),
              Structure(s, p.most_likely_roles), Num(p.most_likely_roles_probability, 6)});
  return row;
}

// The table's columns, filtered in RunBalance to what a reader scans (probabilities in
// percent); CSV and JSON hold every quantity.
std::vector<std::string> Header(const TriadState& s) {
  std::vector<std::string> h = {"period"};
  for (const auto& index : s.indices) {
    const std::string v = ColumnPrefix(index.dyad);
    h.insert(h.end(), {v + "_index", v + "_index_se", v + "_level", v + "_level_se"});
  }
  h.insert(h.end(), {"signs", "structure", "balanced", "p_menage_a_trois", "p_romantic_triangle",
                     "p_stable_marriage", "p_unit_veto", "p_neutral", "p_balanced",
                     "balance_degree", "most_likely", "most_likely_p"});
  return h;
}

std::vector<std::string> Row(const TriadState& s, std::size_t i) {
  const TriangleOverTime& t = s.triangle;
  const TrianglePeriodResult& r = t.timeline.periods[i];
  const TriangleProbabilities& p = r.probabilities;
  std::vector<std::string> row = {FormatDate(r.date)};
  for (std::size_t d = 0; d < 3; ++d)
    row.insert(row.end(), {Num(s.indices[d].value[i], 3), Num(s.indices[d].se[i], 3),
                           Num(t.estimates[d][i].estimate, 3), Num(t.estimates[d][i].se, 3)});
  row.insert(row.end(), {Signs(r.classification), Structure(s, r.classification.roles),
                         Balanced(r.classification)});
  for (double q : p.type_probability) row.push_back(Percent(q));
  row.insert(row.end(),
             {Percent(p.p_indeterminate), Percent(p.p_balanced), Num(p.balance_degree, 3),
              Structure(s, p.most_likely_roles), Percent(p.most_likely_roles_probability)});
  return row;
}

int RunBalance(const BalanceArgs& args) {
  TriadQuery query = args.flags.Resolve();
  query.drivers = false;  // the triangle needs no driver model
  EventStore store(args.flags.index.series.store, /*create=*/false);
  const TriadState s = BuildTriadState(store, query);
  const std::size_t periods = s.triangle.timeline.periods.size();
  if (args.format == "json") {
    std::printf("%s\n", JsonText(ToJson(s), 2).c_str());
    return kExitOk;
  }
  if (args.format == "csv") {
    std::string out = CsvLine(CsvHeader(s));
    for (std::size_t i = 0; i < periods; ++i) out += CsvLine(CsvRow(s, i));
    WriteStandardOutput(out);
    return kExitOk;
  }
  const auto& a = s.query.actors;
  // The table keeps what a reader scans (indices, levels, signs, probabilities, the most likely
  // structure); --format csv and json hold every quantity.
  const std::vector<std::string> all = Header(s);
  std::vector<std::size_t> keep;
  std::vector<std::string> header;
  for (std::size_t c = 0; c < all.size(); ++c) {
    const std::string& name = all[c];
    if (name.ends_with("_se") || name == "structure" || name == "balanced" ||
        name == "balance_degree" || (name == "p_neutral" && s.triangle.neutral == 0))
      continue;
    keep.push_back(c);
    header.push_back(name);
  }
  TextTable table(header);
  for (std::size_t i = 0; i < periods; ++i) {
    const std::vector<std::string> row = Row(s, i);
    std::vector<std::string> shown;
    for (std::size_t c : keep) shown.push_back(row[c]);
    table.AddRow(shown);
  }
  std::string out = fmt::format(
      "triangle {}–{}–{}, {} relation index from {}, baseline {}: {}; neutral band ±{:g}\n", a[0],
      a[1], a[2], FrequencyAdjective(s.plan.freq), s.source, BaselineName(s.indices[0].baseline),
      s.indices[0].units, s.triangle.neutral);
  for (const auto& n : s.notes) out += "note: " + n + "\n";
  out += fmt::format(
      "per dyad: the raw index and the smoothed level (standard errors: --format csv or json);\n"
      "signs, probabilities (percent) and the most likely structure from the {} (each\n"
      "~ Normal(estimate, se^2))\n",
      TriangleBasisName(s.triangle.basis));
  out += table.Render();
  const TriangleTimeline& tl = s.triangle.timeline;
  out += fmt::format(
      "\nchanges of the most likely structure (type and roles) that persisted: most likely with "
      "P > {:g} in {} period{} in a row (--persist); dated at the first\n",
      kPersistProbability, tl.persist, tl.persist == 1 ? "" : "s");
  if (tl.changes.empty()) out += "  none\n";
  for (const TriangleTypeChange& c : tl.changes)
    out += fmt::format("  {}  {} -> {}\n", FormatDate(c.date), DescribeRoles(a, c.from),
                       DescribeRoles(a, c.to));
  out += fmt::format(
      "  ({} period-to-period change{} of the most likely structure without the rule)\n",
      tl.raw_changes, tl.raw_changes == 1 ? "" : "s");
  if (const TrianglePeriodResult* now = s.TriangleNow()) {
    out += fmt::format("now ({}): {} (P = {:.2f})", FormatDate(now->date),
                       DescribeRoles(a, now->probabilities.most_likely_roles),
                       now->probabilities.most_likely_roles_probability);
    out += "; " + PersistentStructureText(s.triangle) + "\n";
  } else {
    out += "now: unknown (no period with all three estimates)\n";
  }
  for (const auto& w : s.warnings) out += "warning: " + w + "\n";
  WriteStandardOutput(out);
  return kExitOk;
}

const CommandRegistration kBalance(55, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<BalanceArgs>();
  CLI::App* cmd =
      app.add_subcommand("balance", "The triangle of three actors over time: signs, type, balance");
  args->flags.AddTo(cmd, DriverFlags::kNone);
  cmd->add_option("--format", args->format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Per period: the three relation indices (A-B, A-C, B-C) with standard errors, and each\n"
      "dyad's smoothed level (local linear trend) with its standard error. From the smoothed\n"
      "levels: signs, Heider balance, Dittmer's type with roles (menage a trois +++, romantic\n"
      "triangle ++- with pivot and wings, stable marriage +-- with the married pair and outcast,\n"
      "unit veto ---); treating each level as Normal(level, se^2), the probability of each type\n"
      "(and of the neutral band with --neutral), P(balanced), the balance degree E[product of\n"
      "signs] in [-1, 1], and the most likely structure. Then the dates it changed, and 'now':\n"
      "the same state 'triad status' shows.\n\n"
      "Example:\n"
      "  triad balance --actors CHN,USA,JPN --freq week\n"
      "  triad balance --actors CHN,USA,JPN --source gzemo --freq month --from 2022-01-01");
  cmd->callback([args, &exit_code] { exit_code = RunBalance(*args); });
});

}  // namespace
}  // namespace triad::cli
