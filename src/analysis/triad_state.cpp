#include "analysis/triad_state.hpp"

#include <fmt/format.h>

#include <ctime>

#include "common/error.hpp"
#include "outputs/messages.hpp"
#include "series/coverage_note.hpp"
#include "store/series_store.hpp"

namespace triad {

int DefaultWindow(Frequency freq) {
  return freq == Frequency::kDay ? 7 : freq == Frequency::kWeek ? 4 : 3;
}

std::optional<std::pair<Day, Day>> SourceRange(EventStore& store, const std::string& source) {
  if (source.empty()) return store.Coverage();
  SeriesStore series(store.db());
  auto info = series.Find(source);
  if (!info) series.AllValues(source, 0, 0);  // usage error naming the stored series
  return std::make_pair(info->first_day, info->last_day);
}

namespace {

void AddStoreWarnings(TriadState& s) {
  const std::int64_t rows = s.store.events + s.store.rejects + s.store.rows_without_dyad;
  if (s.store.rejects > 0 && rows > 0 && s.store.rejects * 100 > rows)
    s.warnings.push_back(
        FormatMessage(Language::kEnglish, "sentence.rejected_rows", s.store.rejects,
                      100.0 * static_cast<double>(s.store.rejects) / static_cast<double>(rows)));
  if (s.store.last_day && !s.query.periods.to) {
    const Day today = static_cast<Day>(std::time(nullptr) / 86400);
    const Day age = today - *s.store.last_day;
    if (age > 7)
      s.warnings.push_back(FormatMessage(Language::kEnglish, "sentence.stale_store",
                                         FormatDate(*s.store.last_day), age));
  }
}

}  // namespace

TriadState BuildTriadState(EventStore& store, const TriadQuery& query) {
  TriadState s;
  s.query = query;
  const auto& a = query.actors;
  for (const std::string& actor : a) ParseActor(actor);
  s.store = store.Summary(/*count_cells=*/false);
  s.plan = PlanPeriods(SourceRange(store, query.index.source), query.periods);
  s.notes = s.plan.notes;
  s.index = query.index;
  s.index.series.freq = s.plan.freq;
  s.index.series.from = s.plan.from;
  s.index.series.to = s.plan.to;
  s.source = query.index.source.empty() ? "events" : query.index.source;
  s.window = query.window > 0 ? query.window : DefaultWindow(s.plan.freq);

  std::vector<RelationIndexSeries> loaded =
      LoadRelationIndices(store, {{a[0], a[1]}, {a[0], a[2]}, {a[1], a[2]}}, s.index);
  for (std::size_t d = 0; d < 3; ++d) {
    s.indices[d] = std::move(loaded[d]);
    s.dyads[d] = EstimateDyadState(s.indices[d], s.window);
    for (const std::string& w : s.dyads[d].warnings) s.warnings.push_back(w);
    const RelationIndexSeries& index = s.indices[d];
    if (index.size() > 0 && query.index.source.empty() && index.events.back() < s.index.min_events)
      s.warnings.push_back(fmt::format(
          "{}: thin data: {} events in the latest period ({}), fewer than --min-events {}",
          index.dyad.Label(), index.events.back(), FormatDate(index.dates.back()),
          s.index.min_events));
  }
  const std::string coverage = CoverageNote(s.indices[0]);
  if (!coverage.empty()) s.warnings.push_back(coverage);
  s.triangle =
      BuildTriangleOverTime(a, s.indices, s.dyads, query.neutral,
                            query.persist > 0 ? query.persist : DefaultPersistence(s.plan.freq));
  if (s.triangle.basis == TriangleBasis::kRawIndices)
    s.warnings.push_back(
        "triangle: some dyad has no trend estimate, so the triangle is classified from the raw "
        "indices period by period, which shows noise as structure");

  if (query.drivers) {
    ModelSeriesOptions model = query.model;
    model.actors = a;
    model.index = s.index;
    try {
      // The model's dyad indices are the state's (same options): no second pass over the cells.
      s.drivers =
          FitDriverModel(store, model, query.analysis,
                         std::vector<RelationIndexSeries>(s.indices.begin(), s.indices.end()));
      for (const auto& w : s.drivers->analysis.warnings) s.warnings.push_back("drivers: " + w);
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::kUsage || query.drivers_required) throw;
      s.warnings.push_back(fmt::format("drivers not estimated: {}", e.what()));
    }
  }
  AddStoreWarnings(s);
  return s;
}

}  // namespace triad
