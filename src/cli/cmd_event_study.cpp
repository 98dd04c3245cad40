// `triad event-study --kind K --dyads ...`: each dyad's average path around the past windows of
// one kind of the calendar, against the baseline of periods away from them; --calibrate prints a
// scenario [[window]] whose volatility and drift come from that history.
#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "analysis/triad_state.hpp"
#include "cli/command.hpp"
#include "cli/relation_index_options.hpp"
#include "cli/triad_json.hpp"
#include "codebook/calendar.hpp"
#include "measures/event_study.hpp"
#include "outputs/output_file.hpp"
#include "outputs/safe_text.hpp"
#include "outputs/table.hpp"

namespace triad::cli {
namespace {

struct EventStudyArgs {
  std::string kind;
  std::string dyads;
  int k = 4;
  bool calibrate = false;
  RelationIndexFlags flags;
  std::string format = "table";
};

std::string Signed(double x, int decimals) {
  return std::isfinite(x) ? fmt::format("{:+.{}f}", x, decimals) : "";
}

std::string Text(const EventStudyArgs& args, const std::string& kind, const std::string& unit,
                 const std::vector<RelationIndexSeries>& all,
                 const std::vector<EventStudyResult>& results) {
  std::string out = fmt::format(
      "Event study of {} ({} periods before and after; the index minus its mean over "
      "the {} periods before each event; 90% interval across events, Student t)\n",
      kind, args.k, args.k);
  for (std::size_t d = 0; d < all.size(); ++d) {
    const EventStudyResult& r = results[d];
    out += fmt::format(
        "\n{}: {} event{} ({}), baseline from {} periods away from any event\n",
        all[d].dyad.Label(), r.used.size(), r.used.size() == 1 ? "" : "s",
        r.used.empty() ? "none in the data" : fmt::format("{}", fmt::join(r.used, ", ")),
        r.baseline_origins);
    for (const auto& s : r.skipped) out += "  not used: " + s + "\n";
    if (r.used.empty()) continue;
    TextTable t({"period", "mean", "90% interval", "baseline", "difference"});
    for (std::size_t j = 0; j < r.offsets.size(); ++j)
      t.AddRow({fmt::format("{:+d}", r.offsets[j]), Signed(r.mean[j], 2),
                std::isfinite(r.lower[j])
                    ? fmt::format("[{}, {}]", Signed(r.lower[j], 2), Signed(r.upper[j], 2))
                    : "",
                Signed(r.baseline[j], 2), Signed(r.mean[j] - r.baseline[j], 2)});
    out += t.Render();
    out += fmt::format(
        "  window 0..{}: one-period changes s.d. x{:.2f} of elsewhere ({} vs {} changes), "
        "drift {} {} per period (Welch p = {:.2f})\n",
        args.k, r.volatility_ratio, r.window_changes, r.other_changes,
        Signed(r.drift_per_period, 3), unit, r.drift_p_value);
    if (r.used.size() < 3)
      out += fmt::format(
          "  warning: rests on {} event{}: a description of {}, not an estimate of what such "
          "events do\n",
          r.used.size(), r.used.size() == 1 ? "" : "s",
          r.used.size() == 1 ? "that event" : "those events");
  }
  return out;
}

std::string Calibration(const EventStudyArgs& args, const std::string& kind,
                        const std::vector<RelationIndexSeries>& all,
                        const std::vector<EventStudyResult>& results, Frequency freq) {
  // The next window of the kind after the data, for the example.
  const auto next = WindowCalendar::Default().Between(all.front().to + 1, 1 << 20, kind);
  std::string out = "\n# Scenario windows calibrated on this history (paste into a scenario):\n";
  for (std::size_t d = 0; d < all.size(); ++d) {
    const EventStudyResult& r = results[d];
    if (!std::isfinite(r.volatility_ratio)) continue;
    const bool drift = r.drift_p_value < 0.10;
    if (r.used.size() < 3)
      out += fmt::format("# {}: rests on {} event{}; treat as an illustration\n",
                         all[d].dyad.Label(), r.used.size(), r.used.size() == 1 ? "" : "s");
    out += fmt::format(
        "[[window]]\n{}variables = [\"{}\"]\ndays_after = {}\n"
        "volatility = {:.3f}   # s.d. of {} changes in the {} periods from {} past event{} over "
        "elsewhere\n{}\n",
        next.empty() ? fmt::format("name = \"{}\"\nfrom = YYYY-MM-DD\nto = YYYY-MM-DD\n", kind)
                     : fmt::format("calendar = \"{}\"\n", next.front().id),
        all[d].dyad.Variable(),
        args.k * (freq == Frequency::kWeek    ? 7
                  : freq == Frequency::kMonth ? 30
                                              : 1),
        r.volatility_ratio, FrequencyAdjective(freq), args.k + 1, r.used.size(),
        r.used.size() == 1 ? "" : "s",
        drift
            ? fmt::format("drift = {:.4f}   # per {}, window minus elsewhere (Welch p = {:.3f})\n",
                          r.drift_per_period, FrequencyName(freq), r.drift_p_value)
            : fmt::format("# no drift: the window's mean change ({:+.4f} per {}) is not "
                          "distinguishable from elsewhere (Welch p = {:.2f})\n",
                          r.drift_per_period, FrequencyName(freq), r.drift_p_value));
  }
  return out;
}

int RunEventStudy(const EventStudyArgs& args) {
  const WindowCalendar& calendar = WindowCalendar::Default();
  const std::string kind = calendar.FindKind(args.kind);
  const std::vector<Dyad> dyads = ParseDyadList(args.dyads);
  RelationIndexOptions options = args.flags.Resolve();
  EventStore store(args.flags.series.store, /*create=*/false);
  ApplyPeriodPlan(SourceRange(store, options.source), args.flags.Periods(), options.series);
  const std::vector<RelationIndexSeries> all = LoadRelationIndices(store, dyads, options);
  std::vector<EventStudyEvent> events;
  for (const auto& w : calendar.Between(-(1 << 20), 1 << 20, kind))
    events.push_back({w.id, w.start, w.end});
  std::vector<EventStudyResult> results;
  for (const auto& s : all)
    results.push_back(RunEventStudy(s.dates, s.value, s.freq, events, args.k));
  const Frequency freq = all.front().freq;
  if (args.format == "json") {
    nlohmann::json out = {{"kind", kind},
                          {"k", args.k},
                          {"freq", FrequencyName(freq)},
                          {"units", all.front().units},
                          {"interval", "90% across events, Student t"},
                          {"dyads", nlohmann::json::array()}};
    for (std::size_t d = 0; d < all.size(); ++d) {
      const EventStudyResult& r = results[d];
      nlohmann::json path = nlohmann::json::array();
      for (std::size_t j = 0; j < r.offsets.size(); ++j)
        path.push_back({{"offset", r.offsets[j]},
                        {"mean", JsonNumber(r.mean[j])},
                        {"lower", JsonNumber(r.lower[j])},
                        {"upper", JsonNumber(r.upper[j])},
                        {"baseline", JsonNumber(r.baseline[j])}});
      out["dyads"].push_back({{"dyad", all[d].dyad.Label()},
                              {"events", r.used},
                              {"skipped", r.skipped},
                              {"baseline_origins", r.baseline_origins},
                              {"path", path},
                              {"volatility_ratio", JsonNumber(r.volatility_ratio)},
                              {"drift_per_period", JsonNumber(r.drift_per_period)},
                              {"drift_p_value", JsonNumber(r.drift_p_value)},
                              {"window_changes", r.window_changes},
                              {"other_changes", r.other_changes}});
    }
    WriteStandardOutput(JsonText(out, 2) + "\n");
    return kExitOk;
  }
  std::string out = Text(args, kind, all.front().units, all, results);
  if (args.calibrate) out += Calibration(args, kind, all, results, freq);
  WriteStandardOutput(out);
  return kExitOk;
}

const CommandRegistration kEventStudy(97, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<EventStudyArgs>();
  CLI::App* cmd = app.add_subcommand(
      "event-study", "Each dyad's average path around past windows of one kind of the calendar");
  cmd->add_option("--kind", args->kind, "a kind from `triad calendar`, e.g. \"G20 summit\"")
      ->required();
  cmd->add_option("--dyads", args->dyads, "Comma-separated dyads, e.g. CHN-USA,CHN-JPN")
      ->required();
  cmd->add_option("-k,--periods", args->k, "periods before and after each event (default 4)")
      ->check(CLI::Range(1, 104));
  cmd->add_flag("--calibrate", args->calibrate,
                "print scenario [[window]] tables whose volatility and drift come from this "
                "history");
  args->flags.AddTo(cmd);
  cmd->add_option("--format", args->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Example:\n  triad import-series tests/data/series/gdelt_weekly_chn_usa_jpn.csv --name "
      "weekly\n  triad event-study --kind \"US midterm election\" --dyads CHN-USA,USA-JPN "
      "--source weekly --calibrate");
  cmd->callback([args, &exit_code] { exit_code = RunEventStudy(*args); });
});

}  // namespace
}  // namespace triad::cli
