#include "outputs/report_model.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "common/error.hpp"

namespace triad {
namespace {

using nlohmann::json;

// JSON has no NaN: missing numbers are written as null and read back as NaN.
json Number(double v) {
  return std::isfinite(v) ? json(v) : json(nullptr);
}

json Numbers(const std::vector<double>& vs) {
  json out = json::array();
  for (double v : vs) out.push_back(Number(v));
  return out;
}

json Dates(const std::vector<Day>& days) {
  json out = json::array();
  for (Day d : days) out.push_back(FormatDate(d));
  return out;
}

json TypeKeys(const std::vector<TriangleType>& types) {
  json out = json::array();
  for (TriangleType t : types) out.push_back(TriangleTypeKey(t));
  return out;
}

template <std::size_t N>
json NumberArray(const std::array<double, N>& vs) {
  return Numbers(std::vector<double>(vs.begin(), vs.end()));
}

json Optional(const std::optional<double>& v) {
  return v ? Number(*v) : json(nullptr);
}

json ToJson(const IntervalEstimate& e) {
  return {{"value", Number(e.value)}, {"lo", Number(e.lo)}, {"hi", Number(e.hi)}};
}

json MovesJson(const std::vector<IndexMove>& moves) {
  json out = json::array();
  for (const IndexMove& m : moves) {
    json events = json::array();
    for (const EventLink& e : m.events)
      events.push_back({{"date", FormatDate(e.date)},
                        {"actors", e.actors},
                        {"description", e.description},
                        {"goldstein", Number(e.goldstein)},
                        {"url", e.url}});
    out.push_back(
        {{"period", FormatDate(m.period)}, {"change", Number(m.change)}, {"events", events}});
  }
  return out;
}

json ToJson(const DyadReport& d) {
  json j = {{"name", d.name},
            {"dates", Dates(d.dates)},
            {"index", Numbers(d.index)},
            {"index_se", Numbers(d.index_se)},
            {"level", Numbers(d.level)},
            {"level_lo", Numbers(d.level_lo)},
            {"level_hi", Numbers(d.level_hi)},
            {"slope", Numbers(d.slope)},
            {"slope_lo", Numbers(d.slope_lo)},
            {"slope_hi", Numbers(d.slope_hi)},
            {"momentum", ToJson(d.momentum)},
            {"direction", d.direction ? std::string(MomentumDirectionName(*d.direction)) : ""},
            {"floor", Optional(d.floor)}};
  if (!d.moves.empty()) j["moves"] = MovesJson(d.moves);
  return j;
}

json ToJson(const TriangleSnapshot& t) {
  return {{"date", FormatDate(t.date)},
          {"actors", t.actors},
          {"edges", NumberArray(t.edges)},
          {"signs", t.signs},
          {"type", TriangleTypeKey(t.type)},
          {"roles", t.roles},
          {"type_probability", NumberArray(t.type_probability)}};
}

json ToJson(const TriangleTimelineReport& t) {
  json probs = json::array();
  for (const auto& row : t.type_probability) probs.push_back(NumberArray(row));
  json changes = json::array();
  for (const auto& c : t.changes)
    changes.push_back({{"date", FormatDate(c.date)}, {"from", c.from}, {"to", c.to}});
  json out = {{"dates", Dates(t.dates)},
              {"type_probability", probs},
              {"most_likely", TypeKeys(t.most_likely)},
              {"changes", changes}};
  if (!t.persistence.empty()) out["persistence"] = t.persistence;  // optional: older models lack it
  return out;
}

json ToJson(const DriverReport& d) {
  json responses = json::array();
  for (const auto& r : d.responses)
    responses.push_back({{"response", r.response},
                         {"shock", r.shock},
                         {"value", Numbers(r.value)},
                         {"se", Numbers(r.se)}});
  json fevd = json::array();
  for (const auto& f : d.fevd) fevd.push_back({{"dyad", f.dyad}, {"shares", Numbers(f.shares)}});
  return {{"variables", d.variables},         {"period_name", d.period_name},
          {"responses", responses},           {"fevd_horizon", d.fevd_horizon},
          {"share_sources", d.share_sources}, {"fevd", fevd}};
}

json ToJson(const ScenarioReport& s) {
  json levers = json::array();
  for (const auto& l : s.levers)
    levers.push_back({{"name", l.name}, {"description", l.description}});
  json windows = json::array();
  for (const auto& w : s.windows)
    windows.push_back({{"name", w.name},
                       {"start", FormatDate(w.start)},
                       {"end", FormatDate(w.end)},
                       {"effect", w.effect},
                       {"variables", w.variables}});
  json fans = json::array();
  for (const auto& f : s.fans) {
    json q = json::array();
    for (const auto& row : f.quantiles) q.push_back(NumberArray(row));
    fans.push_back(
        {{"dyad", f.dyad},
         {"history_dates", Dates(f.history_dates)},
         {"history", Numbers(f.history)},
         {"dates", Dates(f.dates)},
         {"quantiles", q},
         {"baseline_median", Numbers(f.baseline_median)},
         {"floor", Optional(f.floor)},
         {"floor_from", f.floor_from ? json(FormatDate(*f.floor_from)) : json(nullptr)}});
  }
  json on_track = json::array();
  for (const auto& p : s.on_track)
    on_track.push_back({{"target", p.target},
                        {"with_levers", Number(p.with_levers)},
                        {"with_levers_se", Number(p.with_levers_se)},
                        {"baseline", Number(p.baseline)},
                        {"baseline_se", Number(p.baseline_se)}});
  return {{"name", s.name},       {"description", s.description}, {"paths", s.paths},
          {"levers", levers},     {"windows", windows},           {"fans", fans},
          {"on_track", on_track}, {"warnings", s.warnings}};
}

json ToJson(const Provenance& p) {
  json files = json::array();
  for (const auto& f : p.files)
    files.push_back({{"name", f.name},
                     {"rows", f.rows},
                     {"accepted", f.accepted},
                     {"rejected", f.rejected},
                     {"first", f.first ? json(FormatDate(*f.first)) : json(nullptr)},
                     {"last", f.last ? json(FormatDate(*f.last)) : json(nullptr)}});
  return {{"files", files}, {"store_path", p.store_path}, {"warnings", p.warnings}};
}

// ---- Reading: a cursor that knows its path in the document, for error messages.

class Reader {
 public:
  Reader(const json& j, std::string path, const std::string& source)
      : j_(j), path_(std::move(path)), source_(source) {
    if (!j_.is_object()) Fail("expected an object");
  }

