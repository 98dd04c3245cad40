#include "store/stored_keys.hpp"

#include <algorithm>
#include <climits>

#include "common/error.hpp"
#include "store/key_chunks.hpp"

namespace triad {

struct StoredKeyIndex::Decoder {
  explicit Decoder(std::string path) : path(std::move(path)) {}
  // The keys of chunk `id`, decoded once per run. Chunks are never deleted (files never are), so
  // a chunk in a snapshot is committed and visible to this connection.
  std::shared_ptr<const std::vector<std::int64_t>> Keys(std::int64_t id) {
    std::lock_guard lock(mutex);
    auto found = cache.find(id);
    if (found != cache.end()) return found->second;
    if (!db) db = std::make_unique<Database>(path, /*create=*/false);
    auto stmt = db->Prepare("SELECT first_key, gaps FROM event_keys WHERE id = ?");
    stmt.Bind(1, id);
    if (!stmt.Step()) ThrowStore("event-key chunk vanished from the store");
    auto keys = std::make_shared<const std::vector<std::int64_t>>(
        DecodeKeyChunk(stmt.Int(0), stmt.Blob(1)));
    // Bounded memory: a run that touches very many stored chunks (re-ingesting history under new
    // names) decodes some again rather than holding them all.
    cached_keys += keys->size();
    if (cached_keys > (std::size_t{1} << 26)) {
      cache.clear();
      cached_keys = keys->size();
    }
    cache.emplace(id, keys);
    return keys;
  }
  std::string path;
  std::mutex mutex;
  std::unique_ptr<Database> db;
  std::map<std::int64_t, std::shared_ptr<const std::vector<std::int64_t>>> cache;
  std::size_t cached_keys = 0;
};

namespace {

class StoredKeys : public SeenEvents {
 public:
  StoredKeys(std::shared_ptr<const std::vector<StoredKeyIndex::Chunk>> chunks,
             std::shared_ptr<StoredKeyIndex::Decoder> decoder)
      : chunks_(std::move(chunks)), decoder_(std::move(decoder)) {}
  bool Contains(std::int64_t key) const override {
    // Chunks sorted by first key; max_last is the running maximum of last keys, so walking left
    // can stop once it falls below the key.
    const auto& chunks = *chunks_;
    auto it = std::upper_bound(
        chunks.begin(), chunks.end(), key,
        [](std::int64_t k, const StoredKeyIndex::Chunk& c) { return k < c.first; });
    while (it != chunks.begin()) {
      --it;
      if (it->max_last < key) return false;
      if (it->last >= key) {
        auto keys = decoder_->Keys(it->id);
        if (std::binary_search(keys->begin(), keys->end(), key)) return true;
      }
    }
    return false;
  }

 private:
  std::shared_ptr<const std::vector<StoredKeyIndex::Chunk>> chunks_;
  std::shared_ptr<StoredKeyIndex::Decoder> decoder_;
};

}  // namespace

StoredKeyIndex::StoredKeyIndex(std::string store_path)
    : decoder_(std::make_shared<Decoder>(std::move(store_path))) {}

StoredKeyIndex::~StoredKeyIndex() = default;

std::unique_ptr<SeenEvents> StoredKeyIndex::Snapshot(Database& db, IdFamily family) {
  auto stmt =
      db.Prepare("SELECT id, family, first_key, last_key FROM event_keys WHERE id > ? ORDER BY id");
  stmt.Bind(1, read_up_to_);
  std::map<IdFamily, std::vector<Chunk>> added;
  while (stmt.Step()) {
    added[static_cast<IdFamily>(stmt.Int(1))].push_back(
        Chunk{stmt.Int(0), stmt.Int(2), stmt.Int(3), 0});
    read_up_to_ = std::max(read_up_to_, stmt.Int(0));
  }
  for (auto& [f, fresh] : added) {
    // Copy on write: snapshots handed out earlier keep their list.
    auto& shared = chunks_[f];
    auto chunks = shared ? std::make_shared<std::vector<Chunk>>(*shared)
                         : std::make_shared<std::vector<Chunk>>();
    std::size_t from = chunks->size();
    for (const Chunk& c : fresh) {
      // New files' keys are usually above every stored key: then this appends.
      auto at = std::upper_bound(chunks->begin(), chunks->end(), c.first,
                                 [](std::int64_t k, const Chunk& x) { return k < x.first; });
      from = std::min(from, static_cast<std::size_t>(at - chunks->begin()));
      chunks->insert(at, c);
    }
    std::int64_t running = from > 0 ? (*chunks)[from - 1].max_last : INT64_MIN;
    for (std::size_t i = from; i < chunks->size(); ++i)
      running = (*chunks)[i].max_last = std::max(running, (*chunks)[i].last);
    shared = std::move(chunks);
  }
  auto& list = chunks_[family];
  if (!list) list = std::make_shared<const std::vector<Chunk>>();
  return std::make_unique<StoredKeys>(list, decoder_);
}

}  // namespace triad
