// Scenario files: what a valid file becomes, and what a user sees for a broken one (the line, the
// key, and the nearest valid name).
#include <gtest/gtest.h>

#include <functional>

#include "common/error.hpp"
#include "common/nearest_name.hpp"
#include "scenarios/scenario_plan.hpp"
#include "scenarios/scenario_test_support.hpp"
#include "scenarios/scenario_toml.hpp"

namespace triad {
namespace {

std::string ErrorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no triad::Error thrown";
  return "";
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const char* kValid = R"(start = "end"
horizon = 30
paths = 500
seed = 9
triangle = ["CHN_USA", "CHN_JPN", "USA_JPN"]
neutral = 5.0

[model]
fit = "fits/weekly.json"

[[lever]]
name = "dialogue"
variable = "CHN_JPN"
kind = "shift"
from = 2024-04-01
to = "2024-06-30"
ramp = 4
size = 10
cost = 1.5

[[lever]]
name = "summit"
variable = "CHN_USA"
kind = "shock"
at = 2024-03-11
size = -50

[[lever]]
name = "calm"
variable = "CHN_JPN"
kind = "volatility"
from = 2024-03-04
size = 0.8
active = false

[[window]]
name = "election"
from = 2024-10-01
to = 2024-11-10
variables = ["CHN_USA", "USA_JPN"]
volatility = 1.5
drift = -3

[[target]]
variable = "CHN_USA"
floor = -100
mode = "at_end"
)";

TEST(ScenarioToml, ValidFileBecomesTheScenario) {
  const Scenario s = ParseScenario(kValid, "/tmp/scen/essay.toml");
  EXPECT_FALSE(s.start.has_value());
  EXPECT_EQ(s.horizon, 30);
  EXPECT_EQ(s.paths, 500);
  EXPECT_EQ(s.seed, 9u);
  EXPECT_EQ(s.model.fit_path, "/tmp/scen/fits/weekly.json");  // relative to the file
  ASSERT_EQ(s.levers.size(), 3u);
  EXPECT_EQ(s.levers[0].kind, LeverKind::kShift);
  EXPECT_EQ(s.levers[0].from, *ParseDate("2024-04-01"));
  EXPECT_EQ(*s.levers[0].to, *ParseDate("2024-06-30"));  // a date string works too
  EXPECT_EQ(s.levers[0].ramp, 4);
  EXPECT_DOUBLE_EQ(s.levers[0].cost, 1.5);
  EXPECT_EQ(s.levers[0].line, 11);
  EXPECT_EQ(s.levers[1].kind, LeverKind::kShock);
  EXPECT_DOUBLE_EQ(s.levers[1].size, -50);
  EXPECT_EQ(s.levers[2].kind, LeverKind::kVolatility);
  EXPECT_FALSE(s.levers[2].active);
  ASSERT_EQ(s.windows.size(), 1u);
  EXPECT_EQ(s.windows[0].variables.size(), 2u);
  EXPECT_DOUBLE_EQ(s.windows[0].volatility, 1.5);
  EXPECT_DOUBLE_EQ(s.windows[0].drift, -3);
  ASSERT_EQ(s.targets.size(), 1u);
  EXPECT_EQ(s.targets[0].mode, TargetMode::kAtEnd);
  EXPECT_EQ(s.triangle.size(), 3u);
  EXPECT_DOUBLE_EQ(s.neutral, 5.0);
}

TEST(ScenarioToml, StoreModelIsParsedForTheBuilder) {
  const Scenario s = ParseScenario(R"([model]
store = "triad.db"
actors = ["CHN", "USA", "JPN"]
freq = "month"
from = 2018-01-01
to = 2023-11-30
lags = 2
drivers = ["ECON_CHN_USA", "REGIONAL"]
)",
                                   "/data/s.toml");
  ASSERT_TRUE(s.model.store.has_value());
  EXPECT_EQ(s.model.store->store, "/data/triad.db");
  EXPECT_EQ(s.model.store->actors.size(), 3u);
  EXPECT_EQ(s.model.store->freq, "month");
  EXPECT_EQ(s.model.store->lags, 2);
  EXPECT_EQ(s.model.store->drivers[1], "REGIONAL");
  EXPECT_EQ(*s.model.store->to, *ParseDate("2023-11-30"));
}

