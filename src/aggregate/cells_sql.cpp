#include "aggregate/cells_sql.hpp"

#include <fmt/format.h>

#include <cmath>

#include "codebook/actor_sectors.hpp"
#include "codebook/cameo.hpp"
#include "common/error.hpp"

namespace triad {
namespace {

std::string Quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string Ymd(Day day) {  // 20250515
  std::string text = FormatDate(day);
  return text.substr(0, 4) + text.substr(5, 2) + text.substr(8, 2);
}

std::string FormatName(EventFormat format) {
  return format == EventFormat::kGdelt1 ? "GDELT 1.0" : "GDELT 2.0";
}

// The codebook as a table: CAMEO code (as GDELT writes it), channel (0 diplomatic, 1 economic,
// 2 security: the channel names sort in the same order) and Goldstein value in tenths.
std::string CodebookTable() {
  std::string out =
      "-- The codebook of this triad: every CAMEO event code, its channel and Goldstein value\n"
      "-- (tenths). Rows with a code not in it are rejected by `triad ingest` and left out here.\n"
      "codebook AS (\n";
  bool first = true;
  for (const CameoEvent& e : CameoCodebook::Default().events()) {
    out += fmt::format("  {}SELECT {} AS code, {} AS channel, {} AS goldstein_tenths\n",
                       first ? "" : "UNION ALL ", Quoted(e.code), static_cast<int>(e.channel),
                       std::lround(e.goldstein * 10));
    first = false;
  }
  return out + "),\n";
}

// A side's sector class from its three actor type codes (`side` is r.source or r.target; the
// columns are SIDE_type1..3): the strongest class among them, as ActorSectorTable does.
std::string SectorCase(std::string_view side) {
  std::string out = "CASE";
  for (ActorSector sector : {ActorSector::kMilitary, ActorSector::kGovernment,
                             ActorSector::kBusiness, ActorSector::kCivil}) {
    std::string list;
    for (const std::string& code : ActorSectorTable::Default().GdeltCodesOf(sector))
      list += (list.empty() ? "" : ", ") + Quoted(code);
    out +=
        fmt::format(" WHEN {0}_type1 IN ({1}) OR {0}_type2 IN ({1}) OR {0}_type3 IN ({1}) THEN {2}",
                    side, list, static_cast<int>(sector));
  }
  return out + " ELSE 0 END";
}

// The class's name as `export cells` writes it.
std::string SectorName(std::string_view column) {
  std::string out = fmt::format("CASE {}", column);
  for (ActorSector sector : {ActorSector::kUnspecified, ActorSector::kGovernment,
                             ActorSector::kMilitary, ActorSector::kBusiness, ActorSector::kCivil})
    out += fmt::format(" WHEN {} THEN '{}'", static_cast<int>(sector), ActorSectorName(sector));
  return out + " END";
}

// DuckDB over local files, read as text so that every rule of triad's reader applies to the
// text as written: one row per line, fields split at tabs, counted and parsed like the reader.
std::string DuckDbRows(const CellsQueryOptions& o) {
  const bool gdelt2 = o.format == EventFormat::kGdelt2;
  // 1-based list positions; DATEADDED is column 59 (0-based) of 2.0, 56 of 1.0.
  const int added = gdelt2 ? 60 : 57;
  const std::string columns = gdelt2 ? "len(f) = 61" : "len(f) IN (57, 58)";
  const std::string integer = "'-?[0-9]{1,18}'";
  // triad's fixed-point numbers: optional sign, digits with an optional fraction, at most 18
  // digits before rounding (17 whole digits for tenths, 12 for millionths); DuckDB's DECIMAL
  // cast rounds half away from zero like reading/fixed_point.cpp.
  auto fixed = [](int position, int whole_digits, int scale) {
    return fmt::format(
        "CASE WHEN regexp_full_match(f[{0}], '[-+]?[0-9]{{0,{1}}}([.][0-9]*)?') AND "
        "regexp_matches(f[{0}], '[0-9]') THEN CAST(CAST(f[{0}] AS DECIMAL(18, {2})) * {3} AS "
        "BIGINT) END",
        position, whole_digits, scale, scale == 1 ? "10" : "1000000");
  };
  auto count = [&](int position) {
    return fmt::format("CASE WHEN regexp_full_match(f[{0}], {1}) THEN CAST(f[{0}] AS BIGINT) END",
                       position, integer);
  };
  std::string range;
  if (o.from) range += fmt::format("\n    AND added_day >= DATE {}", Quoted(FormatDate(*o.from)));
  if (o.to) range += fmt::format("\n    AND added_day <= DATE {}", Quoted(FormatDate(*o.to)));
  std::string news_slot;
  if (gdelt2)
    // NewsTimeOf: the day of DATEADDED / 1e6 and its 15-minute slot; another time of day leaves
    // the row dated by its event.
    news_slot =
        "CASE WHEN added >= 10000000000000 AND added % 1000000 // 10000 <= 23 AND "
        "added % 10000 // 100 <= 59 AND added % 100 <= 59 THEN (added % 1000000 // 10000) * 4 + "
        "(added % 10000 // 100) // 15 END";
  else
    // Daily files from 2013-04-01; the backfile before them is dated by event.
    news_slot = "CASE WHEN added BETWEEN 20130401 AND 99999999 THEN 0 END";
  return fmt::format(
      R"sql(-- [engine: duckdb] The files' lines: file name and line number order the copies of
-- an event as `triad ingest` of the files in name order does (the first copy counts).
-- DuckDB reads plain files here (unzip GDELT's .zip files first).
gdelt_files AS (
  SELECT filename AS copy_file, string_split(content, chr(10)) AS lines
  FROM read_text({files})
),
gdelt_lines AS (
  SELECT copy_file, generate_subscripts(lines, 1) AS copy_line, unnest(lines) AS line
  FROM gdelt_files
),
gdelt_fields AS (
  SELECT copy_file, copy_line, string_split(regexp_replace(line, chr(13) || '$', ''), chr(9)) AS f
  FROM gdelt_lines
  WHERE line NOT IN ('', chr(13))
),
gdelt_parsed AS (
  SELECT copy_file, copy_line,
    CASE WHEN regexp_full_match(f[1], {integer}) THEN CAST(f[1] AS BIGINT) END AS id,
    CASE WHEN regexp_full_match(f[2], '[0-9]{{8}}') THEN CAST(try_strptime(f[2], '%Y%m%d') AS DATE) END AS day,
    f[8] AS source, f[18] AS target, f[27] AS code,
    f[13] AS source_type1, f[14] AS source_type2, f[15] AS source_type3,
    f[23] AS target_type1, f[24] AS target_type2, f[25] AS target_type3,
    CASE WHEN f[30] IN ('1', '2', '3', '4') THEN CAST(f[30] AS BIGINT) END AS quad_class,
    f[31] = '' AS goldstein_empty,
    {goldstein} AS goldstein_tenths,
    {mentions} AS mentions,
    {sources} AS sources,
    {articles} AS articles,
    {tone} AS tone_millionths,
    CASE WHEN regexp_full_match(f[{added}], {integer}) THEN CAST(f[{added}] AS BIGINT) END AS added
  FROM gdelt_fields
  WHERE {columns}
),
gdelt_dated AS (
  SELECT *,
    CASE WHEN added >= 10000000000000 THEN added // 1000000 ELSE added END AS added_ymd
  FROM gdelt_parsed
),
gdelt_rows AS (
  SELECT copy_file, copy_line, id, day, day - DATE '1970-01-01' AS day_number,
    source, target, code, quad_class, goldstein_empty, goldstein_tenths, mentions, sources,
    articles, tone_millionths, added, added_day, added_day - DATE '1970-01-01' AS added_day_number,
    source_type1, source_type2, source_type3, target_type1, target_type2, target_type3,
    {news_slot} AS news_slot
  FROM (
    SELECT *,
      CASE WHEN added_ymd BETWEEN 10000000 AND 99999999
        THEN CAST(try_strptime(CAST(added_ymd AS VARCHAR), '%Y%m%d') AS DATE) END AS added_day
    FROM gdelt_dated
  )
  WHERE true{range}
),
)sql",
      fmt::arg("files", Quoted(o.files)), fmt::arg("integer", integer),
      fmt::arg("goldstein", fixed(31, 17, 1)), fmt::arg("mentions", count(32)),
      fmt::arg("sources", count(33)), fmt::arg("articles", count(34)),
      fmt::arg("tone", fixed(35, 12, 6)), fmt::arg("added", added), fmt::arg("columns", columns),
      fmt::arg("news_slot", news_slot), fmt::arg("range", range));
}

// BigQuery over GDELT's public tables, whose columns are typed: GoldsteinScale and AvgTone are
// FLOAT64, rounded from their shortest decimal text (GDELT's text: it writes at most 15
// significant digits, which a FLOAT64 keeps), half away from zero like the reader. BIGNUMERIC
// (38 decimals) holds that text exactly; NUMERIC (9 decimals) would round it twice.
std::string BigQueryRows(const CellsQueryOptions& o) {
  const bool gdelt2 = o.format == EventFormat::kGdelt2;
  std::string table;
  std::string where;
  auto day_added = [&](Day day, bool last) {
    return gdelt2 ? Ymd(day) + (last ? "235959" : "000000") : Ymd(day);
  };
  if (gdelt2 && o.from && o.to) {
    // The date-partitioned twin: _PARTITIONTIME is the day a row was loaded, which follows its
    // DATEADDED; a day more on each side keeps rows loaded around midnight, and DATEADDED
    // itself selects the range. Only the partitions read are billed.
    table = "`gdelt-bq.gdeltv2.events_partitioned`";
    where = fmt::format(
        "\n  WHERE _PARTITIONTIME BETWEEN TIMESTAMP({}) AND TIMESTAMP({})"
        "\n    AND DATEADDED BETWEEN {} AND {}",
        Quoted(FormatDate(*o.from - 1)), Quoted(FormatDate(*o.to + 1)), day_added(*o.from, false),
        day_added(*o.to, true));
  } else {
    table = gdelt2 ? "`gdelt-bq.gdeltv2.events`" : "`gdelt-bq.full.events`";
    if (o.from) where += fmt::format("\n  WHERE DATEADDED >= {}", day_added(*o.from, false));
    if (o.to)
      where +=
          fmt::format("\n  {} DATEADDED <= {}", o.from ? "  AND" : "WHERE", day_added(*o.to, true));
  }
  std::string news_slot;
  if (gdelt2)
    news_slot =
        "CASE WHEN added >= 10000000000000 AND DIV(MOD(added, 1000000), 10000) <= 23 AND "
        "DIV(MOD(added, 10000), 100) <= 59 AND MOD(added, 100) <= 59 THEN "
        "DIV(MOD(added, 1000000), 10000) * 4 + DIV(DIV(MOD(added, 10000), 100), 15) END";
  else
    news_slot = "CASE WHEN added BETWEEN 20130401 AND 99999999 THEN 0 END";
  return fmt::format(
      R"sql(-- [engine: bigquery] GDELT's public table; each copy of an event is ordered by its
-- DATEADDED only (a table has no file order).
gdelt_source AS (
  SELECT
    GLOBALEVENTID AS id,
    IF(SQLDATE BETWEEN 10000000 AND 99999999, SAFE.PARSE_DATE('%Y%m%d', CAST(SQLDATE AS STRING)), NULL) AS day,
    IFNULL(Actor1CountryCode, '') AS source,
    IFNULL(Actor2CountryCode, '') AS target,
    IFNULL(EventCode, '') AS code,
    IFNULL(Actor1Type1Code, '') AS source_type1,
    IFNULL(Actor1Type2Code, '') AS source_type2,
    IFNULL(Actor1Type3Code, '') AS source_type3,
    IFNULL(Actor2Type1Code, '') AS target_type1,
    IFNULL(Actor2Type2Code, '') AS target_type2,
    IFNULL(Actor2Type3Code, '') AS target_type3,
    QuadClass AS quad_class,
    GoldsteinScale IS NULL AS goldstein_empty,
    SAFE_CAST(ROUND(SAFE_CAST(CAST(GoldsteinScale AS STRING) AS BIGNUMERIC) * 10) AS INT64) AS goldstein_tenths,
    NumMentions AS mentions,
    NumSources AS sources,
    NumArticles AS articles,
    SAFE_CAST(ROUND(SAFE_CAST(CAST(AvgTone AS STRING) AS BIGNUMERIC) * 1000000) AS INT64) AS tone_millionths,
    DATEADDED AS added,
    IF(DATEADDED >= 10000000000000, DIV(DATEADDED, 1000000), DATEADDED) AS added_ymd
  FROM {table}{where}
),
gdelt_rows AS (
  SELECT '' AS copy_file, 0 AS copy_line, id, day, UNIX_DATE(day) AS day_number,
    source, target, code, quad_class, goldstein_empty, goldstein_tenths, mentions, sources,
    articles, tone_millionths, added, added_day, UNIX_DATE(added_day) AS added_day_number,
    source_type1, source_type2, source_type3, target_type1, target_type2, target_type3,
    {news_slot} AS news_slot
  FROM (
    SELECT *,
      IF(added_ymd BETWEEN 10000000 AND 99999999, SAFE.PARSE_DATE('%Y%m%d', CAST(added_ymd AS STRING)), NULL) AS added_day
    FROM gdelt_source
  )
),
)sql",
      fmt::arg("table", table), fmt::arg("where", where), fmt::arg("news_slot", news_slot));
}

// The cells from the typed rows: the same text for every engine.
std::string CellsPart(const CellsQueryOptions& o) {
  const std::string first_day = Quoted(FormatDate(FirstPlausibleEventDay()));
  const std::string last_day = Quoted(FormatDate(LastPlausibleEventDay()));
  auto letters = [](std::string_view column) {
    std::string out = fmt::format("LENGTH({}) = 3", column);
    for (int i = 1; i <= 3; ++i)
      out += fmt::format(" AND SUBSTR({}, {}, 1) BETWEEN 'A' AND 'Z'", column, i);
    return out;
  };
  const std::string stale =
      o.max_report_lag_days < 0
          ? std::string("true")
          : fmt::format("news_slot IS NULL OR added_day_number - day_number <= {}",
                        o.max_report_lag_days);
  const std::string stale_note =
      o.max_report_lag_days < 0
          ? std::string("kept: no limit, as `ingest --max-report-lag -1`")
          : fmt::format("left out, as `ingest --max-report-lag {}`", o.max_report_lag_days);
  return fmt::format(
      R"sql(-- The rows triad's reader accepts (reading/gdelt_row.cpp): two different 3-letter
-- country codes, a known event code, valid numbers, plausible dates; GDELT's Goldstein value,
-- or the codebook's where GDELT left it empty. Each side's sector class from its actor type
-- codes (data/codebook/actor_sectors.csv: 0 unspecified, 1 government, 2 military, 3 business,
-- 4 civil; the strongest of the three codes, military first).
accepted AS (
  SELECT r.*, c.channel,
    CASE WHEN r.goldstein_empty THEN c.goldstein_tenths ELSE r.goldstein_tenths END AS goldstein,
    {source_sector} AS source_sector,
    {target_sector} AS target_sector
  FROM gdelt_rows r JOIN codebook c ON c.code = r.code
  WHERE r.source <> '' AND r.target <> '' AND r.source <> r.target
    AND r.id >= 0
    AND r.day BETWEEN DATE {first_day} AND DATE {last_day}
    AND {source_letters}
    AND {target_letters}
    AND r.quad_class BETWEEN 1 AND 4
    AND (r.goldstein_empty OR r.goldstein_tenths BETWEEN -100 AND 100)
    AND r.mentions BETWEEN 0 AND 1000000
    AND r.sources BETWEEN 0 AND 1000000
    AND r.articles BETWEEN 0 AND 1000000
    AND r.tone_millionths BETWEEN -100000000 AND 100000000
    AND r.added_day BETWEEN DATE {first_day} AND DATE {last_day}
),
-- Old events reported again (event date more than the lag before the news day): {stale_note}.
fresh AS (
  SELECT * FROM accepted WHERE {stale}
),
-- One row per GLOBALEVENTID: the first copy.
numbered AS (
  SELECT fresh.*, ROW_NUMBER() OVER (PARTITION BY id ORDER BY added, copy_file, copy_line) AS copy_number
  FROM fresh
),
cells AS (
  SELECT day, source, target, source_sector, target_sector, channel, quad_class,
    COUNT(*) AS events,
    SUM(mentions) AS mentions,
    SUM(mentions * mentions) AS mentions_sq,
    SUM(sources) AS sources,
    SUM(articles) AS articles,
    SUM(goldstein) AS goldstein,
    SUM(goldstein * goldstein) AS goldstein_sq,
    SUM(mentions * goldstein) AS goldstein_w,
    SUM(mentions * goldstein * goldstein) AS goldstein_w_sq,
    SUM(tone_millionths) AS tone
  FROM numbered
  WHERE copy_number = 1
  GROUP BY day, source, target, source_sector, target_sector, channel, quad_class
),
-- The news coverage: the publication slots of the accepted rows (old events reported again
-- and later copies included, as `triad ingest` records them); rows dated by event give their
-- event day.
news AS (
  SELECT DISTINCT CASE WHEN news_slot IS NULL THEN day ELSE added_day END AS day,
    COALESCE(news_slot, 0) AS slot
  FROM accepted
)
)sql",
      fmt::arg("first_day", first_day), fmt::arg("last_day", last_day),
      fmt::arg("source_letters", letters("r.source")),
      fmt::arg("target_letters", letters("r.target")), fmt::arg("stale", stale),
      fmt::arg("source_sector", SectorCase("r.source")),
      fmt::arg("target_sector", SectorCase("r.target")), fmt::arg("stale_note", stale_note));
}

