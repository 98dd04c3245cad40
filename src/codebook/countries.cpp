#include "codebook/countries.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "codebook/embedded_tables.hpp"
#include "codebook/table_text.hpp"
#include "common/error.hpp"

namespace triad {
namespace {

bool IsCountryCode(std::string_view code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Reads a two-column TSV with the given header, calling add(line, first, second) per row.
template <typename Add>
void ReadPairs(std::string_view text, const std::string& origin, std::string_view first_name,
               std::string_view second_name, Add add) {
  bool header_seen = false;
  codebook::ForEachLine(text, [&](std::int64_t line, std::string_view row) {
    std::vector<std::string_view> fields = codebook::SplitTabs(row);
    if (!header_seen) {
      if (fields.size() != 2 || fields[0] != first_name || fields[1] != second_name) {
        ThrowInput({origin, line, ""},
                   fmt::format("header must be '{}<TAB>{}'", first_name, second_name));
      }
      header_seen = true;
      return;
    }
    if (fields.size() != 2) {
      ThrowInput({origin, line, ""},
                 fmt::format("expected 2 tab-separated fields, found {}", fields.size()));
    }
    if (fields[0].empty()) ThrowInput({origin, line, std::string(first_name)}, "empty");
    add(line, fields[0], fields[1]);
  });
}

}  // namespace

// Builds the table from the two embedded TSVs: cameo_countries.tsv (code, label) and
// icews_countries.tsv (icews_name, code); every ICEWS name must map to a listed code.
class CountryTableBuilder {
 public:
  static CountryTable Build(std::string_view countries_tsv, const std::string& countries_origin,
                            std::string_view icews_tsv, const std::string& icews_origin) {
    CountryTable table;
    ReadPairs(countries_tsv, countries_origin, "code", "label",
              [&](std::int64_t line, std::string_view code, std::string_view label) {
                if (!IsCountryCode(code)) {
                  ThrowInput({countries_origin, line, "code"},
                             fmt::format("'{}' is not a 3-letter upper-case code", code));
                }
                table.countries_.push_back({std::string(code), std::string(label)});
              });
    std::sort(table.countries_.begin(), table.countries_.end(),
              [](const Country& a, const Country& b) { return a.code < b.code; });
    for (size_t i = 1; i < table.countries_.size(); ++i) {
      if (table.countries_[i].code == table.countries_[i - 1].code) {
        ThrowInput({countries_origin, 0, "code"},
                   fmt::format("code {} is listed twice", table.countries_[i].code));
      }
    }
    ReadPairs(icews_tsv, icews_origin, "icews_name", "code",
              [&](std::int64_t line, std::string_view name, std::string_view code) {
                if (!table.NameForCode(code)) {
                  ThrowInput({icews_origin, line, "code"},
                             fmt::format("'{}' is not a code of {}", code, countries_origin));
                }
                table.icews_names_.emplace_back(codebook::AsciiLower(name), std::string(code));
              });
    auto& names = table.icews_names_;
    std::sort(names.begin(), names.end());
    for (size_t i = 1; i < names.size(); ++i) {
      if (names[i].first == names[i - 1].first && names[i].second != names[i - 1].second) {
        ThrowInput({icews_origin, 0, "icews_name"},
                   fmt::format("'{}' maps to both {} and {}", names[i].first, names[i - 1].second,
                               names[i].second));
      }
    }
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return table;
  }
};

const CountryTable& CountryTable::Default() {
  static const CountryTable table = CountryTableBuilder::Build(
      embedded::CameoCountriesTsv(), "data/codebook/cameo_countries.tsv (built in)",
      embedded::IcewsCountriesTsv(), "data/codebook/icews_countries.tsv (built in)");
  return table;
}

std::optional<std::string_view> CountryTable::CodeForIcewsName(std::string_view name) const {
  std::string key = codebook::AsciiLower(name);
  auto it = std::lower_bound(icews_names_.begin(), icews_names_.end(), key,
                             [](const std::pair<std::string, std::string>& entry,
                                const std::string& k) { return entry.first < k; });
  if (it == icews_names_.end() || it->first != key) return std::nullopt;
  return std::string_view(it->second);
}

std::optional<std::string> CountryTable::NameForCode(std::string_view code) const {
  auto it =
      std::lower_bound(countries_.begin(), countries_.end(), code,
                       [](const Country& country, std::string_view c) { return country.code < c; });
  if (it == countries_.end() || it->code != code) return std::nullopt;
  return it->name;
}

}  // namespace triad
