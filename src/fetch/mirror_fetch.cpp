#include "fetch/mirror_fetch.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <thread>

#include "common/error.hpp"
#include "fetch/curl_library.hpp"
#include "fetch/md5.hpp"

namespace triad {
namespace {

namespace fs = std::filesystem;

std::int64_t FileSize(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<std::int64_t>(st.st_size) : -1;
}

void SyncDirectory(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// Holds the .part file open and locked (flock) for the life of the download.
class PartFile {
 public:
  explicit PartFile(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
      ThrowInput(Location{path, 0, ""}, fmt::format("cannot write: {}", std::strerror(errno)));
    while (::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
    }
  }
  ~PartFile() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
  }
  int fd() const { return fd_; }
  std::int64_t Size() const {
    struct stat st {};
    return ::fstat(fd_, &st) == 0 ? static_cast<std::int64_t>(st.st_size) : 0;
  }
  void Truncate() {
    if (::ftruncate(fd_, 0) != 0) ThrowInput(Location{path_, 0, ""}, std::strerror(errno));
  }
  void SeekEnd() { ::lseek(fd_, 0, SEEK_END); }

 private:
  std::string path_;
  int fd_ = -1;
};

FetchOutcome FetchOne(HttpClient& http, const RemoteFile& file, std::size_t index,
                      const MirrorOptions& o, FetchCounters* counters) {
  auto start = std::chrono::steady_clock::now();
  FetchOutcome out;
  out.index = index;
  const std::string final_path = MirrorPathOf(o.mirror_dir, file);
  auto finish = [&](FetchStatus status) {
    out.status = status;
    if (status != FetchStatus::kFailed) out.path = final_path;
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
  };
  if (PresentAndVerified(final_path, file)) return finish(FetchStatus::kPresent);
  const fs::path dir = fs::path(final_path).parent_path();
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    out.error = fmt::format("cannot make the mirror folder {}: {}", dir.string(), ec.message());
    return finish(FetchStatus::kFailed);
  }
  const std::string part_path = (dir / ("." + file.Name() + ".part")).string();
  PartFile part(part_path);  // waits while another process downloads this file
  if (PresentAndVerified(final_path, file)) {
    ::unlink(part_path.c_str());
    return finish(FetchStatus::kPresent);
  }
  for (int attempt = 1; attempt <= o.attempts; ++attempt) {
    std::int64_t have = part.Size();
    if (have > file.size) {
      part.Truncate();
      have = 0;
    }
    if (have > 0 && attempt == 1) out.resumed = true;
    part.SeekEnd();
    HttpResult r;
    if (have == file.size) {
      r.outcome = HttpOutcome::kOk;  // complete already: only the check is left
    } else {
      ++out.attempts;
      std::int64_t reported = 0;
      r = http.GetToFile(file.url, part.fd(), have, [&](std::int64_t bytes) {
        if (counters) counters->bytes_received += bytes - reported;
        reported = bytes;
      });
      out.bytes += r.bytes;
    }
    std::string problem;
    if (r.Ok()) {
      const std::int64_t size = part.Size();
      if (size != file.size) {
        problem = fmt::format("received {} bytes of {}", size, file.size);
        if (size > file.size) part.Truncate();
      } else if (std::string md5 = Md5OfFile(part_path); md5 != file.md5) {
        problem = fmt::format("MD5 {} differs from the listed {}", md5, file.md5);
        part.Truncate();  // wrong bytes: resuming would keep them
      } else {
        if (::fsync(part.fd()) != 0 || ::rename(part_path.c_str(), final_path.c_str()) != 0) {
          out.error = fmt::format("cannot move the verified file into the mirror: {}",
                                  std::strerror(errno));
          return finish(FetchStatus::kFailed);
        }
        SyncDirectory(dir.string());
        out.error.clear();
        return finish(FetchStatus::kDownloaded);
      }
    } else {
      problem = r.message;
      if (!r.Transient()) {
        part.Truncate();
        out.error = problem;
        ::unlink(part_path.c_str());
        return finish(FetchStatus::kFailed);
      }
      if (r.status == 416) part.Truncate();
    }
    out.error = problem;
    if (attempt < o.attempts) {
      auto wait = std::chrono::duration<double>(RetryWaitSeconds(o, attempt, r));
      std::this_thread::sleep_for(wait);
    }
  }
  out.error = fmt::format("{} (gave up after {} attempts)", out.error, o.attempts);
  return finish(FetchStatus::kFailed);
}

}  // namespace

double RetryWaitSeconds(const MirrorOptions& o, int attempt, const HttpResult& last) {
  double wait = o.retry_wait_seconds * std::pow(2.0, std::max(0, attempt - 1));
  if (last.retry_after) wait = std::max(wait, static_cast<double>(*last.retry_after));
  return std::min(wait, o.max_wait_seconds);
}

std::string_view FetchStatusName(FetchStatus status) {
  switch (status) {
    case FetchStatus::kPresent:
      return "present";
    case FetchStatus::kDownloaded:
      return "downloaded";
    default:
      return "failed";
  }
}

std::string MirrorPathOf(const std::string& mirror_dir, const RemoteFile& file) {
  return (fs::path(mirror_dir) / file.mirror_path).string();
}

bool PresentAndVerified(const std::string& path, const RemoteFile& file) {
  if (FileSize(path) != file.size) return false;
  try {
    return Md5OfFile(path) == file.md5;
  } catch (const Error&) {
    return false;
  }
}

void FetchToMirror(const std::vector<RemoteFile>& files, const MirrorOptions& options,
                   const std::function<void(const FetchOutcome&)>& done, FetchCounters* counters) {
  std::atomic<std::size_t> next{0};
  std::mutex report;
  auto worker = [&] {
    HttpClient http(options.http);
    for (std::size_t i = next++; i < files.size(); i = next++) {
      FetchOutcome out;
      try {
        out = FetchOne(http, files[i], i, options, counters);
      } catch (const Error& e) {
        out.index = i;
        out.status = FetchStatus::kFailed;
        out.error = e.what();
      }
      if (counters) ++counters->files_done;
      std::lock_guard lock(report);
      done(out);
    }
  };
  const int jobs = std::max(1, std::min<int>(options.jobs, static_cast<int>(files.size())));
  std::vector<std::thread> threads;
  for (int j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
}

}  // namespace triad
