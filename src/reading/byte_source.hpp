#pragma once
// A stream of the bytes of one event file, whatever its packaging: plain, .zip (GDELT's own
// packaging, exactly one member) or .gz. Packaging is detected from the content (magic bytes),
// not the name. Every error names the file.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace triad {

enum class Packaging { kPlain, kZip, kGzip };

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `capacity` bytes into `buffer`; returns 0 at the end. Throws triad::Error (naming
  // the file) on a read error, a corrupt or truncated archive, or a CRC mismatch.
  virtual std::size_t Read(char* buffer, std::size_t capacity) = 0;
  // Size of the file on disk, in bytes.
  virtual std::uint64_t file_size() const = 0;
  // Uncompressed size if known in advance (plain and zip), else 0.
  virtual std::uint64_t content_size() const = 0;
  virtual Packaging packaging() const = 0;
  // Name of the member inside a zip, the file name otherwise.
  virtual const std::string& member_name() const = 0;
  // The whole content when it is in memory anyway (a zip member inflated at once), so that
  // readers can parse it in place instead of copying it out with Read; nullopt otherwise.
  virtual std::optional<std::string_view> Whole() const { return std::nullopt; }
};

// Opens `path`; throws triad::Error if it cannot be read or is not a valid archive (a zip must
// hold exactly one member). A zip member of up to kZipMemberInMemory bytes is inflated whole at
// once (libdeflate) and its CRC-32 checked here; a larger one (or ZIP64) is streamed (libzip).
inline constexpr std::uint64_t kZipMemberInMemory = std::uint64_t{1} << 30;
std::unique_ptr<ByteSource> OpenByteSource(const std::string& path);

}  // namespace triad
