#include "analysis/event_drilldown.hpp"

#include <fmt/format.h>

#include <algorithm>
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

EventDrilldown EventsBehind(EventStore& store, const EventQuery& q) {
  if (q.from > q.to) ThrowUsage("--from is after --to");
  EventDrilldown out;
  std::set<std::pair<int, std::int64_t>> seen;  // (id family, key): each event once
  const bool by_mentions = q.weight == Weighting::kMentions;
  for (const IngestedFile& f : store.Files()) {
    if (f.min_day.empty() || *ParseDate(f.max_day) < q.from || *ParseDate(f.min_day) > q.to)
      continue;
    if (!Unchanged(f)) {
      out.missing.push_back(f.path);
      continue;
    }
    ++out.files_read;
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
      if (r.day < q.from || r.day > q.to) return;
      const bool forward = r.source == q.dyad.first && r.target == q.dyad.second;
      const bool back = r.source == q.dyad.second && r.target == q.dyad.first;
      if (!forward && !back) return;
      if (q.channel && r.event->channel != *q.channel) return;
      if (!seen.insert({static_cast<int>(IdFamilyOf(format)), r.key}).second) return;
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
      e.quad_class = r.quad_class;
      e.goldstein = r.goldstein_tenths / 10.0;
      e.mentions = r.mentions;
      const double weight = by_mentions ? r.mentions : 1.0;
      e.pull = e.goldstein * weight;
      e.url = r.url;
      e.file = f.path;
      ++out.events;
      out.total_weight += weight;
      out.total_pull += e.pull;
      out.top.push_back(std::move(e));
    });
  }
  std::sort(out.top.begin(), out.top.end(), [](const EventBehind& a, const EventBehind& b) {
    if (std::abs(a.pull) != std::abs(b.pull)) return std::abs(a.pull) > std::abs(b.pull);
    return a.day != b.day ? a.day < b.day : a.key < b.key;
  });
  if (q.top >= 0 && out.top.size() > static_cast<std::size_t>(q.top))
    out.top.resize(static_cast<std::size_t>(q.top));
  return out;
}

}  // namespace triad
