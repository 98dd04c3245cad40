#include "reading/event_record.hpp"

#include <ctime>

#include <fmt/format.h>

namespace triad {

std::string_view EventFormatName(EventFormat format) {
  switch (format) {
    case EventFormat::kGdelt1:
      return "gdelt1";
    case EventFormat::kGdelt2:
      return "gdelt2";
    case EventFormat::kIcews:
      return "icews";
  }
  return "?";
}

IdFamily IdFamilyOf(EventFormat format) {
  switch (format) {
    case EventFormat::kGdelt1:
      return IdFamily::kGdelt1;
    case EventFormat::kGdelt2:
      return IdFamily::kGdelt2;
    case EventFormat::kIcews:
      return IdFamily::kIcews;
  }
  return IdFamily::kGdelt2;
}

Day FirstPlausibleEventDay() {
  return *DayFromYmd(kFirstEventYear, 1, 1);
}

Day LastPlausibleEventDay() {
  static const Day tomorrow = static_cast<Day>(std::time(nullptr) / 86400) + 1;
  return tomorrow;
}

bool IsPlausibleEventDay(Day day) {
  return day >= FirstPlausibleEventDay() && day <= LastPlausibleEventDay();
}

std::string PlausibleEventDayRange() {
  return fmt::format("from {} to {}", FormatDate(FirstPlausibleEventDay()),
                     FormatDate(LastPlausibleEventDay()));
}

}  // namespace triad
