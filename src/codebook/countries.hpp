#pragma once
// Country codes: CAMEO's 3-letter country codes (CHN, USA, JPN), their names, and the map from
// the full country names ICEWS uses ("United States", "China") to those codes.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triad {

struct Country {
  std::string code;  // CAMEO 3-letter code
  std::string name;  // CAMEO label
};

class CountryTable {
 public:
  static const CountryTable& Default();
  // The CAMEO code for an ICEWS country name (case-insensitive, exact otherwise); nullopt if the
  // name has no mapping (the caller keeps such rows visible as rejects, never drops them).
  // The view points into the table, which lives as long as the program.
  std::optional<std::string_view> CodeForIcewsName(std::string_view name) const;
  // The CAMEO label for a code, or nullopt if the code is not a CAMEO country code.
  std::optional<std::string> NameForCode(std::string_view code) const;
  const std::vector<Country>& countries() const { return countries_; }

 private:
  std::vector<Country> countries_;
  std::vector<std::pair<std::string, std::string>> icews_names_;  // lower-case name -> code, sorted
  friend class CountryTableBuilder;
};

}  // namespace triad