  bool Has(const char* name) const { return j_.contains(name) && !j_.at(name).is_null(); }

  [[noreturn]] void Fail(const std::string& what, const std::string& field = "") const {
    const std::string where = field.empty() ? path_ : Child(field);
    ThrowInput(Location{source_, 0, where.empty() ? "(top level)" : where},
               "report model: " + what);
  }

  std::string Child(const std::string& name) const {
    return path_.empty() ? name : path_ + "." + name;
  }

  std::string Str(const char* name) const {
    if (!Has(name)) return "";
    if (!j_.at(name).is_string()) Fail("expected a string", name);
    return j_.at(name).get<std::string>();
  }

  std::string RequiredStr(const char* name) const {
    if (!Has(name)) Fail("missing field", name);
    return Str(name);
  }

  double Num(const char* name) const {
    if (!Has(name)) return kMissing;
    return AsNumber(j_.at(name), Child(name));
  }

  std::optional<double> OptNum(const char* name) const {
    if (!Has(name)) return std::nullopt;
    return Num(name);
  }

  std::int64_t Int(const char* name) const {
    if (!Has(name)) return 0;
    if (!j_.at(name).is_number_integer()) Fail("expected an integer", name);
    return j_.at(name).get<std::int64_t>();
  }

  Day Date(const char* name) const {
    if (!Has(name)) Fail("missing date", name);
    return AsDate(j_.at(name), Child(name));
  }

