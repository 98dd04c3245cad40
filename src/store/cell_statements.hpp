#pragma once
// The statements that add cells to the store, shared by event-file ingests (event_store.cpp) and
// cell imports (cell_import.cpp): a cell's ten sums are added to the stored cell of its key, and
// the day's world totals (world_days) move with them.
#include <cstdint>

#include "aggregate/cell.hpp"
#include "store/sqlite.hpp"

namespace triad {

// INSERT ... ON CONFLICT(key) DO UPDATE: 18 parameters (key, day, source, target, channel,
// quad_class, source_sector, target_sector, then the ten sums).
extern const char* const kUpsertCellSql;
// The same INSERT without the conflict clause, for cells going into an empty table in key order:
// SQLite then appends to full pages (the upsert's lookup splits them half full), a third less
// work for the insert and for building the dyad index after it.
extern const char* const kInsertCellSql;
// The same for world_days: 13 parameters (day, channel, quad_class, then the ten sums).
extern const char* const kUpsertWorldDaySql;

// Binds the ten sums of `v` to parameters first .. first + 9, in the tables' column order.
Statement& BindSums(Statement& stmt, int first, const CellValues& v);

// The ten sums from result columns first .. first + 9, in the tables' column order.
CellValues ReadSums(const Statement& stmt, int first);

// Runs kUpsertCellSql (or kInsertCellSql) for one cell.
void UpsertCell(Statement& upsert, std::uint64_t key, const CellValues& v);

}  // namespace triad
