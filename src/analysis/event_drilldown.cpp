#include "analysis/event_drilldown.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <utility>

#include "common/error.hpp"
#include "reading/byte_source.hpp"
#include "reading/row_parser.hpp"

namespace triad {
namespace {

// Whether the file on disk is still the one the manifest describes (same size; ingest keys files
// by path, size and modification time, and content).
bool Unchanged(const IngestedFile& f) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(f.path, ec);
  return !ec && static_cast<std::int64_t>(size) == f.size;
}

// Calls `row` for every line of the file, streaming (memory bounded by the longest line).
template <typename RowFn>
void ForEachLine(const std::string& path, RowFn row) {
  auto source = OpenByteSource(path);
  std::string carry;
  std::vector<char> buffer(1 << 20);
  std::int64_t line_number = 0;
  for (std::size_t n; (n = source->Read(buffer.data(), buffer.size())) > 0;) {
    carry.append(buffer.data(), n);
    std::size_t begin = 0;
    for (std::size_t end; (end = carry.find('\n', begin)) != std::string::npos; begin = end + 1)
      row(++line_number, std::string_view(carry).substr(begin, end - begin));
    carry.erase(0, begin);
  }
  if (!carry.empty()) row(++line_number, std::string_view(carry));
}

}  // namespace

std::vector<EventDrilldown> EventsBehind(EventStore& store,
                                         const std::vector<EventQuery>& queries) {
  std::vector<EventDrilldown> out(queries.size());
  if (queries.empty()) return out;
  Day from = queries[0].from, to = queries[0].to;
  for (const EventQuery& q : queries) {
    if (q.from > q.to) ThrowUsage("--from is after --to");
    from = std::min(from, q.from);
    to = std::max(to, q.to);
  }
  // (id family, key) per query: each event once, in ingest order, as in the store.
  std::vector<std::set<std::pair<int, std::int64_t>>> seen(queries.size());
  std::vector<std::string> missing;
  std::int64_t files_read = 0;
  for (const IngestedFile& f : store.Files()) {
    if (f.min_day.empty() || *ParseDate(f.max_day) < from || *ParseDate(f.min_day) > to) continue;
    if (f.format == "cells") continue;  // imported cells (triad ingest-cells) hold no events
    if (!Unchanged(f)) {
      missing.push_back(f.path);
      continue;
    }
    ++files_read;
    std::unique_ptr<RowParser> parser;
    EventFormat format = EventFormat::kGdelt2;
    ForEachLine(f.path, [&](std::int64_t number, std::string_view line) {
      if (number == 1) {
        format = f.format.empty() ? DetectFormat(line, f.path) : ParseEventFormat(f.format);
        parser = MakeRowParser(format, HasHeader(format) ? line : std::string_view(), f.path);
        if (HasHeader(format)) return;
      }
      EventRecord r;
      RowProblem problem;
      if (parser->Parse(line, &r, &problem) != RowOutcome::kAccepted) return;
      if (r.day < from || r.day > to) return;
      for (std::size_t i = 0; i < queries.size(); ++i) {
        const EventQuery& q = queries[i];
        if (r.day < q.from || r.day > q.to) continue;
        const bool forward = r.source == q.dyad.first && r.target == q.dyad.second;
        const bool back = r.source == q.dyad.second && r.target == q.dyad.first;
        if (!forward && !back) continue;
        if (q.channel && r.event->channel != *q.channel) continue;
        if (!q.sector.Keeps(r.source_sector, r.target_sector)) continue;
        if (!seen[i].insert({static_cast<int>(IdFamilyOf(format)), r.key}).second) continue;
        EventBehind e;
        e.day = r.day;
        e.key = r.key;
        e.source = r.source;
        e.target = r.target;
        e.source_name = r.source_name;
        e.target_name = r.target_name;
        e.code = r.event->code;
        e.description = r.event->description;
        e.channel = r.event->channel;
        e.source_sector = r.source_sector;
        e.target_sector = r.target_sector;
        e.quad_class = r.quad_class;
        e.goldstein = r.goldstein_tenths / 10.0;
        e.mentions = format == EventFormat::kIcews ? -1 : r.mentions;
        const double weight = q.weight == Weighting::kMentions ? r.mentions : 1.0;
        e.pull = e.goldstein * weight;
        e.url = r.url;
        e.file = f.path;
        EventDrilldown& d = out[i];
        ++d.events;
        d.total_weight += weight;
        d.total_pull += e.pull;
        d.top.push_back(std::move(e));
      }
    });
  }
  for (std::size_t i = 0; i < queries.size(); ++i) {
    EventDrilldown& d = out[i];
    d.files_read = files_read;
    d.missing = missing;
    const int direction = queries[i].direction;
    const auto rank = [direction](const EventBehind& e) {
      return direction == 0 ? std::abs(e.pull) : direction * e.pull;
    };
    std::sort(d.top.begin(), d.top.end(), [&](const EventBehind& a, const EventBehind& b) {
      if (rank(a) != rank(b)) return rank(a) > rank(b);
      return a.day != b.day ? a.day < b.day : a.key < b.key;
    });
    if (queries[i].top >= 0 && d.top.size() > static_cast<std::size_t>(queries[i].top))
      d.top.resize(static_cast<std::size_t>(queries[i].top));
  }
  return out;
}

EventDrilldown EventsBehind(EventStore& store, const EventQuery& query) {
  return EventsBehind(store, std::vector<EventQuery>{query}).front();
}

}  // namespace triad
