#pragma once
// When the news behind a file's events was published, as GDELT publishes it: GDELT 2.0 in 96
// fifteen-minute slots a day (DATEADDED YYYYMMDDHHMMSS), GDELT 1.0 in one file a day (DATEADDED
// YYYYMMDD, daily files from 2013-04-01). ICEWS rows, and the GDELT 1.0 backfile (DATEADDED
// before 2013-04-01: one date for the whole archive, which is organised by event date), carry no
// publication time: a file of them covers every day from its first to its last event date.
//
// The store keeps, per file and day, which slots the file's accepted rows came from (the union
// over files is the store's news coverage), so that a period built from 2 of a day's 96 slots,
// or from none (old events that the news of later days mentions), can say so.
#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/date.hpp"
#include "reading/event_record.hpp"

namespace triad {

inline constexpr int kGdelt2SlotsPerDay = 96;
// Slots a day for a format's coverage: 96 for GDELT 2.0, 1 otherwise.
int SlotsPerDay(EventFormat format);

// Rows whose event date is more than this many days before the day their news was published
// (DATEADDED) are old events mentioned again; by default they are counted apart (rows_stale)
// and kept out of the cells, so that an old year does not get an index from a handful of
// retrospective mentions. Event-dated rows (ICEWS, GDELT 1.0 backfile) have no such lag.
inline constexpr int kDefaultMaxReportLagDays = 30;

struct NewsTime {
  Day day = 0;
  int slot = 0;  // 0..95 (GDELT 2.0), 0 otherwise
};

// The publication day and slot of a GDELT row from its DATEADDED; nullopt for event-dated rows
// (ICEWS, GDELT 1.0 backfile) and for a DATEADDED that is not a valid date and time.
std::optional<NewsTime> NewsTimeOf(EventFormat format, std::int64_t date_added);

// One day's slots of one file (or of the store: the union over files).
struct DaySlots {
  Day day = 0;
  std::bitset<kGdelt2SlotsPerDay> slots;
};

// The slots seen while reading a file; blocks collect their own and are merged in any order.
class NewsSlots {
 public:
  void Add(const NewsTime& time) { days_[time.day].set(static_cast<std::size_t>(time.slot)); }
  // An event-dated row: its file covers its event day (and, at Finish, the days between).
  void AddEventDay(Day day);
  void Merge(const NewsSlots& other);
  // The days in order; event-dated days are filled from the first to the last.
  std::vector<DaySlots> Finish() const;

 private:
  std::unordered_map<Day, std::bitset<kGdelt2SlotsPerDay>> days_;
  std::optional<Day> first_event_day_, last_event_day_;
};

// The slots of a day as the store keeps them: 12 bytes, bit k of byte k / 8 for slot k.
std::string PackSlots(const std::bitset<kGdelt2SlotsPerDay>& slots);
std::bitset<kGdelt2SlotsPerDay> UnpackSlots(const std::string& bytes);

}  // namespace triad
