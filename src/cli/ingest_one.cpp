#include "cli/ingest_one.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <memory>

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

IngestOneResult IngestOneFile(EventStore& store, const std::string& path,
                              const AggregateOptions& options) {
  IngestOneResult out;
  const FileOnDisk disk = StatFile(path);
  if (auto same = store.FindUnchanged(disk)) {
    out.status = IngestStatus::kUnchanged;
    out.file = *same;
    return out;
  }
  auto aggregate_file = [&] {
    std::unique_ptr<SeenEvents> seen;
    return AggregateFile(
        path,
        [&](EventFormat format) {
          seen = store.SeenEventsOf(IdFamilyOf(format));
          return seen.get();
        },
        options);
  };
  try {
    auto start = std::chrono::steady_clock::now();
    const std::int64_t keys_mark = store.KeysMark();
    FileAggregate aggregate = aggregate_file();
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    auto result = store.AddFile(aggregate, disk, seconds, keys_mark, aggregate_file);
    out.file = result.file;
    if (!result.added) {
      out.status = IngestStatus::kSameContent;
      return out;
    }
    out.status = IngestStatus::kAdded;
    out.cells = static_cast<std::int64_t>(aggregate.cells.size());
    if (!aggregate.rejects.empty()) {
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

}  // namespace triad::cli
