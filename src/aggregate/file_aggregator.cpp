#include "aggregate/file_aggregator.hpp"

#include "aggregate/news_slots.hpp"

#include <fmt/format.h>
#include <xxhash.h>
#if defined(__x86_64__)
// The same XXH3 with the widest vectors the processor has (chosen at run time): hashing is on
// the reading thread, the one a large file's ingest waits for.
#include <xxh_x86dispatch.h>
#endif

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_set>

#include "common/error.hpp"
#include "common/large_array.hpp"
#include "reading/byte_source.hpp"
#include "reading/row_parser.hpp"

namespace triad {
namespace {

// Read buffers are large and refilled at once: no zeroing, and huge pages where possible.
using ByteBuffer = LargeArray<char>;

// A copy of `buffer` with room for `size` bytes (for lines longer than a block).
ByteBuffer Enlarge(ByteBuffer& buffer, std::size_t used, std::size_t size) {
  ByteBuffer bigger(size);
  std::memcpy(bigger.data(), buffer.data(), used);
  return bigger;
}

// A block of whole lines handed from the reading thread to a parsing worker: bytes
// [begin, begin + size) of the buffer, or of `in_place` (content already in memory, such as an
// inflated zip member, is parsed where it is rather than copied into blocks).
struct Block {
  std::size_t index = 0;
  ByteBuffer bytes;
  const char* in_place = nullptr;
  std::size_t begin = 0;
  std::size_t size = 0;
  const char* data() const { return (in_place ? in_place : bytes.data()) + begin; }
};

// One accepted event whose key occurs more than once in the file, held back from the cells until
// every block is parsed: then the first copy in file order counts (whatever the threads' timing)
// and the others are duplicates.
struct HeldEvent {
  std::int64_t key = 0;
  std::uint64_t cell = 0;  // CellKey::Pack()
  CellValues values;       // this one event's contribution
  Day day = 0;
  std::int64_t added = 0;
};

// What one worker learned from one block; rejects carry block-local line numbers until the
// blocks' line counts are known.
struct BlockResult {
  std::int64_t lines = 0;
  std::int64_t blank = 0;  // empty lines: not rows (a file's trailing newlines, a zip of them)
  std::int64_t accepted = 0, without_dyad = 0, rejected = 0, duplicate = 0, stale = 0;
  NewsSlots news;                    // when the accepted rows' news was published
  std::vector<RejectedRow> rejects;  // bounded like the file's (kKeptRejectsPerReason)
  std::vector<RejectCount> reject_counts;
  std::vector<std::int64_t> keys;
  Day min_day = 0, max_day = 0;
  std::int64_t min_added = 0, max_added = 0;
  std::vector<HeldEvent> held;  // events whose key the file repeats, in line order
};

// The count of (field, reason) in `counts`, added if there is room for another reason; else the
// count of the reasons counted together.
RejectCount& CountOf(std::vector<RejectCount>& counts, std::string_view field,
                     std::string_view reason) {
  for (RejectCount& c : counts)
    if (c.field == field && c.reason == reason) return c;
  const bool other = field.empty() && reason == kOtherRejectReasons;
  if (counts.size() < kRejectReasonsPerFile || other) {
    counts.push_back(RejectCount{std::string(field), std::string(reason), 0});
    return counts.back();
  }
  return CountOf(counts, "", kOtherRejectReasons);
}

// Buffers go back and forth between the reading thread and the workers, so that memory is a
// few blocks and no block is allocated (and zeroed, and faulted in) twice.
class BufferPool {
 public:
  explicit BufferPool(std::size_t block_bytes) : block_bytes_(block_bytes) {}
  ByteBuffer Take(std::size_t min_size) {
    ByteBuffer buffer;
    {
      std::lock_guard lock(mutex_);
      if (!free_.empty()) {
        buffer = std::move(free_.back());
        free_.pop_back();
      }
    }
    if (buffer.size() < std::max(min_size, block_bytes_))
      buffer = ByteBuffer(std::max(min_size, block_bytes_));
    return buffer;
  }
  void Give(ByteBuffer buffer) {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(buffer));
  }

