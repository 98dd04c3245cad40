// triad status: one screen on where the triangle stands now.
#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/triad_flags.hpp"
#include "cli/triad_json.hpp"
#include "common/normal.hpp"
#include "outputs/output_file.hpp"
#include "outputs/safe_text.hpp"
#include "outputs/table.hpp"

namespace triad::cli {
namespace {

struct StatusArgs {
  TriadFlags flags;
  std::string format = "table";
};

struct Palette {
  bool on = false;
  std::string Paint(const char* code, const std::string& s) const {
    return on ? fmt::format("\033[{}m{}\033[0m", code, s) : s;
  }
  std::string Direction(const Momentum& m, const std::string& s) const {
    return m.direction == MomentumDirection::kImproving       ? Paint("32", s)
           : m.direction == MomentumDirection::kDeteriorating ? Paint("31", s)
                                                              : s;
  }
};

std::string Signed(double v) {
  return std::isfinite(v) ? fmt::format("{:+.2f}", v) : "n/a";
}

std::string WithInterval(const Interval90& i) {
  if (!std::isfinite(i.estimate)) return "n/a";
  if (!std::isfinite(i.lower)) return Signed(i.estimate) + " [interval unknown]";
  return fmt::format("{} [{}, {}]", Signed(i.estimate), Signed(i.lower), Signed(i.upper));
}

std::string LatestText(const DyadState& d) {
  if (!d.latest) return "n/a";
  const std::string se =
      std::isfinite(d.latest->se) ? fmt::format("s.e. {:.2f}", d.latest->se) : "s.e. unknown";
  return fmt::format("{} ({}) {}", Signed(d.latest->value), se, FormatDate(d.latest->period));
}

std::string Render(const TriadState& s, const Palette& c) {
  const auto& a = s.query.actors;
  const std::string freq(FrequencyName(s.plan.freq));
  std::string out = c.Paint("1", fmt::format("{}-{}-{}", a[0], a[1], a[2]));
  out += fmt::format(" as of {} ({} relation index from {}: {})\n", FormatDate(s.plan.to),
                     FrequencyAdjective(s.plan.freq), s.source, s.indices[0].units);
  for (const auto& n : s.notes) out += "note: " + n + "\n";
  out += "\n";
  const std::string window = fmt::format("{} {}{}", s.window, freq, s.window == 1 ? "" : "s");
  TextTable t({"dyad", "level now [90% interval]",
               "latest " + std::string(FrequencyAdjective(s.plan.freq)) + " index (s.e.)",
               "change " + window, "momentum /30 days [90% interval]", "",
               (s.source == "events" ? "events " : "values ") + window});
  for (const DyadState& d : s.dyads) {
    std::string momentum = "n/a", arrow;
    if (d.momentum) {
      momentum = WithInterval({d.momentum->per_30_days, d.momentum->standard_error,
                               d.momentum->lower, d.momentum->upper});
      arrow = c.Direction(*d.momentum, fmt::format("{} {}", MomentumArrow(d.momentum->direction),
                                                   MomentumDirectionName(d.momentum->direction)));
    }
    t.AddRow({d.dyad.Label(), d.level ? WithInterval(*d.level) : "n/a", LatestText(d),
              d.change ? Signed(*d.change) : "", momentum, arrow,
              WithThousands(d.events_in_window)});
  }
  out += t.Render();
  out += "level: the smoothed level of the local linear trend on the as-of " + freq +
         "; latest index: that " + freq + "'s raw value\n";
  if (const TrianglePeriodResult* now = s.TriangleNow()) {
    const auto& p = now->probabilities;
    out += fmt::format("\ntriangle  {} (P = {:.2f})\n          {}\n",
                       DescribeRoles(s.triangle.actors, p.most_likely_roles),
                       p.most_likely_roles_probability, PersistentStructureText(s.triangle));
    out += "         ";
    for (int k = 0; k < kDittmerTypes; ++k)
      out += fmt::format(" P({}) {:.2f}", TriangleTypeName(static_cast<TriangleType>(k)),
                         p.type_probability[static_cast<std::size_t>(k)]);
    if (s.triangle.neutral > 0) out += fmt::format(" P(neutral) {:.2f}", p.p_indeterminate);
    out += fmt::format("; P(balanced) {:.2f}\n", p.p_balanced);
    out += fmt::format(
        "          from the {}; changes of the persistent structure in the range: {} ({} "
        "period to period)\n",
        TriangleBasisName(s.triangle.basis), s.triangle.timeline.changes.size(),
        s.triangle.timeline.raw_changes);
  }
  if (s.drivers) {
    const DriverAnalysis& d = s.drivers->analysis;
    out += fmt::format(
        "\ndrivers (VAR({}) over the indices and the essay's drivers; see 'triad "
        "explain')\n",
        d.selected_lags);
    if (d.drivers.empty()) {
      std::string why = "none could be built";
      for (const std::string& note : s.drivers->series.notes)
        if (note.rfind("no drivers: ", 0) == 0) why = note.substr(12);
      out += fmt::format("  no driver series ({}): the VAR is over the dyads alone\n", why);
    }
    for (const auto& share : d.shares) {
      if (d.drivers.empty()) {
        out += fmt::format("  {:<8} own momentum {:.0f}%, other dyads {:.0f}%\n", share.dyad,
                           share.own * 100, share.other_dyads * 100);
        continue;
      }
      std::string best;
      double best_share = -1;
      for (const auto& [name, v] : share.drivers)
        if (v > best_share) best = name, best_share = v;
      std::string granger;
      for (const auto& g : d.granger)
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
    for (const auto& w : s.warnings) out += c.Paint("33", "warning: ") + w + "\n";
  }
  return out;
}

int RunStatus(const StatusArgs& args) {
  const TriadQuery query = args.flags.Resolve();
  EventStore store(args.flags.index.series.store, /*create=*/false);
  const TriadState state = BuildTriadState(store, query);
  if (args.format == "json") {
    nlohmann::json out = NowJson(state);
    if (state.drivers) out["drivers"] = state.drivers->analysis.findings;
    std::printf("%s\n", JsonText(out, 2).c_str());
  } else {
    Palette palette;
    palette.on = ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
    std::string text = Render(state, palette);
    WriteStandardOutput(text);
  }
  return kExitOk;
}

const CommandRegistration kStatus(5, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<StatusArgs>();
  CLI::App* cmd =
      app.add_subcommand("status", "One screen: where each relation and the triangle stand now");
  args->flags.AddTo(cmd, DriverFlags::kOptional);
  cmd->add_option("--format", args->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Per dyad: the smoothed level of its local linear trend on the as-of period with a 90%\n"
      "interval (the state every command shows), the latest period's raw index with its standard\n"
      "error, the change of the level over the window, its momentum (the smoothed slope per 30\n"
      "days, 90% interval, arrow); the triangle's most likely structure from the smoothed levels,\n"
      "with its probability and since when; the drivers; warnings.\n\n"
      "Example:\n"
      "  triad status --actors CHN,USA,JPN");
  cmd->callback([args, &exit_code] { exit_code = RunStatus(*args); });
});

}  // namespace
}  // namespace triad::cli
