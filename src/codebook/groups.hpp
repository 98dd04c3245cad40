#pragma once
// Actor groups (ASEAN, BRICS, G7, Quad, Global South, ...) with membership dates: a country counts
// as a member from the day it joined (BRICS grew on 2024-01-01 and 2025-01-06). Built-in groups
// come from data/codebook/groups.csv; users may load more from a file of the same format.
#include <string>
#include <string_view>
#include <vector>

#include "common/date.hpp"

namespace triad {

struct Membership {
  std::string country;  // CAMEO 3-letter code
  Day from;             // first day of membership
  Day to;               // last day of membership (inclusive); kOpenEnd when still a member
};
inline constexpr Day kOpenEnd = 2147483647;

struct ActorGroup {
  std::string name;                 // "ASEAN", "BRICS", ...
  std::string description;          // one line, with the source of the membership list
  std::vector<Membership> members;  // sorted by (country, from); periods of one country disjoint

  bool Contains(std::string_view country, Day day) const;
  // Countries that are members on at least one day in [from, to].
  std::vector<std::string> MembersBetween(Day from, Day to) const;
};

class GroupRegistry {
 public:
  static const GroupRegistry& Default();
  // Parses the CSV format `group,country,from,to,description` (from/to as YYYY-MM-DD, to may be
  // empty); throws triad::Error naming the file, line and field on bad input.
  // A country may have several rows in a group (left and rejoined) if the periods do not
  // overlap. The description of a group is the one on its first row; descriptions on later rows
  // are notes about that membership, kept in the file for the reader.
  // Fields may be double-quoted (RFC 4180, one line per row); country must be a CAMEO code.
  static GroupRegistry FromCsv(const std::string& path);
  static GroupRegistry FromCsvText(std::string_view text, const std::string& origin);
  // nullptr when there is no such group (names are case-insensitive).
  const ActorGroup* Find(std::string_view name) const;
  const std::vector<ActorGroup>& groups() const { return groups_; }

 private:
  std::vector<ActorGroup> groups_;
};

}  // namespace triad
