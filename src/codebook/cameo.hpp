#pragma once
// The CAMEO event codebook: code -> root, QuadClass (GDELT's grouping), Goldstein value and
// triad's analytic channel. The tables are data files under data/codebook/ (origin noted in
// data/codebook/README.md) compiled into the binary, so the tool needs no files at run time.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triad {

// Every CAMEO code belongs to exactly one channel.
enum class Channel : std::uint8_t { kDiplomatic = 0, kEconomic = 1, kSecurity = 2 };
inline constexpr int kChannelCount = 3;

std::string_view ChannelName(Channel channel);  // "diplomatic", "economic", "security"
std::optional<Channel> ParseChannel(std::string_view name);

// GDELT's QuadClass from a CAMEO root (1..20): 1 verbal cooperation (01-05), 2 material
// cooperation (06-09), 3 verbal conflict (10-14), 4 material conflict (15-20); 0 if out of range.
int QuadClassOfRoot(int root);

struct CameoEvent {
  std::string code;        // as written, leading zeros kept: "010", "0211", "1831"
  int root = 0;            // 1..20
  int quad_class = 0;      // 1..4
  double goldstein = 0.0;  // -10..+10
  Channel channel = Channel::kDiplomatic;
  std::string description;
};

class CameoCodebook {
 public:
  // The built-in codebook (thread-safe, built once).
  static const CameoCodebook& Default();
  // Parses a table in the format of data/codebook/cameo_events.tsv (header
  // code, root, quad_class, goldstein, channel, description, origin); throws triad::Error naming
  // origin, line and field on a malformed row, an inconsistent root or quad class, or a duplicate.
  static CameoCodebook FromTsvText(std::string_view text, const std::string& origin);

  // The entry for an exact code string ("010" and "10" differ); nullptr when unknown.
  // Constant time: this is on the ingest hot path.
  const CameoEvent* Find(std::string_view code) const;
  const std::vector<CameoEvent>& events() const { return events_; }

 private:
  std::vector<CameoEvent> events_;
  // Dense index by encoded code (see cameo.cpp: 2-, 3- and 4-digit strings get disjoint ranges,
  // 11,100 slots) -> position in events_, or -1.
  std::vector<std::int32_t> index_;
  friend class CameoCodebookBuilder;
};

}  // namespace triad
