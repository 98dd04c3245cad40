#include "cli/date_option.hpp"

#include <fmt/format.h>

#include "common/error.hpp"

namespace triad::cli {

Day DateOptionOr(const std::string& text, const char* option, Day fallback) {
  if (text.empty()) return fallback;
  auto day = ParseDate(text);
  if (!day) ThrowUsage(fmt::format("{} '{}': not a date (YYYY-MM-DD)", option, text));
  return *day;
}

}  // namespace triad::cli
