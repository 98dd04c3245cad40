#pragma once
// A date option (--from, --to) that may be left out.
#include <string>

#include "common/date.hpp"

namespace triad::cli {

// `text` as YYYY-MM-DD (or YYYY, YYYY-MM), `fallback` when empty; a usage error naming `option`.
Day DateOptionOr(const std::string& text, const char* option, Day fallback);

}  // namespace triad::cli
