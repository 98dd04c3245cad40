#pragma once
// An open-addressing hash table from packed cell key to CellValues, owned by one thread while
// ingesting. Memory grows with the number of distinct cells, never with the number of rows.
#include <cstdint>
#include <vector>

#include "aggregate/cell.hpp"

namespace triad {

class CellTable {
 public:
  explicit CellTable(std::size_t initial_capacity = 1 << 12);

  // The cell for `key` (must not be 0), created empty if absent. The reference is valid until
  // the next insertion.
  CellValues& At(std::uint64_t key);
  void Merge(const CellTable& other);
  std::size_t size() const { return size_; }
  // All cells sorted by key, i.e. by (day, source, target, channel, quad_class).
  std::vector<Cell> SortedCells() const;

 private:
  void Grow();
  std::vector<std::uint64_t> keys_;  // 0 = empty slot
  std::vector<CellValues> values_;
  std::size_t size_ = 0;
  std::size_t mask_;
};

}  // namespace triad