 private:
  std::size_t block_bytes_;
  std::mutex mutex_;
  std::vector<ByteBuffer> free_;
};

class BlockQueue {
 public:
  explicit BlockQueue(std::size_t capacity) : capacity_(capacity) {}
  void Push(std::unique_ptr<Block> block) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return queue_.size() < capacity_; });
    queue_.push_back(std::move(block));
    not_empty_.notify_one();
  }
  std::unique_ptr<Block> Pop() {  // nullptr once closed and drained
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !queue_.empty() || closed_; });
    if (queue_.empty()) return nullptr;
    auto block = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    return block;
  }
  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
  std::deque<std::unique_ptr<Block>> queue_;
  bool closed_ = false;
};

// The counts of one accepted event.
CellValues EventValues(const EventRecord& r) {
  CellValues v;
  const std::int64_t g = r.goldstein_tenths, m = r.mentions;
  v.events = 1;
  v.mentions = m;
  v.mentions_sq = m * m;
  v.sources = r.sources;
  v.articles = r.articles;
  v.goldstein = g;
  v.goldstein_sq = g * g;
  v.goldstein_w = m * g;
  v.goldstein_w_sq = m * g * g;
  v.tone = r.tone_micro;
  return v;
}

// What ParseBlock does with a parsed row besides storing it.
struct RowRules {
  EventFormat format = EventFormat::kGdelt2;
  int max_report_lag_days = kDefaultMaxReportLagDays;  // < 0: no limit
  bool strict = false;
};

// `repeated`: keys that occur more than once in the file (sorted; null on the first pass); their
// events go to out->held instead of the cells.
void ParseBlock(const Block& block, const RowParser& parser, const SeenEvents* seen,
                const std::vector<std::int64_t>* repeated, const RowRules& rules, CellTable* cells,
                BlockResult* out, std::atomic<bool>* stop) {
  const char* p = block.data();
  const char* end = p + block.size;
  EventRecord r;
  RowProblem problem;
  bool first = true;
  std::string_view line;
  // A file's rows share few DATEADDED values (one for a 15-minute file): decode each once.
  std::int64_t decoded_added = -1;
  std::optional<NewsTime> news_time;
  while (p < end) {
    if (*p == '\n' || (*p == '\r' && p + 1 < end && p[1] == '\n')) {
      ++out->lines;
      ++out->blank;
      p += *p == '\r' ? 2 : 1;
      continue;
    }
    RowOutcome outcome = parser.ParseNext(p, end, &line, &r, &problem);
    p = line.data() + line.size() + 1;  // past the newline (or past the end)
    ++out->lines;
    switch (outcome) {
      case RowOutcome::kNoDyad:
        ++out->without_dyad;
        break;
      case RowOutcome::kRejected: {
        ++out->rejected;
        RejectCount& count = CountOf(out->reject_counts, problem.field, problem.reason);
        if (++count.rows <= static_cast<std::int64_t>(kKeptRejectsPerReason) &&
            out->rejects.size() < kKeptRejectsPerFile)
          out->rejects.push_back(RejectedRow{out->lines, std::string(problem.field),
                                             std::move(problem.reason), std::string(line)});
        if (rules.strict) {
          stop->store(true);
          return;
        }
        break;
      }
      case RowOutcome::kAccepted: {
        if (r.date_added != decoded_added) {
          decoded_added = r.date_added;
          news_time = NewsTimeOf(rules.format, r.date_added);
        }
        if (news_time) {
          out->news.Add(*news_time);
          if (rules.max_report_lag_days >= 0 &&
              news_time->day - r.day > rules.max_report_lag_days) {
            ++out->stale;
            break;
          }
        } else {
          out->news.AddEventDay(r.day);
        }
        if (seen && seen->Contains(r.key)) {
          ++out->duplicate;
          break;
        }
        std::uint64_t key =
            CellKey::PackParts(r.day, r.source.data(), r.target.data(), r.event->channel,
                               r.quad_class, r.source_sector, r.target_sector);
        if (repeated && std::binary_search(repeated->begin(), repeated->end(), r.key)) {
          out->held.push_back(HeldEvent{r.key, key, EventValues(r), r.day, r.date_added});
          break;
        }
        ++out->accepted;
        out->keys.push_back(r.key);
        cells->At(key).Merge(EventValues(r));
        if (first) {
          out->min_day = out->max_day = r.day;
          out->min_added = out->max_added = r.date_added;
          first = false;
        } else {
          out->min_day = std::min(out->min_day, r.day);
          out->max_day = std::max(out->max_day, r.day);
          out->min_added = std::min(out->min_added, r.date_added);
          out->max_added = std::max(out->max_added, r.date_added);
        }
        break;
      }
    }
  }
}

