#include "aggregate/file_cells.hpp"

#include <system_error>
#include <thread>

namespace triad {

FileCells::FileCells(std::vector<CellTable> tables) : tables_(std::move(tables)) {
  sorted_.resize(tables_.size());
  std::vector<std::thread> sorters;
  for (std::size_t t = 1; t < tables_.size(); ++t) {
    if (tables_[t].size() == 0) continue;
    try {
      sorters.emplace_back([this, t] { sorted_[t] = tables_[t].SortedEntries(); });
    } catch (const std::system_error&) {
      sorted_[t] = tables_[t].SortedEntries();  // no thread to be had: sort it here
    }
  }
  if (!tables_.empty()) sorted_[0] = tables_[0].SortedEntries();
  for (auto& s : sorters) s.join();
  if (sorted_.size() == 1) {
    size_ = sorted_[0].size();
    return;
  }
  // Distinct keys by a merge of the keys alone (the values are summed when the store reads).
  std::uint64_t last = 0;  // keys are never 0
  ForEachEntry([&](std::uint64_t key, const CellTable&, std::uint32_t) {
    if (key != last) ++size_;
    last = key;
  });
}

}  // namespace triad
