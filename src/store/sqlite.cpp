#include "store/sqlite.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <iterator>

#include "common/error.hpp"

namespace triad {

namespace {

// A file path as an SQLite URI ("file:" + path with %, ?, # percent-encoded).
std::string FileUri(const std::string& path, const char* query) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#')
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    else
      uri += c;
  }
  return uri + query;
}

}  // namespace

Database::Database(const std::string& path, OpenMode mode) : path_(path) {
  int rc;
  if (mode == OpenMode::kRead) {
    rc = Open(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
    if (rc == SQLITE_OK && !BeginSnapshot()) {
      // A WAL store in a directory this process cannot write (a read-only mount): SQLite cannot
      // make the shared-memory file. Nothing can write such a store, so read it as immutable.
      sqlite3_close(db_);
      db_ = nullptr;
      // An immutable open would not read the write-ahead log: commits still in it would be
      // missed without a word. Such a store must be opened once where it can be written.
      std::error_code ec;
      if (std::filesystem::file_size(path + "-wal", ec) > 0 && !ec)
        ThrowStore(fmt::format(
            "{}: the store is read-only here and its last commits are still in {}-wal, which "
            "only a writable open folds in: where the directory is writable, run "
            "`sqlite3 {} 'PRAGMA wal_checkpoint(TRUNCATE)'` (or any triad ingest into it)",
            path, path, path));
      rc = Open(FileUri(path, "?immutable=1"),
                SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI);
      if (rc == SQLITE_OK && !BeginSnapshot()) Fail("cannot read the store");
    }
  } else {
    rc = Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                        (mode == OpenMode::kCreate ? SQLITE_OPEN_CREATE : 0));
  }
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    ThrowStore(fmt::format(
        "{}: cannot open the store: {}{}", path, message,
        mode == OpenMode::kCreate ? "" : " (run 'triad ingest' first, or give --store)"));
  }
}

int Database::Open(const std::string& name, int flags) {
  // Before SQLite's first use: no memory statistics, which would take a global mutex at every
  // allocation (a few percent of a bulk insert). Later calls are refused by SQLite, harmlessly.
  static const int no_memstatus = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)no_memstatus;
  int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) return rc;
  sqlite3_busy_handler(db_, &Database::WaitWhileBusy, this);
  sqlite3_extended_result_codes(db_, 1);
  return rc;
}

bool Database::BeginSnapshot() {
  // In WAL mode a read transaction takes its snapshot at its first read, and keeps it until it
  // ends: the connection never ends it, so every later query sees the same commit.
  if (sqlite3_exec(db_, "BEGIN; SELECT count(*) FROM sqlite_master;", nullptr, nullptr, nullptr) ==
      SQLITE_OK)
    return true;
  const int rc = sqlite3_extended_errcode(db_) & 0xff;
  if (rc != SQLITE_CANTOPEN && rc != SQLITE_READONLY) Fail("cannot read the store");
  return false;
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
  for (auto& [sql, stmt] : finished_) sqlite3_finalize(stmt);
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
  if (auto found = finished_.find(std::string(sql)); found != finished_.end()) {
    sqlite3_stmt* stmt = found->second;
    finished_.erase(found);
    return Statement(this, stmt);
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK)
    Fail(fmt::format("cannot prepare '{}'", sql.substr(0, 60)));
  return Statement(this, stmt);
}

void Database::Release(sqlite3_stmt* stmt) {
  // A bounded number kept: statements made from values (rare) do not pile up.
  constexpr std::size_t kKept = 64;
  const char* sql = sqlite3_sql(stmt);
  if (!sql || finished_.size() >= kKept || finished_.count(sql)) {
    sqlite3_finalize(stmt);
    return;
  }
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  finished_.emplace(sql, stmt);
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

Transaction::Transaction(Database* db)
    : db_(db), nested_(sqlite3_get_autocommit(db->handle()) == 0) {
  db_->Exec(nested_ ? "SAVEPOINT triad_nested" : "BEGIN IMMEDIATE");
}
Transaction::~Transaction() {
  if (done_) return;
  sqlite3_exec(db_->handle(),
               nested_ ? "ROLLBACK TO triad_nested; RELEASE triad_nested" : "ROLLBACK", nullptr,
               nullptr, nullptr);
}
void Transaction::Commit() {
  db_->Exec(nested_ ? "RELEASE triad_nested" : "COMMIT");
  done_ = true;
}

}  // namespace triad
