#include "reading/byte_source.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "common/error.hpp"
#include "reading/zip_member.hpp"

namespace triad {
namespace {

[[noreturn]] void Fail(const std::string& path, const std::string& what) {
  ThrowInput(Location{path, 0, ""}, what);
}

class PlainSource : public ByteSource {
 public:
  PlainSource(std::string path, int fd, std::uint64_t size)
      : path_(std::move(path)),
        name_(std::filesystem::path(path_).filename()),
        fd_(fd),
        size_(size) {
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  ~PlainSource() override { ::close(fd_); }
  std::size_t Read(char* buffer, std::size_t capacity) override {
    std::size_t total = 0;
    while (total < capacity) {
      ssize_t n = ::read(fd_, buffer + total, capacity - total);
      if (n < 0) {
        if (errno == EINTR) continue;
        Fail(path_, fmt::format("read failed: {}", std::strerror(errno)));
      }
      if (n == 0) break;
      total += static_cast<std::size_t>(n);
    }
    return total;
  }
  std::uint64_t file_size() const override { return size_; }
  std::uint64_t content_size() const override { return size_; }
  Packaging packaging() const override { return Packaging::kPlain; }
  const std::string& member_name() const override { return name_; }

 private:
  std::string path_, name_;
  int fd_;
  std::uint64_t size_;
};

class ZipSource : public ByteSource {
 public:
  ZipSource(std::string path, std::uint64_t size) : path_(std::move(path)), size_(size) {
    int error = 0;
    archive_ = zip_open(path_.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive_) {
      zip_error_t ze;
      zip_error_init_with_code(&ze, error);
      std::string message = zip_error_strerror(&ze);
      zip_error_fini(&ze);
      Fail(path_, fmt::format("not a readable zip archive ({}); the file may be truncated or "
                              "corrupt: download it again",
                              message));
    }
    zip_int64_t members = zip_get_num_entries(archive_, 0);
    if (members != 1) {
      zip_discard(archive_);
      Fail(path_, fmt::format("a GDELT zip holds exactly one member; this one holds {}", members));
    }
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_, 0, 0, &st) != 0) {
      zip_discard(archive_);
      Fail(path_, "cannot read the zip member's header");
    }
    member_ = st.name ? st.name : "";
    content_size_ = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    file_ = zip_fopen_index(archive_, 0, 0);
    if (!file_) {
      std::string message = zip_strerror(archive_);
      zip_discard(archive_);
      Fail(path_, fmt::format("cannot open the zip member '{}': {}", member_, message));
    }
  }
  ~ZipSource() override {
    if (file_) zip_fclose(file_);
    if (archive_) zip_discard(archive_);
  }
  std::size_t Read(char* buffer, std::size_t capacity) override {
    zip_int64_t n = zip_fread(file_, buffer, capacity);
    if (n < 0) {
      Fail(path_, fmt::format("corrupt zip member '{}': {}", member_,
                              zip_error_strerror(zip_file_get_error(file_))));
    }
    return static_cast<std::size_t>(n);
  }
  std::uint64_t file_size() const override { return size_; }
  std::uint64_t content_size() const override { return content_size_; }
  Packaging packaging() const override { return Packaging::kZip; }
  const std::string& member_name() const override { return member_; }

 private:
  std::string path_, member_;
  std::uint64_t size_, content_size_ = 0;
  zip_t* archive_ = nullptr;
  zip_file_t* file_ = nullptr;
};

// A zip member inflated whole (zip_member.hpp), read in place through Whole().
class InflatedZipSource : public ByteSource {
 public:
  InflatedZipSource(ZipMember member, std::uint64_t size)
      : member_(std::move(member)), size_(size) {}
  std::size_t Read(char* buffer, std::size_t capacity) override {
    const std::size_t n = std::min(capacity, member_.size - position_);
    std::memcpy(buffer, member_.bytes.get() + position_, n);
    position_ += n;
    return n;
  }
  std::uint64_t file_size() const override { return size_; }
  std::uint64_t content_size() const override { return member_.size; }
  Packaging packaging() const override { return Packaging::kZip; }
  const std::string& member_name() const override { return member_.name; }
  std::optional<std::string_view> Whole() const override {
    return std::string_view(member_.bytes.get(), member_.size);
  }

 private:
  ZipMember member_;
  std::uint64_t size_;
  std::size_t position_ = 0;
};

class GzipSource : public ByteSource {
 public:
  GzipSource(std::string path, std::uint64_t size)
      : path_(std::move(path)), name_(std::filesystem::path(path_).stem()), size_(size) {
    gz_ = gzopen(path_.c_str(), "rb");
    if (!gz_) Fail(path_, "cannot open gzip file");
    gzbuffer(gz_, 1 << 20);
  }
  ~GzipSource() override { gzclose(gz_); }
  std::size_t Read(char* buffer, std::size_t capacity) override {
    std::size_t total = 0;
    while (total < capacity) {
      unsigned want = static_cast<unsigned>(std::min<std::size_t>(capacity - total, 1u << 30));
      int n = gzread(gz_, buffer + total, want);
      if (n < 0) {
        int code = 0;
        const char* message = gzerror(gz_, &code);
        Fail(path_, fmt::format("corrupt gzip data: {}", message ? message : "unknown error"));
      }
      if (n == 0) {
        int code = 0;
        gzerror(gz_, &code);
        if (code != Z_OK && code != Z_STREAM_END)
          Fail(path_, "truncated gzip file: the stream ends early; download it again");
        break;
      }
      total += static_cast<std::size_t>(n);
    }
    if (total == 0 && !gzeof(gz_)) Fail(path_, "truncated gzip file");
    return total;
  }
  std::uint64_t file_size() const override { return size_; }
  std::uint64_t content_size() const override { return 0; }
  Packaging packaging() const override { return Packaging::kGzip; }
  const std::string& member_name() const override { return name_; }

 private:
  std::string path_, name_;
  std::uint64_t size_;
  gzFile gz_;
};

}  // namespace

std::unique_ptr<ByteSource> OpenByteSource(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) Fail(path, fmt::format("cannot open: {}", std::strerror(errno)));
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    Fail(path, "not a regular file");
  }
  unsigned char magic[4] = {0, 0, 0, 0};
  ssize_t got = ::pread(fd, magic, sizeof magic, 0);
  std::uint64_t size = static_cast<std::uint64_t>(st.st_size);
  if (got >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
    std::optional<ZipMember> member;
    try {
      member = InflateZipMember(path, fd, size, kZipMemberInMemory);
    } catch (...) {
      ::close(fd);
      throw;
    }
    ::close(fd);
    if (member) return std::make_unique<InflatedZipSource>(std::move(*member), size);
    return std::make_unique<ZipSource>(path, size);
  }
  if (got >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
    ::close(fd);
    return std::make_unique<GzipSource>(path, size);
  }
  return std::make_unique<PlainSource>(path, fd, size);
}

}  // namespace triad
