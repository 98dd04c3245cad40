#include "cli/ingest_one.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <tuple>
#include <vector>

#include "common/error.hpp"

namespace triad::cli {
namespace {

// The threads that aggregate files ahead, kept for the process's life: one started per file (as
// std::async does) maps and unmaps a stack and faults in fresh memory for each 15-minute zip. A
// thread is added when every one is busy; callers bound the files in flight (RunIngest: cores+1).
class AheadThreads {
 public:
  static AheadThreads& Get() {
    static AheadThreads threads;
    return threads;
  }
  // Runs `job` on an idle thread (or a new one: std::system_error when none can be started).
  template <class Job>
  auto Run(Job job) -> std::future<decltype(job())> {
    auto task = std::make_shared<std::packaged_task<decltype(job())()>>(std::move(job));
    auto future = task->get_future();
    std::lock_guard lock(mutex_);
    if (idle_ == 0)
      threads_.emplace_back([this] { Work(); });  // reserved for this job: idle_ stays
    else
      --idle_;
    queue_.push_back([task] { (*task)(); });
    wake_.notify_one();
    return future;
  }
  ~AheadThreads() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_) t.join();
  }

 private:
  void Work() {
    std::unique_lock lock(mutex_);
    while (true) {
      wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) return;
      auto job = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      job();  // a packaged_task: its exception goes to the future
      lock.lock();
      ++idle_;
    }
  }
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> threads_;
  int idle_ = 0;  // threads neither running nor reserved for a queued job
  bool stop_ = false;
};

}  // namespace

FileOnDisk StatFile(const std::string& path) {
  struct stat st {};
  FileOnDisk f;
  f.path = std::filesystem::absolute(path).lexically_normal().string();
  if (::stat(path.c_str(), &st) == 0) {
    f.size = st.st_size;
    f.mtime = st.st_mtim.tv_sec;
  }
  return f;
}

std::string_view IngestStatusName(IngestStatus status) {
  switch (status) {
    case IngestStatus::kAdded:
      return "added";
    case IngestStatus::kUnchanged:
      return "unchanged";
    case IngestStatus::kSameContent:
      return "same-content";
    default:
      return "failed";
  }
}

StoredEvents SnapshotStoredEvents(EventStore& store) {
  StoredEvents out;
  out.keys_mark = store.KeysMark();
  auto seen = std::make_shared<std::map<IdFamily, std::unique_ptr<SeenEvents>>>();
  for (IdFamily family : {IdFamily::kGdelt1, IdFamily::kGdelt2, IdFamily::kIcews})
    (*seen)[family] = store.SeenEventsOf(family);
  out.seen = std::move(seen);
  return out;
}

const StoredEvents& CommitBatch::Stored() {
  if (!stored_) stored_ = SnapshotStoredEvents(store_);
  return *stored_;
}

void CommitBatch::Begin() {
  Stored();  // before BEGIN: never inside the batch
  // Each file of a batch is a savepoint, whose journal (the pages as they were before the file)
  // would otherwise go to a temporary file page by page: kept in memory instead.
  if (!temp_in_memory_) store_.db().Exec("PRAGMA temp_store=MEMORY");
  temp_in_memory_ = true;
  txn_.emplace(&store_.db());
  files_ = 0;
  bytes_ = 0;
  begun_ = std::chrono::steady_clock::now();
}

void CommitBatch::Commit() {
  if (!txn_) return;
  const int files = files_;
  const std::string first = first_path_, last = last_path_;
  files_ = 0;
  bytes_ = 0;
  first_path_.clear();
  last_path_.clear();
  stored_.reset();
  try {
    txn_->Commit();
  } catch (const Error& e) {
    txn_.reset();  // rolled back
    if (e.kind() != ErrorKind::kStore || files == 0) throw;
    const std::string which =
        files == 1 ? fmt::format("the file being written ({}) was", first)
                   : fmt::format("the {} files being written ({} .. {}) were", files, first, last);
    ThrowStore(fmt::format(
        "{}: {} not stored, and no later file was read (none of their events is in the store; "
        "everything stored before is intact). Once the store can be written again (free disk "
        "space), run the same command again: the files already stored are skipped",
        e.what(), which));
  }
  txn_.reset();
}

double CommitBatch::Seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - begun_).count();
}

