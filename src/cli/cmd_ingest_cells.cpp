// triad ingest-cells: reads the result of `triad sql` (CSV with a header, or newline-delimited
// JSON as BigQuery exports it, numbers possibly as JSON strings) into the store in one
// transaction (store/cell_import.hpp). Every row is checked first: a bad one is an input error
// naming file, line and field, and the store is not touched.
#include <fmt/format.h>
#include <xxhash.h>

#include <array>
#include <bitset>
#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "aggregate/cells_sql.hpp"
#include "cli/cell_columns.hpp"
#include "cli/command.hpp"
#include "common/error.hpp"
#include "reading/byte_source.hpp"
#include "reading/fixed_point.hpp"
#include "store/cell_import.hpp"

namespace triad::cli {
namespace {

struct IngestCellsArgs {
  std::vector<std::string> files;
  std::string store = kDefaultStorePath;
  std::string query;
  bool replace = false;
};

// The columns of `triad export cells`, which the query's result has.
constexpr const auto& kColumns = kCellColumns;
enum Col {
  kDate,
  kSource,
  kTarget,
  kSourceSector,
  kTargetSector,
  kChannel,
  kQuad,
  kEvents,
  kMentions,
  kMentionsSq,
  kSources,
  kArticles,
  kGoldstein,
  kGoldsteinSq,
  kGoldsteinW,
  kGoldsteinWSq,
  kTone
};

std::string ReadWhole(const std::string& path) {
  auto source = OpenByteSource(path);
  std::string text;
  std::array<char, 1 << 16> buffer;
  while (std::size_t n = source->Read(buffer.data(), buffer.size())) text.append(buffer.data(), n);
  return text;
}

// One row's fields as text, in kColumns order.
using RowText = std::array<std::string, kColumns.size()>;

class ResultReader {
 public:
  explicit ResultReader(CellImport* out) : out_(out) {}

  void ReadFile(const std::string& path, const std::string& text) {
    path_ = path;
    std::size_t start = 0;
    std::int64_t line_number = 0;
    bool json = false, first = true;
    std::vector<int> csv_columns;  // kColumns index of each CSV column
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string_view line(text.data() + start, end - start);
      start = end + 1;
      ++line_number;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty()) continue;
      if (first) {
        first = false;
        json = line.front() == '{';
        if (!json) {
          csv_columns = Header(line, line_number);
          continue;
        }
      }
      RowText row = json ? JsonRow(line, line_number) : CsvRow(line, line_number, csv_columns);
      ++out_->rows_read;
      AddRow(row, line_number);
    }
    if (first)
      ThrowInput(Location{path, 0, ""},
                 "an empty file: expected the result of `triad sql` as CSV with a header or "
                 "newline-delimited JSON");
  }

  // News slots by day, in day order.
  void Finish() {
    for (const auto& [day, slots] : news_) out_->news.push_back(DaySlots{day, slots});
  }

 private:
  [[noreturn]] void Fail(std::int64_t line, std::string_view field, const std::string& why) {
    ThrowInput(Location{path_, line, std::string(field)}, why);
  }

  std::vector<int> Header(std::string_view line, std::int64_t line_number) {
    std::vector<int> columns;
    std::vector<bool> seen(kColumns.size(), false);
    for (const std::string& name : SplitCsv(line, line_number)) {
      auto it = std::find(kColumns.begin(), kColumns.end(), name);
      if (it == kColumns.end())
        Fail(line_number, name,
             fmt::format("'{}' is not a column of `triad sql`'s result (the columns of `triad "
                         "export cells`); is this its result, with its header?",
                         name));
      const int index = static_cast<int>(it - kColumns.begin());
      if (seen[static_cast<std::size_t>(index)])
        Fail(line_number, name, "the column is named twice in the header");
      seen[static_cast<std::size_t>(index)] = true;
      columns.push_back(index);
    }
    for (std::size_t i = 0; i < kColumns.size(); ++i)
      if (!seen[i])
        Fail(line_number, kColumns[i],
             "the header lacks this column of `triad sql`'s result (the columns of `triad export "
             "cells`)");
    return columns;
  }

