#include "cli/relation_index_options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "cli/list_option.hpp"
#include "common/error.hpp"

namespace triad::cli {

void RelationIndexFlags::AddTo(CLI::App* cmd) {
  series.AddTo(cmd);
  cmd->add_option("--baseline", baseline,
                  "none, world (minus the mean of all dyads in the store that period; the "
                  "default for events) or own (z-score against the dyad's trailing year); an "
                  "imported --source defaults to none")
      ->check(CLI::IsMember({"none", "world", "own"}));
  cmd->add_option("--min-events", min_events,
                  "A period with fewer events is missing (not zero); events only")
      ->capture_default_str();
  cmd->add_option("--source", source,
                  "Use the imported series NAME (see import-series) instead of the events");
  cmd->add_option("--min-coverage", min_coverage,
                  "A period whose days hold on average less than this share of their news "
                  "(GDELT 2.0: of 96 fifteen-minute slots) is thin and left out, as is one "
                  "outside the store's news; events only")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_flag("--include-partial", include_partial,
                "Keep thin periods and periods outside the news coverage (still flagged)");
}

RelationIndexOptions RelationIndexFlags::Resolve() const {
  RelationIndexOptions o;
  o.series = series.Resolve();
  if (!baseline.empty()) o.baseline = ParseBaseline(baseline);
  if (min_events < 1) ThrowUsage("--min-events must be at least 1");
  o.min_events = min_events;
  o.source = source;
  RejectSectorOnImported(o.series.sector, source);
  o.min_coverage = min_coverage;
  o.include_partial = include_partial;
  return o;
}

std::vector<Dyad> ParseDyadList(const std::string& text) {
  std::vector<Dyad> dyads;
  for (const std::string& item : SplitList(text)) dyads.push_back(Dyad::Parse(item));
  if (dyads.empty()) ThrowUsage("no dyad given: write e.g. --dyads CHN-USA,CHN-JPN");
  return dyads;
}

std::vector<std::string> ParseActorList(const std::string& text) {
  std::vector<std::string> actors;
  for (const std::string& text_item : SplitList(text)) {
    const std::string item = ParseActor(text_item);
    if (std::find(actors.begin(), actors.end(), item) != actors.end())
      ThrowUsage(fmt::format("{} is listed twice", item));
    actors.push_back(item);
  }
  return actors;
}

}  // namespace triad::cli
