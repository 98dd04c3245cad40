#include "store/event_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <charconv>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <tuple>

#include "common/error.hpp"
#include "store/cell_import.hpp"
#include "store/cell_statements.hpp"
#include "store/key_chunks.hpp"
#include "store/stored_keys.hpp"

namespace triad {
namespace {

// 2 added reject_counts (rejected rows are counted by reason; only the first are kept); 3 added
// the news coverage (table coverage, files.coverage_recorded) and old events reported again
// (files.rows_stale, files.report_lag_limit); 4 added cells imported from a query's result
// (tables cell_imports and imported_cells: store/cell_import.hpp); 5 the world's day totals
// (world_days); 6 each side's sector class in the cell key and in cells.source_sector and
// target_sector. An older store is upgraded by the next ingest; its cells, made before sectors
// were recorded, get the class "not recorded" (ActorSector::kNotRecorded).
constexpr int kSchemaVersion = 6;
constexpr int kStorePageBytes = 16384;

// A cell's (source, target) bits (CellKey::PairBits), as SQL: the dyad index's expression, which
// a query must spell alike for SQLite to use the index.
constexpr const char* kPairExpr = "((key >> 11) & 1073741823)";
static_assert(CellKey::kPairShift == 11 && CellKey::kPairMask == 1073741823);

// The dyad index's value for (source, target), or -1 (which no cell has) unless both are codes
// a cell can hold (3 letters A-Z).
std::int64_t PairOf(const std::string& source, const std::string& target) {
  auto code = [](const std::string& c) {
    return c.size() == 3 &&
           std::all_of(c.begin(), c.end(), [](char x) { return x >= 'A' && x <= 'Z'; });
  };
  if (!code(source) || !code(target)) return -1;
  return static_cast<std::int64_t>(CellKey::PairBits(source.c_str(), target.c_str()));
}

// The cells of days from..to are the keys [first, end): the key's top bits are the day
// (cell.hpp). Days outside the key's range are clamped to it.
std::pair<std::int64_t, std::int64_t> KeyRange(Day from, Day to) {
  const Day first = std::max(from, Day{-(1 << 20) + 1});
  const Day last = std::min(to, Day{(1 << 20) - 2});
  return {
      static_cast<std::int64_t>(CellKey::PackParts(first, "AAA", "AAA", Channel::kDiplomatic, 0)),
      static_cast<std::int64_t>(
          CellKey::PackParts(last + 1, "AAA", "AAA", Channel::kDiplomatic, 0))};
}

// A cell's key and sums (read back with ReadSums from column 1).
constexpr const char* kSelectCells =
    "SELECT key, events, mentions, mentions_sq, sources, articles, goldstein, goldstein_sq, "
    "goldstein_w, goldstein_w_sq, tone FROM cells WHERE ";

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL, mtime INTEGER NOT NULL,
  content_hash TEXT NOT NULL UNIQUE, format TEXT NOT NULL,
  rows_read INTEGER NOT NULL, rows_accepted INTEGER NOT NULL, rows_without_dyad INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL, rows_duplicate INTEGER NOT NULL,
  min_event_key INTEGER, max_event_key INTEGER, min_day TEXT, max_day TEXT,
  min_date_added INTEGER, max_date_added INTEGER,
  seconds REAL NOT NULL, ingested_at TEXT NOT NULL, triad_version TEXT NOT NULL,
  rows_stale INTEGER NOT NULL DEFAULT 0, report_lag_limit INTEGER,
  coverage_recorded INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS files_by_path ON files(path);
-- One row per (day, source, target, channel, quad_class, source_sector, target_sector); key
-- packs those seven (see cell.hpp). day: days since 1970-01-01; goldstein* in tenths; tone in
-- millionths (exact integer sums); sectors: 0 unspecified, 1 government, 2 military,
-- 3 business, 4 civil, 7 not recorded (codebook/actor_sectors.hpp).
CREATE TABLE IF NOT EXISTS cells(
  key INTEGER PRIMARY KEY,
  day INTEGER NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
  channel INTEGER NOT NULL, quad_class INTEGER NOT NULL,
  source_sector INTEGER NOT NULL, target_sector INTEGER NOT NULL,
  events INTEGER NOT NULL, mentions INTEGER NOT NULL, mentions_sq INTEGER NOT NULL,
  sources INTEGER NOT NULL, articles INTEGER NOT NULL,
  goldstein INTEGER NOT NULL, goldstein_sq INTEGER NOT NULL,
  goldstein_w INTEGER NOT NULL, goldstein_w_sq INTEGER NOT NULL, tone INTEGER NOT NULL);
-- The dyad index cells_by_pair orders cells by their key's (source, target) bits, then by key
-- (that is, by day): EnsureDyadIndex. Integers compare faster than the (source, target, day) text
-- of the index cells_by_dyad that stores before it had, which the next ingest replaces. Neither is
-- kept up by a bulk ingest into an empty table: the ingest makes it after its last file (see
-- EventStore::AddFile and EnsureDyadIndex).
-- The world's totals per day, channel and QuadClass: the sums of every cell of the day, kept with
-- the cells (schema 5), so the world baseline reads a row per day instead of every cell.
CREATE TABLE IF NOT EXISTS world_days(
  day INTEGER NOT NULL, channel INTEGER NOT NULL, quad_class INTEGER NOT NULL,
  events INTEGER NOT NULL, mentions INTEGER NOT NULL, mentions_sq INTEGER NOT NULL,
  sources INTEGER NOT NULL, articles INTEGER NOT NULL,
  goldstein INTEGER NOT NULL, goldstein_sq INTEGER NOT NULL,
  goldstein_w INTEGER NOT NULL, goldstein_w_sq INTEGER NOT NULL, tone INTEGER NOT NULL,
  PRIMARY KEY(day, channel, quad_class)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rejects(
  id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  line INTEGER NOT NULL, field TEXT NOT NULL, reason TEXT NOT NULL, raw TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS rejects_by_file ON rejects(file_id, line);
-- Every rejected row counted by reason (rejects keeps only the first rows of each).
CREATE TABLE IF NOT EXISTS reject_counts(
  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  field TEXT NOT NULL, reason TEXT NOT NULL, rows INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS reject_counts_by_file ON reject_counts(file_id);
-- When each file's news was published (aggregate/news_slots.hpp): per day, a bit for each of
-- the day's slots_per_day slots (96 fifteen-minute slots for GDELT 2.0, else 1) that holds one
-- of the file's accepted rows; slots: 12 bytes, bit k of byte k / 8 for slot k.
CREATE TABLE IF NOT EXISTS coverage(
  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  day INTEGER NOT NULL, slots_per_day INTEGER NOT NULL, slots BLOB NOT NULL,
  PRIMARY KEY(file_id, day)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS event_keys(
  id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  family INTEGER NOT NULL, first_key INTEGER NOT NULL, last_key INTEGER NOT NULL,
  count INTEGER NOT NULL, gaps BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS event_keys_by_family ON event_keys(family, first_key);
-- Cells imported from the result of `triad sql` (format 'cells' in files): the news days the
-- import covers, the query it came from, and its own cells, so that importing the same news
-- days again takes exactly these out of cells before adding the new ones.
CREATE TABLE IF NOT EXISTS cell_imports(
  file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
  first_news_day INTEGER NOT NULL, last_news_day INTEGER NOT NULL,
  inputs TEXT NOT NULL, query_hash TEXT, query TEXT);
CREATE TABLE IF NOT EXISTS imported_cells(
  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE, key INTEGER NOT NULL,
  events INTEGER NOT NULL, mentions INTEGER NOT NULL, mentions_sq INTEGER NOT NULL,
  sources INTEGER NOT NULL, articles INTEGER NOT NULL,
  goldstein INTEGER NOT NULL, goldstein_sq INTEGER NOT NULL,
  goldstein_w INTEGER NOT NULL, goldstein_w_sq INTEGER NOT NULL, tone INTEGER NOT NULL,
  PRIMARY KEY(file_id, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS runs(
  id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT NOT NULL,
  command TEXT NOT NULL, triad_version TEXT NOT NULL, files_added INTEGER NOT NULL,
  files_skipped INTEGER NOT NULL, files_failed INTEGER NOT NULL, rejects INTEGER NOT NULL);
CREATE VIEW IF NOT EXISTS cells_readable AS
  SELECT date(day * 86400, 'unixepoch') AS date, source, target,
         CASE channel WHEN 0 THEN 'diplomatic' WHEN 1 THEN 'economic' ELSE 'security' END AS channel,
         quad_class,
         CASE source_sector WHEN 0 THEN 'unspecified' WHEN 1 THEN 'government'
           WHEN 2 THEN 'military' WHEN 3 THEN 'business' WHEN 4 THEN 'civil'
           ELSE 'not recorded' END AS source_sector,
         CASE target_sector WHEN 0 THEN 'unspecified' WHEN 1 THEN 'government'
           WHEN 2 THEN 'military' WHEN 3 THEN 'business' WHEN 4 THEN 'civil'
           ELSE 'not recorded' END AS target_sector,
         events, mentions, sources, articles,
         goldstein / 10.0 AS goldstein_sum, goldstein_w / 10.0 AS goldstein_mentions_sum,
         tone / 1e6 AS tone_sum
  FROM cells;
)sql";

std::string DayText(Day day) {
  return FormatDate(day);
}

IngestedFile ReadFileRow(const Statement& s) {
  IngestedFile f;
  f.id = s.Int(0);
  f.path = s.Text(1);
  f.name = s.Text(2);
  f.size = s.Int(3);
  f.mtime = s.Int(4);
  f.content_hash = s.Text(5);
  f.format = s.Text(6);
  f.rows_read = s.Int(7);
  f.rows_accepted = s.Int(8);
  f.rows_without_dyad = s.Int(9);
  f.rows_rejected = s.Int(10);
  f.rows_duplicate = s.Int(11);
  f.min_key = s.Int(12);
  f.max_key = s.Int(13);
  f.min_day = s.Text(14);
  f.max_day = s.Text(15);
  f.min_added = s.Int(16);
  f.max_added = s.Int(17);
  f.seconds = s.Double(18);
  f.ingested_at = s.Text(19);
  f.rows_stale = s.Int(20);
  if (!s.IsNull(21)) f.report_lag_limit = static_cast<int>(s.Int(21));
  f.coverage_recorded = s.Int(22) != 0;
  return f;
}

constexpr const char* kFileColumns =
    "id, path, name, size, mtime, content_hash, format, rows_read, rows_accepted, "
    "rows_without_dyad, rows_rejected, rows_duplicate, min_event_key, max_event_key, min_day, "
    "max_day, min_date_added, max_date_added, seconds, ingested_at, rows_stale, report_lag_limit, "
    "coverage_recorded";

}  // namespace

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

EventStore::EventStore(const std::string& path, bool create)
    : db_(
          [&]() -> const std::string& {
            if (!create && !std::filesystem::exists(path))
              ThrowStore(
                  fmt::format("{}: no such store (run 'triad ingest FILES' to make one, or "
                              "give --store PATH)",
                              path));
            return path;
          }(),
          create ? OpenMode::kCreate : OpenMode::kRead) {
  // Before anything that writes (WAL mode, tables): someone else's database stays untouched.
  const int version = CheckIsTriadStore();
  // A read command never writes, so an older schema is upgraded by the next ingest, not here.
  if (version == 0 && !create)
    ThrowStore(
        fmt::format("{}: an empty database, not yet a store (run 'triad ingest --store {} "
                    "FILES' to make one)",
                    path, path));
  if (version != 0 && version != kSchemaVersion && !create)
    ThrowStore(fmt::format(
        "{}: the store has schema version {}, older than this triad's ({}); read commands never "
        "write, so upgrade it once with an ingest (`triad ingest --store {} FILE`; a file "
        "already ingested is a no-op that still upgrades the store)",
        path, version, kSchemaVersion, path));
  // WAL: readers never block the writer and a killed writer leaves the last commit intact.
  // synchronous=NORMAL: a commit survives a process crash (not always a power cut, where the
  // store still opens consistent at an earlier commit). A 64 MiB page cache keeps the cell
  // table's and its index's hot pages in memory during a large ingest.
  // A reader (opened read-only, in one read transaction: see OpenMode::kRead) changes nothing.
  if (!create) {
    read_only_ = true;
    // Reads through a memory map: a new process (every command is one) then pays no copy of
    // each page into SQLite's cache; 1 GiB of address space, mapped as pages are touched.
    db_.Exec("PRAGMA cache_size=-65536; PRAGMA mmap_size=1073741824;");
    return;
  }
  // A new store gets 16 KiB pages (before WAL, after which the page size is fixed): a bulk
  // upsert of cells in key order then splits and writes a quarter as many pages.
  if (version == 0) db_.Exec(fmt::format("PRAGMA page_size={}", kStorePageBytes));
  db_.Exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
      "PRAGMA cache_size=-65536;");
  // A store already at this version and marked as triad's needs no write: readers must not wait
  // for a running ingest. An ingest marks a store made before the application id existed, and
  // upgrades an older schema.
  if (version != kSchemaVersion || (create && ApplicationId() != kStoreApplicationId))
    CreateSchema();
}

std::int64_t EventStore::ApplicationId() {
  auto stmt = db_.Prepare("PRAGMA application_id");
  stmt.Step();
  return stmt.Int(0);
}

int EventStore::CheckIsTriadStore() {
  const std::int64_t id = ApplicationId();
  std::vector<std::string> tables;
  auto list = db_.Prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  while (list.Step()) tables.push_back(list.Text(0));
  if (id == 0 && tables.empty()) return 0;  // a new (empty) file: ours to make a store of
  const bool has_meta = std::find(tables.begin(), tables.end(), "meta") != tables.end();
  const bool has_cells = std::find(tables.begin(), tables.end(), "cells") != tables.end();
  // Stores made before triad set an application id have id 0 and triad's meta and cells tables.
  if (id != kStoreApplicationId && !(id == 0 && has_meta && has_cells)) {
    std::string names;
    for (std::size_t i = 0; i < tables.size() && i < 5; ++i) names += (i ? ", " : "") + tables[i];
    if (tables.size() > 5) names += ", ...";
    ThrowStore(fmt::format(
        "{}: an SQLite database that is not a triad store (application id {:#x}, tables: {}); "
        "it was left untouched: give --store a new file name or a store made by 'triad ingest'",
        db_.path(), id, names.empty() ? "none" : names));
  }
  auto version = db_.Prepare("SELECT value FROM meta WHERE key = 'schema_version'");
  if (!version.Step())
    ThrowStore(
        fmt::format("{}: the store has no schema version (its meta table was changed or "
                    "the file is damaged): ingest into a new store",
                    db_.path()));
  const std::string text = version.Text(0);
  int number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size() || text.empty())
    ThrowStore(
        fmt::format("{}: the store's schema version '{}' is not a number (its meta table "
                    "was changed or the file is damaged): ingest into a new store",
                    db_.path(), text));
  if (number < 1 || number > kSchemaVersion)
    ThrowStore(fmt::format("{}: store schema version {} is not the version this triad reads ({})",
                           db_.path(), number, kSchemaVersion));
  return number;
}

void EventStore::CreateSchema() {
  Transaction txn(&db_);
  db_.Exec(kSchema);
  db_.Exec(fmt::format("PRAGMA application_id = {}", kStoreApplicationId));
  // Read again inside the transaction: another ingest creating or upgrading the same store may
  // have done it first.
  std::string version;
  {
    // Finished before the upgrade below: DROP TABLE needs no statement of this connection active.
    auto stmt = db_.Prepare("SELECT value FROM meta WHERE key = 'schema_version'");
    if (stmt.Step()) version = stmt.Text(0);
  }
  if (version == "1")  // rejects held every rejected row: count them by reason
    db_.Exec(
        "INSERT INTO reject_counts(file_id, field, reason, rows) SELECT file_id, field, reason, "
        "count(*) FROM rejects GROUP BY file_id, field, reason");
  if (version == "1" || version == "2") {
    // Files ingested before version 3: no coverage recorded, no old events counted apart.
    std::vector<std::string> columns;
    auto info = db_.Prepare("PRAGMA table_info(files)");
    while (info.Step()) columns.push_back(info.Text(1));
    for (const char* column : {"rows_stale INTEGER NOT NULL DEFAULT 0", "report_lag_limit INTEGER",
                               "coverage_recorded INTEGER NOT NULL DEFAULT 0"}) {
      const std::string name = std::string(column).substr(0, std::string(column).find(' '));
      if (std::find(columns.begin(), columns.end(), name) == columns.end())
        db_.Exec(fmt::format("ALTER TABLE files ADD COLUMN {}", column));
    }
  }
  // Before version 6 cells had no sectors: the key gains six low bits (both sides "not
  // recorded"), in new tables filled in key order (an UPDATE of the keys in place could collide
  // with keys not yet moved), and the view is made again with the new columns.
  if (!version.empty() && std::stoi(version) < 6) UpgradeCellsToSectors();
  // Before version 5 the world's day totals were not kept: made once from the cells.
  if (!version.empty() && version != std::to_string(kSchemaVersion)) RebuildWorldDays();
  if (version != std::to_string(kSchemaVersion))
    db_.Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?)")
        .Bind(1, std::to_string(kSchemaVersion))
        .Run();
  txn.Commit();
}

std::optional<IngestedFile> EventStore::FindUnchanged(const FileOnDisk& file) {
  auto stmt = db_.Prepare(fmt::format(
      "SELECT {} FROM files WHERE path = ? AND size = ? AND mtime = ? LIMIT 1", kFileColumns));
  stmt.Bind(1, file.path).Bind(2, file.size).Bind(3, file.mtime);
  if (stmt.Step()) return ReadFileRow(stmt);
  return std::nullopt;
}

std::unique_ptr<SeenEvents> EventStore::SeenEventsOf(IdFamily family) {
  if (!stored_keys_) stored_keys_ = std::make_unique<StoredKeyIndex>(db_.path());
  return stored_keys_->Snapshot(db_, family);
}

std::int64_t EventStore::KeysMark() {
  // Chunk ids only grow: files (and so their key chunks) are never deleted.
  auto stmt = db_.Prepare("SELECT coalesce(max(id), 0) FROM event_keys");
  stmt.Step();
  return stmt.Int(0);
}

bool EventStore::OverlapsKeysSince(const FileAggregate& a, std::int64_t keys_mark) {
  if (a.keys.empty()) return false;
  // Through the rowid (NOT INDEXED): the chunks since the mark are the few committed meanwhile,
  // while the family's index would walk every chunk below the file's last key, every file of a
  // run of files with rising keys, each time.
  auto stmt = db_.Prepare(
      "SELECT first_key, gaps FROM event_keys NOT INDEXED WHERE id > ? AND family = ? AND "
      "last_key >= ? AND first_key <= ?");
  stmt.Bind(1, keys_mark)
      .Bind(2, static_cast<int>(IdFamilyOf(a.format)))
      .Bind(3, a.min_key)
      .Bind(4, a.max_key);
  while (stmt.Step()) {
    std::vector<std::int64_t> stored = DecodeKeyChunk(stmt.Int(0), stmt.Blob(1));
    // Both sorted: one merge pass finds a common key.
    auto i = a.keys.begin();
    auto j = stored.begin();
    while (i != a.keys.end() && j != stored.end()) {
      if (*i < *j)
        ++i;
      else if (*j < *i)
        ++j;
      else
        return true;
    }
  }
  return false;
}

void EventStore::CheckGdeltFamily(const FileAggregate& a, const FileOnDisk& file) {
  if (allow_both_gdelt_ || a.rows_accepted == 0 || a.min_added <= 0) return;
  if (a.format != EventFormat::kGdelt1 && a.format != EventFormat::kGdelt2) return;
  const EventFormat other =
      a.format == EventFormat::kGdelt1 ? EventFormat::kGdelt2 : EventFormat::kGdelt1;
  // Most stores hold one family: the files added since the last look (through the rowid) tell
  // whether the other one is there at all, without a scan of every file for each file ingested.
  std::int64_t& none_up_to = no_files_up_to_[other == EventFormat::kGdelt1 ? 0 : 1];
  {
    auto since = db_.Prepare(
        "SELECT max(id), coalesce(sum(format = ?), 0) FROM files NOT INDEXED WHERE id > ?");
    since.Bind(1, EventFormatName(other)).Bind(2, none_up_to);
    since.Step();
    if (since.Int(1) == 0) {
      if (!since.IsNull(0)) none_up_to = since.Int(0);
      return;
    }
  }
  // DATEADDED is YYYYMMDD in GDELT 1.0 and YYYYMMDDHHMMSS in 2.0: compared as days.
  auto ymd = [](std::int64_t added) { return added > 99'999'999 ? added / 1'000'000 : added; };
  constexpr const char* kAsDay = "(CASE WHEN {0} > 99999999 THEN {0} / 1000000 ELSE {0} END)";
  auto stmt = db_.Prepare(fmt::format(
      "SELECT path, {}, {} FROM files WHERE format = ? AND {} >= ? AND {} <= ? ORDER BY id LIMIT 1",
      fmt::format(kAsDay, "min_date_added"), fmt::format(kAsDay, "max_date_added"),
      fmt::format(kAsDay, "max_date_added"), fmt::format(kAsDay, "min_date_added")));
  stmt.Bind(1, EventFormatName(other)).Bind(2, ymd(a.min_added)).Bind(3, ymd(a.max_added));
  if (!stmt.Step()) return;
  auto name = [](EventFormat f) { return f == EventFormat::kGdelt1 ? "GDELT 1.0" : "GDELT 2.0"; };
  auto day = [](std::int64_t v) {
    return fmt::format("{}-{:02d}-{:02d}", v / 10000, v / 100 % 100, v % 100);
  };
  ThrowInput(Location{file.path, 0, "DATEADDED"},
             fmt::format("{} events added {}..{}, but the store already holds {} events added on "
                         "those days (from {}). GDELT 1.0 and 2.0 number their events "
                         "independently and code the same news, so the same events would count "
                         "twice. Keep one family per store, or pass --both-gdelt-families if you "
                         "mean to",
                         name(a.format), day(ymd(a.min_added)), day(ymd(a.max_added)), name(other),
                         stmt.Text(0)));
}

EventStore::AddResult EventStore::AddFile(FileAggregate& a, const FileOnDisk& file, double seconds,
                                          std::int64_t keys_mark,
                                          const std::function<FileAggregate()>& reaggregate) {
  Transaction txn(&db_);  // BEGIN IMMEDIATE: from here on no other writer commits
  {
    auto same =
        db_.Prepare(fmt::format("SELECT {} FROM files WHERE content_hash = ?", kFileColumns));
    same.Bind(1, a.content_hash);
    if (same.Step()) return AddResult{false, false, ReadFileRow(same)};
  }
  CheckGdeltFamily(a, file);
  if (a.rows_accepted > 0 && a.format != EventFormat::kIcews)
    CheckNotImportedAsCells(db_, a.min_added, a.max_added, file.path);
  // Keys committed by another ingest since this file's aggregation read the stored keys: if the
  // file shares any, its cells count those events again. Aggregate it afresh against the keys as
  // they are now (this transaction's snapshot, which no other writer can change).
  const bool again = OverlapsKeysSince(a, keys_mark);
  if (again) a = reaggregate();
  // Into an empty table, cells go in without the dyad index (which would nearly double the cost
  // of a bulk ingest); the ingest builds it in one sorted pass after its last file (read commands
  // never write). Once it exists, later files keep it up to date.
  const bool no_cells = !db_.Prepare("SELECT 1 FROM cells LIMIT 1").Step();
  if (no_cells) {
    db_.Exec("DROP INDEX IF EXISTS cells_by_pair; DROP INDEX IF EXISTS cells_by_dyad");
    pair_index_ = false;
  }
  auto insert_file = db_.Prepare(
      "INSERT INTO files(path, name, size, mtime, content_hash, format, rows_read, rows_accepted, "
      "rows_without_dyad, rows_rejected, rows_duplicate, min_event_key, max_event_key, min_day, "
      "max_day, min_date_added, max_date_added, seconds, ingested_at, triad_version, rows_stale, "
      "report_lag_limit, coverage_recorded) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)");
  bool any = a.rows_accepted > 0;
  insert_file.Bind(1, file.path)
      .Bind(2, a.member_name)
      .Bind(3, file.size)
      .Bind(4, file.mtime)
      .Bind(5, a.content_hash)
      .Bind(6, EventFormatName(a.format))
      .Bind(7, a.rows_read)
      .Bind(8, a.rows_accepted)
      .Bind(9, a.rows_without_dyad)
      .Bind(10, a.rows_rejected)
      .Bind(11, a.rows_duplicate);
  if (any) {
    insert_file.Bind(12, a.min_key)
        .Bind(13, a.max_key)
        .Bind(14, DayText(a.min_day))
        .Bind(15, DayText(a.max_day))
        .Bind(16, a.min_added)
        .Bind(17, a.max_added);
  } else {
    for (int i = 12; i <= 17; ++i) insert_file.BindNull(i);
  }
  insert_file.Bind(18, seconds).Bind(19, UtcNow()).Bind(20, std::string_view(TRIAD_VERSION_STRING));
  insert_file.Bind(21, a.rows_stale);
  if (a.max_report_lag_days >= 0)
    insert_file.Bind(22, a.max_report_lag_days);
  else
    insert_file.BindNull(22);
  insert_file.Run();
  const std::int64_t file_id = db_.LastInsertRowId();

  auto insert_coverage =
      db_.Prepare("INSERT INTO coverage(file_id, day, slots_per_day, slots) VALUES(?,?,?,?)");
  for (const DaySlots& d : a.news_slots) {
    const std::string bytes = PackSlots(d.slots);
    insert_coverage.Bind(1, file_id)
        .Bind(2, d.day)
        .Bind(3, SlotsPerDay(a.format))
        .BindBlob(4, bytes.data(), bytes.size());
    insert_coverage.Run();
  }

  // The cells, and the world's day totals that move with them in the same transaction.
  // Cells come in key order, day first: the world's totals are summed a day at a time.
  auto upsert = db_.Prepare(no_cells ? kInsertCellSql : kUpsertCellSql);
  auto upsert_world = db_.Prepare(kUpsertWorldDaySql);
  std::array<CellValues, kChannelCount * 4> world_day{};
  std::optional<Day> current;
  auto flush_world = [&] {
    for (std::size_t i = 0; i < world_day.size(); ++i) {
      if (world_day[i].events == 0) continue;
      upsert_world.Bind(1, *current)
          .Bind(2, static_cast<int>(i / 4))
          .Bind(3, static_cast<int>(i % 4) + 1);
      BindSums(upsert_world, 4, world_day[i]).Run();
      world_day[i] = CellValues{};
    }
  };
  a.cells.ForEach([&](std::uint64_t key, const CellValues& v) {
    UpsertCell(upsert, key, v);
    const CellKey k = CellKey::Unpack(key);
    if (current != k.day) {
      if (current) flush_world();
      current = k.day;
    }
    world_day[static_cast<std::size_t>(k.channel) * 4 + static_cast<std::size_t>(k.quad_class - 1)]
        .Merge(v);
  });
  if (current) flush_world();

  auto insert_reject =
      db_.Prepare("INSERT INTO rejects(file_id, line, field, reason, raw) VALUES(?,?,?,?,?)");
  for (const RejectedRow& r : a.rejects) {
    insert_reject.Bind(1, file_id)
        .Bind(2, r.line)
        .Bind(3, r.field)
        .Bind(4, r.reason)
        .Bind(5, r.raw);
    insert_reject.Run();
  }

  auto insert_count =
      db_.Prepare("INSERT INTO reject_counts(file_id, field, reason, rows) VALUES(?,?,?,?)");
  for (const RejectCount& c : a.reject_counts)
    insert_count.Bind(1, file_id).Bind(2, c.field).Bind(3, c.reason).Bind(4, c.rows).Run();

  auto insert_keys = db_.Prepare(
      "INSERT INTO event_keys(file_id, family, first_key, last_key, count, gaps) "
      "VALUES(?,?,?,?,?,?)");
  for (const KeyChunk& chunk : EncodeKeyChunks(a.keys)) {
    insert_keys.Bind(1, file_id)
        .Bind(2, static_cast<int>(IdFamilyOf(a.format)))
        .Bind(3, chunk.first)
        .Bind(4, chunk.last)
        .Bind(5, chunk.count)
        .BindBlob(6, chunk.encoded.data(), chunk.encoded.size());
    insert_keys.Run();
  }
  txn.Commit();
  auto added = db_.Prepare(fmt::format("SELECT {} FROM files WHERE id = ?", kFileColumns));
  added.Bind(1, file_id);
  added.Step();
  return AddResult{true, again, ReadFileRow(added)};
}

EventStore::SourceKinds EventStore::Sources() {
  SourceKinds kinds;
  auto stmt = db_.Prepare("SELECT DISTINCT format FROM files");
  while (stmt.Step()) {
    const std::string format = stmt.Text(0);
    (format == EventFormatName(EventFormat::kIcews) ? kinds.icews : kinds.gdelt) = true;
  }
  return kinds;
}

NewsCoverage EventStore::NewsCoverageByDay() {
  NewsCoverage out;
  {
    auto files = db_.Prepare(
        "SELECT coalesce(sum(coverage_recorded = 0), 0), coalesce(sum(rows_stale), 0), "
        "max(report_lag_limit) FROM files");
    files.Step();
    out.files_unrecorded = files.Int(0);
    out.rows_stale = files.Int(1);
    if (!files.IsNull(2)) out.report_lag_limit = static_cast<int>(files.Int(2));
  }
  // Per day and slot width, the union of the files' slots; a day covered by formats of
  // different widths takes the better covered.
  auto stmt = db_.Prepare("SELECT day, slots_per_day, slots FROM coverage ORDER BY day");
  std::map<std::pair<Day, int>, std::bitset<kGdelt2SlotsPerDay>> unions;
  while (stmt.Step()) {
    const std::string_view blob = stmt.Blob(2);
    unions[{static_cast<Day>(stmt.Int(0)), static_cast<int>(stmt.Int(1))}] |=
        UnpackSlots(std::string(blob));
  }
  for (const auto& [key, slots] : unions) {
    const DayCoverage day{key.first, static_cast<int>(slots.count()), key.second};
    if (!out.days.empty() && out.days.back().day == day.day) {
      if (day.Fraction() > out.days.back().Fraction()) out.days.back() = day;
    } else {
      out.days.push_back(day);
    }
  }
  return out;
}

std::vector<IngestedFile> EventStore::Files() {
  std::vector<IngestedFile> files;
  auto stmt = db_.Prepare(fmt::format("SELECT {} FROM files ORDER BY id", kFileColumns));
  while (stmt.Step()) files.push_back(ReadFileRow(stmt));
  return files;
}

StoreSummary EventStore::Summary(bool count_cells) {
  StoreSummary s;
  auto f = db_.Prepare(
      "SELECT count(*), coalesce(sum(rows_rejected),0), coalesce(sum(rows_without_dyad),0), "
      "coalesce(sum(rows_duplicate),0), coalesce(max(ingested_at),'') FROM files");
  f.Step();
  s.files = f.Int(0);
  s.rejects = f.Int(1);
  s.rows_without_dyad = f.Int(2);
  s.duplicates = f.Int(3);
  s.last_ingest = f.Text(4);
  // The events and days from the world's day totals (kept equal to the cells' sums): a row per
  // day, channel and QuadClass, not a scan of every cell.
  auto w = db_.Prepare("SELECT coalesce(sum(events),0), min(day), max(day) FROM world_days");
  w.Step();
  s.events = w.Int(0);
  if (!w.IsNull(1)) {
    s.first_day = static_cast<Day>(w.Int(1));
    s.last_day = static_cast<Day>(w.Int(2));
  }
  if (count_cells) {
    auto c = db_.Prepare("SELECT count(*) FROM cells");
    c.Step();
    s.cells = c.Int(0);
  }
  return s;
}

std::vector<DyadTotal> EventStore::TopDyads(int limit) {
  std::vector<DyadTotal> out;
  auto stmt = db_.Prepare(
      "SELECT min(source, target), max(source, target), sum(events) AS n FROM cells "
      "GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?");
  stmt.Bind(1, limit);
  while (stmt.Step()) out.push_back(DyadTotal{stmt.Text(0), stmt.Text(1), stmt.Int(2)});
  return out;
}

void EventStore::UpgradeCellsToSectors() {
  // A cells table that has the columns already (a store marked older by hand) keeps its keys.
  auto info = db_.Prepare("PRAGMA table_info(cells)");
  while (info.Step())
    if (info.Text(1) == "source_sector") return;
  const int not_recorded = static_cast<int>(ActorSector::kNotRecorded);
  const std::string low_bits = std::to_string(not_recorded * 8 + not_recorded);
  bool had_index = db_.Prepare(
                          "SELECT 1 FROM sqlite_master WHERE name IN ('cells_by_dyad', "
                          "'cells_by_pair')")
                       .Step();
  db_.Exec(fmt::format(
      "DROP VIEW IF EXISTS cells_readable; "
      "ALTER TABLE cells RENAME TO cells_before_sectors; "
      "DROP INDEX IF EXISTS cells_by_dyad; DROP INDEX IF EXISTS cells_by_pair; "
      "ALTER TABLE imported_cells RENAME TO imported_cells_before_sectors; {schema} "
      "INSERT INTO cells SELECT key * 64 + {low}, day, source, target, channel, quad_class, {nr}, "
      "{nr}, events, mentions, mentions_sq, sources, articles, goldstein, goldstein_sq, "
      "goldstein_w, goldstein_w_sq, tone FROM cells_before_sectors ORDER BY key; "
      "INSERT INTO imported_cells SELECT file_id, key * 64 + {low}, events, mentions, "
      "mentions_sq, sources, articles, goldstein, goldstein_sq, goldstein_w, goldstein_w_sq, tone "
      "FROM imported_cells_before_sectors; "
      "DROP TABLE cells_before_sectors; DROP TABLE imported_cells_before_sectors;",
      fmt::arg("schema", kSchema), fmt::arg("low", low_bits), fmt::arg("nr", not_recorded)));
  if (had_index) EnsureDyadIndex();
  if (db_.Prepare("SELECT 1 FROM cells LIMIT 1").Step())
    db_.Exec("INSERT OR REPLACE INTO meta(key, value) VALUES('cells_without_sectors', '1')");
}

bool EventStore::HasCellsWithoutSectors() {
  // Set by the upgrade from schema 5 when the store held cells (a flag, not a scan of cells).
  return Meta("cells_without_sectors").value_or("0") == "1";
}

void EventStore::EnsureDyadIndex() {
  db_.Exec(fmt::format(
      "CREATE INDEX IF NOT EXISTS cells_by_pair ON cells({}); DROP INDEX IF EXISTS cells_by_dyad",
      kPairExpr));
  pair_index_.reset();
}

bool EventStore::HasPairIndex() {
  if (!pair_index_)
    pair_index_ =
        db_.Prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'cells_by_pair'")
            .Step();
  return *pair_index_;
}

void EventStore::RebuildWorldDays() {
  db_.Exec(
      "DELETE FROM world_days; INSERT INTO world_days SELECT day, channel, quad_class, "
      "sum(events), sum(mentions), sum(mentions_sq), sum(sources), sum(articles), sum(goldstein), "
      "sum(goldstein_sq), sum(goldstein_w), sum(goldstein_w_sq), sum(tone) FROM cells "
      "GROUP BY day, channel, quad_class");
}

void EventStore::ForEachWorldDay(
    Day from, Day to, const std::function<void(Day, Channel, int, const CellValues&)>& visit) {
  auto stmt = db_.Prepare(
      "SELECT day, channel, quad_class, events, mentions, mentions_sq, sources, articles, "
      "goldstein, goldstein_sq, goldstein_w, goldstein_w_sq, tone FROM world_days "
      "WHERE day >= ? AND day <= ? ORDER BY day, channel, quad_class");
  stmt.Bind(1, from).Bind(2, to);
  while (stmt.Step()) {
    visit(static_cast<Day>(stmt.Int(0)), static_cast<Channel>(stmt.Int(1)),
          static_cast<int>(stmt.Int(2)), ReadSums(stmt, 3));
  }
}

bool EventStore::FromKeptCells(Day from, Day to, const std::function<void(const Cell&)>& visit,
                               const std::vector<std::string>& countries) {
  auto in = [](const std::vector<std::string>& list, std::string_view code) {
    return std::find(list.begin(), list.end(), code) != list.end();
  };
  if (!kept_ || from < kept_->from || to > kept_->to) return false;
  for (const std::string& c : countries)
    if (!in(kept_->countries, c)) return false;
  const auto [first_key, end_key] = KeyRange(from, to);
  auto it = std::lower_bound(kept_->cells.begin(), kept_->cells.end(),
                             static_cast<std::uint64_t>(first_key),
                             [](const Cell& cell, std::uint64_t key) { return cell.key < key; });
  for (; it != kept_->cells.end() && it->key < static_cast<std::uint64_t>(end_key); ++it) {
    const CellKey k = CellKey::Unpack(it->key);
    if (in(countries, std::string_view(k.source, 3)) &&
        in(countries, std::string_view(k.target, 3)))
      visit(*it);
  }
  return true;
}

void EventStore::ForEachCell(Day from, Day to, const std::function<void(const Cell&)>& visit,
                             const std::vector<std::string>& countries) {
  if (read_only_ && !countries.empty() && FromKeptCells(from, to, visit, countries)) return;
  // The key's top bits are the day (cell.hpp), so a day range is a key range: a rowid scan, or
  // with countries a search of the dyad index for each ordered pair, bounded by the key range.
  const bool by_pair = !countries.empty() && HasPairIndex();
  std::string filter;
  if (!countries.empty()) {
    if (by_pair) {
      std::string pairs;
      for (std::size_t i = 0; i < countries.size() * countries.size(); ++i) pairs += i ? ",?" : "?";
      filter = fmt::format(" AND {} IN ({})", kPairExpr, pairs);
    } else {
      // A store whose next ingest has not made cells_by_pair yet: its (source, target, day)
      // index, which the day bounds let narrow each pair to the range.
      std::string list;
      for (std::size_t i = 0; i < countries.size(); ++i) list += i ? ",?" : "?";
      filter =
          fmt::format(" AND source IN ({0}) AND target IN ({0}) AND day >= ? AND day <= ?", list);
    }
  }
  auto stmt =
      db_.Prepare(std::string(kSelectCells) + "key >= ? AND key < ?" + filter + " ORDER BY key");
  const auto [first_key, end_key] = KeyRange(from, to);
  stmt.Bind(1, first_key).Bind(2, end_key);
  if (by_pair) {
    int at = 3;
    for (const std::string& source : countries)
      for (const std::string& target : countries) stmt.Bind(at++, PairOf(source, target));
  } else if (!countries.empty()) {
    for (std::size_t i = 0; i < countries.size(); ++i) {
      stmt.Bind(static_cast<int>(3 + i), countries[i]);
      stmt.Bind(static_cast<int>(3 + countries.size() + i), countries[i]);
    }
    stmt.Bind(static_cast<int>(3 + 2 * countries.size()), from);
    stmt.Bind(static_cast<int>(4 + 2 * countries.size()), to);
  }
  // Kept for later reads of these countries (a read-only store): see FromKeptCells.
  std::optional<KeptCells> keep;
  if (read_only_ && !countries.empty()) keep = KeptCells{from, to, countries, {}};
  Cell cell;
  while (stmt.Step()) {
    cell.key = static_cast<std::uint64_t>(stmt.Int(0));
    cell.values = ReadSums(stmt, 1);
    visit(cell);
    if (keep) {
      if (keep->cells.size() < kKeptCells)
        keep->cells.push_back(cell);
      else
        keep.reset();
    }
  }
  if (keep) kept_ = std::move(keep);
}

void EventStore::ForEachCellOfPairs(Day from, Day to,
                                    const std::vector<std::pair<std::string, std::string>>& pairs,
                                    const std::function<void(const Cell&)>& visit) {
  const bool by_pair = HasPairIndex();
  auto stmt =
      db_.Prepare(kSelectCells +
                  (by_pair ? fmt::format("{} = ? AND key >= ? AND key < ? ORDER BY key", kPairExpr)
                           : std::string("source = ? AND target = ? AND day >= ? AND day <= ? "
                                         "ORDER BY day, key")));
  const auto [first_key, end_key] = KeyRange(from, to);
  Cell cell;
  for (const auto& [source, target] : pairs) {
    stmt.Reset();
    if (by_pair) {
      stmt.Bind(1, PairOf(source, target)).Bind(2, first_key).Bind(3, end_key);
    } else {
      stmt.Bind(1, source).Bind(2, target).Bind(3, from).Bind(4, to);
    }
    while (stmt.Step()) {
      cell.key = static_cast<std::uint64_t>(stmt.Int(0));
      cell.values = ReadSums(stmt, 1);
      visit(cell);
    }
  }
}

std::optional<std::pair<Day, Day>> EventStore::Coverage() {
  auto stmt = db_.Prepare(
      "SELECT min(CASE WHEN min_date_added > 0 THEN substr(min_date_added, 1, 8) "
      "ELSE replace(min_day, '-', '') END), max(max_day) FROM files WHERE rows_accepted > 0");
  if (!stmt.Step() || stmt.IsNull(0)) return std::nullopt;
  auto first = ParseCompactDate(stmt.Text(0));
  auto last = ParseDate(stmt.Text(1));
  if (!first || !last) return std::nullopt;
  return std::make_pair(std::min(*first, *last), *last);
}

std::vector<std::pair<std::string, std::int64_t>> EventStore::RejectReasons(int limit) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  auto stmt = db_.Prepare(
      "SELECT CASE field WHEN '' THEN reason ELSE field || ': ' || reason END AS why, "
      "sum(rows) AS n FROM reject_counts GROUP BY why ORDER BY n DESC, why LIMIT ?");
  stmt.Bind(1, limit);
  while (stmt.Step()) out.emplace_back(stmt.Text(0), stmt.Int(1));
  return out;
}

std::vector<StoredReject> EventStore::RejectedRows(int limit) {
  std::vector<StoredReject> out;
  auto stmt = db_.Prepare(
      "SELECT f.path, r.line, r.field, r.reason, r.raw FROM rejects r JOIN files f "
      "ON f.id = r.file_id ORDER BY r.file_id, r.line LIMIT ?");
  stmt.Bind(1, limit);
  while (stmt.Step())
    out.push_back(
        {stmt.Text(0), RejectedRow{stmt.Int(1), stmt.Text(2), stmt.Text(3), stmt.Text(4)}});
  return out;
}

std::optional<std::string> EventStore::Meta(const std::string& key) {
  auto stmt = db_.Prepare("SELECT value FROM meta WHERE key = ?");
  stmt.Bind(1, key);
  if (!stmt.Step()) return std::nullopt;
  return stmt.Text(0);
}

void EventStore::SetMeta(const std::vector<std::pair<std::string, std::string>>& values) {
  Transaction tx(&db_);
  auto stmt = db_.Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
  for (const auto& [key, value] : values) {
    stmt.Bind(1, key).Bind(2, value).Run();
  }
  tx.Commit();
}

void EventStore::LogRun(const std::string& command, const std::string& started_at, int added,
                        int skipped, int failed, std::int64_t rejects) {
  db_.Prepare(
         "INSERT INTO runs(started_at, finished_at, command, triad_version, files_added, "
         "files_skipped, files_failed, rejects) VALUES(?,?,?,?,?,?,?,?)")
      .Bind(1, started_at)
      .Bind(2, UtcNow())
      .Bind(3, command)
      .Bind(4, std::string_view(TRIAD_VERSION_STRING))
      .Bind(5, added)
      .Bind(6, skipped)
      .Bind(7, failed)
      .Bind(8, rejects)
      .Run();
}

}  // namespace triad
