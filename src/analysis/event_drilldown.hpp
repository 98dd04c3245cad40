#pragma once
// The events behind a number: the rows of a dyad in a day range, read back from the event files
// the store's manifest names, ranked by their pull on the relation index (Goldstein value times
// the event's weight). The store keeps aggregates only, so this is the way from a spike in an
// index to the news that made it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "codebook/cameo.hpp"
#include "codebook/dyad.hpp"
#include "series/dyad_series.hpp"
#include "store/event_store.hpp"

namespace triad {

struct EventQuery {
  Dyad dyad;  // both directions
  Day from = 0, to = 0;
  std::optional<Channel> channel;
  SectorFilter sector;  // both sides' classes (any by default)
  Weighting weight = Weighting::kEvents;
  int top = 20;  // rows to keep
  // How the rows are ranked: by the size of their pull (0), or the most positive (+1) or most
  // negative (-1) pull first, for the events behind a rise or a fall.
  int direction = 0;
};

struct EventBehind {
  Day day = 0;
  std::int64_t key = 0;  // GLOBALEVENTID (ICEWS: id and date packed)
  std::string source, target;
  std::string source_name, target_name;
  std::string code, description;
  Channel channel = Channel::kDiplomatic;
  ActorSector source_sector = ActorSector::kUnspecified, target_sector = ActorSector::kUnspecified;
  int quad_class = 0;
  double goldstein = 0;
  std::int32_t mentions = 0;  // -1 for ICEWS, which has no NumMentions
  double pull = 0;            // goldstein × weight (1 or NumMentions)
  std::string url;
  std::string file;  // the ingested file it was read from
};

struct EventDrilldown {
  std::vector<EventBehind> top;             // ranked as the query says; ties by date, key
  std::int64_t events = 0;                  // events of the dyad in the range that were read back
  double total_weight = 0, total_pull = 0;  // sums over those events
  std::int64_t files_read = 0;
  std::vector<std::string> missing;  // manifest files that are gone or changed (not read)
};

// Reads the manifest's files that cover the range (in ingest order; an event repeated across
// files counts once, as in the store). A file that has moved or changed since it was ingested is
// listed in `missing`, not read.
EventDrilldown EventsBehind(EventStore& store, const EventQuery& query);
// Several queries in one pass over the files; one result per query, in order.
std::vector<EventDrilldown> EventsBehind(EventStore& store, const std::vector<EventQuery>& queries);

}  // namespace triad
