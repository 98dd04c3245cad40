#include "codebook/groups.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "codebook/countries.hpp"
#include "codebook/embedded_tables.hpp"
#include "codebook/table_text.hpp"
#include "common/error.hpp"

namespace triad {
namespace {

const std::vector<std::string_view> kColumns = {"group", "country", "from", "to", "description"};

bool ValidGroupName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

// Strict YYYY-MM-DD: membership dates are days, so a bare year or month would be ambiguous.
std::optional<Day> ParseMembershipDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  return ParseDate(text);
}

bool ByCountryThenFrom(const Membership& a, const Membership& b) {
  return a.country != b.country ? a.country < b.country : a.from < b.from;
}

}  // namespace

bool ActorGroup::Contains(std::string_view country, Day day) const {
  // members is sorted by (country, from): scan only this country's periods.
  auto it = std::lower_bound(members.begin(), members.end(), country,
                             [](const Membership& m, std::string_view c) { return m.country < c; });
  for (; it != members.end() && it->country == country; ++it) {
    if (it->from <= day && day <= it->to) return true;
  }
  return false;
}

std::vector<std::string> ActorGroup::MembersBetween(Day from, Day to) const {
  std::vector<std::string> out;
  for (const Membership& m : members) {
    if (m.from <= to && from <= m.to && (out.empty() || out.back() != m.country)) {
      out.push_back(m.country);
    }
  }
  return out;  // sorted, because members is sorted by country
}

GroupRegistry GroupRegistry::FromCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) ThrowInput({path, 0, ""}, "cannot open the group file");
  std::ostringstream text;
  text << in.rdbuf();
  return FromCsvText(text.str(), path);
}

GroupRegistry GroupRegistry::FromCsvText(std::string_view text, const std::string& origin) {
  const CountryTable& countries = CountryTable::Default();
  GroupRegistry registry;
  std::vector<std::int64_t> first_line;  // per group, for error messages
  const bool header_seen = codebook::ForEachCsvRecord(
      text, origin, kColumns, [&](std::int64_t line, const std::vector<std::string>& fields) {
        auto fail = [&](std::string_view field, const std::string& message) {
          ThrowInput({origin, line, std::string(field)}, message);
        };
        const std::string& name = fields[0];
        if (!ValidGroupName(name)) {
          fail("group", fmt::format("'{}' is not a group name (letters, digits, _ and -)", name));
        }
        Membership m;
        m.country = fields[1];
        if (!countries.NameForCode(m.country)) {
          fail("country",
               fmt::format("'{}' is not a CAMEO country code (e.g. CHN, USA, TMP)", m.country));
        }
        std::optional<Day> from = ParseMembershipDate(fields[2]);
        if (!from) fail("from", fmt::format("'{}' is not a date YYYY-MM-DD", fields[2]));
        m.from = *from;
        m.to = kOpenEnd;
        if (!fields[3].empty()) {
          std::optional<Day> to = ParseMembershipDate(fields[3]);
          if (!to) fail("to", fmt::format("'{}' is not a date YYYY-MM-DD (or empty)", fields[3]));
          if (*to < m.from) fail("to", fmt::format("{} is before from {}", fields[3], fields[2]));
          m.to = *to;
        }
        auto& groups = registry.groups_;
        auto it = std::find_if(groups.begin(), groups.end(), [&](const ActorGroup& g) {
          return codebook::AsciiLower(g.name) == codebook::AsciiLower(name);
        });
        if (it == groups.end()) {
          groups.push_back({name, fields[4], {}});
          first_line.push_back(line);
          it = groups.end() - 1;
        }
        for (const Membership& other : it->members) {
          if (other.country == m.country && other.from <= m.to && m.from <= other.to) {
            fail("from",
                 fmt::format("{} membership of {} overlaps an earlier row", m.country, it->name));
          }
        }
        it->members.push_back(std::move(m));
      });
  if (!header_seen) ThrowInput({origin, 0, ""}, "the group file is empty");
  for (ActorGroup& group : registry.groups_) {
    std::sort(group.members.begin(), group.members.end(), ByCountryThenFrom);
  }
  return registry;
}

const GroupRegistry& GroupRegistry::Default() {
  static const GroupRegistry registry =
      FromCsvText(embedded::GroupsCsv(), "data/codebook/groups.csv (built in)");
  return registry;
}

const ActorGroup* GroupRegistry::Find(std::string_view name) const {
  std::string key = codebook::AsciiLower(name);
  for (const ActorGroup& group : groups_) {
    if (codebook::AsciiLower(group.name) == key) return &group;
  }
  return nullptr;
}

}  // namespace triad
