#pragma once
// Comma-separated option values ("CHN,USA,JPN", "a,b"): the items in order, spaces around an
// item trimmed, empty items dropped.
#include <string>
#include <vector>

namespace triad::cli {

std::vector<std::string> SplitList(const std::string& text);

}  // namespace triad::cli
