#include "store/cell_statements.hpp"

#include <string_view>

namespace triad {

#define TRIAD_ADD_SUMS                                                                       \
  "events = events + excluded.events, mentions = mentions + excluded.mentions, "             \
  "mentions_sq = mentions_sq + excluded.mentions_sq, sources = sources + excluded.sources, " \
  "articles = articles + excluded.articles, goldstein = goldstein + excluded.goldstein, "    \
  "goldstein_sq = goldstein_sq + excluded.goldstein_sq, "                                    \
  "goldstein_w = goldstein_w + excluded.goldstein_w, "                                       \
  "goldstein_w_sq = goldstein_w_sq + excluded.goldstein_w_sq, tone = tone + excluded.tone"

#define TRIAD_INSERT_CELL                                                                      \
  "INSERT INTO cells(key, day, source, target, channel, quad_class, source_sector, "           \
  "target_sector, events, mentions, mentions_sq, sources, articles, goldstein, goldstein_sq, " \
  "goldstein_w, goldstein_w_sq, tone) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"

const char* const kUpsertCellSql =
    TRIAD_INSERT_CELL " ON CONFLICT(key) DO UPDATE SET " TRIAD_ADD_SUMS;
const char* const kInsertCellSql = TRIAD_INSERT_CELL;

const char* const kUpsertWorldDaySql =
    "INSERT INTO world_days(day, channel, quad_class, events, mentions, mentions_sq, sources, "
    "articles, goldstein, goldstein_sq, goldstein_w, goldstein_w_sq, tone) "
    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(day, channel, quad_class) DO UPDATE "
    "SET " TRIAD_ADD_SUMS;

#undef TRIAD_ADD_SUMS
#undef TRIAD_INSERT_CELL

Statement& BindSums(Statement& stmt, int first, const CellValues& v) {
  return stmt.Bind(first, v.events)
      .Bind(first + 1, v.mentions)
      .Bind(first + 2, v.mentions_sq)
      .Bind(first + 3, v.sources)
      .Bind(first + 4, v.articles)
      .Bind(first + 5, v.goldstein)
      .Bind(first + 6, v.goldstein_sq)
      .Bind(first + 7, v.goldstein_w)
      .Bind(first + 8, v.goldstein_w_sq)
      .Bind(first + 9, v.tone);
}

CellValues ReadSums(const Statement& stmt, int first) {
  CellValues v;
  v.events = stmt.Int(first);
  v.mentions = stmt.Int(first + 1);
  v.mentions_sq = stmt.Int(first + 2);
  v.sources = stmt.Int(first + 3);
  v.articles = stmt.Int(first + 4);
  v.goldstein = stmt.Int(first + 5);
  v.goldstein_sq = stmt.Int(first + 6);
  v.goldstein_w = stmt.Int(first + 7);
  v.goldstein_w_sq = stmt.Int(first + 8);
  v.tone = stmt.Int(first + 9);
  return v;
}

void UpsertCell(Statement& upsert, std::uint64_t key, const CellValues& v) {
  const CellKey k = CellKey::Unpack(key);
  upsert.Bind(1, static_cast<std::int64_t>(key))
      .Bind(2, k.day)
      .Bind(3, std::string_view(k.source, 3))
      .Bind(4, std::string_view(k.target, 3))
      .Bind(5, static_cast<int>(k.channel))
      .Bind(6, k.quad_class)
      .Bind(7, static_cast<int>(k.source_sector))
      .Bind(8, static_cast<int>(k.target_sector));
  BindSums(upsert, 9, v).Run();
}

}  // namespace triad
