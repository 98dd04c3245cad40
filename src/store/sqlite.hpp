#pragma once
// A thin RAII layer over SQLite's C API: every failure becomes a triad::Error (kind kStore)
// naming the database file and SQLite's message. A Database is used by one thread at a time
// (SQLite's multi-thread mode); callers that share one across threads lock around it.
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace triad {

class Statement;

// How a Database is opened. kRead opens the file read-only and holds one read transaction for
// the connection's whole life, so everything a command reads is one consistent snapshot however
// many ingests commit meanwhile; it works on a read-only file or directory (a WAL store
// included: where SQLite cannot make the WAL's shared-memory file, the store is opened as
// immutable, safe there because nothing can write it either).
enum class OpenMode { kRead, kWrite, kCreate };

class Database {
 public:
  Database(const std::string& path, OpenMode mode);
  // Opens (and with create, creates) the database file for writing.
  Database(const std::string& path, bool create)
      : Database(path, create ? OpenMode::kCreate : OpenMode::kWrite) {}
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void Exec(const std::string& sql);
  // A compiled statement: one prepared before with the same text and since finished is reused
  // (an ingest of many small files runs the same dozen statements for each file, and compiling
  // them cost about as much as running them).
  Statement Prepare(std::string_view sql);
  // Takes back a statement its Statement is done with: reset, for the next Prepare of its text.
  void Release(sqlite3_stmt* stmt);
  std::int64_t LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }
  [[noreturn]] void Fail(const std::string& what) const;

 private:
  static int WaitWhileBusy(void* self, int attempt);
  int Open(const std::string& name, int flags);
  // Starts the read transaction of kRead; false when SQLite cannot read the file this way.
  bool BeginSnapshot();
  sqlite3* db_ = nullptr;
  std::string path_;
  int busy_ms_ = 0;  // milliseconds waited so far for the lock another process holds
  std::unordered_map<std::string, sqlite3_stmt*> finished_;  // by SQL text, for Prepare
  bool said_waiting_ = false;
};

class Statement {
 public:
  Statement(Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
  }
  ~Statement() {
    if (stmt_) db_->Release(stmt_);
  }

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view text);
  Statement& BindBlob(int index, const void* data, std::size_t size);
  Statement& BindNull(int index);
  // Steps once: true when a row is available.
  bool Step();
  // Steps to completion and resets, for statements that return no rows.
  void Run();
  void Reset();

  std::int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const { return sqlite3_column_double(stmt_, column); }
  bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::string Text(int column) const;
  std::string_view Blob(int column) const;

 private:
  Database* db_;
  sqlite3_stmt* stmt_;
};

// Commits on Commit(); rolls back if destroyed before (an exception unwinds through it). Inside
// another transaction (an ingest committing several files at once) it is a savepoint: Commit
// keeps its changes for the outer transaction to commit, and destruction before Commit takes
// back its own changes only, so each file stays all-or-nothing within a group commit.
class Transaction {
 public:
  explicit Transaction(Database* db);
  ~Transaction();
  void Commit();

 private:
  Database* db_;
  bool nested_ = false;
  bool done_ = false;
};

}  // namespace triad