  std::optional<Day> OptDate(const char* name) const {
    if (!Has(name)) return std::nullopt;
    return Date(name);
  }

  const json& Array(const char* name) const {
    static const json kEmpty = json::array();
    if (!Has(name)) return kEmpty;
    if (!j_.at(name).is_array()) Fail("expected an array", name);
    return j_.at(name);
  }

  std::vector<double> Nums(const char* name) const {
    std::vector<double> out;
    const json& a = Array(name);
    for (std::size_t i = 0; i < a.size(); ++i)
      out.push_back(AsNumber(a[i], fmt::format("{}[{}]", Child(name), i)));
    return out;
  }

  std::vector<Day> Dates(const char* name) const {
    std::vector<Day> out;
    const json& a = Array(name);
    for (std::size_t i = 0; i < a.size(); ++i)
      out.push_back(AsDate(a[i], fmt::format("{}[{}]", Child(name), i)));
    return out;
  }

  // A triangle type's JSON key (measures/triangle.hpp), or an error naming the field.
  TriangleType TriangleTypeAt(const std::string& key, const char* name) const {
    const std::optional<TriangleType> type = TriangleTypeFromKey(key);
    if (!type)
      Fail(fmt::format("unknown triangle type '{}': use menage_a_trois, romantic_triangle, "
                       "stable_marriage, unit_veto, indeterminate or unknown",
                       key),
           name);
    return *type;
  }

  std::vector<std::string> Strs(const char* name) const {
    std::vector<std::string> out;
    const json& a = Array(name);
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!a[i].is_string()) Fail(fmt::format("expected a string at [{}]", i), name);
      out.push_back(a[i].get<std::string>());
    }
    return out;
  }

  template <std::size_t N>
  std::array<double, N> FixedNums(const json& a, const std::string& path) const {
    if (!a.is_array() || a.size() != N)
      ThrowInput(Location{source_, 0, path}, fmt::format("report model: expected {} numbers", N));
    std::array<double, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = AsNumber(a[i], fmt::format("{}[{}]", path, i));
    return out;
  }

  template <std::size_t N>
  std::array<double, N> FixedNums(const char* name) const {
    if (!Has(name)) {
      std::array<double, N> out;
      out.fill(kMissing);
      return out;
    }
    return FixedNums<N>(j_.at(name), Child(name));
  }

  // Reader for element i of array `name`.
  Reader Element(const char* name, std::size_t i) const {
    return Reader(Array(name)[i], fmt::format("{}[{}]", Child(name), i), source_);
  }
  Reader Object(const char* name) const { return Reader(j_.at(name), Child(name), source_); }

  // Parallel vectors must have the length of the dates they go with.
  void CheckLength(const char* name, std::size_t size, std::size_t expected) const {
    if (size != expected)
      Fail(fmt::format("has {} values but there are {} dates", size, expected), name);
  }

 private:
  double AsNumber(const json& v, const std::string& path) const {
    if (v.is_null()) return kMissing;
    if (!v.is_number())
      ThrowInput(Location{source_, 0, path}, "report model: expected a number or null");
    return v.get<double>();
  }

  Day AsDate(const json& v, const std::string& path) const {
    std::optional<Day> d;
    if (v.is_string()) d = ParseDate(v.get<std::string>());
    if (!d) ThrowInput(Location{source_, 0, path}, "report model: expected a date YYYY-MM-DD");
    return *d;
  }

  const json& j_;
  std::string path_;
  const std::string& source_;
};

IntervalEstimate ReadInterval(const Reader& r) {
  return {r.Num("value"), r.Num("lo"), r.Num("hi")};
}

