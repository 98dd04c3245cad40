#pragma once
// Downloads remote files into a local mirror laid out like the server, several at a time.
//
// A file lands under its final name only when complete and verified (size and MD5 as listed):
// it is written to a hidden ".NAME.part" beside it, checked, flushed to disk and renamed, so a
// killed or failed run never leaves a partial file under the final name. A later run resumes a
// ".part" with an HTTP Range request. A file already in the mirror with the listed size and MD5
// is not downloaded again. Two fetches into one mirror at once are safe: the ".part" file is
// locked while written, and the second waits for the first and then finds the file present.
//
// Transient failures (timeouts, stalls, resets, truncated bodies, 408/425/429/5xx, a body whose
// MD5 or size is wrong) are retried with exponential backoff, waiting at least what a
// Retry-After header asks; a 404 or another permanent answer fails the file at once.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "fetch/http_client.hpp"
#include "fetch/remote_file_list.hpp"

namespace triad {

struct MirrorOptions {
  std::string mirror_dir;
  int jobs = 4;                   // parallel downloads
  int attempts = 5;               // per file, the first included
  double retry_wait_seconds = 2;  // the first backoff; doubles per attempt
  double max_wait_seconds = 300;  // no single wait is longer (a longer Retry-After is capped)
  HttpOptions http;
};

enum class FetchStatus { kPresent, kDownloaded, kFailed };
std::string_view FetchStatusName(FetchStatus status);  // "present", "downloaded", "failed"

struct FetchOutcome {
  std::size_t index = 0;  // in the list given to FetchToMirror
  FetchStatus status = FetchStatus::kFailed;
  std::string path;        // the verified file in the mirror (empty when failed)
  int attempts = 0;        // requests made (0 when present)
  std::int64_t bytes = 0;  // bytes received over all attempts
  bool resumed = false;    // a .part from an earlier run was continued
  double seconds = 0;
  std::string error;  // why it failed, or the last retried problem
};

struct FetchCounters {
  std::atomic<std::int64_t> bytes_received{0};
  std::atomic<int> files_done{0};
};

// How long to wait after failed attempt number `attempt` (1-based): retry_wait_seconds doubled per
// attempt, at least what the server's Retry-After asked, at most max_wait_seconds.
double RetryWaitSeconds(const MirrorOptions& options, int attempt, const HttpResult& last);

// The mirror path of a remote file.
std::string MirrorPathOf(const std::string& mirror_dir, const RemoteFile& file);

// Whether the file is in the mirror with the listed size and MD5.
bool PresentAndVerified(const std::string& path, const RemoteFile& file);

// Fetches every file; `done` is called once per file, from the worker threads but never two at
// a time, as each file finishes (in any order). `counters` (optional) is kept up to date for a
// progress display. Returns when every file has finished.
void FetchToMirror(const std::vector<RemoteFile>& files, const MirrorOptions& options,
                   const std::function<void(const FetchOutcome&)>& done,
                   FetchCounters* counters = nullptr);

}  // namespace triad
