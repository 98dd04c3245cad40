#include "store/series_store.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "common/error.hpp"
#include "store/event_store.hpp"

namespace triad {
namespace {

// day: days since 1970-01-01, the start of the period at the series' resolution.
// se: NULL when unknown. weight: > 0.
constexpr const char* kSeriesSchema = R"sql(
CREATE TABLE IF NOT EXISTS imported_series(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, file TEXT NOT NULL, layout TEXT NOT NULL,
  resolution TEXT NOT NULL, directed INTEGER NOT NULL, has_se INTEGER NOT NULL,
  imported_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS imported_values(
  series_id INTEGER NOT NULL REFERENCES imported_series(id) ON DELETE CASCADE,
  source TEXT NOT NULL, target TEXT NOT NULL, day INTEGER NOT NULL,
  value REAL NOT NULL, weight REAL NOT NULL, se REAL,
  PRIMARY KEY(series_id, source, target, day)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS imported_values_by_day ON imported_values(series_id, day);
)sql";

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

ImportedValue ReadValue(const Statement& s) {
  ImportedValue v;
  v.source = s.Text(0);
  v.target = s.Text(1);
  v.day = static_cast<Day>(s.Int(2));
  v.value = s.Double(3);
  v.weight = s.Double(4);
  v.se = s.IsNull(5) ? kNaN : s.Double(5);
  return v;
}

}  // namespace

SeriesStore::SeriesStore(Database& db) : db_(db) {
  if (sqlite3_db_readonly(db_.handle(), "main") == 1) {
    has_tables_ =
        db_.Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'imported_series'")
            .Step();
    return;
  }
  db_.Exec(kSeriesSchema);
}

void SeriesStore::Replace(const ImportedSeries& series) {
  Transaction tx(&db_);
  // Values first: the cascade only acts when the connection has foreign keys on.
  db_.Prepare(
         "DELETE FROM imported_values WHERE series_id IN "
         "(SELECT id FROM imported_series WHERE name = ?)")
      .Bind(1, series.name)
      .Run();
  db_.Prepare("DELETE FROM imported_series WHERE name = ?").Bind(1, series.name).Run();
  db_.Prepare(
         "INSERT INTO imported_series(name, file, layout, resolution, directed, has_se, "
         "imported_at) VALUES(?, ?, ?, ?, ?, ?, ?)")
      .Bind(1, series.name)
      .Bind(2, series.file)
      .Bind(3, series.layout)
      .Bind(4, FrequencyName(series.resolution))
      .Bind(5, series.directed ? 1 : 0)
      .Bind(6, series.has_se ? 1 : 0)
      .Bind(7, UtcNow())
      .Run();
  const std::int64_t id = db_.LastInsertRowId();
  auto insert = db_.Prepare(
      "INSERT INTO imported_values(series_id, source, target, day, value, weight, se) "
      "VALUES(?, ?, ?, ?, ?, ?, ?)");
  for (const ImportedValue& v : series.values) {
    insert.Bind(1, id)
        .Bind(2, v.source)
        .Bind(3, v.target)
        .Bind(4, static_cast<std::int64_t>(v.day));
    insert.Bind(5, v.value).Bind(6, v.weight);
    if (std::isnan(v.se)) {
      insert.BindNull(7);
    } else {
      insert.Bind(7, v.se);
    }
    insert.Run();
  }
  tx.Commit();
}

std::optional<ImportedSeriesInfo> SeriesStore::Find(const std::string& name) {
  for (auto& info : List())
    if (info.name == name) return info;
  return std::nullopt;
}

std::vector<ImportedSeriesInfo> SeriesStore::List() {
  if (!has_tables_) return {};
  auto s = db_.Prepare(
      "SELECT s.name, s.file, s.layout, s.resolution, s.directed, s.has_se, s.imported_at, "
      "  (SELECT count(*) FROM imported_values v WHERE v.series_id = s.id), "
      "  (SELECT count(*) FROM (SELECT DISTINCT min(source, target), max(source, target) "
      "     FROM imported_values v WHERE v.series_id = s.id)), "
      "  (SELECT min(day) FROM imported_values v WHERE v.series_id = s.id), "
      "  (SELECT max(day) FROM imported_values v WHERE v.series_id = s.id) "
      "FROM imported_series s ORDER BY s.name");
  std::vector<ImportedSeriesInfo> out;
  while (s.Step()) {
    ImportedSeriesInfo info;
    info.name = s.Text(0);
    info.file = s.Text(1);
    info.layout = s.Text(2);
    info.resolution = ParseFrequency(s.Text(3));
    info.directed = s.Int(4) != 0;
    info.has_se = s.Int(5) != 0;
    info.imported_at = s.Text(6);
    info.values = s.Int(7);
    info.dyads = s.Int(8);
    info.first_day = static_cast<Day>(s.Int(9));
    info.last_day = static_cast<Day>(s.Int(10));
    out.push_back(std::move(info));
  }
  return out;
}

std::int64_t SeriesStore::IdOf(const std::string& name) {
  if (!has_tables_)
    ThrowUsage(fmt::format(
        "{}: no imported series named '{}' (the store holds none); import one with 'triad "
        "import-series FILE --name {}'",
        db_.path(), name, name));
  auto s = db_.Prepare("SELECT id FROM imported_series WHERE name = ?");
  s.Bind(1, name);
  if (s.Step()) return s.Int(0);
  std::string known;
  for (auto& info : List()) known += (known.empty() ? "" : ", ") + info.name;
  ThrowUsage(
      fmt::format("{}: no imported series named '{}' ({}); import one with 'triad "
                  "import-series FILE --name {}'",
                  db_.path(), name,
                  known.empty() ? "the store holds none" : "the store holds: " + known, name));
}

std::vector<ImportedValue> SeriesStore::Values(const std::string& name, const std::string& a,
                                               const std::string& b, Day from, Day to) {
  const std::int64_t id = IdOf(name);
  auto s = db_.Prepare(
      "SELECT source, target, day, value, weight, se FROM imported_values "
      "WHERE series_id = ? AND ((source = ? AND target = ?) OR (source = ? AND target = ?)) "
      "AND day BETWEEN ? AND ? ORDER BY day, source");
  s.Bind(1, id).Bind(2, a).Bind(3, b).Bind(4, b).Bind(5, a);
  s.Bind(6, static_cast<std::int64_t>(from)).Bind(7, static_cast<std::int64_t>(to));
  std::vector<ImportedValue> out;
  while (s.Step()) out.push_back(ReadValue(s));
  return out;
}

std::vector<ImportedValue> SeriesStore::AllValues(const std::string& name, Day from, Day to) {
  const std::int64_t id = IdOf(name);
  auto s = db_.Prepare(
      "SELECT source, target, day, value, weight, se FROM imported_values "
      "WHERE series_id = ? AND day BETWEEN ? AND ? ORDER BY day, source, target");
  s.Bind(1, id).Bind(2, static_cast<std::int64_t>(from)).Bind(3, static_cast<std::int64_t>(to));
  std::vector<ImportedValue> out;
  while (s.Step()) out.push_back(ReadValue(s));
  return out;
}

}  // namespace triad
