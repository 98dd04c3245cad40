#include "cli/snapshot_flags.hpp"

#include <fmt/format.h>

#include "common/error.hpp"

namespace triad::cli {

void SnapshotFlags::AddTo(CLI::App* cmd) {
  cmd->add_option("--actors", actors, "Three CAMEO country codes")->capture_default_str();
  cmd->add_option("--asof", asof, "Look from this day (YYYY-MM-DD; default: the last event day)");
  index.AddTo(cmd, "day");
  cmd->add_option("--neutral", neutral, "Half-width of the neutral band for signs (index units)")
      ->capture_default_str();
  cmd->add_option("--window", window,
                  "Periods for 'change over the window' (default 7 days / 4 weeks)");
  cmd->add_flag("--no-drivers", no_drivers, "Skip the driver VAR");
}

SnapshotOptions SnapshotFlags::Resolve() const {
  SnapshotOptions o;
  std::vector<std::string> list = ParseActorList(actors);
  if (list.size() != 3)
    ThrowUsage(fmt::format("--actors '{}': give exactly three countries", actors));
  o.actors = {list[0], list[1], list[2]};
  o.index = index.Resolve();
  if (!asof.empty()) {
    auto day = ParseDate(asof);
    if (!day) ThrowUsage(fmt::format("--asof '{}': not a date (YYYY-MM-DD)", asof));
    o.index.series.to = *day;
  }
  o.neutral = neutral;
  const Frequency freq = o.index.series.freq;
  o.window = window > 0 ? window : freq == Frequency::kDay ? 7 : freq == Frequency::kWeek ? 4 : 3;
  o.drivers = !no_drivers;
  o.model.actors = o.actors;
  o.model.index = o.index;
  // The driver VAR needs every period; like `triad explain`, it counts a period with any event.
  o.model.index.min_events = 1;
  return o;
}

}  // namespace triad::cli
