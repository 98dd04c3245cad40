#pragma once
// An open-addressing hash table from packed cell key to CellValues, owned by one thread while
// ingesting. Memory grows with the number of distinct cells, never with the number of rows:
// the slot array holds keys and indices (12 bytes a slot), and the values live densely in
// fixed-size chunks that are never moved.
#include <cstdint>
#include <memory>
#include <vector>

#include "aggregate/cell.hpp"
#include "common/large_array.hpp"

namespace triad {

class CellTable {
 public:
  explicit CellTable(std::size_t initial_capacity = 1 << 12);
  CellTable(CellTable&&) = default;
  CellTable& operator=(CellTable&&) = default;

  // The cell for `key` (must not be 0), created empty if absent. The reference stays valid.
  CellValues& At(std::uint64_t key);
  void Merge(const CellTable& other);
  std::size_t size() const { return size_; }
  // A cell's key and where its values are (ValueOf): 16 bytes a cell instead of a copy of it.
  struct Entry {
    std::uint64_t key;
    std::uint32_t index;
  };
  // Every cell's entry sorted by key, i.e. by (day, source, target, channel, quad_class,
  // sectors).
  std::vector<Entry> SortedEntries() const;
  const CellValues& ValueOf(std::uint32_t index) const { return Value(index); }

 private:
  static constexpr std::size_t kChunkCells = 1 << 12;
  void Grow();
  CellValues& Value(std::uint32_t index) const {
    return (*chunks_[index / kChunkCells])[index % kChunkCells];
  }
  LargeArray<std::uint64_t> keys_;     // 0 = empty slot
  LargeArray<std::uint32_t> indices_;  // position of the slot's values
  std::vector<std::unique_ptr<LargeArray<CellValues>>> chunks_;
  std::size_t size_ = 0;
  std::size_t mask_ = 0;
};

}  // namespace triad