TEST(ScenarioToml, AWindowNamesACalendarEntry) {
  const Scenario s = ParseScenario(
      "[model]\nfit = \"f.json\"\n\n[[window]]\ncalendar = \"us-president-2024\"\n"
      "days_before = 36\ndays_after = 5\nvariables = [\"CHN_USA\"]\nvolatility = 1.5\n",
      "s.toml");
  ASSERT_EQ(s.windows.size(), 1u);
  EXPECT_EQ(s.windows[0].name, "US presidential election 2024");
  EXPECT_EQ(FormatDate(s.windows[0].from), "2024-09-30");
  EXPECT_EQ(FormatDate(s.windows[0].to), "2024-11-10");
  const std::string e = ErrorOf([] {
    ParseScenario(
        "[model]\nfit = \"f.json\"\n\n[[window]]\ncalendar = \"us-president-2025\"\n"
        "variables = [\"CHN_USA\"]\nvolatility = 1.5\n",
        "s.toml");
  });
  EXPECT_TRUE(Has(e, "s.toml:5 (field calendar)")) << e;
  EXPECT_TRUE(Has(e, "did you mean")) << e;
}

TEST(ScenarioToml, MisspeltKeyNamesLineKeyAndSuggestion) {
  const std::string e =
      ErrorOf([] { ParseScenario("horizn = 10\n[model]\nfit = \"f.json\"\n", "s.toml"); });
  EXPECT_TRUE(Has(e, "s.toml:1 (field horizn)")) << e;
  EXPECT_TRUE(Has(e, "did you mean 'horizon'?")) << e;

  const std::string lever = ErrorOf([] {
    ParseScenario(
        "[model]\nfit = \"f.json\"\n\n[[lever]]\nname = \"x\"\nvariable = \"A\"\n"
        "form = 2024-01-01\nsize = 1\n",
        "s.toml");
  });
  EXPECT_TRUE(Has(lever, "s.toml:7 (field form)")) << lever;
  EXPECT_TRUE(Has(lever, "did you mean 'from'?")) << lever;
}

TEST(ScenarioToml, MisspeltValueSuggestsTheNearestChoice) {
  const std::string e = ErrorOf([] {
    ParseScenario(
        "[model]\nfit = \"f.json\"\n[[lever]]\nname = \"x\"\nvariable = \"A\"\n"
        "kind = \"shfit\"\nfrom = 2024-01-01\nsize = 1\n",
        "s.toml");
  });
  EXPECT_TRUE(Has(e, "s.toml:6 (field kind)")) << e;
  EXPECT_TRUE(Has(e, "did you mean 'shift'?")) << e;
  const std::string mode = ErrorOf([] {
    ParseScenario(
        "[model]\nfit = \"f.json\"\n[[target]]\nvariable = \"A\"\nfloor = 0\n"
        "mode = \"every-step\"\n",
        "s.toml");
  });
  EXPECT_TRUE(Has(mode, "did you mean 'every_step'?")) << mode;
}

TEST(ScenarioToml, UnknownVariableIsCaughtAgainstTheModelWithSuggestion) {
  const VarFit fit = testing::WeeklyTriangleFit();
  const Scenario s = testing::InlineScenario(
      "", "\n[[lever]]\nname = \"x\"\nvariable = \"CHN_UAS\"\nfrom = 2024-03-04\nsize = 1\n");
  const std::string e = ErrorOf([&] { PlanScenario(s, fit); });
  EXPECT_TRUE(Has(e, "test.toml:7 (field variable)")) << e;
  EXPECT_TRUE(Has(e, "unknown variable 'CHN_UAS'; did you mean 'CHN_USA'?")) << e;

  const Scenario far = testing::InlineScenario("", "[[target]]\nvariable = \"GDP\"\nfloor = 0\n");
  const std::string listed = ErrorOf([&] { PlanScenario(far, fit); });
  EXPECT_TRUE(Has(listed, "valid: CHN_USA, CHN_JPN, USA_JPN")) << listed;
}