  // Fields of a CSV line; a field may be double-quoted ("" inside for a quote).
  std::vector<std::string> SplitCsv(std::string_view line, std::int64_t line_number) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quoted) {
        if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
          fields.back() += '"';
          ++i;
        } else if (c == '"') {
          quoted = false;
        } else {
          fields.back() += c;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.emplace_back();
      } else {
        fields.back() += c;
      }
    }
    if (quoted) Fail(line_number, "", "a quoted field is not closed on its line");
    return fields;
  }

  RowText CsvRow(std::string_view line, std::int64_t line_number, const std::vector<int>& columns) {
    std::vector<std::string> fields = SplitCsv(line, line_number);
    if (fields.size() != columns.size())
      Fail(line_number, "",
           fmt::format("{} fields, but the header has {} columns", fields.size(), columns.size()));
    RowText row;
    for (std::size_t i = 0; i < fields.size(); ++i)
      row[static_cast<std::size_t>(columns[i])] = std::move(fields[i]);
    return row;
  }

  // A JSON object per line; numbers may be JSON numbers or strings (BigQuery writes INT64 and
  // NUMERIC as strings), null is an empty field.
  RowText JsonRow(std::string_view line, std::int64_t line_number) {
    nlohmann::json object;
    try {
      object = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      Fail(line_number, "", fmt::format("not a JSON object: {}", e.what()));
    }
    if (!object.is_object()) Fail(line_number, "", "not a JSON object");
    RowText row;
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
      auto it = object.find(kColumns[i]);
      if (it == object.end())
        Fail(line_number, kColumns[i], "missing (the result of `triad sql` has this column)");
      if (it->is_string())
        row[i] = it->get<std::string>();
      else if (it->is_number_integer() || it->is_number_unsigned())
        row[i] = it->dump();
      else if (it->is_number_float())
        // A JSON float would have lost digits on the way: the exact sums are decimal text.
        Fail(line_number, kColumns[i],
             fmt::format("{} is a JSON floating-point number; export the query's result as "
                         "BigQuery does (NUMERIC and INT64 as strings) so that sums stay exact",
                         it->dump()));
      else if (!it->is_null())
        Fail(line_number, kColumns[i], "not a string or a number");
    }
    for (const auto& [name, value] : object.items())
      if (std::find(kColumns.begin(), kColumns.end(), name) == kColumns.end())
        Fail(line_number, name, "not a column of `triad sql`'s result");
    return row;
  }

  std::int64_t Integer(const RowText& row, Col col, std::int64_t line, std::int64_t min,
                       std::int64_t max) {
    auto value = ParseInteger(row[col]);
    if (!value || *value < min || *value > max)
      Fail(line, kColumns[col],
           fmt::format("'{}' is not an integer from {} to {}", row[col], min, max));
    return *value;
  }

  // An exact decimal with at most `scale` decimals that count ("12.30" is 12.3 tenths; "1.25" is
  // not a number of tenths).
  std::int64_t Fixed(const RowText& row, Col col, std::int64_t line, int scale) {
    auto value = ParseFixedPoint(row[col], scale);
    auto finer = ParseFixedPoint(row[col], scale + 3);
    if (!value || !finer || *finer != *value * 1000)
      Fail(line, kColumns[col],
           fmt::format("'{}' is not a decimal number with at most {} decimals", row[col], scale));
    return *value;
  }

  void AddRow(const RowText& row, std::int64_t line) {
    auto day = ParseDate(row[kDate]);
    if (!day || row[kDate].size() != 10) Fail(line, "date", "not a date in YYYY-MM-DD form");
    if (row[kChannel] == kNewsChannel) {
      const std::int64_t slots = Integer(row, kMentions, line, 1, kGdelt2SlotsPerDay);
      if (slots != 1 && slots != kGdelt2SlotsPerDay)
        Fail(line, "mentions", "a news row's slots per day must be 96 (GDELT 2.0) or 1");
      const std::int64_t slot = Integer(row, kEvents, line, 0, slots - 1);
      if (!news_.empty() && slots != out_->slots_per_day)
        Fail(line, "mentions", "news rows with 1 and 96 slots per day: results of two queries?");
      out_->slots_per_day = static_cast<int>(slots);
      news_[*day].set(static_cast<std::size_t>(slot));
      return;
    }
    auto channel = ParseChannel(row[kChannel]);
    if (!channel)
      Fail(line, "channel",
           fmt::format("'{}' is not diplomatic, economic, security or {}", row[kChannel],
                       kNewsChannel));
    for (Col col : {kSource, kTarget}) {
      const std::string& code = row[col];
      if (code.size() != 3 ||
          code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos)
        Fail(line, kColumns[col], fmt::format("'{}' is not a 3-letter country code", code));
    }
    if (row[kSource] == row[kTarget]) Fail(line, "target", "the same country as source");
    ActorSector sectors[2];
    for (Col col : {kSourceSector, kTargetSector}) {
      auto sector = ParseActorSector(row[col]);
      if (!sector)
        Fail(line, kColumns[col],
             fmt::format("'{}' is not a sector class (unspecified, government, military, "
                         "business or civil)",
                         row[col]));
      sectors[col - kSourceSector] = *sector;
    }
    const int quad = static_cast<int>(Integer(row, kQuad, line, 1, 4));
    constexpr std::int64_t kMax = std::int64_t{1} << 62;
    CellValues v;
    v.events = Integer(row, kEvents, line, 1, kMax);
    v.mentions = Integer(row, kMentions, line, 0, kMax);
    v.mentions_sq = Integer(row, kMentionsSq, line, 0, kMax);
    v.sources = Integer(row, kSources, line, 0, kMax);
    v.articles = Integer(row, kArticles, line, 0, kMax);
    v.goldstein = Fixed(row, kGoldstein, line, 1);
    v.goldstein_sq = Fixed(row, kGoldsteinSq, line, 2);
    v.goldstein_w = Fixed(row, kGoldsteinW, line, 1);
    v.goldstein_w_sq = Fixed(row, kGoldsteinWSq, line, 2);
    v.tone = Fixed(row, kTone, line, 6);
    const std::uint64_t key = CellKey::PackParts(*day, row[kSource].c_str(), row[kTarget].c_str(),
                                                 *channel, quad, sectors[0], sectors[1]);
    if (!out_->cells.emplace(key, v).second)
      Fail(line, "",
           fmt::format("the cell {} {} {} {}/{} {} {} occurs twice (results of overlapping "
                       "queries? import each result on its own)",
                       row[kDate], row[kSource], row[kTarget], row[kSourceSector],
                       row[kTargetSector], row[kChannel], quad));
  }

  CellImport* out_;
  std::string path_;
  std::map<Day, std::bitset<kGdelt2SlotsPerDay>> news_;
};