DyadReport ReadDyad(const Reader& r) {
  DyadReport d;
  d.name = r.RequiredStr("name");
  d.dates = r.Dates("dates");
  const std::size_t n = d.dates.size();
  auto parallel = [&](const char* name, std::vector<double>* out) {
    *out = r.Nums(name);
    // An absent series is allowed (nothing drawn); a present one must match the dates.
    if (!out->empty()) r.CheckLength(name, out->size(), n);
  };
  parallel("index", &d.index);
  parallel("index_se", &d.index_se);
  parallel("level", &d.level);
  parallel("level_lo", &d.level_lo);
  parallel("level_hi", &d.level_hi);
  parallel("slope", &d.slope);
  parallel("slope_lo", &d.slope_lo);
  parallel("slope_hi", &d.slope_hi);
  if (r.Has("momentum")) d.momentum = ReadInterval(r.Object("momentum"));
  if (const std::string direction = r.Str("direction"); !direction.empty()) {
    d.direction = MomentumDirectionFromName(direction);
    if (!d.direction)
      r.Fail(
          fmt::format("unknown direction '{}': use improving, deteriorating or steady", direction),
          "direction");
  }
  d.floor = r.OptNum("floor");
  for (std::size_t i = 0; i < r.Array("moves").size(); ++i) {
    const Reader m = r.Element("moves", i);
    IndexMove move{m.Date("period"), m.Num("change"), {}};
    for (std::size_t k = 0; k < m.Array("events").size(); ++k) {
      const Reader e = m.Element("events", k);
      move.events.push_back({e.Date("date"), e.Str("actors"), e.Str("description"),
                             e.Num("goldstein"), e.Str("url")});
    }
    d.moves.push_back(std::move(move));
  }
  return d;
}

TriangleSnapshot ReadTriangle(const Reader& r) {
  TriangleSnapshot t;
  t.date = r.Date("date");
  const auto actors = r.Strs("actors");
  if (actors.size() != 3) r.Fail("expected 3 actors", "actors");
  for (int i = 0; i < 3; ++i) t.actors[i] = actors[i];
  t.edges = r.FixedNums<3>("edges");
  const auto signs = r.FixedNums<3>("signs");
  for (int i = 0; i < 3; ++i) {
    const double s = signs[i];
    if (!(s == -1 || s == 0 || s == 1)) r.Fail("signs must be -1, 0 or 1", "signs");
    t.signs[i] = static_cast<int>(s);
  }
  t.type = r.TriangleTypeAt(r.Str("type"), "type");
  t.roles = r.Str("roles");
  t.type_probability = r.FixedNums<4>("type_probability");
  return t;
}

TriangleTimelineReport ReadTimeline(const Reader& r) {
  TriangleTimelineReport t;
  t.dates = r.Dates("dates");
  const json& probs = r.Array("type_probability");
  r.CheckLength("type_probability", probs.size(), t.dates.size());
  for (std::size_t i = 0; i < probs.size(); ++i)
    t.type_probability.push_back(
        r.FixedNums<4>(probs[i], fmt::format("{}[{}]", r.Child("type_probability"), i)));
  for (const std::string& key : r.Strs("most_likely"))
    t.most_likely.push_back(r.TriangleTypeAt(key, "most_likely"));
  if (!t.most_likely.empty()) r.CheckLength("most_likely", t.most_likely.size(), t.dates.size());
  for (std::size_t i = 0; i < r.Array("changes").size(); ++i) {
    const Reader c = r.Element("changes", i);
    t.changes.push_back({c.Date("date"), c.Str("from"), c.Str("to")});
  }
  t.persistence = r.Str("persistence");
  return t;
}

DriverReport ReadDrivers(const Reader& r) {
  DriverReport d;
  d.variables = r.Strs("variables");
  d.period_name = r.Str("period_name");
  for (std::size_t i = 0; i < r.Array("responses").size(); ++i) {
    const Reader c = r.Element("responses", i);
    ImpulseResponseCurve curve{c.RequiredStr("response"), c.RequiredStr("shock"), c.Nums("value"),
                               c.Nums("se")};
    if (!curve.se.empty() && curve.se.size() != curve.value.size())
      c.Fail(fmt::format("has {} values but value has {}", curve.se.size(), curve.value.size()),
             "se");
    d.responses.push_back(std::move(curve));
  }
  d.fevd_horizon = static_cast<int>(r.Int("fevd_horizon"));
  d.share_sources = r.Strs("share_sources");
  for (std::size_t i = 0; i < r.Array("fevd").size(); ++i) {
    const Reader c = r.Element("fevd", i);
    VarianceShares s{c.RequiredStr("dyad"), c.Nums("shares")};
    if (s.shares.size() != d.share_sources.size())
      c.Fail(fmt::format("has {} shares but there are {} share_sources", s.shares.size(),
                         d.share_sources.size()),
             "shares");
    d.fevd.push_back(std::move(s));
  }
  return d;
}