bool LooksBinary(const char* data, std::size_t size) {
  return std::memchr(data, '\0', std::min<std::size_t>(size, 1 << 16)) != nullptr;
}

FileAggregate AggregateOnce(const std::string& path, const SeenEventsProvider& seen_for,
                            const std::vector<std::int64_t>* repeated,
                            const AggregateOptions& options) {
  auto source = OpenByteSource(path);
  // Content already in memory (an inflated zip member) is cut into blocks in place.
  const std::optional<std::string_view> whole = source->Whole();
  FileAggregate result;
  result.member_name = source->member_name();
  const int threads = options.threads > 0
                          ? options.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  XXH3_state_t* hash = XXH3_createState();
  XXH3_128bits_reset(hash);
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> hash_owner(hash, XXH3_freeState);

  // The first block decides the format and the header.
  auto read_more = [&](ByteBuffer* buffer, std::size_t offset) {
    std::size_t n = source->Read(buffer->data() + offset, buffer->size() - offset);
    XXH3_128bits_update(hash, buffer->data() + offset, n);
    result.content_bytes += n;
    return n;
  };
  // Blocks: at most options.block_bytes, but small inputs (15-minute files) get blocks sized so
  // that each worker has about two, and pay for no more memory than they need.
  const std::uint64_t known_size = std::max(source->content_size(), source->file_size());
  const std::size_t block_bytes = static_cast<std::size_t>(
      std::clamp<std::uint64_t>(known_size / (2 * static_cast<std::uint64_t>(threads)) + 4096,
                                64 << 10, options.block_bytes));
  ByteBuffer first;
  std::size_t first_size = 0;
  std::string_view head;
  if (whole) {
    XXH3_128bits_update(hash, whole->data(), whole->size());
    result.content_bytes = whole->size();
    head = *whole;
    first_size = whole->size();
  } else {
    first = ByteBuffer(block_bytes);
    first_size = read_more(&first, 0);
    head = std::string_view(first.data(), first_size);
  }
  if (first_size == 0) ThrowInput(Location{path, 0, ""}, "the file is empty");
  if (LooksBinary(head.data(), first_size))
    ThrowInput(Location{path, 0, ""},
               "binary data (a NUL byte in the first 64 KiB): not an event file");
  // The whole first line, however long (an ICEWS header can exceed a block): read on to its
  // newline, up to a bound past which no event file's line goes.
  constexpr std::size_t kMaxFirstLine = 16 << 20;
  while (!whole && head.find('\n') == std::string_view::npos) {
    if (first_size == first.size()) {
      if (first.size() >= kMaxFirstLine)
        ThrowInput(Location{path, 1, ""},
                   "the first line is longer than 16 MiB (no newline): not an event file");
      first = Enlarge(first, first_size, first.size() * 2);
    }
    std::size_t n = read_more(&first, first_size);
    if (n == 0) break;
    first_size += n;
    head = std::string_view(first.data(), first_size);
  }
  // A UTF-8 byte order mark (spreadsheets write one) is not part of the first line.
  const std::size_t bom = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  head.remove_prefix(bom);
  std::string_view first_line = head.substr(0, head.find('\n'));
  result.format = options.format ? *options.format : DetectFormat(first_line, path);
  std::string header = HasHeader(result.format) ? std::string(first_line) : std::string();
  auto parser = MakeRowParser(result.format, header, path);
  const SeenEvents* seen = seen_for ? seen_for(result.format) : nullptr;
  const RowRules rules{result.format, options.max_report_lag_days, options.strict};
  result.max_report_lag_days = options.max_report_lag_days;
  std::size_t skip = bom + (header.empty() ? 0 : std::min(head.size(), first_line.size() + 1));

  BlockQueue queue(static_cast<std::size_t>(threads) + 1);
  std::mutex results_mutex;
  std::vector<BlockResult> results;
  // Rejected rows are folded into the file's (in block order, keeping the file's first of each
  // reason) as soon as every earlier block is done, so that memory holds the kept rows of the
  // blocks in flight rather than of every block of the file.
  std::vector<bool> done;
  std::size_t folded = 0;
  std::int64_t line_base = header.empty() ? 0 : 1;
  std::vector<std::int64_t> kept;  // rows kept so far of each reason in result.reject_counts
  auto fold_rejects = [&](BlockResult& r) {
    for (auto& reject : r.rejects) {
      // Blocks kept their own first rows of each reason: keep the file's first.
      RejectCount& count = CountOf(result.reject_counts, reject.field, reject.reason);
      const std::size_t at = static_cast<std::size_t>(&count - result.reject_counts.data());
      kept.resize(result.reject_counts.size());
      if (kept[at] >= static_cast<std::int64_t>(kKeptRejectsPerReason) ||
          result.rejects.size() >= kKeptRejectsPerFile)
        continue;
      ++kept[at];
      reject.line += line_base;
      result.rejects.push_back(std::move(reject));
    }
    for (const RejectCount& c : r.reject_counts) {
      RejectCount& count = CountOf(result.reject_counts, c.field, c.reason);
      // A reason first met with no row kept (the block's quota was full) still counts.
      count.rows += c.rows;
    }
    kept.resize(result.reject_counts.size());
    line_base += r.lines;
    std::vector<RejectedRow>().swap(r.rejects);
    std::vector<RejectCount>().swap(r.reject_counts);
  };
  // Size the tables for the input: a cell needs at least one row (~400 bytes for GDELT), and
  // small files (15-minute slots) should not pay for a large table.
  const std::size_t initial_slots =
      std::clamp<std::size_t>(static_cast<std::size_t>(known_size / 2048), 1 << 10, 1 << 16);
  std::vector<CellTable> tables;
  for (int t = 0; t < threads; ++t) tables.emplace_back(initial_slots);
  BufferPool pool(block_bytes);
  std::atomic<bool> stop{false};
  std::exception_ptr worker_error;
  auto parse = [&](Block& block, int t) {
    BlockResult local;
    if (!stop.load()) {
      try {
        ParseBlock(block, *parser, seen, repeated, rules, &tables[static_cast<std::size_t>(t)],
                   &local, &stop);
      } catch (...) {
        std::lock_guard lock(results_mutex);
        if (!worker_error) worker_error = std::current_exception();
        stop.store(true);
      }
    }
    if (!block.in_place) pool.Give(std::move(block.bytes));
    std::lock_guard lock(results_mutex);
    if (results.size() <= block.index) results.resize(block.index + 1);
    results[block.index] = std::move(local);
    if (done.size() <= block.index) done.resize(block.index + 1);
    done[block.index] = true;
    for (; folded < done.size() && done[folded]; ++folded) fold_rejects(results[folded]);
  };
  // Content in memory that one thread parses (threads = 1, as for the many small files of an
  // ingest that aggregates several files at once) is one block, parsed here without workers.
  const bool inline_parse = whole && (threads == 1 || whole->size() - skip <= block_bytes);
  std::vector<std::thread> workers;
  // The system may refuse a thread (a process limit, memory): the file is parsed by the workers
  // that did start, or, when none did, the error names the file.
  for (int t = 0; t < (inline_parse ? 0 : threads); ++t) {
    try {
      workers.emplace_back([&, t] {
        // A worker keeps draining the queue after an error (it only stops parsing), so that the
        // reading thread can never block on a full queue.
        while (auto block = queue.Pop()) parse(*block, t);
      });
    } catch (const std::system_error& e) {
      if (workers.empty())
        ThrowInput(
            Location{path, 0, ""},
            fmt::format("cannot start a thread to parse it ({}); try --threads 1", e.what()));
      break;
    }
  }

  std::exception_ptr read_error;
  if (whole) {
    // Blocks of whole lines, in place.
    std::size_t begin = skip, index = 0;
    while (begin < whole->size()) {
      std::size_t cut = whole->size();
      if (!inline_parse && whole->size() - begin > block_bytes) {
        std::size_t newline = whole->rfind('\n', begin + block_bytes - 1);
        if (newline == std::string_view::npos || newline < begin)
          newline = whole->find('\n', begin + block_bytes);  // a line longer than a block
        if (newline != std::string_view::npos) cut = newline + 1;
      }
      auto block = std::make_unique<Block>();
      block->index = index++;
      block->in_place = whole->data();
      block->begin = begin;
      block->size = cut - begin;
      begin = cut;
      if (inline_parse)
        parse(*block, 0);
      else
        queue.Push(std::move(block));
      if (stop.load()) break;
    }
    if (options.progress) options.progress(result.content_bytes);
  } else {
    // Reading thread: cut the stream into blocks of whole lines.
    try {
      ByteBuffer buffer = std::move(first);
      std::size_t size = first_size;
      std::size_t begin = skip;
      std::size_t index = 0;
      bool eof = false;
      while (!stop.load()) {
        // Fill the buffer (after any carried partial line) until a newline is in it or EOF.
        while (!eof && size < buffer.size()) {
          std::size_t n = read_more(&buffer, size);
          if (n == 0) eof = true;
          size += n;
        }
        std::string_view data(buffer.data() + begin, size - begin);
        std::size_t cut = eof ? data.size() : data.rfind('\n');
        if (cut == std::string_view::npos) {  // one line longer than the buffer: grow it
          buffer = Enlarge(buffer, size, buffer.size() * 2);
          continue;
        }
        if (!eof) ++cut;  // include the newline
        auto block = std::make_unique<Block>();
        block->index = index++;
        std::size_t rest = data.size() - cut;
        // Hand this buffer over and continue with another holding the partial last line.
        ByteBuffer next = pool.Take(rest * 2);
        std::memcpy(next.data(), data.data() + cut, rest);
        block->bytes = std::move(buffer);
        block->begin = begin;
        block->size = cut;
        if (block->size > 0) {
          queue.Push(std::move(block));
        } else {
          pool.Give(std::move(block->bytes));
          --index;
        }
        buffer = std::move(next);
        size = rest;
        begin = 0;
        if (options.progress) options.progress(result.content_bytes);
        if (eof && rest == 0) break;
      }
    } catch (...) {
      read_error = std::current_exception();
      stop.store(true);
    }
  }
  queue.Close();
  for (auto& w : workers) w.join();
  if (read_error) std::rethrow_exception(read_error);
  if (worker_error) std::rethrow_exception(worker_error);

  XXH128_hash_t digest = XXH3_128bits_digest(hash);
  result.content_hash = fmt::format("{:016x}{:016x}", digest.high64, digest.low64);

  // Stitch block results together in file order.
  bool first_accepted = true;
  NewsSlots news;
  std::size_t total_keys = 0;
  for (auto& r : results) total_keys += r.keys.size();
  result.keys.reserve(total_keys);
  for (auto& r : results) {
    result.rows_read += r.lines - r.blank;
    result.rows_accepted += r.accepted;
    result.rows_without_dyad += r.without_dyad;
    result.rows_rejected += r.rejected;
    result.rows_duplicate += r.duplicate;
    result.rows_stale += r.stale;
    news.Merge(r.news);
    result.keys.insert(result.keys.end(), r.keys.begin(), r.keys.end());
    std::vector<std::int64_t>().swap(r.keys);
    if (r.accepted > 0) {
      if (first_accepted) {
        result.min_day = r.min_day, result.max_day = r.max_day;
        result.min_added = r.min_added, result.max_added = r.max_added;
        first_accepted = false;
      } else {
        result.min_day = std::min(result.min_day, r.min_day);
        result.max_day = std::max(result.max_day, r.max_day);
        result.min_added = std::min(result.min_added, r.min_added);
        result.max_added = std::max(result.max_added, r.max_added);
      }
    }
  }
  // Events of repeated keys: the first copy in file order counts, the later ones are duplicates.
  std::vector<const HeldEvent*> first_copies;
  {
    std::unordered_set<std::int64_t> counted;
    for (const auto& r : results)
      for (const HeldEvent& h : r.held) {
        if (!counted.insert(h.key).second) {
          ++result.rows_duplicate;
          continue;
        }
        first_copies.push_back(&h);
        ++result.rows_accepted;
        result.keys.push_back(h.key);
        if (first_accepted) {
          result.min_day = result.max_day = h.day;
          result.min_added = result.max_added = h.added;
          first_accepted = false;
        } else {
          result.min_day = std::min(result.min_day, h.day);
          result.max_day = std::max(result.max_day, h.day);
          result.min_added = std::min(result.min_added, h.added);
          result.max_added = std::max(result.max_added, h.added);
        }
      }
  }
  if (options.strict && !result.rejects.empty()) {
    const RejectedRow& bad = result.rejects.front();
    ThrowInput(Location{path, bad.line, bad.field},
               bad.reason +
                   " (--strict stops at the first bad row; without it the row is kept "
                   "in the store's rejects and ingest goes on)");
  }
  if (result.rows_read >= kMostlyRejectedMinRows && result.rows_rejected * 2 > result.rows_read) {
    const RejectedRow& bad = result.rejects.front();
    ThrowInput(
        Location{path, bad.line, bad.field},
        fmt::format("this does not look like {}: first bad line {} ({}{}); {} of its {} rows "
                    "are rejected, so nothing of it is stored: give the right "
                    "--input-format, or check that this is an event file",
                    EventFormatName(result.format), bad.line,
                    bad.field.empty() ? "" : bad.field + ": ", bad.reason, result.rows_rejected,
                    result.rows_read));
  }
  if (!std::is_sorted(result.keys.begin(), result.keys.end()))
    std::sort(result.keys.begin(), result.keys.end());
  if (!result.keys.empty()) {
    result.min_key = result.keys.front();
    result.max_key = result.keys.back();
  }
  result.news_slots = news.Finish();
  for (const HeldEvent* h : first_copies) tables[0].At(h->cell).Merge(h->values);
  result.cells = FileCells(std::move(tables));
  return result;
}

}  // namespace

FileAggregate AggregateFile(const std::string& path, const SeenEventsProvider& seen,
                            const AggregateOptions& options) {
  FileAggregate result = AggregateOnce(path, seen, nullptr, options);
  // Events repeated inside the file itself (rare): find them, then aggregate again counting
  // the first copy of each in file order (HeldEvent). The common case pays only for one pass
  // over the sorted keys.
  std::vector<std::int64_t> repeated;
  for (std::size_t i = 1; i < result.keys.size(); ++i)
    if (result.keys[i] == result.keys[i - 1] &&
        (repeated.empty() || repeated.back() != result.keys[i]))
      repeated.push_back(result.keys[i]);
  if (repeated.empty()) return result;
  return AggregateOnce(path, seen, &repeated, options);
}

}  // namespace triad
