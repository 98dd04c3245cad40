#include "series/dyad_series.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

#include "common/error.hpp"
#include "series/selected_series.hpp"

namespace triad {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

Weighting ParseWeighting(std::string_view name) {
  if (name == "events") return Weighting::kEvents;
  if (name == "mentions") return Weighting::kMentions;
  ThrowUsage(fmt::format("unknown weight '{}': use events or mentions", name));
}

PairSet PairSet::Dyad(const std::string& a, const std::string& b, bool directed) {
  PairSet set;
  set.pairs.emplace_back(a, b);
  if (!directed) set.pairs.emplace_back(b, a);
  return set;
}

bool PairSet::Contains(const char* source, const char* target) const {
  for (const auto& [s, t] : pairs)
    if (s == source && t == target) return true;
  return false;
}

std::vector<std::string> PairSet::Countries() const {
  std::vector<std::string> out;
  for (const auto& [s, t] : pairs) {
    out.push_back(s);
    out.push_back(t);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

PeriodStats Summarise(const PeriodTotals& t, Weighting weight) {
  PeriodStats s;
  s.start = t.start;
  const CellValues& v = t.all;
  s.events = v.events;
  s.mentions = v.mentions;
  const bool by_mentions = weight == Weighting::kMentions;
  s.weight = static_cast<double>(by_mentions ? v.mentions : v.events);
  if (v.events == 0 || s.weight <= 0) {
    s.mean_goldstein = s.se_goldstein = s.net_cooperation = s.mean_tone = kNaN;
    s.quad_share.fill(kNaN);
    return s;
  }
  const double n = static_cast<double>(v.events);
  const double w = s.weight;
  const double sum = static_cast<double>(by_mentions ? v.goldstein_w : v.goldstein) / 10.0;
  const double sum_sq =
      static_cast<double>(by_mentions ? v.goldstein_w_sq : v.goldstein_sq) / 100.0;
  s.mean_goldstein = sum / w;
  if (v.events >= 2) {
    // Weighted variance with the n/(n-1) correction, and the variance of a weighted mean
    // sigma^2 * sum(w^2) / (sum w)^2 (= sigma^2 / n when every weight is 1).
    double variance = std::max(0.0, sum_sq / w - s.mean_goldstein * s.mean_goldstein) * n / (n - 1);
    double sum_w2 = by_mentions ? static_cast<double>(v.mentions_sq) : n;
    s.se_goldstein = std::sqrt(variance * sum_w2 / (w * w));
  } else {
    s.se_goldstein = kNaN;
  }
  for (int q = 0; q < 4; ++q) {
    const CellValues& qv = t.by_quad[static_cast<std::size_t>(q)];
    s.quad_share[static_cast<std::size_t>(q)] =
        static_cast<double>(by_mentions ? qv.mentions : qv.events) / w;
  }
  s.net_cooperation = s.quad_share[0] + s.quad_share[1] - s.quad_share[2] - s.quad_share[3];
  s.mean_tone = static_cast<double>(v.tone) / 1e6 / n;
  return s;
}

std::pair<Day, Day> ResolveRange(EventStore& store, const SeriesOptions& options) {
  if (options.weight == Weighting::kMentions) {
    const EventStore::SourceKinds kinds = store.Sources();
    if (kinds.icews && !kinds.gdelt)
      ThrowUsage(
          "--weight mentions: the store holds only ICEWS events, which have no mention counts "
          "(NumMentions is a GDELT field); use --weight events");
  }
  Day from, to;
  if (options.from && options.to) {
    from = *options.from;
    to = *options.to;
  } else {
    auto coverage = store.Coverage();
    if (!coverage) ThrowUsage("the store holds no events yet: run 'triad ingest FILES' first");
    from = options.from.value_or(coverage->first);
    to = options.to.value_or(coverage->second);
  }
  if (from > to)
    ThrowUsage(fmt::format("--from {} is after --to {}", FormatDate(from), FormatDate(to)));
  return {from, to};
}

void CheckSectorsRecorded(EventStore& store, const SeriesOptions& options) {
  if (options.sector.any() || !store.HasCellsWithoutSectors()) return;
  ThrowStore(fmt::format(
      "--sector {}: {} holds cells ingested before triad recorded actor sectors (a store of "
      "schema 5 or older, upgraded): their sectors are unknown, so a sector filter cannot be "
      "answered. Ingest the event files again into a new store (`triad ingest --store NEW.db "
      "FILES`) and query that one; --sector any works on this store.",
      options.sector.Text(), store.path()));
}

DyadSeries BuildSeries(EventStore& store, const PairSet& pairs, const SeriesOptions& options) {
  return BuildSelectedSeries(
      store, pairs.Countries(),
      [&](const CellKey& key) { return pairs.Contains(key.source, key.target); }, options);
}

}  // namespace triad
