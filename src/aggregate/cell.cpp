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
                                 int quad_class) {
  return (static_cast<std::uint64_t>(day + kDayOffset) << 35) | (PackCode(source) << 20) |
         (PackCode(target) << 5) | (static_cast<std::uint64_t>(channel) << 3) |
         static_cast<std::uint64_t>(quad_class);
}

std::uint64_t CellKey::Pack() const {
  return PackParts(day, source, target, channel, quad_class);
}

CellKey CellKey::Unpack(std::uint64_t packed) {
  CellKey key;
  key.day = static_cast<Day>(static_cast<std::int64_t>(packed >> 35) - kDayOffset);
  UnpackCode((packed >> 20) & 0x7fff, key.source);
  UnpackCode((packed >> 5) & 0x7fff, key.target);
  key.channel = static_cast<Channel>((packed >> 3) & 3);
  key.quad_class = static_cast<int>(packed & 7);
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
