// triad events: the events behind a dyad's index in a day range, read back from the ingested
// files and ranked by their pull on the index.
#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "analysis/event_drilldown.hpp"
#include "cli/command.hpp"
#include "common/error.hpp"
#include "outputs/output_file.hpp"
#include "outputs/safe_text.hpp"
#include "outputs/table.hpp"

namespace triad::cli {
namespace {

struct EventsArgs {
  std::string store = kDefaultStorePath;
  std::string dyad;
  std::string from, to;
  std::string channel = "all";
  std::string sector = "any";
  std::string weight = "events";
  int top = 20;
  std::string rank = "pull";
  std::string format = "table";
};

Day DateOption(const std::string& text, const char* option) {
  const auto day = ParseDate(text);
  if (!day) ThrowUsage(fmt::format("{} '{}': not a date (YYYY-MM-DD)", option, text));
  return *day;
}

nlohmann::json ToJson(const EventQuery& q, const EventDrilldown& d) {
  nlohmann::json out = {
      {"dyad", q.dyad.Label()},
      {"from", FormatDate(q.from)},
      {"to", FormatDate(q.to)},
      {"sector", q.sector.Text()},
      {"events", d.events},
      {"total_weight", d.total_weight},
      {"mean_goldstein",
       d.total_weight > 0 ? nlohmann::json(d.total_pull / d.total_weight) : nlohmann::json()},
      {"files_read", d.files_read},
      {"missing_files", d.missing}};
  out["top"] = nlohmann::json::array();
  for (const EventBehind& e : d.top)
    out["top"].push_back(
        {{"date", FormatDate(e.day)},
         {"id", e.key},
         {"source", e.source},
         {"target", e.target},
         {"source_name", e.source_name},
         {"target_name", e.target_name},
         {"cameo_code", e.code},
         {"description", e.description},
         {"source_sector", ActorSectorName(e.source_sector)},
         {"target_sector", ActorSectorName(e.target_sector)},
         {"channel", ChannelName(e.channel)},
         {"quad_class", e.quad_class},
         {"goldstein", e.goldstein},
         {"mentions", e.mentions < 0 ? nlohmann::json() : nlohmann::json(e.mentions)},
         {"pull", e.pull},
         {"url", e.url},
         {"file", e.file}});
  return out;
}

std::string Clip(const std::string& s, std::size_t width) {
  return s.size() <= width ? s : s.substr(0, width - 3) + "...";
}

int RunEvents(const EventsArgs& args) {
  EventQuery q;
  q.dyad = Dyad::Parse(args.dyad);
  q.from = DateOption(args.from, "--from");
  q.to = args.to.empty() ? q.from : DateOption(args.to, "--to");
  if (args.channel != "all") q.channel = ParseChannel(args.channel);
  q.sector = SectorFilter::Parse(args.sector);
  q.weight = ParseWeighting(args.weight);
  q.top = args.top;
  q.direction = args.rank == "up" ? 1 : args.rank == "down" ? -1 : 0;
  EventStore store(args.store, /*create=*/false);
  const EventDrilldown d = EventsBehind(store, q);
  for (const std::string& path : d.missing)
    std::fprintf(stderr,
                 "warning: %s has moved or changed since it was ingested; its events are not "
                 "shown (put it back, or re-ingest it)\n",
                 path.c_str());
  if (d.files_read == 0 && !d.missing.empty())
    ThrowInput(Location{args.store, 0, ""},
               "every event file covering the range has moved or changed: nothing to read back");
  if (args.format == "json") {
    WriteStandardOutput(JsonText(ToJson(q, d), 2) + "\n");
    return kExitOk;
  }
  std::string out = fmt::format(
      "{} events of {} from {} to {} (both directions{}), read back from {} file{}; mean "
      "Goldstein {} ({}-weighted); the {} with the {} (Goldstein × weight):\n",
      d.events, q.dyad.Label(), FormatDate(q.from), FormatDate(q.to),
      (q.channel ? fmt::format(", {} channel", ChannelName(*q.channel)) : "") +
          (q.sector.any() ? "" : fmt::format(", {} actors on both sides", q.sector.Text())),
      d.files_read, d.files_read == 1 ? "" : "s",
      d.total_weight > 0 ? fmt::format("{:+.3f}", d.total_pull / d.total_weight) : "n/a",
      args.weight, d.top.size(),
      q.direction > 0   ? "most positive pull"
      : q.direction < 0 ? "most negative pull"
                        : "largest pull");
  TextTable t({"date", "actors", "code", "event", "goldstein", "mentions", "pull", "url"});
  for (const EventBehind& e : d.top)
    t.AddRow({FormatDate(e.day),
              fmt::format("{} ({}) -> {} ({})", e.source, Clip(e.source_name, 18), e.target,
                          Clip(e.target_name, 18)),
              e.code, Clip(e.description, 40), fmt::format("{:+.1f}", e.goldstein),
              e.mentions < 0 ? std::string() : std::to_string(e.mentions),
              fmt::format("{:+.1f}", e.pull), e.url});
  out += t.Render();
  WriteStandardOutput(out);
  return kExitOk;
}

const CommandRegistration kEvents(37, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<EventsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "events", "The events behind a dyad's index in a period, with their source URLs");
  cmd->add_option("--store", args->store, "Store file")->capture_default_str();
  cmd->add_option("--dyad", args->dyad, "Two CAMEO country codes, e.g. CHN-JPN")->required();
  cmd->add_option("--from", args->from, "First day (YYYY-MM-DD)")->required();
  cmd->add_option("--to", args->to, "Last day (default: --from)");
  cmd->add_option("--channel", args->channel, "all, diplomatic, economic or security")
      ->check(CLI::IsMember({"all", "diplomatic", "economic", "security"}))
      ->capture_default_str();
  cmd->add_option("--sector", args->sector,
                  "any, or actor sectors both sides must be in (government, military, business, "
                  "civil, unspecified; comma-separated)")
      ->capture_default_str();
  cmd->add_option("--weight", args->weight, "events or mentions: the weight of the pull")
      ->check(CLI::IsMember({"events", "mentions"}))
      ->capture_default_str();
  cmd->add_option("--top", args->top, "Events to list, by the size of their pull")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--rank", args->rank,
                  "pull (the largest |Goldstein × weight| first), up (the most positive first: "
                  "what raised the index) or down (the most negative first)")
      ->check(CLI::IsMember({"pull", "up", "down"}))
      ->capture_default_str();
  cmd->add_option("--format", args->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->footer(
      "The store keeps aggregates only: the events are read back from the files its manifest\n"
      "names (a file that has moved or changed is named, and skipped). An event repeated across\n"
      "files counts once, as in the store. The pull of an event is its Goldstein value times its\n"
      "weight (1, or NumMentions with --weight mentions): the events with the largest pull moved\n"
      "the period's index most.\n\n"
      "Example:\n"
      "  triad events --dyad CHN-JPN --from 2025-06-14 --top 10");
  cmd->callback([args, &exit_code] { exit_code = RunEvents(*args); });
});

}  // namespace
}  // namespace triad::cli
