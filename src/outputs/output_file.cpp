#include "outputs/output_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>

#include "common/error.hpp"

namespace triad {
namespace {

[[noreturn]] void ThrowWrite(const std::string& path, const std::string& what, int error) {
  ThrowInput(Location{path, 0, ""}, fmt::format("{}: {}", what, std::strerror(error)));
}

[[noreturn]] void ThrowStandardOutput(int error) {
  if (error == EPIPE) throw StandardOutputClosed();
  const char* reason = error != 0 ? std::strerror(error) : "an earlier write failed";
  ThrowInput(Location{"standard output", 0, ""},
             fmt::format("cannot write: {} (is the disk full, or the output redirected to a "
                         "device that takes no data?)",
                         reason));
}

bool IsStandardOutputPath(const std::string& path) {
  return path == "-" || path == "/dev/stdout";
}

// Paths that name an open descriptor of this process (/dev/stderr, /dev/fd/N, /proc/self/fd/N)
// are written through, like a shell redirection: resolving them to a file and renaming over it
// would cut the file away from the descriptor that names it.
bool IsDescriptorLink(const std::string& path) {
  const std::string normal = std::filesystem::path(path).lexically_normal().string();
  return normal == "/dev/stderr" || normal.starts_with("/dev/fd/") || normal.starts_with("/proc/");
}

// write(2) until every byte is out; returns 0 or the errno of the failing call.
int WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return EIO;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

void WriteInPlace(const std::string& path, bool regular, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY | (regular ? O_TRUNC : 0));
  if (fd < 0) ThrowWrite(path, "cannot open it for writing", errno);
  const int error = WriteAll(fd, bytes);
  const int closed = ::close(fd) == 0 ? 0 : errno;
  if (error != 0) ThrowWrite(path, "cannot write", error);
  if (closed != 0 && closed != EINTR) ThrowWrite(path, "cannot write", closed);
}

std::string RandomSuffix() {
  static std::mt19937_64 generator{std::random_device{}() ^
                                   (static_cast<std::uint64_t>(::getpid()) << 32)};
  static constexpr char kLetters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string out(6, 'x');
  for (char& c : out) c = kLetters[generator() % (sizeof(kLetters) - 1)];
  return out;
}

// The temporary file beside the target, removed on every path that does not rename it.
class TemporaryFile {
 public:
  TemporaryFile(const std::filesystem::path& target, const std::string& shown_path) {
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
    for (int attempt = 0; attempt < 100; ++attempt) {
      path_ = (dir / (target.filename().string() + "." + RandomSuffix() + ".tmp")).string();
      fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd_ >= 0) return;
      if (errno != EEXIST) break;
    }
    const int error = errno;
    path_.clear();
    ThrowWrite(
        shown_path,
        fmt::format("cannot write a new file in '{}' (check that the directory exists and is "
                    "writable)",
                    dir.string()),
        error);
  }
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  // Closes the descriptor; returns 0 or the errno (a delayed write error shows up here on NFS).
  int Close() {
    const int result = ::close(fd_) == 0 ? 0 : errno;
    fd_ = -1;
    return result == EINTR ? 0 : result;
  }
  // The file has been renamed to the target: nothing to remove any more.
  void Release() { path_.clear(); }

 private:
  std::string path_;
  int fd_ = -1;
};

void WriteReplacing(const std::string& shown_path, const std::filesystem::path& target,
                    const struct stat* existing, std::string_view bytes) {
  TemporaryFile tmp(target, shown_path);
  // A replaced file keeps its permissions (a report made group-readable stays so).
  if (existing != nullptr && ::fchmod(tmp.fd(), existing->st_mode & 07777) != 0)
    ThrowWrite(shown_path, "cannot set the permissions of the new file", errno);
  if (const int error = WriteAll(tmp.fd(), bytes); error != 0)
    ThrowWrite(shown_path, "cannot write (the previous file, if any, is unchanged)", error);
  if (::fsync(tmp.fd()) != 0)
    ThrowWrite(shown_path, "cannot flush to disk (the previous file, if any, is unchanged)", errno);
  if (const int error = tmp.Close(); error != 0)
    ThrowWrite(shown_path, "cannot write (the previous file, if any, is unchanged)", error);
  if (::rename(tmp.path().c_str(), target.c_str()) != 0)
    ThrowWrite(shown_path, "cannot replace the file (it is unchanged)", errno);
  tmp.Release();
  // The rename is durable only once the directory is on disk too. Some file systems cannot sync
  // a directory (EINVAL): the file is written, so that is not an error.
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0) return;
  const int synced = ::fsync(dir_fd) == 0 ? 0 : errno;
  ::close(dir_fd);
  if (synced != 0 && synced != EINVAL && synced != EROFS)
    ThrowWrite(shown_path, "written, but its directory cannot be flushed to disk", synced);
}

}  // namespace

void WriteOutputFile(const std::string& path, std::string_view bytes) {
  if (IsStandardOutputPath(path)) return WriteStandardOutput(bytes);
  if (path.empty()) ThrowUsage("an output file name is empty (use '-' for standard output)");
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) ThrowWrite(path, "cannot write the file", EISDIR);
    return WriteInPlace(path, /*regular=*/false, bytes);
  }
  if (IsDescriptorLink(path)) return WriteInPlace(path, exists, bytes);
  // A symbolic link stays a link: the file it points to is the one replaced.
  std::filesystem::path target = path;
  struct stat link {};
  if (exists && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    char resolved[PATH_MAX];
    if (::realpath(path.c_str(), resolved) != nullptr) target = resolved;
  }
  WriteReplacing(path, target, exists ? &st : nullptr, bytes);
}

void WriteStandardOutput(std::string_view bytes) {
  errno = 0;
  if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size())
    ThrowStandardOutput(errno);
  FinishStandardOutput();
}

void FinishStandardOutput() {
  // stdio drops a buffer it could not write and keeps only the error flag, so when an earlier
  // printf or std::cout write failed, the reason is what errno still holds from that write;
  // taken only when it is a reason a write gives, never an unrelated leftover.
  const int earlier = errno;
  const bool earlier_is_write_error = earlier == ENOSPC || earlier == EFBIG || earlier == EDQUOT ||
                                      earlier == EIO || earlier == EPIPE || earlier == EBADF;
  errno = 0;
  std::cout.flush();
  int error = errno;
  const bool stream_failed = std::cout.bad();
  if (std::fflush(stdout) != 0) error = errno;
  if (!stream_failed && !std::ferror(stdout)) return;
  if (error == 0 && earlier_is_write_error) error = earlier;
  ThrowStandardOutput(error);
}

}  // namespace triad
