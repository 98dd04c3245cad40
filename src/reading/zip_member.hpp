#pragma once
// The one member of a GDELT-style zip, inflated whole into memory with libdeflate. GDELT's members
// are small (a 15-minute export is ~0.5 MB, a GDELT 1.0 day ~100 MB), and whole-buffer inflation
// runs at about three times zlib's streaming speed. The archive's directory is read here (end of
// central directory, central header, local header) and the member's CRC-32 is checked.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace triad {

struct ZipMember {
  std::string name;
  std::unique_ptr<char[]> bytes;  // the inflated member
  std::size_t size = 0;           // bytes in `bytes`
};

// Reads the zip at `path` (open as `fd`, `file_size` bytes). Throws triad::Error naming the file
// when it is truncated or corrupt, holds other than one member, is encrypted, or its CRC-32 does
// not match. Returns nullopt, reading nothing more, for a zip this reader leaves to a streaming
// one: ZIP64, a compression method other than stored or deflate, or a member larger than
// `max_member_bytes` (memory stays bounded).
std::optional<ZipMember> InflateZipMember(const std::string& path, int fd, std::uint64_t file_size,
                                          std::uint64_t max_member_bytes);

}  // namespace triad