FanChart ReadFan(const Reader& r) {
  FanChart f;
  f.dyad = r.RequiredStr("dyad");
  f.history_dates = r.Dates("history_dates");
  f.history = r.Nums("history");
  r.CheckLength("history", f.history.size(), f.history_dates.size());
  f.dates = r.Dates("dates");
  const json& q = r.Array("quantiles");
  r.CheckLength("quantiles", q.size(), f.dates.size());
  for (std::size_t i = 0; i < q.size(); ++i)
    f.quantiles.push_back(r.FixedNums<5>(q[i], fmt::format("{}[{}]", r.Child("quantiles"), i)));
  f.baseline_median = r.Nums("baseline_median");
  if (!f.baseline_median.empty())
    r.CheckLength("baseline_median", f.baseline_median.size(), f.dates.size());
  f.floor = r.OptNum("floor");
  f.floor_from = r.OptDate("floor_from");
  return f;
}

ScenarioReport ReadScenario(const Reader& r) {
  ScenarioReport s;
  s.name = r.Str("name");
  s.description = r.Str("description");
  s.paths = static_cast<int>(r.Int("paths"));
  for (std::size_t i = 0; i < r.Array("levers").size(); ++i) {
    const Reader c = r.Element("levers", i);
    s.levers.push_back({c.RequiredStr("name"), c.Str("description")});
  }
  for (std::size_t i = 0; i < r.Array("windows").size(); ++i) {
    const Reader c = r.Element("windows", i);
    s.windows.push_back(
        {c.Str("name"), c.Date("start"), c.Date("end"), c.Str("effect"), c.Strs("variables")});
    if (s.windows.back().end < s.windows.back().start) c.Fail("end is before start", "end");
  }
  for (std::size_t i = 0; i < r.Array("fans").size(); ++i)
    s.fans.push_back(ReadFan(r.Element("fans", i)));
  for (std::size_t i = 0; i < r.Array("on_track").size(); ++i) {
    const Reader c = r.Element("on_track", i);
    s.on_track.push_back({c.RequiredStr("target"), c.Num("with_levers"), c.Num("with_levers_se"),
                          c.Num("baseline"), c.Num("baseline_se")});
  }
  s.warnings = r.Strs("warnings");
  return s;
}

json ToJson(const ForecastSkillReport& e) {
  json rows = json::array();
  for (const ForecastSkillRow& x : e.rows)
    rows.push_back({{"horizon", x.horizon},
                    {"model", x.model},
                    {"forecasts", x.forecasts},
                    {"crps", Number(x.crps)},
                    {"crps_ratio", Number(x.crps_ratio)},
                    {"coverage50", Number(x.coverage50)},
                    {"coverage90", Number(x.coverage90)},
                    {"dm_statistic", Number(x.dm_statistic)},
                    {"dm_p_value", Number(x.dm_p_value)}});
  return {{"summary", e.summary}, {"rows", rows}};
}

ForecastSkillReport ReadEvaluation(const Reader& r) {
  ForecastSkillReport e;
  e.summary = r.Str("summary");
  for (std::size_t i = 0; i < r.Array("rows").size(); ++i) {
    const Reader c = r.Element("rows", i);
    e.rows.push_back({static_cast<int>(c.Int("horizon")), c.RequiredStr("model"),
                      static_cast<int>(c.Int("forecasts")), c.Num("crps"), c.Num("crps_ratio"),
                      c.Num("coverage50"), c.Num("coverage90"), c.Num("dm_statistic"),
                      c.Num("dm_p_value")});
  }
  return e;
}

