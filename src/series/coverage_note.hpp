#pragma once
// What a reader is told about the news coverage behind a relation index (period_coverage.hpp):
// one cell per period for tables, and one sentence for the periods that were flagged.
#include <string>
#include <vector>

#include "series/relation_index.hpp"

namespace triad {

// "40%", "6% thin", "0% outside"; empty when unknown.
std::string CoverageCell(double fraction, CoverageFlag flag);

// E.g. "news coverage: 1 period thin (below 10% of its news slots: 2025-05-15), left out of the
// index and the models; --include-partial keeps it". Empty when no period is flagged or coverage
// is unknown. The periods are those of `series` (every series of one request shares them).
std::string CoverageNote(const RelationIndexSeries& series);

}  // namespace triad
