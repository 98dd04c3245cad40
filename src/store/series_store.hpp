#pragma once
// Imported relation series (a BigQuery aggregate, an expert-coded index, UN voting affinity, ...)
// kept in the same SQLite file as the event cells, in two tables of their own:
//   imported_series(id, name UNIQUE, file, layout, resolution, directed, has_se, ...)
//   imported_values(series_id, source, target, day, value, weight, se)
// A series is replaced as a whole, in one transaction: a reader sees the old series or the new
// one, never a mix, and a failed import leaves the old one untouched.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "store/sqlite.hpp"

namespace triad {

// One value of an imported series. For an undirected series (`directed` false in the series)
// source/target are the two countries in the order the file gave them; readers must match both
// orders.
struct ImportedValue {
  Day day = 0;  // start of the period at the series' resolution
  std::string source, target;
  double value = 0.0;   // finite
  double weight = 1.0;  // > 0: relative weight when values are averaged (e.g. an event count)
  double se = 0.0;      // standard error, NaN when the file gives none
};

struct ImportedSeries {
  std::string name;
  std::string file;    // the imported file, as given
  std::string layout;  // "wide" or "long"
  Frequency resolution = Frequency::kDay;
  bool directed = false;  // long files with source/target columns are directed
  bool has_se = false;    // the file had an `se` column
  std::vector<ImportedValue> values;
};

// What the store knows about an imported series, without its values.
struct ImportedSeriesInfo {
  std::string name, file, layout;
  Frequency resolution = Frequency::kDay;
  bool directed = false, has_se = false;
  std::int64_t values = 0, dyads = 0;
  Day first_day = 0, last_day = 0;
  std::string imported_at;  // UTC, ISO 8601
};

class SeriesStore {
 public:
  // Creates the two tables if missing, on a connection that may write; on a read-only one a
  // store without them simply holds no imported series. `db` must outlive the SeriesStore.
  explicit SeriesStore(Database& db);

  // Replaces (or adds) the series `series.name` atomically. Throws on a store error, leaving
  // the previous version in place.
  void Replace(const ImportedSeries& series);
  // nullopt when no series has this name.
  std::optional<ImportedSeriesInfo> Find(const std::string& name);
  std::vector<ImportedSeriesInfo> List();
  // The values of series `name` for the unordered pair {a, b} (both orders) with
  // from <= day <= to, ordered by day. Usage error naming the stored series if there is none.
  std::vector<ImportedValue> Values(const std::string& name, const std::string& a,
                                    const std::string& b, Day from, Day to);
  // All values of series `name` with from <= day <= to (every dyad), ordered by day.
  std::vector<ImportedValue> AllValues(const std::string& name, Day from, Day to);

 private:
  std::int64_t IdOf(const std::string& name);
  Database& db_;
  bool has_tables_ = true;
};

}  // namespace triad