int RunIngestCells(const IngestCellsArgs& args) {
  CellImport import;
  ResultReader reader(&import);
  XXH3_state_t* hash = XXH3_createState();
  XXH3_128bits_reset(hash);
  try {
    for (const std::string& file : args.files) {
      const std::string path = std::filesystem::absolute(file).lexically_normal().string();
      if (!std::filesystem::exists(path)) ThrowInput(Location{file, 0, ""}, "no such file");
      const std::string text = ReadWhole(file);
      reader.ReadFile(file, text);
      XXH3_128bits_update(hash, text.data(), text.size());
      import.inputs.push_back(path);
      import.bytes += static_cast<std::int64_t>(std::filesystem::file_size(path));
      if (import.inputs.size() == 1)
        import.mtime = std::chrono::duration_cast<std::chrono::seconds>(
                           std::filesystem::last_write_time(path).time_since_epoch())
                           .count();
    }
  } catch (...) {
    XXH3_freeState(hash);
    throw;
  }
  reader.Finish();
  if (!args.query.empty()) {
    import.query = ReadWhole(args.query);
    XXH128_hash_t q = XXH3_128bits(import.query.data(), import.query.size());
    import.query_hash = fmt::format("{:016x}{:016x}", q.high64, q.low64);
    // The same result imported with its query differs from one imported without.
    XXH3_128bits_update(hash, import.query_hash.data(), import.query_hash.size());
  }
  const XXH128_hash_t digest = XXH3_128bits_digest(hash);
  XXH3_freeState(hash);
  import.content_hash = fmt::format("{:016x}{:016x}", digest.high64, digest.low64);

  EventStore store(args.store, /*create=*/true);
  const CellImportResult result = ImportCells(store, import, args.replace);
  if (!result.added) {
    fmt::print("{}: already imported (same content), nothing changed\n", args.files.front());
    return kExitOk;
  }
  store.EnsureDyadIndex();
  std::int64_t events = 0;
  for (const auto& [key, v] : import.cells) events += v.events;
  fmt::print("imported {} cells ({} events) of news days {}..{} into {}", import.cells.size(),
             events, FormatDate(result.first_news_day), FormatDate(result.last_news_day),
             args.store);
  if (!result.replaced.empty())
    fmt::print("; replaced {} earlier import{} of those days", result.replaced.size(),
               result.replaced.size() == 1 ? "" : "s");
  if (result.cells_cleared > 0)
    fmt::print("; --replace deleted {} stored cells of the same days first", result.cells_cleared);
  fmt::print("\n");
  return kExitOk;
}

const CommandRegistration kIngestCells(12, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<IngestCellsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ingest-cells",
      "Read the result of `triad sql` (CSV or newline-delimited JSON) into the store");
  cmd->add_option("files", args->files, "The result's files (all shards of one export)")
      ->required();
  cmd->add_option("--store", args->store, "Store file")->capture_default_str();
  cmd->add_option("--query", args->query, "The query the result came from, recorded with it");
  cmd->add_flag("--replace", args->replace,
                "Delete the stored cells of the days these cells cover first, even cells from "
                "event files of the same news days (which would otherwise count twice)");
  cmd->footer(
      "All files are one import, added in one transaction. Importing news days that an earlier\n"
      "import covers replaces it; news days the store holds from event files are refused\n"
      "unless --replace.\n\n"
      "Example:\n"
      "  triad sql --engine bigquery --from 2025-01-01 --to 2025-06-30 > cells.sql\n"
      "  bq query --use_legacy_sql=false --format=csv --max_rows=100000000 < cells.sql > "
      "cells.csv\n"
      "  triad ingest-cells --query cells.sql cells.csv");
  cmd->callback([args, &exit_code] { exit_code = RunIngestCells(*args); });
});

}  // namespace
}  // namespace triad::cli
