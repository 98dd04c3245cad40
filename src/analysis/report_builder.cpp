#include "analysis/report_builder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "analysis/event_drilldown.hpp"
#include "codebook/calendar.hpp"
#include "codebook/countries.hpp"
#include "common/error.hpp"

namespace triad {
namespace {

DyadReport DyadFrom(const RelationIndexSeries& index, const DyadState& d) {
  DyadReport r;
  r.name = d.dyad.Label();
  r.dates = index.dates;
  r.index = index.value;
  r.index_se = index.se;
  const std::size_t n = index.size();
  if (d.path.level.size() == n) {
    for (std::size_t t = 0; t < n; ++t) {
      const Interval90& level = d.path.level[t];
      const Interval90& slope = d.path.momentum[t];
      r.level.push_back(level.estimate);
      r.level_lo.push_back(level.lower);
      r.level_hi.push_back(level.upper);
      r.slope.push_back(slope.estimate);
      r.slope_lo.push_back(slope.lower);
      r.slope_hi.push_back(slope.upper);
    }
  } else {
    r.level = r.level_lo = r.level_hi = r.slope = r.slope_lo = r.slope_hi =
        std::vector<double>(n, kMissing);
  }
  if (d.momentum) {
    r.momentum = IntervalEstimate{d.momentum->per_30_days, d.momentum->lower, d.momentum->upper};
    r.direction = d.momentum->direction;
  }
  return r;
}

std::optional<TriangleSnapshot> TriangleNowFrom(const TriadState& s) {
  const TrianglePeriodResult* now = s.TriangleNow();
  if (!now) return std::nullopt;
  const std::size_t at = static_cast<std::size_t>(now - s.triangle.timeline.periods.data());
  TriangleSnapshot t;
  t.date = now->date;
  t.actors = s.triangle.actors;
  for (std::size_t d = 0; d < 3; ++d) {
    t.edges[d] = s.triangle.estimates[d][at].estimate;
    t.signs[d] = static_cast<int>(now->classification.signs[d]);
  }
  const RoleAssignment& roles = now->probabilities.most_likely_roles;
  t.type = roles.type;
  t.roles = DescribeRoleDetails(s.triangle.actors, roles);
  for (std::size_t k = 0; k < 4; ++k)
    t.type_probability[k] = now->probabilities.type_probability[k];
  return t;
}

TriangleTimelineReport TimelineFrom(const TriadState& s) {
  TriangleTimelineReport timeline;
  for (const auto& p : s.triangle.timeline.periods) {
    timeline.dates.push_back(p.date);
    std::array<double, 4> probs;
    for (std::size_t k = 0; k < 4; ++k) probs[k] = p.probabilities.type_probability[k];
    timeline.type_probability.push_back(probs);
    timeline.most_likely.push_back(p.probabilities.most_likely);
  }
  for (const auto& c : s.triangle.timeline.changes)
    timeline.changes.push_back(TriangleChange{c.date, DescribeRoles(s.triangle.actors, c.from),
                                              DescribeRoles(s.triangle.actors, c.to)});
  timeline.persistence = PersistentStructureText(s.triangle);
  return timeline;
}

DriverReport DriversFrom(const DriverModel& model, const TriadState& s, const std::string& period) {
  const DriverAnalysis& a = model.analysis;
  DriverReport d;
  d.variables = a.fit.names;
  d.period_name = period;
  for (const auto& r : a.responses)
    d.responses.push_back(ImpulseResponseCurve{r.dyad, r.driver, r.response, r.std_error});
  d.fevd_horizon = s.query.analysis.horizon;
  d.share_sources = {"own", "other dyads"};
  for (const auto& name : a.drivers) d.share_sources.push_back(name);
  for (const auto& share : a.shares) {
    VarianceShares v;
    v.dyad = share.dyad;
    v.shares = {share.own, share.other_dyads};
    for (const auto& [name, value] : share.drivers) v.shares.push_back(value);
    d.fevd.push_back(v);
  }
  return d;
}

}  // namespace

std::vector<IndexMove> LargestMoves(const RelationIndexSeries& index, int count) {
  std::vector<IndexMove> moves;
  double previous = kMissing;
  for (std::size_t t = 0; t < index.size(); ++t) {
    if (!std::isfinite(index.value[t])) continue;
    if (std::isfinite(previous))
      moves.push_back(IndexMove{index.dates[t], index.value[t] - previous, {}});
    previous = index.value[t];
  }
  std::stable_sort(moves.begin(), moves.end(), [](const IndexMove& a, const IndexMove& b) {
    return std::abs(a.change) > std::abs(b.change);
  });
  if (moves.size() > static_cast<std::size_t>(std::max(count, 0)))
    moves.resize(static_cast<std::size_t>(std::max(count, 0)));
  return moves;
}

void AddEventsBehindMoves(EventStore& store, const TriadState& s, const ReportContext& context,
                          ReportModel* model, std::vector<std::string>* warnings) {
  if (s.source != "events" || context.moves_per_dyad <= 0) return;
  std::vector<EventQuery> queries;
  std::vector<std::pair<std::size_t, std::size_t>> owner;  // (dyad, move) of each query
  for (std::size_t d = 0; d < 3 && d < model->dyads.size(); ++d) {
    model->dyads[d].moves = LargestMoves(s.indices[d], context.moves_per_dyad);
    for (std::size_t m = 0; m < model->dyads[d].moves.size(); ++m) {
      const Day start = model->dyads[d].moves[m].period;
      EventQuery q;
      q.dyad = s.indices[d].dyad;
      q.from = start;
      q.to = NextPeriodStart(start, s.plan.freq) - 1;
      q.channel = s.index.series.channel;
      q.sector = s.index.series.sector;
      q.weight = s.index.series.weight;
      q.top = context.events_per_move;
      // The events that pulled the index the way it moved.
      q.direction = model->dyads[d].moves[m].change >= 0 ? 1 : -1;
      queries.push_back(q);
      owner.emplace_back(d, m);
    }
  }
  std::vector<EventDrilldown> found;
  try {
    found = EventsBehind(store, queries);
  } catch (const Error& e) {
    warnings->push_back(
        fmt::format("the events behind the largest moves are not shown: {}", e.what()));
    return;
  }
  if (!found.empty())
    for (const std::string& path : found.front().missing)
      warnings->push_back(fmt::format(
          "{} has moved or changed since it was ingested: its events are not listed", path));
  for (std::size_t i = 0; i < found.size(); ++i) {
    IndexMove& move = model->dyads[owner[i].first].moves[owner[i].second];
    for (const EventBehind& e : found[i].top)
      move.events.push_back(EventLink{
          e.day, fmt::format("{} ({}) → {} ({})", e.source, e.source_name, e.target, e.target_name),
          fmt::format("{} {}", e.code, e.description), e.goldstein, e.url});
  }
}

std::string CountryDisplayName(const std::string& code) {
  auto name = CountryTable::Default().NameForCode(code);
  return name ? *name : code;
}

ReportModel BuildReportModel(const TriadState& s, const std::vector<IngestedFile>& files,
                             const ReportContext& context, std::optional<ScenarioReport> scenario) {
  ReportModel m;
  const auto& a = s.query.actors;
  m.actors = {a[0], a[1], a[2]};
  m.title = context.title.empty()
                ? FormatMessage(Language::kEnglish, "report.triad_title", CountryDisplayName(a[0]),
                                CountryDisplayName(a[1]), CountryDisplayName(a[2]))
                : context.title;
  m.generated_at = context.generated_at;
  m.triad_version = context.triad_version;
  m.command_line = context.command_line;
  m.index_units = s.indices[0].units;
  m.frequency = std::string(FrequencyName(s.plan.freq));
  for (std::size_t d = 0; d < 3; ++d) m.dyads.push_back(DyadFrom(s.indices[d], s.dyads[d]));
  // The calendar's windows in the report's range: the triad's own elections and the summits.
  if (!s.indices[0].dates.empty()) {
    const Day last = NextPeriodStart(s.indices[0].dates.back(), s.plan.freq) - 1;
    for (const CalendarWindow& w :
         WindowCalendar::Default().Between(s.indices[0].dates.front(), last))
      if (w.country.empty() || w.country == a[0] || w.country == a[1] || w.country == a[2])
        m.calendar.push_back({w.id, w.name, w.kind, w.start, w.end, w.source});
  }
  m.triangle = TriangleNowFrom(s);
  if (!s.triangle.timeline.periods.empty()) m.timeline = TimelineFrom(s);
  if (s.drivers) m.drivers = DriversFrom(*s.drivers, s, m.frequency);
  m.scenario = std::move(scenario);

  m.provenance.store_path = context.store_path;
  for (const IngestedFile& f : files) {
    SourceFile file;
    file.name = f.name;
    file.rows = f.rows_read;
    file.accepted = f.rows_accepted;
    file.rejected = f.rows_rejected;
    if (!f.min_day.empty()) file.first = ParseDate(f.min_day);
    if (!f.max_day.empty()) file.last = ParseDate(f.max_day);
    m.provenance.files.push_back(file);
  }
  if (s.source != "events")
    m.provenance.warnings.push_back(
        fmt::format("relations from the imported series '{}'", s.source));
  for (const auto& n : s.notes) m.provenance.warnings.push_back(n);
  for (const auto& w : s.warnings) m.provenance.warnings.push_back(w);
  if (s.drivers)
    for (const auto& n : s.drivers->series.notes) m.provenance.warnings.push_back("drivers: " + n);
  return m;
}

}  // namespace triad
