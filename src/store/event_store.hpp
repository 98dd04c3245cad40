#pragma once
// The store: one SQLite file (WAL, foreign keys on) holding the dyad-day cells, the manifest of
// ingested files, their rejected rows, the keys of every stored event (so no event is counted
// twice), and a log of runs. Each file is added in one transaction: a reader, or a process killed
// at any moment, sees the store either without the file or with all of it.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aggregate/file_aggregator.hpp"
#include "store/sqlite.hpp"
#include "store/stored_keys.hpp"

namespace triad {

inline constexpr const char* kDefaultStorePath = "triad.db";

// SQLite's application id (PRAGMA application_id, the 4 bytes at offset 68 of the file) that
// marks a triad store: the ASCII bytes "Tria". A file with another id, or with id 0 and tables
// that are not triad's, is someone else's database: triad refuses it and leaves it untouched.
inline constexpr std::int64_t kStoreApplicationId = 0x54726961;

struct IngestedFile {
  std::int64_t id = 0;
  std::string path;  // as given on the command line, made absolute
  std::string name;  // file name (zip member name for zips)
  std::int64_t size = 0;
  std::int64_t mtime = 0;  // seconds since the epoch
  std::string content_hash;
  std::string format;
  std::int64_t rows_read = 0, rows_accepted = 0, rows_without_dyad = 0, rows_rejected = 0,
               rows_duplicate = 0;
  std::int64_t min_key = 0, max_key = 0;
  std::string min_day, max_day;  // YYYY-MM-DD, empty when nothing was accepted
  std::int64_t min_added = 0, max_added = 0;
  double seconds = 0;
  std::string ingested_at;              // UTC, ISO 8601
  std::int64_t rows_stale = 0;          // old events reported again, not stored (news_slots.hpp)
  std::optional<int> report_lag_limit;  // the lag in days beyond which rows were stale
  bool coverage_recorded = false;       // false for files ingested before schema version 3
};

struct FileOnDisk {
  std::string path;
  std::int64_t size = 0;
  std::int64_t mtime = 0;
};

struct DyadTotal {
  std::string source, target;
  std::int64_t events = 0;
};

struct StoreSummary {
  std::int64_t files = 0, cells = 0, events = 0, rejects = 0, rows_without_dyad = 0, duplicates = 0;
  std::optional<Day> first_day, last_day;
  std::string last_ingest;  // UTC time of the newest file, empty when none
};

// The store's news coverage of one day: the union over files of the day's slots (news_slots.hpp).
struct DayCoverage {
  Day day = 0;
  int slots = 0;          // slots of the day that hold news
  int slots_per_day = 1;  // 96 for GDELT 2.0, else 1 (the larger when families mix)
  double Fraction() const { return static_cast<double>(slots) / slots_per_day; }
};

struct NewsCoverage {
  std::vector<DayCoverage> days;        // the days with any news, in order
  std::int64_t files_unrecorded = 0;    // files ingested before schema 3: coverage unknown
  std::int64_t rows_stale = 0;          // old events reported again, over all files
  std::optional<int> report_lag_limit;  // the largest lag limit the files were read with
  bool Known() const { return files_unrecorded == 0 && !days.empty(); }
};

// A rejected row as stored, with the file it came from.
struct StoredReject {
  std::string file;
  RejectedRow row;
};

class EventStore {
 public:
  // Opens the store at `path`; with create, makes it (and its schema) if missing. Without create,
  // a missing file is an error that says to run `triad ingest` first. A file that is not a triad
  // store (kStoreApplicationId), or whose schema version is not this triad's, is a store error
  // (exit 4) and is not changed. Without create the store is only read: opened read-only, in
  // one read transaction for the object's life (every query sees the same commit, whatever
  // ingests run meanwhile), on a read-only file or mount too; read methods never write.
  EventStore(const std::string& path, bool create);
  const std::string& path() const { return db_.path(); }

  // A file already ingested under the same path with the same size and modification time.
  std::optional<IngestedFile> FindUnchanged(const FileOnDisk& file);
  // The events of this family stored as of now (thread-safe, and valid while later files are
  // committed: aggregations on other threads use it while this thread commits).
  std::unique_ptr<SeenEvents> SeenEventsOf(IdFamily family);
  // A mark of the event keys stored so far: take it before SeenEventsOf and pass it to AddFile,
  // which then knows which keys other writers committed while the file was being aggregated.
  std::int64_t KeysMark();
  // Adds one file atomically. Returns the existing entry and changes nothing if a file with the
  // same content is already stored. Other ingests may have committed events since `keys_mark`
  // (concurrent writers): if any of them is among the file's events, the file is aggregated
  // again with `reaggregate` inside the write transaction, where the stored keys cannot change,
  // so that no event is ever counted twice; `aggregate` then holds what was stored.
  struct AddResult {
    bool added = false;
    bool reaggregated = false;  // the file overlapped events committed by another writer
    IngestedFile file;          // the new entry, or the one with the same content
  };
  AddResult AddFile(FileAggregate& aggregate, const FileOnDisk& file, double seconds,
                    std::int64_t keys_mark, const std::function<FileAggregate()>& reaggregate);
  // GDELT 1.0 and 2.0 number their events independently and code the same news, so a store that
  // holds both for the same days counts those events twice: AddFile refuses a GDELT file whose
  // news days (DATEADDED) overlap the other family's files (an input error naming both), unless
  // this is set.
  void AllowBothGdeltFamilies(bool allow) { allow_both_gdelt_ = allow; }

