#include "aggregate/cell_table.hpp"

#include <algorithm>
#include <bit>

namespace triad {
namespace {

inline std::size_t Slot(std::uint64_t key, std::size_t mask) {
  // Fibonacci hashing: keys differ mostly in their middle bits (countries) and top bits (day).
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & mask;
}

}  // namespace

CellTable::CellTable(std::size_t initial_capacity) {
  std::size_t capacity = std::bit_ceil(std::max<std::size_t>(initial_capacity, 16));
  keys_ = LargeArray<std::uint64_t>(capacity);
  indices_ = LargeArray<std::uint32_t>(capacity);
  mask_ = capacity - 1;
}

CellValues& CellTable::At(std::uint64_t key) {
  std::size_t slot = Slot(key, mask_);
  while (true) {
    std::uint64_t k = keys_[slot];
    if (k == key) return Value(indices_[slot]);
    if (k == 0) break;
    slot = (slot + 1) & mask_;
  }
  if ((size_ + 1) * 10 > keys_.size() * 7) {
    Grow();
    return At(key);
  }
  if (size_ % kChunkCells == 0)
    chunks_.push_back(std::make_unique<LargeArray<CellValues>>(kChunkCells));
  keys_[slot] = key;
  indices_[slot] = static_cast<std::uint32_t>(size_);
  return Value(static_cast<std::uint32_t>(size_++));
}

void CellTable::Grow() {
  LargeArray<std::uint64_t> old_keys = std::move(keys_);
  LargeArray<std::uint32_t> old_indices = std::move(indices_);
  keys_ = LargeArray<std::uint64_t>(old_keys.size() * 2);
  indices_ = LargeArray<std::uint32_t>(old_keys.size() * 2);
  mask_ = keys_.size() - 1;
  for (std::size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] == 0) continue;
    std::size_t slot = Slot(old_keys[i], mask_);
    while (keys_[slot] != 0) slot = (slot + 1) & mask_;
    keys_[slot] = old_keys[i];
    indices_[slot] = old_indices[i];
  }
}

void CellTable::Merge(const CellTable& other) {
  for (std::size_t i = 0; i < other.keys_.size(); ++i)
    if (other.keys_[i] != 0) At(other.keys_[i]).Merge(other.Value(other.indices_[i]));
}

std::vector<CellTable::Entry> CellTable::SortedEntries() const {
  std::vector<Entry> entries;
  entries.reserve(size_);
  for (std::size_t i = 0; i < keys_.size(); ++i)
    if (keys_[i] != 0) entries.push_back(Entry{keys_[i], indices_[i]});
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.key < b.key; });
  return entries;
}

}  // namespace triad
