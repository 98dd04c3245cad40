#include "cli/series_options.hpp"
#include "outputs/safe_text.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "common/error.hpp"

namespace triad::cli {

void SeriesFlags::AddTo(CLI::App* cmd) {
  cmd->add_option("--store", store, "Store file")->capture_default_str();
  cmd->add_option("--freq", freq,
                  "Period: day, week (ISO, from Monday), month or year (default: week, or day "
                  "when the data span fewer than 26 weeks)")
      ->check(CLI::IsMember({"day", "week", "month", "year"}));
  cmd->add_option("--weight", weight, "Weight events equally, or by NumMentions (initial coverage)")
      ->check(CLI::IsMember({"events", "mentions"}))
      ->capture_default_str();
  cmd->add_option("--channel", channel, "all, diplomatic, economic or security")
      ->check(CLI::IsMember({"all", "diplomatic", "economic", "security"}))
      ->capture_default_str();
  cmd->add_option("--sector", sector,
                  "Actor sectors both sides must be in: any, or one or more of government, "
                  "military, business, civil, unspecified (comma-separated; GDELT actor type "
                  "codes, ICEWS sectors: data/codebook/actor_sectors.csv)")
      ->capture_default_str();
  cmd->add_option("--from", from, "First day (YYYY-MM-DD; default: start of the store's coverage)");
  cmd->add_option("--to", to, "Last day (YYYY-MM-DD; default: last event day)");
}

SeriesOptions SeriesFlags::Resolve() const {
  SeriesOptions o;
  o.freq = freq.empty() ? kDefaultFrequency : ParseFrequency(freq);
  o.weight = ParseWeighting(weight);
  if (channel != "all") o.channel = ParseChannel(channel);
  o.sector = SectorFilter::Parse(sector);
  auto date = [](const std::string& text, const char* option) -> std::optional<Day> {
    if (text.empty()) return std::nullopt;
    auto d = ParseDate(text);
    if (!d) ThrowUsage(fmt::format("{} '{}': not a date (YYYY-MM-DD)", option, text));
    return d;
  };
  o.from = date(from, "--from");
  o.to = date(to, "--to");
  return o;
}

PeriodRequest SeriesFlags::Periods() const {
  const SeriesOptions o = Resolve();
  PeriodRequest r;
  if (!freq.empty()) r.freq = o.freq;
  r.from = o.from;
  r.to = o.to;
  return r;
}

void RejectSectorOnImported(const SectorFilter& sector, const std::string& source) {
  if (source.empty() || sector.any()) return;
  ThrowUsage(
      fmt::format("--sector {} selects event cells by their actors' sectors; the imported "
                  "series '{}' has none: leave out --sector or --source",
                  sector.Text(), source));
}

void ApplyPeriodPlan(const std::optional<std::pair<Day, Day>>& data, const PeriodRequest& request,
                     SeriesOptions& options) {
  const PeriodPlan plan = PlanPeriods(data, request);
  options.freq = plan.freq;
  options.from = plan.from;
  options.to = plan.to;
  for (const std::string& note : plan.notes)
    std::fprintf(stderr, "note: %s\n", TerminalLines(note).c_str());
}

}  // namespace triad::cli
