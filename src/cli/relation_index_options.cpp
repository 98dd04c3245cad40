#include "cli/relation_index_options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "cli/list_option.hpp"
#include "common/error.hpp"

namespace triad::cli {

void RelationIndexFlags::AddTo(CLI::App* cmd, const std::string& default_freq) {
  series.AddTo(cmd, default_freq);
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
}

RelationIndexOptions RelationIndexFlags::Resolve() const {
  RelationIndexOptions o;
  o.series = series.Resolve();
  if (!baseline.empty()) o.baseline = ParseBaseline(baseline);
  if (min_events < 1) ThrowUsage("--min-events must be at least 1");
  o.min_events = min_events;
  o.source = source;
  return o;
}

std::vector<DyadCodes> ParseDyadList(const std::string& text) {
  std::vector<DyadCodes> dyads;
  for (const std::string& item : SplitList(text)) dyads.push_back(ParseDyad(item));
  if (dyads.empty()) ThrowUsage("no dyad given: write e.g. --dyads CHN-USA,CHN-JPN");
  return dyads;
}

std::vector<std::string> ParseActorList(const std::string& text) {
  std::vector<std::string> actors;
  for (std::string item : SplitList(text)) {
    for (char& c : item) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (item.size() != 3 ||
        !std::all_of(item.begin(), item.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
      ThrowUsage(fmt::format("'{}' is not a 3-letter CAMEO country code", item));
    if (std::find(actors.begin(), actors.end(), item) != actors.end())
      ThrowUsage(fmt::format("{} is listed twice", item));
    actors.push_back(item);
  }
  return actors;
}

}  // namespace triad::cli
