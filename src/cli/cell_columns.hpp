#pragma once
// The columns of a cell as `export cells` writes it and `ingest-cells` reads it back (the result
// of `triad sql` has them too).
#include <array>

namespace triad::cli {

inline constexpr std::array<const char*, 17> kCellColumns = {"date",
                                                             "source",
                                                             "target",
                                                             "source_sector",
                                                             "target_sector",
                                                             "channel",
                                                             "quad_class",
                                                             "events",
                                                             "mentions",
                                                             "mentions_sq",
                                                             "sources",
                                                             "articles",
                                                             "goldstein_sum",
                                                             "goldstein_sq_sum",
                                                             "goldstein_mentions_sum",
                                                             "goldstein_mentions_sq_sum",
                                                             "tone_sum"};

}  // namespace triad::cli
