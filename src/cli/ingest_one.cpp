#include "cli/ingest_one.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <tuple>

#include "common/error.hpp"

namespace triad::cli {

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

PendingIngest StartIngest(EventStore& store, const std::string& path,
                          const AggregateOptions& options, bool check_unchanged, bool ahead) {
  PendingIngest p;
  p.path = path;
  p.disk = StatFile(path);
  if (check_unchanged) p.unchanged = store.FindUnchanged(p.disk);
  if (p.unchanged || !ahead) return p;
  // The stored events as of now; keys committed later (the files before this one) are caught by
  // AddFile through the mark, which aggregates the file again if they overlap.
  p.keys_mark = store.KeysMark();
  auto seen = std::make_shared<std::map<IdFamily, std::unique_ptr<SeenEvents>>>();
  for (IdFamily family : {IdFamily::kGdelt1, IdFamily::kGdelt2, IdFamily::kIcews})
    (*seen)[family] = store.SeenEventsOf(family);
  AggregateOptions one = options;
  one.threads = 1;
  one.progress = nullptr;
  p.aggregate = std::async(std::launch::async, [path, seen, one] {
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
                             const std::function<void()>& reaggregating) {
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

IngestOneResult IngestOneFile(EventStore& store, const std::string& path,
                              const AggregateOptions& options) {
  PendingIngest pending = StartIngest(store, path, options, /*check_unchanged=*/true,
                                      /*ahead=*/false);
  return FinishIngest(store, pending, options);
}

}  // namespace triad::cli