  std::vector<IngestedFile> Files();
  // `count_cells`: count the cells too (a scan of the dyad index; `cells` stays 0 otherwise).
  StoreSummary Summary(bool count_cells = true);
  std::vector<DyadTotal> TopDyads(int limit);
  // Calls `visit` for every cell with from <= day <= to, in key order; with non-empty
  // `countries`, only cells whose source and target are both in that list. On a store opened for
  // reading, the cells of the last such read (up to kKeptCells) are kept, and a later read of the
  // same or fewer countries over the same or a shorter period is answered from them: the store
  // shows one commit for the object's life, so they are the same cells (`explain` reads the
  // triad's cells for the index, then each dyad's for its economic driver and the triad's twice
  // more for the security driver).
  void ForEachCell(Day from, Day to, const std::function<void(const Cell&)>& visit,
                   const std::vector<std::string>& countries = {});
  // Calls `visit` for every cell with from <= day <= to whose (source, target) is one of `pairs`
  // (ordered: (CHN, IND) is not (IND, CHN)), pair by pair in the given order, each pair's cells by
  // day. Reads through the dyad index: the cost grows with the pairs' cells, not with the store.
  void ForEachCellOfPairs(Day from, Day to,
                          const std::vector<std::pair<std::string, std::string>>& pairs,
                          const std::function<void(const Cell&)>& visit);
  // The world's totals per day, channel and QuadClass (the sums of every cell of the day; table
  // world_days, kept with the cells), for from <= day <= to, in order.
  void ForEachWorldDay(Day from, Day to,
                       const std::function<void(Day, Channel, int, const CellValues&)>& visit);
  // Makes world_days again from the cells (a schema upgrade; a cell import, which can take cells
  // out of any day).
  void RebuildWorldDays();
  // The days the store's news covers: from the first day any file's events were added (GDELT's
  // DATEADDED; the first event date for ICEWS) to the last event date. Events dated before that
  // are old events reported again, which GDELT codes with their original date.
  std::optional<std::pair<Day, Day>> Coverage();
  // Whether the store holds GDELT files (whose rows carry NumMentions and AvgTone) and ICEWS
  // files (which have neither: their cells hold a placeholder of 1 mention and tone 0 per event,
  // never shown as data).
  struct SourceKinds {
    bool gdelt = false, icews = false;
  };
  SourceKinds Sources();
  // The news coverage by day from the coverage table (see news_slots.hpp).
  NewsCoverage NewsCoverageByDay();
  // Makes the dyad index of the cells (cells_by_pair) if it is missing, and drops the older
  // (source, target, day) index a store made before it may have; the ingest calls it after its
  // last file, so that read commands never write.
  void EnsureDyadIndex();
  // Whether any cell was stored before sectors were recorded (an upgraded store's old cells):
  // a sector filter cannot be answered for them.
  bool HasCellsWithoutSectors();
  // Rejected rows counted by reason: (reason, count), most frequent first.
  std::vector<std::pair<std::string, std::int64_t>> RejectReasons(int limit);
  // The first `limit` kept rejected rows (kKeptRejectsPerReason), in file and line order.
  std::vector<StoredReject> RejectedRows(int limit);

  // A value of the meta table (follow keeps its place there: "follow.*" keys), or nullopt.
  std::optional<std::string> Meta(const std::string& key);
  // Sets meta values in one transaction (a write; the store must be opened with create).
  void SetMeta(const std::vector<std::pair<std::string, std::string>>& values);

  void LogRun(const std::string& command, const std::string& started_at, int files_added,
              int files_skipped, int files_failed, std::int64_t rejects);

  Database& db() { return db_; }

 private:
  // Throws unless the file is a triad store at a schema version this triad reads (or upgrades) or
  // an empty database. Returns the store's schema version, 0 for an empty database.
  int CheckIsTriadStore();
  std::int64_t ApplicationId();
  void CreateSchema();
  void UpgradeCellsToSectors();  // schema 5 -> 6, inside CreateSchema's transaction
  bool HasPairIndex();           // cells_by_pair exists (else reads use the older index, if any)
  bool OverlapsKeysSince(const FileAggregate& aggregate, std::int64_t keys_mark);
  void CheckGdeltFamily(const FileAggregate& aggregate, const FileOnDisk& file);
  Database db_;
  bool allow_both_gdelt_ = false;
  // Files up to this id hold no GDELT 1.0 ([0]) or 2.0 ([1]) file (CheckGdeltFamily): files are
  // never deleted and ids only grow.
  std::int64_t no_files_up_to_[2] = {0, 0};
  std::unique_ptr<StoredKeyIndex> stored_keys_;  // made by the first SeenEventsOf
  std::optional<bool> pair_index_;               // HasPairIndex, asked once
  // A store opened for reading (one read transaction for the object's life): ForEachCell keeps
  // the cells of its last read of a country set, up to kKeptCells (about 18 MB).
  bool read_only_ = false;
  static constexpr std::size_t kKeptCells = 200'000;
  struct KeptCells {
    Day from = 0, to = 0;
    std::vector<std::string> countries;
    std::vector<Cell> cells;  // in key order
  };
  std::optional<KeptCells> kept_;
  bool FromKeptCells(Day from, Day to, const std::function<void(const Cell&)>& visit,
                     const std::vector<std::string>& countries);
};

std::string UtcNow();  // YYYY-MM-DDTHH:MM:SSZ

}  // namespace triad
