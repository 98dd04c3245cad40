#pragma once
// The cells of one file as its aggregation threads left them: a CellTable per thread, read back
// merged in key order. Merging the tables into one and copying every cell into a sorted vector
// was a serial tail of a large file's ingest (0.4 s of 1.5 s for 1 GB of GDELT, with 250k
// cells and fresh memory for each copy); instead each table's (key, slot) entries are sorted on
// a thread of their own, and the store reads the merged stream cell by cell.
#include <cstdint>
#include <queue>
#include <utility>
#include <vector>

#include "aggregate/cell_table.hpp"

namespace triad {

class FileCells {
 public:
  FileCells() = default;
  // Sorts each table's entries (tables after the first on threads of their own, when the system
  // gives them) and counts the distinct cells.
  explicit FileCells(std::vector<CellTable> tables);

  std::size_t size() const { return size_; }  // distinct cells
  bool empty() const { return size_ == 0; }

  // Calls visit(key, values) once per distinct cell in increasing key order, with the sums of
  // every table holding it.
  template <class Visit>
  void ForEach(Visit&& visit) const;

 private:
  // Calls visit(key, table, index) for every entry of every table, in key order.
  template <class Visit>
  void ForEachEntry(Visit&& visit) const;

  std::vector<CellTable> tables_;
  std::vector<std::vector<CellTable::Entry>> sorted_;  // per table, by key
  std::size_t size_ = 0;
};

template <class Visit>
void FileCells::ForEachEntry(Visit&& visit) const {
  // A k-way merge: the heap holds each table's next entry, smallest key on top.
  using Head = std::pair<std::uint64_t, std::size_t>;  // key, table
  std::priority_queue<Head, std::vector<Head>, std::greater<>> heads;
  std::vector<std::size_t> next(sorted_.size(), 0);
  for (std::size_t t = 0; t < sorted_.size(); ++t)
    if (!sorted_[t].empty()) heads.emplace(sorted_[t][0].key, t);
  while (!heads.empty()) {
    const auto [key, t] = heads.top();
    heads.pop();
    visit(key, tables_[t], sorted_[t][next[t]].index);
    if (++next[t] < sorted_[t].size()) heads.emplace(sorted_[t][next[t]].key, t);
  }
}

template <class Visit>
void FileCells::ForEach(Visit&& visit) const {
  if (sorted_.size() == 1) {
    for (const CellTable::Entry& e : sorted_[0]) visit(e.key, tables_[0].ValueOf(e.index));
    return;
  }
  // Entries of one key come one after another: sum them, then visit.
  std::uint64_t current = 0;  // keys are never 0
  CellValues sum;
  ForEachEntry([&](std::uint64_t key, const CellTable& table, std::uint32_t index) {
    if (key != current && current != 0) {
      visit(current, sum);
      sum = CellValues{};
    }
    current = key;
    sum.Merge(table.ValueOf(index));
  });
  if (current != 0) visit(current, sum);
}

}  // namespace triad
