// triad report: a self-contained HTML report on a triad, from the store (and a scenario).
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/report_scenario.hpp"
#include "cli/snapshot_flags.hpp"
#include "codebook/countries.hpp"
#include "common/error.hpp"
#include "common/normal.hpp"
#include "outputs/report_html.hpp"
#include "outputs/report_model.hpp"

namespace triad::cli {
namespace {

struct ReportArgs {
  SnapshotFlags flags;
  std::string out = "report.html";
  std::string scenario;
  std::string format = "html";
  std::string title;
};

std::string CountryName(const std::string& code) {
  auto name = CountryTable::Default().NameForCode(code);
  if (!name) return code;
  // CAMEO labels are upper case ("UNITED STATES"): title case for prose.
  std::string out;
  bool start = true;
  for (char c : *name) {
    out += start ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    start = c == ' ' || c == '-';
  }
  return out;
}

DyadReport DyadFrom(const DyadSnapshot& d, double days_per_period) {
  DyadReport r;
  r.name = d.name;
  const RelationIndexSeries& index = *d.index;
  r.dates = index.dates;
  r.index = index.value;
  r.index_se = index.se;
  if (d.trend) {
    const double per30 = 30.0 / days_per_period;
    for (const TrendEstimate& s : d.trend->states.smoothed) {
      double level_sd = std::sqrt(s.level_var), slope_sd = std::sqrt(s.slope_var);
      r.level.push_back(s.level);
      r.level_lo.push_back(std::isfinite(level_sd) ? s.level - kZ90 * level_sd : kMissing);
      r.level_hi.push_back(std::isfinite(level_sd) ? s.level + kZ90 * level_sd : kMissing);
      r.slope.push_back(s.slope * per30);
      r.slope_lo.push_back(std::isfinite(slope_sd) ? (s.slope - kZ90 * slope_sd) * per30
                                                   : kMissing);
      r.slope_hi.push_back(std::isfinite(slope_sd) ? (s.slope + kZ90 * slope_sd) * per30
                                                   : kMissing);
    }
  } else {
    r.level = r.level_lo = r.level_hi = r.slope = r.slope_lo = r.slope_hi =
        std::vector<double>(r.dates.size(), kMissing);
  }
  if (d.momentum) {
    r.momentum = IntervalEstimate{d.momentum->per_30_days, d.momentum->lower, d.momentum->upper};
    r.direction = d.momentum->direction;
  }
  return r;
}

ReportModel BuildReportModel(const TriadSnapshot& s, EventStore& store, const ReportArgs& args) {
  ReportModel m;
  const auto& a = s.options.actors;
  m.actors = {a[0], a[1], a[2]};
  m.title = args.title.empty()
                ? fmt::format("{}–{}–{}: relations, triangle and momentum", CountryName(a[0]),
                              CountryName(a[1]), CountryName(a[2]))
                : args.title;
  m.generated_at = UtcNow();
  m.triad_version = TRIAD_VERSION_STRING;
  m.command_line = CommandLine();
  m.index_units = s.triangle.dyads[0].units;
  m.frequency = std::string(FrequencyName(s.options.index.series.freq));
  const double days = AverageDays(s.options.index.series.freq);
  for (const auto& d : s.dyads) m.dyads.push_back(DyadFrom(d, days));

  const auto& periods = s.triangle.timeline.periods;
  if (!periods.empty()) {
    // The latest period with a known triangle.
    const TrianglePeriodResult* last = nullptr;
    for (const auto& p : periods)
      if (p.probabilities.most_likely != TriangleType::kUnknown) last = &p;
    if (last) {
      TriangleSnapshot t;
      t.date = last->date;
      t.actors = s.triangle.actors;
      const std::size_t at = static_cast<std::size_t>(last - periods.data());
      for (std::size_t d = 0; d < 3; ++d) {
        t.edges[d] = s.triangle.dyads[d].value[at];
        t.signs[d] = static_cast<int>(last->classification.signs[d]);
      }
      const RoleAssignment& roles = last->probabilities.most_likely_roles;
      t.type = std::string(TriangleTypeName(roles.type));
      std::string described = DescribeRoles(s.triangle.actors, roles);
      auto comma = described.find(", ");
      t.roles = comma == std::string::npos ? "" : described.substr(comma + 2);
      for (std::size_t k = 0; k < 4; ++k)
        t.type_probability[k] = last->probabilities.type_probability[k];
      m.triangle = t;
    }
    TriangleTimelineReport timeline;
    for (const auto& p : periods) {
      timeline.dates.push_back(p.date);
      std::array<double, 4> probs;
      for (std::size_t k = 0; k < 4; ++k) probs[k] = p.probabilities.type_probability[k];
      timeline.type_probability.push_back(probs);
      timeline.most_likely.push_back(
          p.probabilities.most_likely == TriangleType::kUnknown
              ? ""
              : std::string(TriangleTypeName(p.probabilities.most_likely)));
    }
    for (const auto& c : s.triangle.timeline.changes)
      timeline.changes.push_back(TriangleChange{c.date, DescribeRoles(s.triangle.actors, c.from),
                                                DescribeRoles(s.triangle.actors, c.to)});
    m.timeline = timeline;
  }

  if (s.drivers) {
    DriverReport d;
    d.variables = s.drivers->fit.names;
    d.period_name = m.frequency;
    for (const auto& r : s.drivers->responses)
      d.responses.push_back(ImpulseResponseCurve{r.dyad, r.driver, r.response, r.std_error});
    d.fevd_horizon = s.options.analysis.horizon;
    d.share_sources = {"own", "other dyads"};
    for (const auto& name : s.drivers->drivers) d.share_sources.push_back(name);
    for (const auto& share : s.drivers->shares) {
      VarianceShares v;
      v.dyad = share.dyad;
      v.shares = {share.own, share.other_dyads};
      for (const auto& [name, value] : share.drivers) v.shares.push_back(value);
      d.fevd.push_back(v);
    }
    m.drivers = d;
  }

  if (!args.scenario.empty()) m.scenario = ScenarioForReport(args.scenario);

  m.provenance.store_path = args.flags.index.series.store;
  for (const IngestedFile& f : store.Files()) {
    SourceFile file;
    file.name = f.name;
    file.rows = f.rows_read;
    file.accepted = f.rows_accepted;
    file.rejected = f.rows_rejected;
    if (!f.min_day.empty()) file.first = ParseDate(f.min_day);
    if (!f.max_day.empty()) file.last = ParseDate(f.max_day);
    m.provenance.files.push_back(file);
  }
  m.provenance.warnings = s.warnings;
  if (s.model)
    for (const auto& n : s.model->notes) m.provenance.warnings.push_back("drivers: " + n);
  return m;
}

int RunReport(const ReportArgs& args) {
  SnapshotOptions options = args.flags.Resolve();
  EventStore store(args.flags.index.series.store, /*create=*/false);
  TriadSnapshot snapshot = BuildSnapshot(store, options);
  ReportModel model = BuildReportModel(snapshot, store, args);
  std::string text = args.format == "json" ? ToJson(model).dump(1) + "\n" : RenderHtmlReport(model);
  if (args.out == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kExitOk;
  }
  // Written to a temporary file and renamed, so a reader never sees half a report.
  const std::string tmp = args.out + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!out) ThrowUsage(fmt::format("--out {}: cannot write the file", args.out));
    out << text;
    if (!out) ThrowUsage(fmt::format("--out {}: write failed", args.out));
  }
  if (std::rename(tmp.c_str(), args.out.c_str()) != 0)
    ThrowUsage(fmt::format("--out {}: cannot replace the file", args.out));
  std::fprintf(stderr, "report written to %s (%.0f kB)\n", args.out.c_str(),
               static_cast<double>(text.size()) / 1e3);
  return kExitOk;
}

const CommandRegistration kReport(95, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report", "A self-contained HTML report: indices, momentum, triangle, drivers, scenario");
  args->flags.AddTo(cmd);
  cmd->add_option("--out", args->out, "Output file ('-' for standard output)")
      ->capture_default_str();
  cmd->add_option("--scenario", args->scenario,
                  "Add a scenario's fan charts and on-track probabilities");
  cmd->add_option("--title", args->title, "Report title");
  cmd->add_option("--format", args->format, "html, or json (the report model, for 'triad render')")
      ->check(CLI::IsMember({"html", "json"}))
      ->capture_default_str();
  cmd->footer(
      "The HTML opens offline: styles and SVG charts are inline, and it makes no network "
      "request.\n\n"
      "Example:\n"
      "  triad report --actors CHN,USA,JPN --scenario scenarios/essay_sample.toml --out "
      "out/report.html");
  cmd->callback([args, &exit_code] { exit_code = RunReport(*args); });
});

}  // namespace
}  // namespace triad::cli
