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
  keys_.assign(capacity, 0);
  values_.resize(capacity);
  mask_ = capacity - 1;
}

CellValues& CellTable::At(std::uint64_t key) {
  std::size_t slot = Slot(key, mask_);
  while (true) {
    std::uint64_t k = keys_[slot];
    if (k == key) return values_[slot];
    if (k == 0) break;
    slot = (slot + 1) & mask_;
  }
  if ((size_ + 1) * 10 > keys_.size() * 7) {
    Grow();
    return At(key);
  }
  keys_[slot] = key;
  ++size_;
  return values_[slot];
}

void CellTable::Grow() {
  std::vector<std::uint64_t> old_keys = std::move(keys_);
  std::vector<CellValues> old_values = std::move(values_);
  keys_.assign(old_keys.size() * 2, 0);
  values_.assign(old_keys.size() * 2, CellValues{});
  mask_ = keys_.size() - 1;
  size_ = 0;
  for (std::size_t i = 0; i < old_keys.size(); ++i)
    if (old_keys[i] != 0) At(old_keys[i]) = old_values[i];
}

void CellTable::Merge(const CellTable& other) {
  for (std::size_t i = 0; i < other.keys_.size(); ++i)
    if (other.keys_[i] != 0) At(other.keys_[i]).Merge(other.values_[i]);
}

std::vector<Cell> CellTable::SortedCells() const {
  std::vector<Cell> cells;
  cells.reserve(size_);
  for (std::size_t i = 0; i < keys_.size(); ++i)
    if (keys_[i] != 0) cells.push_back(Cell{keys_[i], values_[i]});
  std::sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.key < b.key; });
  return cells;
}

}  // namespace triad