std::string FinalSelect(const CellsQueryOptions& o) {
  // Exact decimals: the integer sums times 0.1, 0.01 or 0.000001 in the engine's exact decimal
  // type (the one place besides the reading where the engines' texts differ).
  // BigQuery's NUMERIC holds 29 whole digits, more than any INT64 sum.
  const std::string type = o.engine == SqlEngine::kBigQuery ? "NUMERIC" : "DECIMAL(38, 0)";
  auto scaled = [&](std::string_view column, std::string_view unit, std::string_view unit_type) {
    return fmt::format(
        "CAST({} AS {}) * CAST('{}' AS {})", column, type, unit,
        o.engine == SqlEngine::kBigQuery ? std::string("NUMERIC") : std::string(unit_type));
  };
  const int slots = o.format == EventFormat::kGdelt2 ? kGdelt2SlotsPerDay : 1;
  return fmt::format(
      R"sql(SELECT day AS date, source, target,
  {source_sector} AS source_sector,
  {target_sector} AS target_sector,
  CASE channel WHEN 0 THEN 'diplomatic' WHEN 1 THEN 'economic' ELSE 'security' END AS channel,
  quad_class, events, mentions, mentions_sq, sources, articles,
  {g} AS goldstein_sum,
  {g2} AS goldstein_sq_sum,
  {gw} AS goldstein_mentions_sum,
  {gw2} AS goldstein_mentions_sq_sum,
  {tone} AS tone_sum
FROM cells
UNION ALL
SELECT day AS date, '' AS source, '' AS target, '' AS source_sector, '' AS target_sector,
  '{news}' AS channel, 0 AS quad_class,
  slot AS events, {slots} AS mentions, 0 AS mentions_sq, 0 AS sources, 0 AS articles,
  {g0} AS goldstein_sum,
  {g20} AS goldstein_sq_sum,
  {g0} AS goldstein_mentions_sum,
  {g20} AS goldstein_mentions_sq_sum,
  {tone0} AS tone_sum
FROM news
ORDER BY date, source, target, source_sector, target_sector, channel, quad_class, events
)sql",
      fmt::arg("source_sector", SectorName("source_sector")),
      fmt::arg("target_sector", SectorName("target_sector")),
      fmt::arg("g", scaled("goldstein", "0.1", "DECIMAL(38, 1)")),
      fmt::arg("g2", scaled("goldstein_sq", "0.01", "DECIMAL(38, 2)")),
      fmt::arg("gw", scaled("goldstein_w", "0.1", "DECIMAL(38, 1)")),
      fmt::arg("gw2", scaled("goldstein_w_sq", "0.01", "DECIMAL(38, 2)")),
      fmt::arg("tone", scaled("tone", "0.000001", "DECIMAL(38, 6)")),
      // The news rows' zeros in the same types, so that UNION ALL keeps every decimal.
      fmt::arg("g0", scaled("0", "0.1", "DECIMAL(38, 1)")),
      fmt::arg("g20", scaled("0", "0.01", "DECIMAL(38, 2)")),
      fmt::arg("tone0", scaled("0", "0.000001", "DECIMAL(38, 6)")), fmt::arg("news", kNewsChannel),
      fmt::arg("slots", slots));
}

}  // namespace

