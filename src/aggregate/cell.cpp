#include "aggregate/cell.hpp"

namespace triad {
namespace {

constexpr std::int64_t kDayOffset = std::int64_t{1} << 20;  // days before 1970 stay positive

std::uint64_t PackCode(const char* code) {
  return (static_cast<std::uint64_t>(code[0] - 'A' + 1) << 10) |
         (static_cast<std::uint64_t>(code[1] - 'A' + 1) << 5) |
         static_cast<std::uint64_t>(code[2] - 'A' + 1);
}

void UnpackCode(std::uint64_t bits, char* code) {
  code[0] = static_cast<char>('A' - 1 + ((bits >> 10) & 31));
  code[1] = static_cast<char>('A' - 1 + ((bits >> 5) & 31));
  code[2] = static_cast<char>('A' - 1 + (bits & 31));
  code[3] = 0;
}

}  // namespace

std::uint64_t CellKey::PackParts(Day day, const char* source, const char* target, Channel channel,
                                 int quad_class, ActorSector source_sector,
                                 ActorSector target_sector) {
  return (static_cast<std::uint64_t>(day + kDayOffset) << 41) | (PackCode(source) << 26) |
         (PackCode(target) << 11) | (static_cast<std::uint64_t>(channel) << 9) |
         (static_cast<std::uint64_t>(quad_class) << 6) |
         (static_cast<std::uint64_t>(source_sector) << 3) |
         static_cast<std::uint64_t>(target_sector);
}

std::uint64_t CellKey::PairBits(const char* source, const char* target) {
  return (PackCode(source) << 15) | PackCode(target);
}

std::uint64_t CellKey::Pack() const {
  return PackParts(day, source, target, channel, quad_class, source_sector, target_sector);
}

CellKey CellKey::Unpack(std::uint64_t packed) {
  CellKey key;
  key.day = static_cast<Day>(static_cast<std::int64_t>(packed >> 41) - kDayOffset);
  UnpackCode((packed >> 26) & 0x7fff, key.source);
  UnpackCode((packed >> 11) & 0x7fff, key.target);
  key.channel = static_cast<Channel>((packed >> 9) & 3);
  key.quad_class = static_cast<int>((packed >> 6) & 7);
  key.source_sector = static_cast<ActorSector>((packed >> 3) & 7);
  key.target_sector = static_cast<ActorSector>(packed & 7);
  return key;
}

void CellValues::Merge(const CellValues& o) {
  events += o.events;
  mentions += o.mentions;
  mentions_sq += o.mentions_sq;
  sources += o.sources;
  articles += o.articles;
  goldstein += o.goldstein;
  goldstein_sq += o.goldstein_sq;
  goldstein_w += o.goldstein_w;
  goldstein_w_sq += o.goldstein_w_sq;
  tone += o.tone;
}

}  // namespace triad