TEST(ScenarioToml, SyntaxErrorNamesTheLine) {
  const std::string e = ErrorOf(
      [] { ParseScenario("horizon = 10\npaths = = 3\n[model]\nfit = \"f.json\"\n", "s.toml"); });
  EXPECT_TRUE(Has(e, "s.toml:2")) << e;
  EXPECT_TRUE(Has(e, "not valid TOML")) << e;
}

TEST(ScenarioToml, StructuralMistakesAreExplained) {
  EXPECT_TRUE(Has(ErrorOf([] { ParseScenario("horizon = 3\n", "s.toml"); }), "[model]"));
  EXPECT_TRUE(Has(ErrorOf([] {
                    ParseScenario("[model]\nfit = \"f.json\"\n[lever]\nname = \"x\"\n", "s.toml");
                  }),
                  "must be written as [[lever]]"));
  EXPECT_TRUE(Has(ErrorOf([] {
                    ParseScenario(
                        "[model]\nfit = \"f.json\"\n[[lever]]\nname = \"x\"\n"
                        "variable = \"A\"\nkind = \"shock\"\nfrom = 2024-01-01\n"
                        "size = 1\n",
                        "s.toml");
                  }),
                  "give its date as 'at'"));
  EXPECT_TRUE(
      Has(ErrorOf([] { ParseScenario("start = \"ned\"\n[model]\nfit = \"f.json\"\n", "s.toml"); }),
          "s.toml:1 (field start): expected \"end\""));
  EXPECT_TRUE(Has(
      ErrorOf([] { ParseScenario("horizon = \"ten\"\n[model]\nfit = \"f.json\"\n", "s.toml"); }),
      "s.toml:1 (field horizon)"));
  EXPECT_TRUE(Has(ErrorOf([] { ParseScenario("[model]\nfit = \"f.json\"\nlags = 2\n", "s.toml"); }),
                  "s.toml:3 (field lags)"));
  EXPECT_TRUE(Has(ErrorOf([] {
                    ParseScenario(
                        "[model]\nfit = \"f.json\"\n[[lever]]\nname = \"a\"\n"
                        "variable = \"A\"\nfrom = 2024-01-01\nsize = 1\n[[lever]]\n"
                        "name = \"a\"\nvariable = \"A\"\nfrom = 2024-01-01\nsize = 1\n",
                        "s.toml");
                  }),
                  "used twice (also line 3)"));
}

TEST(ScenarioToml, TriangleActorsFollowFromTheNames) {
  const VarFit fit = testing::WeeklyTriangleFit();
  const ScenarioPlan plan = PlanScenario(
      testing::InlineScenario("triangle = [\"CHN_JPN\", \"CHN_USA\", \"USA_JPN\"]"), fit);
  EXPECT_EQ(plan.actors, (std::array<std::string, 3>{"CHN", "JPN", "USA"}));
  EXPECT_EQ(plan.triangle_variable, (std::array<int, 3>{1, 0, 2}));
  const std::string e = ErrorOf([&] {
    PlanScenario(testing::InlineScenario("triangle = [\"CHN_USA\", \"CHN_JPN\", \"CHN_JPN\"]"),
                 fit);
  });
  EXPECT_TRUE(Has(e, "not the three dyads")) << e;
}

TEST(NearestName, EditDistanceAndSuggestion) {
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3);
  EXPECT_EQ(EditDistance("Horizon", "horizon"), 0);
  EXPECT_EQ(NearestName("seeed", {"seed", "start"}), "seed");
  EXPECT_FALSE(NearestName("zzzzzz", {"seed", "start"}).has_value());
}

}  // namespace
}  // namespace triad
