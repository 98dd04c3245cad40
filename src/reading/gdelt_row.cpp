// GDELT 1.0 (57 or 58 columns) and 2.0 export (61 columns) rows. Columns 0-34 are laid out
// alike in both; DATEADDED is the last column of 57-column rows and the one before SOURCEURL
// otherwise. Checked against the real files in shared/data (see data/README.md of the repo).
#include <fmt/format.h>

#include <cmath>

#include "codebook/cameo.hpp"
#include "reading/fixed_point.hpp"
#include "reading/gdelt_row.hpp"
#include "reading/tab_fields.hpp"

namespace triad {
namespace {

enum Column {
  kGlobalEventId = 0,
  kSqlDate = 1,
  kActor1Name = 6,
  kActor1CountryCode = 7,
  kActor1Type1Code = 12,  // Type2Code and Type3Code follow
  kActor2Name = 16,
  kActor2CountryCode = 17,
  kActor2Type1Code = 22,
  kEventCode = 26,
  kQuadClass = 29,
  kGoldsteinScale = 30,
  kNumMentions = 31,
  kNumSources = 32,
  kNumArticles = 33,
  kAvgTone = 34,
};

bool IsCountryCode(std::string_view code) {
  return code.size() == 3 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z' &&
         code[2] >= 'A' && code[2] <= 'Z';
}

RowOutcome Reject(RowProblem* problem, std::string_view field, std::string reason) {
  problem->field = field;
  problem->reason = std::move(reason);
  return RowOutcome::kRejected;
}

bool ParseCount(std::string_view text, std::int32_t* out) {
  auto value = ParseInteger(text);
  if (!value || *value < 0 || *value > kMaxEventCount) return false;
  *out = static_cast<std::int32_t>(*value);
  return true;
}

// DATEADDED is YYYYMMDD (GDELT 1.0) or YYYYMMDDHHMMSS (2.0); its day must be plausible too.
bool PlausibleDateAdded(std::int64_t added) {
  std::int64_t ymd = added >= 10'000'000'000'000 ? added / 1'000'000 : added;
  if (ymd < 10'000'000 || ymd > 99'999'999) return false;
  auto day = ParseCompactDate(std::to_string(ymd));
  return day && IsPlausibleEventDay(*day);
}

}  // namespace

// Most rows have no dyad: split only as far as Actor2CountryCode, count the rest, and finish
// such rows without validating fields they do not contribute.
RowOutcome GdeltRowParser::Parse(std::string_view line, EventRecord* r, RowProblem* problem) const {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  TabFields f;
  SplitTabs(line, &f, kActor2CountryCode + 1);
  return ParseSplit(line, &f, r, problem);
}

RowOutcome GdeltRowParser::ParseNext(const char* begin, const char* end, std::string_view* line,
                                     EventRecord* r, RowProblem* problem) const {
  TabFields f;
  const char* line_end = SplitLine(begin, end, &f, kActor2CountryCode + 1);
  *line = std::string_view(begin, static_cast<std::size_t>(line_end - begin));
  if (!line->empty() && line->back() == '\r') return Parse(*line, r, problem);  // rare: CRLF
  return ParseSplit(*line, &f, r, problem);
}

RowOutcome GdeltRowParser::ParseSplit(std::string_view line, TabFields* fields, EventRecord* r,
                                      RowProblem* problem) const {
  TabFields& f = *fields;
  int date_added_column;
  if (format_ == EventFormat::kGdelt2) {
    if (f.count != 61)
      return Reject(
          problem, "",
          fmt::format("expected 61 tab-separated columns (GDELT 2.0), found {}", f.count));
    date_added_column = 59;
  } else {
    if (f.count != 57 && f.count != 58)
      return Reject(
          problem, "",
          fmt::format("expected 57 or 58 tab-separated columns (GDELT 1.0), found {}", f.count));
    date_added_column = 56;
  }
  r->source = f.Field(line, kActor1CountryCode);
  r->target = f.Field(line, kActor2CountryCode);
  if (r->source.empty() || r->target.empty() || r->source == r->target) return RowOutcome::kNoDyad;
  SplitTabs(line, &f);
  r->source_name = f.Field(line, kActor1Name);
  r->target_name = f.Field(line, kActor2Name);
  r->source_sector =
      sectors_->OfGdeltTypes(f.Field(line, kActor1Type1Code), f.Field(line, kActor1Type1Code + 1),
                             f.Field(line, kActor1Type1Code + 2));
  r->target_sector =
      sectors_->OfGdeltTypes(f.Field(line, kActor2Type1Code), f.Field(line, kActor2Type1Code + 1),
                             f.Field(line, kActor2Type1Code + 2));
  // SOURCEURL follows DATEADDED in 61-column (2.0) and 58-column (1.0) rows.
  r->url =
      date_added_column + 1 < f.count ? f.Field(line, date_added_column + 1) : std::string_view();
  auto id = ParseInteger(f.Field(line, kGlobalEventId));
  if (!id || *id < 0) return Reject(problem, "GLOBALEVENTID", "not a non-negative integer");
  r->key = *id;
  auto day = ParseCompactDate(f.Field(line, kSqlDate));
  if (!day) return Reject(problem, "SQLDATE", "not a calendar date in YYYYMMDD form");
  if (!IsPlausibleEventDay(*day))
    return Reject(problem, "SQLDATE",
                  "a date outside the plausible range " + PlausibleEventDayRange());
  r->day = *day;
  if (!IsCountryCode(r->source))
    return Reject(problem, "Actor1CountryCode", "not a 3-letter CAMEO country code");
  if (!IsCountryCode(r->target))
    return Reject(problem, "Actor2CountryCode", "not a 3-letter CAMEO country code");

  std::string_view code = f.Field(line, kEventCode);
  r->event = codebook_->Find(code);
  if (!r->event)
    return Reject(problem, "EventCode", fmt::format("'{}' is not a CAMEO event code", code));
  std::string_view quad = f.Field(line, kQuadClass);
  if (quad.size() != 1 || quad[0] < '1' || quad[0] > '4')
    return Reject(problem, "QuadClass", "not 1, 2, 3 or 4");
  r->quad_class = quad[0] - '0';
  // GoldsteinScale is a function of the event code; real 2025 rows with code 1213 (a code of
  // the CAMEO manual missing from GDELT's lookup) leave it empty: take the codebook's value.
  std::string_view goldstein_text = f.Field(line, kGoldsteinScale);
  auto goldstein = goldstein_text.empty()
                       ? std::optional<std::int64_t>(std::lround(r->event->goldstein * 10))
                       : ParseFixedPoint(goldstein_text, 1);
  if (!goldstein || *goldstein < -100 || *goldstein > 100)
    return Reject(problem, "GoldsteinScale", "not a number from -10 to 10");
  r->goldstein_tenths = static_cast<std::int32_t>(*goldstein);
  if (!ParseCount(f.Field(line, kNumMentions), &r->mentions))
    return Reject(problem, "NumMentions", "not an integer from 0 to 1000000");
  if (!ParseCount(f.Field(line, kNumSources), &r->sources))
    return Reject(problem, "NumSources", "not an integer from 0 to 1000000");
  if (!ParseCount(f.Field(line, kNumArticles), &r->articles))
    return Reject(problem, "NumArticles", "not an integer from 0 to 1000000");
  auto tone = ParseFixedPoint(f.Field(line, kAvgTone), 6);
  if (!tone || *tone < -100'000'000 || *tone > 100'000'000)
    return Reject(problem, "AvgTone", "not a number from -100 to 100");
  r->tone_micro = *tone;
  auto added = ParseInteger(f.Field(line, date_added_column));
  if (!added || !PlausibleDateAdded(*added))
    return Reject(problem, "DATEADDED", "not a YYYYMMDD[HHMMSS] date " + PlausibleEventDayRange());
  r->date_added = *added;
  return RowOutcome::kAccepted;
}

}  // namespace triad
