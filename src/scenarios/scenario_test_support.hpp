#pragma once
// Shared by the scenario tests: the bundled weekly triangle (CHN_USA, CHN_JPN, USA_JPN, 321 weeks
// to 2024-02-19) fitted as a VAR(2) with a constant, and scenarios written inline.
#include <string>

#include "measures/var_csv.hpp"
#include "measures/var_model.hpp"
#include "scenarios/scenario.hpp"
#include "scenarios/scenario_toml.hpp"

namespace triad::testing {

inline VarFit WeeklyTriangleFit() {
  const VarData data = ReadVarCsv(
      std::string(TRIAD_SOURCE_DIR) + "/tests/data/series/gdelt_weekly_chn_usa_jpn.csv", {}, {});
  return FitVar(data, VarSpec{2, VarTrend::kConstant});
}

// `body` follows a [model] table naming an unused fit file (tests pass the fit directly).
inline Scenario InlineScenario(const std::string& top, const std::string& body = "") {
  return ParseScenario(top + "\n[model]\nfit = \"unused.json\"\n" + body, "test.toml");
}

}  // namespace triad::testing
