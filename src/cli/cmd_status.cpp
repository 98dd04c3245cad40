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
#include "outputs/localized_sentences.hpp"
#include "outputs/localized_terms.hpp"
#include "outputs/messages.hpp"
#include "outputs/output_file.hpp"
#include "outputs/safe_text.hpp"
#include "outputs/table.hpp"

namespace triad::cli {
namespace {

struct StatusArgs {
  TriadFlags flags;
  std::string format = "table";
  std::string lang = "en";
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

// Every sentence below comes from the message catalog (outputs/messages.hpp) in the language
// asked for; in English it is byte for byte the text status always printed.
struct Words {
  Language lang = Language::kEnglish;

  std::string operator()(std::string_view key) const { return std::string(Message(lang, key)); }
  template <typename... Args>
  std::string operator()(std::string_view key, const Args&... args) const {
    return FormatMessage(lang, key, args...);
  }
};

std::string Signed(const Words& w, double v) {
  return std::isfinite(v) ? fmt::format("{:+.2f}", v) : w("common.n_a");
}

std::string WithInterval(const Words& w, const Interval90& i) {
  if (!std::isfinite(i.estimate)) return w("common.n_a");
  if (!std::isfinite(i.lower)) return w("status.interval_unknown", Signed(w, i.estimate));
  return fmt::format("{} [{}, {}]", Signed(w, i.estimate), Signed(w, i.lower), Signed(w, i.upper));
}

std::string LatestText(const Words& w, const DyadState& d) {
  if (!d.latest) return w("common.n_a");
  const std::string se =
      std::isfinite(d.latest->se) ? w("status.se", d.latest->se) : w("status.se_unknown");
  return w("status.latest", Signed(w, d.latest->value), se, FormatDate(d.latest->period));
}

// As PersistentStructureText (analysis/triangle_over_time.hpp), in the language of `w`.
std::string PersistentStructure(const Words& w, const TriangleOverTime& t) {
  const TriangleTimeline& tl = t.timeline;
  const std::string rule =
      w(PluralKey("persist.rule", tl.persist), kPersistProbability, tl.persist);
  std::string out = tl.current ? w("persist.current", RolesLabel(w.lang, t.actors, *tl.current),
                                   FormatDate(*tl.current_since), rule)
                               : w("persist.none", rule);
  if (tl.pending)
    out += w("persist.pending", RolesLabel(w.lang, t.actors, *tl.pending), tl.pending_periods,
             tl.persist, FormatDate(*tl.pending_since));
  return out;
}

std::string Render(const TriadState& s, const Palette& c, Language lang) {
  const Words w{lang};
  const auto& a = s.query.actors;
  const std::string freq = FrequencyNoun(lang, s.plan.freq);
  const std::string adjective = FrequencyAdjectiveLabel(lang, s.plan.freq);
  std::string out = c.Paint("1", fmt::format("{}-{}-{}", a[0], a[1], a[2]));
  out += w("status.heading", FormatDate(s.plan.to), adjective,
           s.source == "events" ? w("status.source_events") : s.source,
           SentenceLabel(lang, s.indices[0].units));
  for (const auto& n : s.notes) out += w("common.note_prefix") + SentenceLabel(lang, n) + "\n";
  out += "\n";
  const std::string window = PeriodCount(lang, s.plan.freq, s.window);
  TextTable t({w("status.column_dyad"), w("status.column_level"),
               w("status.column_latest", adjective), w("status.column_change", window),
               w("status.column_momentum"), "",
               w(s.source == "events" ? "status.column_events" : "status.column_values", window)});
  if (lang != Language::kEnglish) t.MeasureTerminalColumns();
  for (const DyadState& d : s.dyads) {
    std::string momentum = w("common.n_a"), arrow;
    if (d.momentum) {
      momentum = WithInterval(w, {d.momentum->per_30_days, d.momentum->standard_error,
                                  d.momentum->lower, d.momentum->upper});
      arrow = c.Direction(*d.momentum, fmt::format("{} {}", MomentumArrow(d.momentum->direction),
                                                   DirectionLabel(lang, d.momentum->direction)));
    }
    t.AddRow({d.dyad.Label(), d.level ? WithInterval(w, *d.level) : w("common.n_a"),
              LatestText(w, d), d.change ? Signed(w, *d.change) : "", momentum, arrow,
              WithThousands(d.events_in_window)});
  }
  out += t.Render();
  out += w("status.level_legend", freq);
  if (const TrianglePeriodResult* now = s.TriangleNow()) {
    const auto& p = now->probabilities;
    out += w("status.triangle", RolesLabel(lang, s.triangle.actors, p.most_likely_roles),
             p.most_likely_roles_probability, PersistentStructure(w, s.triangle));
    out += "         ";
    for (int k = 0; k < kDittmerTypes; ++k)
      out += w("status.type_probability", TriangleTypeLabel(lang, static_cast<TriangleType>(k)),
               p.type_probability[static_cast<std::size_t>(k)]);
    if (s.triangle.neutral > 0) out += w("status.neutral_probability", p.p_indeterminate);
    out += w("status.balanced_probability", p.p_balanced);
    out += w("status.triangle_basis",
             w(s.triangle.basis == TriangleBasis::kSmoothedLevels ? "basis.smoothed_levels"
                                                                  : "basis.raw_indices"),
             s.triangle.timeline.changes.size(), s.triangle.timeline.raw_changes);
  }
  if (s.drivers) {
    const DriverAnalysis& d = s.drivers->analysis;
    out += w("status.drivers", d.selected_lags);
    if (d.drivers.empty()) {
      std::string why = w("status.no_drivers_reason");
      for (const std::string& note : s.drivers->series.notes)
        if (note.rfind("no drivers: ", 0) == 0) why = note.substr(12);
      out += w("status.no_drivers", why);
    }
    for (const auto& share : d.shares) {
      if (d.drivers.empty()) {
        out += w("status.shares_without_drivers", share.dyad, share.own * 100,
                 share.other_dyads * 100);
        continue;
      }
      std::string best;
      double best_share = -1;
      for (const auto& [name, v] : share.drivers)
        if (v > best_share) best = name, best_share = v;
      std::string granger;
      for (const auto& g : d.granger)
        if (g.dyad == share.dyad && g.significant)
          granger += w("status.granger_driver", g.driver, g.p_value);
      out +=
          w("status.shares", share.dyad, share.own * 100, best.empty() ? "-" : best,
            std::max(0.0, best_share) * 100, granger.empty() ? w("status.granger_none") : granger);
    }
  }
  if (!s.warnings.empty()) {
    out += "\n";
    for (const auto& warning : s.warnings)
      out += c.Paint("33", w("common.warning_prefix")) + SentenceLabel(lang, warning) + "\n";
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
    if (args.lang != "en") out["lang"] = args.lang;
    std::printf("%s\n", JsonText(out, 2).c_str());
  } else {
    Palette palette;
    palette.on = ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
    std::string text = Render(state, palette, ParseLanguage(args.lang));
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
  cmd->add_option("--lang", args->lang,
                  "Language of the table: en, zh-Hans, zh-Hant or ja (JSON stays English)")
      ->check(CLI::IsMember({"en", "zh-Hans", "zh-Hant", "ja"}))
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
