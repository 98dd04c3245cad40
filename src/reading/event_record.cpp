#include "reading/event_record.hpp"

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

}  // namespace triad
