#pragma once
// The text of the codebook tables under data/codebook/, compiled into the binary at build time
// (see src/codebook/CMakeLists.txt), byte for byte, UTF-8, without a terminating NUL.
#include <string_view>

namespace triad::embedded {

std::string_view CameoEventsTsv();     // data/codebook/cameo_events.tsv
std::string_view CameoCountriesTsv();  // data/codebook/cameo_countries.tsv
std::string_view IcewsCountriesTsv();  // data/codebook/icews_countries.tsv
std::string_view GroupsCsv();          // data/codebook/groups.csv
std::string_view CalendarCsv();        // data/codebook/calendar.csv
std::string_view ActorSectorsCsv();    // data/codebook/actor_sectors.csv

}  // namespace triad::embedded
