#pragma once
// The strategic-triangle diagram of one period: three actor nodes with their roles, and the
// three edges drawn by sign (friendly: solid blue; hostile: dashed vermillion; neutral or
// unknown: dotted grey), each labelled with its index value.
#include <array>
#include <string>

#include "outputs/report_model.hpp"

namespace triad {

// Each actor's role for these edge signs (dyads A–B, A–C, B–C): a romantic triangle (one
// hostile edge) has a "pivot" opposite the hostile edge and two "wing"s; a stable marriage
// (one friendly edge) has a "married" pair and an "outcast" opposite the friendly edge. Other
// patterns (all friendly, all hostile, any neutral) give no roles: empty strings.
std::array<std::string, 3> ActorRoles(const std::array<int, 3>& signs);

// Its words (roles, signs, title) in `language`.
std::string TriangleDiagramSvg(const TriangleSnapshot& triangle, int width = 440, int height = 380,
                               Language language = Language::kEnglish);

}  // namespace triad
