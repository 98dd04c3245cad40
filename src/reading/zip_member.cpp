#include "reading/zip_member.hpp"

#include <fmt/format.h>
#include <libdeflate.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <vector>

#include "common/error.hpp"

namespace triad {
namespace {

// Zip record signatures and fixed sizes (PKWARE APPNOTE 4.3).
constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::uint32_t kCentralSignature = 0x02014b50;
constexpr std::uint32_t kLocalSignature = 0x04034b50;
constexpr std::size_t kEndBytes = 22;
constexpr std::size_t kCentralBytes = 46;
constexpr std::size_t kLocalBytes = 30;
constexpr std::size_t kMaxComment = 65535;

[[noreturn]] void Corrupt(const std::string& path, const std::string& what) {
  ThrowInput(Location{path, 0, ""},
             fmt::format("not a readable zip archive ({}); the file may be truncated or corrupt: "
                         "download it again",
                         what));
}

std::uint16_t U16(const unsigned char* p) {
  return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}
std::uint32_t U32(const unsigned char* p) {
  return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
         (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

// Reads exactly `size` bytes at `offset`; false if the file ends first.
bool ReadAt(const std::string& path, int fd, std::uint64_t offset, void* out, std::size_t size) {
  auto* p = static_cast<char*>(out);
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = ::pread(fd, p + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      ThrowInput(Location{path, 0, ""}, fmt::format("read failed: {}", std::strerror(errno)));
    }
    if (n == 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

struct Decompressor {
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  ~Decompressor() { libdeflate_free_decompressor(d); }
};

// The bytes of the zip: a file of up to kWholeFileBytes (every GDELT 15-minute zip) is read with
// one pread into a buffer kept by the thread for the next file, so that a run of many small zips
// costs one read call and no allocation each; a larger one is read piece by piece.
constexpr std::uint64_t kWholeFileBytes = 16 << 20;

class ZipBytes {
 public:
  ZipBytes(const std::string& path, int fd, std::uint64_t file_size)
      : path_(path), fd_(fd), size_(file_size) {
    if (file_size > kWholeFileBytes) return;
    thread_local std::vector<unsigned char> buffer;
    buffer.resize(static_cast<std::size_t>(file_size));
    if (ReadAt(path_, fd_, 0, buffer.data(), buffer.size())) whole_ = buffer.data();
  }
  // The `size` bytes at `offset`, or nullptr when the file ends first. Valid while this object
  // lives.
  const unsigned char* At(std::uint64_t offset, std::size_t size) {
    if (whole_) return offset + size <= size_ ? whole_ + offset : nullptr;
    auto& piece = pieces_.emplace_back(size);
    return ReadAt(path_, fd_, offset, piece.data(), size) ? piece.data() : nullptr;
  }

 private:
  const std::string& path_;
  int fd_;
  std::uint64_t size_;
  const unsigned char* whole_ = nullptr;  // the whole file, when read at once
  std::deque<std::vector<unsigned char>> pieces_;
};

}  // namespace

std::optional<ZipMember> InflateZipMember(const std::string& path, int fd, std::uint64_t file_size,
                                          std::uint64_t max_member_bytes) {
  ZipBytes file(path, fd, file_size);
  // The end of central directory record is in the last 22 + 65,535 (comment) bytes.
  const std::size_t tail_size =
      static_cast<std::size_t>(std::min<std::uint64_t>(file_size, kEndBytes + kMaxComment));
  if (tail_size < kEndBytes) Corrupt(path, "too short to be a zip");
  const std::uint64_t tail_offset = file_size - tail_size;
  const unsigned char* tail = file.At(tail_offset, tail_size);
  if (!tail) Corrupt(path, "the file ends early");
  std::size_t end = tail_size - kEndBytes + 1;
  bool found = false;
  while (end-- > 0) {
    if (U32(&tail[end]) == kEndSignature && end + kEndBytes + U16(&tail[end + 20]) <= tail_size) {
      found = true;
      break;
    }
  }
  if (!found) Corrupt(path, "no end of central directory");
  const unsigned char* e = &tail[end];
  const std::uint16_t members = U16(e + 10);
  const std::uint32_t directory_size = U32(e + 12);
  const std::uint32_t directory_offset = U32(e + 16);
  if (members == 0xffff || directory_offset == 0xffffffff) return std::nullopt;  // ZIP64
  if (members != 1)
    ThrowInput(Location{path, 0, ""},
               fmt::format("a GDELT zip holds exactly one member; this one holds {}", members));
  const std::uint64_t end_offset = tail_offset + end;
  if (static_cast<std::uint64_t>(directory_offset) + directory_size > end_offset ||
      directory_size < kCentralBytes)
    Corrupt(path, "the central directory lies outside the file");

  const unsigned char* c = file.At(directory_offset, directory_size);
  if (!c) Corrupt(path, "the file ends early");
  if (U32(c) != kCentralSignature) Corrupt(path, "bad central directory header");
  const std::uint16_t flags = U16(c + 8);
  const std::uint16_t method = U16(c + 10);
  const std::uint32_t crc = U32(c + 16);
  const std::uint32_t packed_size = U32(c + 20);
  const std::uint32_t size = U32(c + 24);
  const std::size_t name_length = U16(c + 28);
  const std::uint32_t local_offset = U32(c + 42);
  if (kCentralBytes + name_length > directory_size) Corrupt(path, "bad central directory header");
  ZipMember member;
  member.name.assign(reinterpret_cast<const char*>(c + kCentralBytes), name_length);
  if (packed_size == 0xffffffff || size == 0xffffffff || local_offset == 0xffffffff)
    return std::nullopt;  // ZIP64
  if (flags & 1)
    ThrowInput(Location{path, 0, ""},
               fmt::format("the zip member '{}' is encrypted: triad reads GDELT's plain zips",
                           member.name));
  if ((method != 0 && method != 8) || size > max_member_bytes) return std::nullopt;

  const unsigned char* local = nullptr;
  if (static_cast<std::uint64_t>(local_offset) + kLocalBytes > directory_offset ||
      !(local = file.At(local_offset, kLocalBytes)) || U32(local) != kLocalSignature)
    Corrupt(path, fmt::format("bad local header of member '{}'", member.name));
  const std::uint64_t data_offset =
      static_cast<std::uint64_t>(local_offset) + kLocalBytes + U16(local + 26) + U16(local + 28);
  if (data_offset + packed_size > directory_offset)
    Corrupt(path, fmt::format("the data of member '{}' overlaps the directory", member.name));

  member.size = size;
  // new char[]: not zeroed; the inflated bytes overwrite all of it.
  member.bytes.reset(new char[std::max<std::size_t>(size, 1)]);
  if (method == 0) {
    if (packed_size != size)
      Corrupt(path, fmt::format("stored member '{}' has two different sizes", member.name));
    const unsigned char* data = file.At(data_offset, size);
    if (!data) Corrupt(path, "the file ends early");
    std::memcpy(member.bytes.get(), data, size);
  } else {
    const unsigned char* packed = file.At(data_offset, packed_size);
    if (!packed) Corrupt(path, "the file ends early");
    thread_local Decompressor decompressor;
    std::size_t produced = 0;
    const libdeflate_result result = libdeflate_deflate_decompress(
        decompressor.d, packed, packed_size, member.bytes.get(), size, &produced);
    if (result != LIBDEFLATE_SUCCESS || produced != size)
      ThrowInput(Location{path, 0, ""},
                 fmt::format("corrupt zip member '{}': {} (the file is damaged: download it "
                             "again)",
                             member.name,
                             result == LIBDEFLATE_BAD_DATA ? "invalid deflate data"
                                                           : "its size differs from the header"));
  }
  if (libdeflate_crc32(0, member.bytes.get(), size) != crc)
    ThrowInput(Location{path, 0, ""},
               fmt::format("corrupt zip member '{}': CRC-32 mismatch (the file is damaged: "
                           "download it again)",
                           member.name));
  return member;
}

}  // namespace triad
