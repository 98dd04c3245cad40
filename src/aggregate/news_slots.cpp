#include "aggregate/news_slots.hpp"

#include <algorithm>

namespace triad {
namespace {

// GDELT 1.0's daily files start on 2013-04-01; the backfile before them has one DATEADDED.
constexpr std::int64_t kFirstGdelt1DailyFile = 20130401;

}  // namespace

int SlotsPerDay(EventFormat format) {
  return format == EventFormat::kGdelt2 ? kGdelt2SlotsPerDay : 1;
}

std::optional<NewsTime> NewsTimeOf(EventFormat format, std::int64_t date_added) {
  if (format == EventFormat::kIcews) return std::nullopt;
  std::int64_t date = date_added;
  int slot = 0;
  if (format == EventFormat::kGdelt2) {
    date = date_added / 1'000'000;
    const std::int64_t hhmmss = date_added % 1'000'000;
    const std::int64_t hours = hhmmss / 10'000, minutes = hhmmss / 100 % 100;
    if (hours > 23 || minutes > 59 || hhmmss % 100 > 59) return std::nullopt;
    slot = static_cast<int>(hours * 4 + minutes / 15);
  } else if (date_added < kFirstGdelt1DailyFile) {
    return std::nullopt;
  }
  const std::optional<Day> day = ParseCompactDate(std::to_string(date));
  if (!day) return std::nullopt;
  return NewsTime{*day, slot};
}

void NewsSlots::AddEventDay(Day day) {
  first_event_day_ = first_event_day_ ? std::min(*first_event_day_, day) : day;
  last_event_day_ = last_event_day_ ? std::max(*last_event_day_, day) : day;
}

void NewsSlots::Merge(const NewsSlots& other) {
  for (const auto& [day, slots] : other.days_) days_[day] |= slots;
  if (other.first_event_day_) AddEventDay(*other.first_event_day_);
  if (other.last_event_day_) AddEventDay(*other.last_event_day_);
}

std::vector<DaySlots> NewsSlots::Finish() const {
  auto days = days_;
  if (first_event_day_)
    for (Day d = *first_event_day_; d <= *last_event_day_; ++d) days[d].set(0);
  std::vector<DaySlots> out;
  out.reserve(days.size());
  for (const auto& [day, slots] : days) out.push_back(DaySlots{day, slots});
  std::sort(out.begin(), out.end(),
            [](const DaySlots& a, const DaySlots& b) { return a.day < b.day; });
  return out;
}

std::string PackSlots(const std::bitset<kGdelt2SlotsPerDay>& slots) {
  std::string bytes(kGdelt2SlotsPerDay / 8, '\0');
  for (std::size_t k = 0; k < slots.size(); ++k)
    if (slots[k]) bytes[k / 8] = static_cast<char>(bytes[k / 8] | (1 << (k % 8)));
  return bytes;
}

std::bitset<kGdelt2SlotsPerDay> UnpackSlots(const std::string& bytes) {
  std::bitset<kGdelt2SlotsPerDay> slots;
  for (std::size_t k = 0; k < slots.size() && k / 8 < bytes.size(); ++k)
    slots[k] = (static_cast<unsigned char>(bytes[k / 8]) >> (k % 8)) & 1;
  return slots;
}

}  // namespace triad