Provenance ReadProvenance(const Reader& r) {
  Provenance p;
  for (std::size_t i = 0; i < r.Array("files").size(); ++i) {
    const Reader c = r.Element("files", i);
    p.files.push_back({c.RequiredStr("name"), c.Int("rows"), c.Int("accepted"), c.Int("rejected"),
                       c.OptDate("first"), c.OptDate("last")});
  }
  p.store_path = r.Str("store_path");
  p.warnings = r.Strs("warnings");
  return p;
}

}  // namespace

nlohmann::json ToJson(const ReportModel& m) {
  json dyads = json::array();
  for (const auto& d : m.dyads) dyads.push_back(ToJson(d));
  json j = {{"title", m.title},
            {"actors", m.actors},
            {"generated_at", m.generated_at},
            {"triad_version", m.triad_version},
            {"command_line", m.command_line},
            {"index_units", m.index_units},
            {"frequency", m.frequency},
            {"dyads", dyads},
            {"provenance", ToJson(m.provenance)}};
  if (!m.calendar.empty()) {
    j["calendar"] = json::array();
    for (const CalendarMark& c : m.calendar)
      j["calendar"].push_back({{"id", c.id},
                               {"name", c.name},
                               {"kind", c.kind},
                               {"start", FormatDate(c.start)},
                               {"end", FormatDate(c.end)},
                               {"source", c.source}});
  }
  if (m.triangle) j["triangle"] = ToJson(*m.triangle);
  if (m.timeline) j["timeline"] = ToJson(*m.timeline);
  if (m.drivers) j["drivers"] = ToJson(*m.drivers);
  if (m.scenario) j["scenario"] = ToJson(*m.scenario);
  if (m.evaluation) j["evaluation"] = ToJson(*m.evaluation);
  if (m.language != Language::kEnglish) j["lang"] = LanguageTag(m.language);
  return j;
}

ReportModel ReportModelFromJson(const nlohmann::json& j, const std::string& source) {
  const Reader r(j, "", source);
  ReportModel m;
  if (r.Has("lang")) {
    const std::string tag = r.Str("lang");
    const auto language = LanguageFromTag(tag);
    if (!language)
      ThrowInput({source, 0, "lang"},
                 fmt::format("unknown language '{}': use en, zh-Hans, zh-Hant or ja", tag));
    m.language = *language;
  }
  m.title = r.Str("title");
  m.actors = r.Strs("actors");
  m.generated_at = r.Str("generated_at");
  m.triad_version = r.Str("triad_version");
  m.command_line = r.Str("command_line");
  m.index_units = r.Str("index_units");
  m.frequency = r.Str("frequency");
  for (std::size_t i = 0; i < r.Array("dyads").size(); ++i)
    m.dyads.push_back(ReadDyad(r.Element("dyads", i)));
  if (r.Has("calendar"))
    for (std::size_t i = 0; i < r.Array("calendar").size(); ++i) {
      const Reader c = r.Element("calendar", i);
      m.calendar.push_back({c.Str("id"), c.RequiredStr("name"), c.Str("kind"), c.Date("start"),
                            c.Date("end"), c.Str("source")});
      if (m.calendar.back().end < m.calendar.back().start) c.Fail("end is before start", "end");
    }
  if (r.Has("triangle")) m.triangle = ReadTriangle(r.Object("triangle"));
  if (r.Has("timeline")) m.timeline = ReadTimeline(r.Object("timeline"));
  if (r.Has("drivers")) m.drivers = ReadDrivers(r.Object("drivers"));
  if (r.Has("scenario")) m.scenario = ReadScenario(r.Object("scenario"));
  if (r.Has("evaluation")) m.evaluation = ReadEvaluation(r.Object("evaluation"));
  if (r.Has("provenance")) m.provenance = ReadProvenance(r.Object("provenance"));
  return m;
}

}  // namespace triad
