#pragma once
// A dyad-day cell: all accepted events of one (day, source country, target country, channel,
// QuadClass, source's sector class, target's sector class). The sums are exact integers: Goldstein
// in tenths, tone in millionths, so a cell is the same whatever the order or thread that added its
// events, and equals SQL's GROUP BY.
#include <cstdint>
#include <string>

#include "codebook/actor_sectors.hpp"
#include "codebook/cameo.hpp"
#include "common/date.hpp"

namespace triad {

struct CellKey {
  Day day = 0;
  char source[4] = {0, 0, 0, 0};  // 3-letter CAMEO country code, NUL-terminated
  char target[4] = {0, 0, 0, 0};
  Channel channel = Channel::kDiplomatic;
  int quad_class = 1;  // 1..4
  ActorSector source_sector = ActorSector::kUnspecified;
  ActorSector target_sector = ActorSector::kUnspecified;

  // Packs into 62 bits, ordered like (day, source, target, channel, quad_class, source_sector,
  // target_sector), never 0; the sectors take the lowest 6 bits (3 a side), so the cells of one
  // (day, dyad, channel, QuadClass) are adjacent.
  std::uint64_t Pack() const;
  static CellKey Unpack(std::uint64_t packed);
  // The (source, target) part of a key: (key >> kPairShift) & kPairMask, what the store's dyad
  // index orders by (before the key itself, so a pair's cells come by day).
  static constexpr int kPairShift = 11;
  static constexpr std::uint64_t kPairMask = (std::uint64_t{1} << 30) - 1;
  static std::uint64_t PairBits(const char* source, const char* target);
  // Packs from parts without building a CellKey (hot path). Codes must be 3 letters A-Z.
  static std::uint64_t PackParts(Day day, const char* source, const char* target, Channel channel,
                                 int quad_class,
                                 ActorSector source_sector = ActorSector::kUnspecified,
                                 ActorSector target_sector = ActorSector::kUnspecified);
};

struct CellValues {
  std::int64_t events = 0;
  std::int64_t mentions = 0;        // sum of NumMentions (initial coverage: see DESIGN.md)
  std::int64_t mentions_sq = 0;     // sum of NumMentions^2 (for effective sample sizes)
  std::int64_t sources = 0;         // sum of NumSources
  std::int64_t articles = 0;        // sum of NumArticles
  std::int64_t goldstein = 0;       // sum of Goldstein x 10
  std::int64_t goldstein_sq = 0;    // sum of (Goldstein x 10)^2
  std::int64_t goldstein_w = 0;     // sum of NumMentions x Goldstein x 10
  std::int64_t goldstein_w_sq = 0;  // sum of NumMentions x (Goldstein x 10)^2
  std::int64_t tone = 0;            // sum of AvgTone x 1e6

  void Merge(const CellValues& other);
  bool operator==(const CellValues&) const = default;
};

struct Cell {
  std::uint64_t key;  // CellKey::Pack()
  CellValues values;
};

}  // namespace triad