PendingIngest StartIngest(EventStore& store, const std::string& path,
                          const AggregateOptions& options, bool check_unchanged, bool ahead,
                          const StoredEvents* stored) {
  PendingIngest p;
  p.path = path;
  p.disk = StatFile(path);
  if (check_unchanged) p.unchanged = store.FindUnchanged(p.disk);
  if (p.unchanged || !ahead) return p;
  // The stored events as of now (or of `stored`); keys committed later (the files before this
  // one) are caught by AddFile through the mark, which aggregates the file again if they overlap.
  const StoredEvents now = stored ? *stored : SnapshotStoredEvents(store);
  p.keys_mark = now.keys_mark;
  auto seen = now.seen;
  AggregateOptions one = options;
  one.threads = 1;
  one.progress = nullptr;
  p.aggregate = AheadThreads::Get().Run([path, seen, one] {
    auto start = std::chrono::steady_clock::now();
    FileAggregate a = AggregateFile(
        path, [&](EventFormat format) { return seen->at(IdFamilyOf(format)).get(); }, one);
    return std::make_pair(
        std::move(a),
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  });
  return p;
}

IngestOneResult FinishIngest(EventStore& store, PendingIngest& pending,
                             const AggregateOptions& options,
                             const std::function<void()>& reaggregating, CommitBatch* batch) {
  IngestOneResult out;
  if (pending.unchanged) {
    out.status = IngestStatus::kUnchanged;
    out.file = *pending.unchanged;
    return out;
  }
  // Aggregates the file against the events stored now (no event counted twice).
  auto aggregate_file = [&] {
    std::unique_ptr<SeenEvents> seen;
    return AggregateFile(
        pending.path,
        [&](EventFormat format) {
          seen = store.SeenEventsOf(IdFamilyOf(format));
          return seen.get();
        },
        options);
  };
  try {
    FileAggregate aggregate;
    double seconds = 0;
    std::int64_t keys_mark = pending.keys_mark;
    if (pending.aggregate.valid()) {
      std::tie(aggregate, seconds) = pending.aggregate.get();
    } else {
      auto start = std::chrono::steady_clock::now();
      keys_mark = store.KeysMark();
      aggregate = aggregate_file();
      seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    auto commit_start = std::chrono::steady_clock::now();
    auto result = store.AddFile(aggregate, pending.disk, seconds, keys_mark, [&] {
      if (batch && batch->open() && batch->files() > 0) throw BatchMustCommitFirst{};
      if (reaggregating) reaggregating();
      return aggregate_file();
    });
    out.commit_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - commit_start).count();
    out.file = result.file;
    if (!result.added) {
      out.status = IngestStatus::kSameContent;
      return out;
    }
    out.status = IngestStatus::kAdded;
    if (batch && batch->open()) batch->FileAdded(pending.path, aggregate.content_bytes);
    out.cells = static_cast<std::int64_t>(aggregate.cells.size());
    out.content_bytes = aggregate.content_bytes;
    if (!aggregate.rejects.empty()) {
      out.first_reject = aggregate.rejects.front();
      const RejectedRow& r = aggregate.rejects.front();
      out.error =
          fmt::format("{} rows rejected, first at line {} ({}{})", result.file.rows_rejected,
                      r.line, r.field.empty() ? "" : r.field + ": ", r.reason);
    }
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::kStore) throw;
    out.status = IngestStatus::kFailed;
    out.error = e.what();
  }
  return out;
}

IngestOneResult FinishInBatch(EventStore& store, PendingIngest& pending,
                              const AggregateOptions& options, CommitBatch& batch,
                              const std::function<void()>& commit_batch,
                              const std::function<void()>& reaggregating) {
  if (pending.aggregate.valid() && !batch.open()) batch.Begin();
  try {
    return FinishIngest(store, pending, options, reaggregating, &batch);
  } catch (const BatchMustCommitFirst&) {
    // Some of its events were stored since its aggregation began: it is read again against the
    // committed store.
    commit_batch();
    return FinishIngest(store, pending, options, reaggregating);
  }
}

IngestOneResult IngestOneFile(EventStore& store, const std::string& path,
                              const AggregateOptions& options) {
  PendingIngest pending = StartIngest(store, path, options, /*check_unchanged=*/true,
                                      /*ahead=*/false);
  return FinishIngest(store, pending, options);
}

}  // namespace triad::cli