std::string CellsQuery(const CellsQueryOptions& o) {
  if (o.format != EventFormat::kGdelt2 && o.format != EventFormat::kGdelt1)
    ThrowUsage("triad sql: --gdelt must be 2 or 1");
  if (o.engine == SqlEngine::kDuckDb && o.files.empty())
    ThrowUsage("triad sql --engine duckdb: give --files GLOB (the GDELT files to read)");
  if (o.engine == SqlEngine::kBigQuery && !o.files.empty())
    ThrowUsage(
        "triad sql --engine bigquery reads GDELT's public tables: --files is for --engine duckdb");
  if (o.from && o.to && *o.from > *o.to)
    ThrowUsage(fmt::format("triad sql: --from {} is after --to {}", FormatDate(*o.from),
                           FormatDate(*o.to)));
  const bool bigquery = o.engine == SqlEngine::kBigQuery;
  std::string range = "all news days";
  if (o.from || o.to)
    range = fmt::format("news added {}..{}", o.from ? FormatDate(*o.from) : "",
                        o.to ? FormatDate(*o.to) : "");
  std::string text = fmt::format(
      "-- triad sql: triad's dyad-day cells of {} for {} ({}), with the columns of\n"
      "-- `triad export cells`, and the news coverage as rows whose channel is '{}'\n"
      "-- (date: news day; events: 15-minute slot, 0 for daily files; mentions: slots per "
      "day).\n"
      "-- Made by triad {}. Read the result (CSV or newline-delimited JSON) back with\n"
      "-- `triad ingest-cells FILE...`.\n"
      "WITH\n",
      FormatName(o.format), bigquery ? "BigQuery" : "DuckDB", range, kNewsChannel,
      TRIAD_VERSION_STRING);
  text += std::string(kEngineBegin) + "\n";
  text += bigquery ? BigQueryRows(o) : DuckDbRows(o);
  text += std::string(kEngineEnd) + "\n";
  text += CodebookTable();
  text += CellsPart(o);
  text += FinalSelect(o);
  return text;
}

}  // namespace triad
