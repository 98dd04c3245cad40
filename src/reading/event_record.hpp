#pragma once
// One parsed event row, as the aggregator needs it. Views point into the reader's buffer and
// are valid only while the row is being processed.
#include <cstdint>
#include <string>
#include <string_view>

#include "codebook/actor_sectors.hpp"
#include "codebook/cameo.hpp"
#include "common/date.hpp"

namespace triad {

enum class EventFormat { kGdelt1, kGdelt2, kIcews };
std::string_view EventFormatName(EventFormat format);  // "gdelt1", "gdelt2", "icews"

// Event identifiers live in one namespace per family: GDELT 1.0 and 2.0 number their events
// independently, and ICEWS's key is (event id, event date).
enum class IdFamily { kGdelt1 = 1, kGdelt2 = 2, kIcews = 3 };
IdFamily IdFamilyOf(EventFormat format);

struct EventRecord {
  std::int64_t key = 0;  // unique event key within its family (GLOBALEVENTID; ICEWS id+date)
  Day day = 0;           // event date (GDELT SQLDATE, ICEWS Event Date)
  std::int64_t date_added =
      0;                    // GDELT DATEADDED as written (YYYYMMDD or YYYYMMDDHHMMSS); 0 for ICEWS
  std::string_view source;  // Actor1 country, 3-letter CAMEO code; empty when not set
  std::string_view target;  // Actor2 country
  // Each side's sector class (GDELT actor type codes, ICEWS sectors: codebook/actor_sectors.hpp).
  ActorSector source_sector = ActorSector::kUnspecified;
  ActorSector target_sector = ActorSector::kUnspecified;
  const CameoEvent* event = nullptr;
  int quad_class = 0;                 // 1..4, GDELT's grouping
  std::int32_t goldstein_tenths = 0;  // Goldstein scale x 10 (exact: the scale has one decimal)
  std::int32_t mentions = 0, sources = 0, articles = 0;
  std::int64_t tone_micro = 0;  // AvgTone x 1e6, rounded half away from zero
  // For reading events back (`triad events`), not stored: the actors' names as the source wrote
  // them (GDELT Actor1Name/Actor2Name, ICEWS Source/Target Name) and the article's URL (GDELT 2.0
  // and 58-column 1.0 SOURCEURL; empty otherwise).
  std::string_view source_name, target_name, url;
};

// The dates and counts a row may carry. GDELT's own event dates start in 1979 and ICEWS's in
// 1995; nothing is dated after tomorrow (UTC, by this machine's clock: a day of slack for time
// zones). Counts (NumMentions, NumSources, NumArticles) are at most one million: real GDELT rows
// stay below ten thousand, and the bound keeps every cell sum an exact 64-bit integer (a cell's
// sum of squared mentions stays below 2^63 for up to 9 million events at the bound).
inline constexpr int kFirstEventYear = 1979;
inline constexpr std::int64_t kMaxEventCount = 1'000'000;
Day FirstPlausibleEventDay();  // 1979-01-01
Day LastPlausibleEventDay();   // tomorrow
bool IsPlausibleEventDay(Day day);
// "from 1979-01-01 to 2026-12-01": the range as a reject reason states it.
std::string PlausibleEventDayRange();

// Why a row could not be used; the field is the column at fault (empty for the whole row).
struct RowProblem {
  std::string_view field;
  std::string reason;
};

}  // namespace triad
