// triad status: one screen on where the triangle stands now.
#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/snapshot_flags.hpp"
#include "common/normal.hpp"
#include "outputs/output_file.hpp"
#include "outputs/table.hpp"

namespace triad::cli {
namespace {

struct StatusArgs {
  SnapshotFlags flags;
  std::string format = "table";
};

nlohmann::json Number(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json();
}

struct Palette {
  bool on = false;
  std::string Green(const std::string& s) const { return on ? "\033[32m" + s + "\033[0m" : s; }
  std::string Red(const std::string& s) const { return on ? "\033[31m" + s + "\033[0m" : s; }
  std::string Yellow(const std::string& s) const { return on ? "\033[33m" + s + "\033[0m" : s; }
  std::string Bold(const std::string& s) const { return on ? "\033[1m" + s + "\033[0m" : s; }
  std::string Direction(const Momentum& m, const std::string& s) const {
    return m.direction == MomentumDirection::kImproving       ? Green(s)
           : m.direction == MomentumDirection::kDeteriorating ? Red(s)
                                                              : s;
  }
};

nlohmann::json ToJson(const TriadSnapshot& s) {
  nlohmann::json out;
  out["actors"] = s.options.actors;
  out["freq"] = FrequencyName(s.options.index.series.freq);
  out["units"] = s.triangle.dyads[0].units;
  for (const auto& d : s.dyads) {
    nlohmann::json j = {{"dyad", d.name},
                        {"latest_date", d.index && d.latest_date ? FormatDate(d.latest_date) : ""},
                        {"index", Number(d.latest)},
                        {"se", Number(d.latest_se)},
                        {"change", Number(d.change)},
                        {"events_in_window", d.events_in_window}};
    if (d.momentum)
      j["momentum"] = {{"per_30_days", d.momentum->per_30_days},
                       {"lower", Number(d.momentum->lower)},
                       {"upper", Number(d.momentum->upper)},
                       {"level", d.momentum->level},
                       {"direction", MomentumDirectionName(d.momentum->direction)}};
    out["dyads"].push_back(j);
  }
  const auto& periods = s.triangle.timeline.periods;
  if (!periods.empty()) {
    const auto& last = periods.back();
    const auto& p = last.probabilities;
    out["triangle"] = {
        {"date", FormatDate(last.date)},
        {"point", DescribeRoles(s.triangle.actors, last.classification.roles)},
        {"most_likely", DescribeRoles(s.triangle.actors, p.most_likely_roles)},
        {"most_likely_probability", Number(p.most_likely_roles_probability)},
        {"since",
         s.triangle.timeline.current_since ? FormatDate(*s.triangle.timeline.current_since) : ""},
        {"p_balanced", Number(p.p_balanced)},
        {"balance_degree", Number(p.balance_degree)}};
    for (int t = 0; t < kDittmerTypes; ++t)
      out["triangle"]["type_probability"]
         [std::string(TriangleTypeKey(static_cast<TriangleType>(t)))] =
             Number(p.type_probability[static_cast<std::size_t>(t)]);
  }
  if (s.drivers)
    for (const auto& f : s.drivers->findings) out["drivers"].push_back(f);
  out["warnings"] = s.warnings;
  return out;
}

std::string Render(const TriadSnapshot& s, const Palette& c) {
  const auto& a = s.options.actors;
  std::string out = c.Bold(fmt::format("{}-{}-{}", a[0], a[1], a[2]));
  const auto& first = s.triangle.dyads[0];
  out += fmt::format(" as of {} ({} index: {})\n\n",
                     first.size() ? FormatDate(first.dates.back()) : "?", FrequencyName(first.freq),
                     first.units);
  // Column headers name the window in periods of the index: "change 7 days", "events 4 weeks".
  const std::string window = fmt::format("{} {}{}", s.options.window, FrequencyName(first.freq),
                                         s.options.window == 1 ? "" : "s");
  TextTable t({"dyad", "index now (90%)", "change " + window, "momentum /30 days (90%)", "",
               "events " + window});
  for (const auto& d : s.dyads) {
    std::string now = std::isnan(d.latest) || d.latest_date == 0
                          ? "n/a"
                          : fmt::format("{:+.2f} ± {:.2f}", d.latest, kZ90 * d.latest_se);
    std::string momentum = "n/a", arrow;
    if (d.momentum) {
      momentum = fmt::format("{:+.2f} [{:+.2f}, {:+.2f}]", d.momentum->per_30_days,
                             d.momentum->lower, d.momentum->upper);
      arrow =
          c.Direction(*d.momentum, std::string(Arrow(d.momentum->direction)) + " " +
                                       std::string(MomentumDirectionName(d.momentum->direction)));
    }
    t.AddRow({d.name, now, d.trend ? fmt::format("{:+.2f}", d.change) : "", momentum, arrow,
              WithThousands(d.events_in_window)});
  }
  out += t.Render();
  const auto& periods = s.triangle.timeline.periods;
  if (!periods.empty()) {
    const auto& p = periods.back().probabilities;
    out += fmt::format("\ntriangle  {} (P = {:.2f}){}\n",
                       DescribeRoles(s.triangle.actors, p.most_likely_roles),
                       p.most_likely_roles_probability,
                       s.triangle.timeline.current_since
                           ? fmt::format(", the most likely structure since {}",
                                         FormatDate(*s.triangle.timeline.current_since))
                           : "");
    out += fmt::format(
        "          P(menage a trois) {:.2f}  P(romantic) {:.2f}  P(stable marriage) {:.2f}  "
        "P(unit veto) {:.2f}; P(balanced) {:.2f}\n",
        p.type_probability[0], p.type_probability[1], p.type_probability[2], p.type_probability[3],
        p.p_balanced);
    out += fmt::format("          type changes in the period: {}\n",
                       s.triangle.timeline.changes.size());
  }
  if (s.drivers) {
    out += "\ndrivers (VAR over the indices and the essay's drivers; see 'triad explain')\n";
    for (const auto& share : s.drivers->shares) {
      std::string best;
      double best_share = -1;
      for (const auto& [name, v] : share.drivers)
        if (v > best_share) best = name, best_share = v;
      std::string granger;
      for (const auto& g : s.drivers->granger)
        if (g.dyad == share.dyad && g.significant)
          granger += fmt::format(" {} (p {:.3f})", g.driver, g.p_value);
      out +=
          fmt::format("  {:<8} own momentum {:.0f}%, top driver {} {:.0f}%; Granger-caused by:{}\n",
                      share.dyad, share.own * 100, best.empty() ? "-" : best,
                      std::max(0.0, best_share) * 100, granger.empty() ? " none at 5%" : granger);
    }
  }
  if (!s.warnings.empty()) {
    out += "\n";
    for (const auto& w : s.warnings) out += c.Yellow("warning: ") + w + "\n";
  }
  return out;
}

int RunStatus(const StatusArgs& args) {
  SnapshotOptions options = args.flags.Resolve();
  EventStore store(args.flags.index.series.store, /*create=*/false);
  TriadSnapshot snapshot = BuildSnapshot(store, options);
  if (args.format == "json") {
    std::printf("%s\n", ToJson(snapshot).dump(2).c_str());
  } else {
    Palette palette;
    palette.on = ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
    std::string text = Render(snapshot, palette);
    WriteStandardOutput(text);
  }
  return kExitOk;
}

const CommandRegistration kStatus(5, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<StatusArgs>();
  CLI::App* cmd =
      app.add_subcommand("status", "One screen: where each relation and the triangle stand now");
  args->flags.AddTo(cmd);
  cmd->add_option("--format", args->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Per dyad: the index in the latest period with its 90% interval, the change of its smoothed\n"
      "level over the window, its momentum (local linear trend slope per 30 days, 90% interval,\n"
      "arrow); the triangle's most likely type with its probability and since when; the top\n"
      "drivers; and warnings (thin data, many rejects, a stale store).\n\n"
      "Example:\n"
      "  triad status --actors CHN,USA,JPN --freq day");
  cmd->callback([args, &exit_code] { exit_code = RunStatus(*args); });
});

}  // namespace
}  // namespace triad::cli
