#pragma once
// The domain's words in a language (messages.hpp): Dittmer's triangle types and roles, momentum
// directions, frequencies. In English each equals the measures' own name (TriangleTypeName,
// DescribeRoles, MomentumDirectionName, FrequencyAdjective), byte for byte.
#include <array>
#include <string>

#include "common/date.hpp"
#include "measures/local_linear_trend_momentum.hpp"
#include "measures/triangle.hpp"
#include "outputs/messages.hpp"

namespace triad {

std::string TriangleTypeLabel(Language language, TriangleType type);
// As DescribeRoles: "romantic triangle, pivot CHN, wings USA and JPN".
std::string RolesLabel(Language language, const std::array<std::string, 3>& actors,
                       const RoleAssignment& roles);
// As DescribeRoleDetails: "pivot CHN, wings USA and JPN"; empty for types without roles.
std::string RoleDetailsLabel(Language language, const std::array<std::string, 3>& actors,
                             const RoleAssignment& roles);
std::string DirectionLabel(Language language, MomentumDirection direction);
std::string FrequencyNoun(Language language, Frequency freq);            // "day", "week"
std::string FrequencyAdjectiveLabel(Language language, Frequency freq);  // "daily"
// A period name as the report model holds it ("week", "day"; "" for "period").
std::string PeriodNameLabel(Language language, const std::string& name);
// A number of periods: "7 days", "1 week".
std::string PeriodCount(Language language, Frequency freq, long long count);

// The report model carries structures and roles as English text (DescribeRoles,
// DescribeRoleDetails, TriangleTypeName of actor codes). These read such a text back and say
// it in `language`; a text they do not recognise is returned unchanged. The catalog test
// round-trips every role assignment through DescribeRoles, so a change of the English wording
// fails a test instead of leaving English in a Chinese page.
std::string StructureLabel(Language language, const std::string& english);
std::string RoleDetailsTextLabel(Language language, const std::string& english);

}  // namespace triad
