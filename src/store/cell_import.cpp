#include "store/cell_import.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "common/error.hpp"
#include "store/cell_statements.hpp"

namespace triad {
namespace {

constexpr const char* kCellsFormat = "cells";

std::int64_t AsYmd(Day day) {  // 20250515, like DATEADDED's day
  int y = 0, m = 0, d = 0;
  YmdFromDay(day, &y, &m, &d);
  return std::int64_t{y} * 10000 + m * 100 + d;
}

std::int64_t DayKey(Day day) {  // the first cell key of a day (cell.hpp: the day is the top bits)
  return static_cast<std::int64_t>(CellKey::PackParts(day, "AAA", "AAA", Channel::kDiplomatic, 0));
}

// Takes an earlier import's own cells out of the store's cells, then the import itself.
void TakeOut(Database& db, std::int64_t file_id) {
  db.Prepare(
        "UPDATE cells SET events = cells.events - i.events, mentions = cells.mentions - "
        "i.mentions, mentions_sq = cells.mentions_sq - i.mentions_sq, sources = cells.sources - "
        "i.sources, articles = cells.articles - i.articles, goldstein = cells.goldstein - "
        "i.goldstein, goldstein_sq = cells.goldstein_sq - i.goldstein_sq, goldstein_w = "
        "cells.goldstein_w - i.goldstein_w, goldstein_w_sq = cells.goldstein_w_sq - "
        "i.goldstein_w_sq, tone = cells.tone - i.tone FROM imported_cells i "
        "WHERE i.file_id = ? AND i.key = cells.key")
      .Bind(1, file_id)
      .Run();
  db.Prepare(
        "DELETE FROM cells WHERE events <= 0 AND key IN (SELECT key FROM imported_cells WHERE "
        "file_id = ?)")
      .Bind(1, file_id)
      .Run();
  db.Prepare("DELETE FROM files WHERE id = ?").Bind(1, file_id).Run();  // cascades
}

}  // namespace

CellImportResult ImportCells(EventStore& store, const CellImport& im, bool replace) {
  const std::string& first_input = im.inputs.empty() ? std::string() : im.inputs.front();
  if (im.news.empty())
    ThrowInput(Location{first_input, 0, "channel"},
               "the result holds no news rows (channel 'news'), so the news days it covers are "
               "not known: import the whole result of `triad sql` (every file of its export)");
  CellImportResult result;
  result.first_news_day = im.news.front().day;
  result.last_news_day = im.news.back().day;
  const std::string range =
      fmt::format("{}..{}", FormatDate(result.first_news_day), FormatDate(result.last_news_day));
  Database& db = store.db();
  Transaction txn(&db);
  {
    auto same = db.Prepare("SELECT id FROM files WHERE content_hash = ?");
    same.Bind(1, im.content_hash);
    if (same.Step()) {
      result.file_id = same.Int(0);
      return result;
    }
  }
  // Earlier imports of these news days: replaced when within them, refused when reaching beyond.
  std::vector<std::int64_t> earlier;
  {
    auto stmt = db.Prepare(
        "SELECT f.id, f.path, c.first_news_day, c.last_news_day FROM cell_imports c JOIN files f "
        "ON f.id = c.file_id WHERE c.last_news_day >= ? AND c.first_news_day <= ? ORDER BY f.id");
    stmt.Bind(1, result.first_news_day).Bind(2, result.last_news_day);
    while (stmt.Step()) {
      const Day first = static_cast<Day>(stmt.Int(2)), last = static_cast<Day>(stmt.Int(3));
      if (first < result.first_news_day || last > result.last_news_day)
        ThrowInput(
            Location{first_input, 0, ""},
            fmt::format("these cells cover news days {}, and an earlier import ({}) covers news "
                        "days {}..{}, partly outside them; an import replaces earlier ones only "
                        "whole: import a result whose news days include {}..{} (run `triad sql` "
                        "with --from {} --to {} or wider); nothing was changed",
                        range, stmt.Text(1), FormatDate(first), FormatDate(last), FormatDate(first),
                        FormatDate(last), FormatDate(std::min(first, result.first_news_day)),
                        FormatDate(std::max(last, result.last_news_day))));
      earlier.push_back(stmt.Int(0));
      result.replaced.push_back(stmt.Text(1));
    }
  }
  // News days the store holds from event files.
  {
    auto stmt = db.Prepare(
        "SELECT f.path, min(c.day), max(c.day) FROM coverage c JOIN files f ON f.id = c.file_id "
        "WHERE f.format <> ? AND c.day BETWEEN ? AND ? GROUP BY f.id ORDER BY f.id LIMIT 1");
    stmt.Bind(1, std::string_view(kCellsFormat))
        .Bind(2, result.first_news_day)
        .Bind(3, result.last_news_day);
    std::string clash;
    if (stmt.Step())
      clash = fmt::format("{} (news days {}..{})", stmt.Text(0),
                          FormatDate(static_cast<Day>(stmt.Int(1))),
                          FormatDate(static_cast<Day>(stmt.Int(2))));
    auto unrecorded = db.Prepare(
        "SELECT path, min_day, max_day FROM files WHERE format <> ? AND coverage_recorded = 0 "
        "AND rows_accepted > 0 AND max_day >= ? AND min_day <= ? ORDER BY id LIMIT 1");
    unrecorded.Bind(1, std::string_view(kCellsFormat))
        .Bind(2, FormatDate(result.first_news_day))
        .Bind(3, FormatDate(result.last_news_day));
    if (clash.empty() && unrecorded.Step())
      clash = fmt::format("{} (events of {}..{})", unrecorded.Text(0), unrecorded.Text(1),
                          unrecorded.Text(2));
    if (!clash.empty() && !replace)
      ThrowInput(
          Location{first_input, 0, ""},
          fmt::format(
              "these cells cover news days {}, which the store already holds from event files, "
              "first {}. The query's cells are counted from the same GDELT events, so adding "
              "them would count those events twice. Import into a store without those days, "
              "or pass --replace to delete every stored cell of the days these cells cover "
              "before adding them (the event files' cells of those days are then gone); "
              "nothing was changed",
              range, clash));
    if (!clash.empty() && !im.cells.empty()) {
      const Day first = CellKey::Unpack(im.cells.begin()->first).day;
      const Day last = CellKey::Unpack(im.cells.rbegin()->first).day;
      auto count = db.Prepare("SELECT count(*) FROM cells WHERE key >= ? AND key < ?");
      count.Bind(1, DayKey(first)).Bind(2, DayKey(last + 1));
      count.Step();
      result.cells_cleared = count.Int(0);
      for (const char* table : {"cells", "imported_cells"})
        db.Prepare(fmt::format("DELETE FROM {} WHERE key >= ? AND key < ?", table))
            .Bind(1, DayKey(first))
            .Bind(2, DayKey(last + 1))
            .Run();
    }
  }
  for (std::int64_t id : earlier) TakeOut(db, id);

  std::int64_t events = 0;
  for (const auto& [key, v] : im.cells) events += v.events;
  auto insert_file = db.Prepare(
      "INSERT INTO files(path, name, size, mtime, content_hash, format, rows_read, rows_accepted, "
      "rows_without_dyad, rows_rejected, rows_duplicate, min_event_key, max_event_key, min_day, "
      "max_day, min_date_added, max_date_added, seconds, ingested_at, triad_version, rows_stale, "
      "report_lag_limit, coverage_recorded) "
      "VALUES(?,?,?,?,?,?,?,?,0,0,0,NULL,NULL,?,?,?,?,0,?,?,0,NULL,1)");
  insert_file.Bind(1, first_input)
      .Bind(2, std::filesystem::path(first_input).filename().string())
      .Bind(3, im.bytes)
      .Bind(4, im.mtime)
      .Bind(5, im.content_hash)
      .Bind(6, std::string_view(kCellsFormat))
      .Bind(7, events)  // the manifest counts events (rows of the query's input), not cells
      .Bind(8, events);
  if (im.cells.empty()) {
    insert_file.BindNull(9).BindNull(10);
  } else {
    insert_file.Bind(9, FormatDate(CellKey::Unpack(im.cells.begin()->first).day))
        .Bind(10, FormatDate(CellKey::Unpack(im.cells.rbegin()->first).day));
  }
  insert_file.Bind(11, AsYmd(result.first_news_day))
      .Bind(12, AsYmd(result.last_news_day))
      .Bind(13, UtcNow())
      .Bind(14, std::string_view(TRIAD_VERSION_STRING))
      .Run();
  result.file_id = db.LastInsertRowId();

  std::string inputs;
  for (const std::string& path : im.inputs) inputs += (inputs.empty() ? "" : "\n") + path;
  auto insert_import = db.Prepare(
      "INSERT INTO cell_imports(file_id, first_news_day, last_news_day, inputs, query_hash, query) "
      "VALUES(?,?,?,?,?,?)");
  insert_import.Bind(1, result.file_id)
      .Bind(2, result.first_news_day)
      .Bind(3, result.last_news_day)
      .Bind(4, inputs);
  if (im.query.empty())
    insert_import.BindNull(5).BindNull(6);
  else
    insert_import.Bind(5, im.query_hash).Bind(6, im.query);
  insert_import.Run();

  auto insert_coverage =
      db.Prepare("INSERT INTO coverage(file_id, day, slots_per_day, slots) VALUES(?,?,?,?)");
  for (const DaySlots& d : im.news) {
    const std::string bytes = PackSlots(d.slots);
    insert_coverage.Bind(1, result.file_id)
        .Bind(2, d.day)
        .Bind(3, im.slots_per_day)
        .BindBlob(4, bytes.data(), bytes.size())
        .Run();
  }

  auto own = db.Prepare(
      "INSERT INTO imported_cells(file_id, key, events, mentions, mentions_sq, sources, articles, "
      "goldstein, goldstein_sq, goldstein_w, goldstein_w_sq, tone) "
      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
  auto upsert = db.Prepare(kUpsertCellSql);
  for (const auto& [key, v] : im.cells) {
    own.Bind(1, result.file_id).Bind(2, static_cast<std::int64_t>(key));
    BindSums(own, 3, v).Run();
    UpsertCell(upsert, key, v);
  }
  store.RebuildWorldDays();  // imports add and take cells out of any days: the world's totals again
  txn.Commit();
  result.added = true;
  return result;
}

void CheckNotImportedAsCells(Database& db, std::int64_t min_added, std::int64_t max_added,
                             const std::string& path) {
  if (min_added <= 0) return;
  auto day = [](std::int64_t added) {
    const std::int64_t ymd = added > 99'999'999 ? added / 1'000'000 : added;
    return DayFromYmd(static_cast<int>(ymd / 10000), static_cast<int>(ymd / 100 % 100),
                      static_cast<int>(ymd % 100));
  };
  const std::optional<Day> first = day(min_added), last = day(max_added);
  if (!first || !last) return;
  auto stmt = db.Prepare(
      "SELECT f.path, c.first_news_day, c.last_news_day FROM cell_imports c JOIN files f ON "
      "f.id = c.file_id WHERE c.last_news_day >= ? AND c.first_news_day <= ? ORDER BY f.id "
      "LIMIT 1");
  stmt.Bind(1, *first).Bind(2, *last);
  if (!stmt.Step()) return;
  ThrowInput(
      Location{path, 0, "DATEADDED"},
      fmt::format("events added {}..{}, but the store holds cells imported from a query "
                  "for news days {}..{} ({}): the same events would count twice. Ingest "
                  "into another store, or import those days' cells again with "
                  "`triad sql` over these files",
                  FormatDate(*first), FormatDate(*last), FormatDate(static_cast<Day>(stmt.Int(1))),
                  FormatDate(static_cast<Day>(stmt.Int(2))), stmt.Text(0)));
}

}  // namespace triad
