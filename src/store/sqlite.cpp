#include "store/sqlite.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <iterator>

#include "common/error.hpp"

namespace triad {

Database::Database(const std::string& path, bool create) : path_(path) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    ThrowStore(fmt::format("{}: cannot open the store: {}{}", path, message,
                           create ? "" : " (run 'triad ingest' first, or give --store)"));
  }
  sqlite3_busy_handler(db_, &Database::WaitWhileBusy, this);
  sqlite3_extended_result_codes(db_, 1);
}

int Database::WaitWhileBusy(void* self, int attempt) {
  // Another process holds the write lock (another ingest committing a file). Wait for it however
  // long it takes, rather than fail with "database is locked": its commit ends, or its process
  // dies and the lock goes with it. Say so once, after a second, so that a wait is not a hang.
  auto* db = static_cast<Database*>(self);
  if (attempt == 0) db->busy_ms_ = 0;
  // Short sleeps first (most commits are short), as SQLite's own busy timeout does.
  static constexpr int kDelays[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
  constexpr int kCount = static_cast<int>(std::size(kDelays));
  const int ms = attempt < kCount ? kDelays[attempt] : 100;
  db->busy_ms_ += ms;
  if (db->busy_ms_ >= 1000 && !db->said_waiting_) {
    db->said_waiting_ = true;
    std::fprintf(stderr, "triad: waiting for another ingest into %s to finish its commit\n",
                 db->path_.c_str());
  }
  sqlite3_sleep(ms);
  return 1;
}

Database::~Database() {
  sqlite3_close(db_);
}

void Database::Fail(const std::string& what) const {
  ThrowStore(fmt::format("{}: {}: {}", path_, what, sqlite3_errmsg(db_)));
}

void Database::Exec(const std::string& sql) {
  char* error = nullptr;
  int rc = SQLITE_OK;
  // Some locks are not waited for by the busy handler: switching a new store to WAL while another
  // process opens it returns SQLITE_BUSY at once. Outside a transaction a retry is safe (and
  // cannot deadlock: this connection holds no lock another waits for).
  for (int attempt = 0;; ++attempt) {
    rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    if ((rc & 0xff) != SQLITE_BUSY || !sqlite3_get_autocommit(db_)) break;
    sqlite3_free(error);
    error = nullptr;
    WaitWhileBusy(this, attempt);
  }
  if (rc != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    ThrowStore(fmt::format("{}: {}", path_, message));
  }
}

Statement Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK)
    Fail(fmt::format("cannot prepare '{}'", sql.substr(0, 60)));
  return Statement(this, stmt);
}

Statement& Statement::Bind(int i, std::int64_t v) {
  if (sqlite3_bind_int64(stmt_, i, v) != SQLITE_OK) db_->Fail("bind");
  return *this;
}
Statement& Statement::Bind(int i, double v) {
  if (sqlite3_bind_double(stmt_, i, v) != SQLITE_OK) db_->Fail("bind");
  return *this;
}
Statement& Statement::Bind(int i, std::string_view v) {
  if (sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT) !=
      SQLITE_OK)
    db_->Fail("bind");
  return *this;
}
Statement& Statement::BindBlob(int i, const void* data, std::size_t size) {
  if (sqlite3_bind_blob64(stmt_, i, data, size, SQLITE_TRANSIENT) != SQLITE_OK) db_->Fail("bind");
  return *this;
}
Statement& Statement::BindNull(int i) {
  if (sqlite3_bind_null(stmt_, i) != SQLITE_OK) db_->Fail("bind");
  return *this;
}

bool Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_->Fail("query failed");
}

void Statement::Run() {
  while (Step()) {
  }
  Reset();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  return text ? std::string(reinterpret_cast<const char*>(text),
                            static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
              : std::string();
}

std::string_view Statement::Blob(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  return data ? std::string_view(static_cast<const char*>(data),
                                 static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
              : std::string_view();
}

Transaction::Transaction(Database* db) : db_(db) {
  db_->Exec("BEGIN IMMEDIATE");
}
Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}
void Transaction::Commit() {
  db_->Exec("COMMIT");
  done_ = true;
}

}  // namespace triad
