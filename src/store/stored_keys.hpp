#pragma once
// The keys of the events already in the store, per id family, as SeenEvents that aggregations on
// other threads can ask while the ingest commits earlier files. The list of key chunks (first and
// last key of each) is read once per ingest and then only its new rows, so that a run of many
// small files does not read the whole list again for each; a chunk's keys are decoded on demand
// through a connection of the index's own (never the ingest's), once per run.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "aggregate/file_aggregator.hpp"
#include "reading/event_record.hpp"
#include "store/sqlite.hpp"

namespace triad {

class StoredKeyIndex {
 public:
  explicit StoredKeyIndex(std::string store_path);
  ~StoredKeyIndex();
  // The events of `family` stored as of now: reads the chunks added since the last call through
  // `db` (the caller's connection, on the caller's thread; inside a write transaction it sees
  // every commit). The result is thread-safe and stays valid after the index is gone.
  std::unique_ptr<SeenEvents> Snapshot(Database& db, IdFamily family);

  struct Chunk {
    std::int64_t id = 0, first = 0, last = 0;
    std::int64_t max_last = 0;  // running maximum of `last` over this and earlier chunks
  };
  struct Decoder;  // the decoding connection and cache, shared with the snapshots

 private:
  std::map<IdFamily, std::shared_ptr<const std::vector<Chunk>>> chunks_;  // sorted by first key
  std::int64_t read_up_to_ = 0;  // the highest chunk id read
  std::shared_ptr<Decoder> decoder_;
};

}  // namespace triad
