"""triad report --scenario: the scenario section as a reader meets it. The number of paths is said
once; a scenario without active levers has no baseline, so its fan charts have no baseline line
and no legend entry for one; each window names the variables it affects; the header names the
frequency as an adjective; the model's momentum directions use the measures' words."""
import json
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

SAMPLE = os.path.join(t.SOURCE_DIR, "data", "sample")
FIT = os.path.join(t.SOURCE_DIR, "scenarios", "fit_weekly_triangle.json")
SCENARIO = """
name = "report test"
horizon = 20
paths = 700
seed = 3
triangle = ["CHN_USA", "CHN_JPN", "USA_JPN"]
[model]
fit = "{fit}"
[[lever]]
name = "dialogue"
variable = "CHN_USA"
from = 2024-03-04
size = 5
active = false
[[window]]
name = "campaign"
from = 2024-04-01
to = 2024-04-14
variables = ["CHN_USA", "USA_JPN"]
volatility = 1.5
[[window]]
name = "summit season"
from = 2024-04-08
to = 2024-05-01
variables = ["CHN_JPN"]
drift = 0.25
[[target]]
variable = "CHN_USA"
floor = -1
"""


def visible_text(html):
    """The text a reader sees: tags and the style sheet removed."""
    return re.sub(r"<[^>]*>", "\n", re.sub(r"<style>.*?</style>", "", html, flags=re.S))


class ReportScenario(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = t.tmpdir()
        cls.store = os.path.join(cls.dir, "s.db")
        t.run("ingest", "--quiet", "--store", cls.store, SAMPLE)
        cls.scenario = os.path.join(cls.dir, "scenario.toml")
        with open(cls.scenario, "w", encoding="utf-8") as f:
            f.write(SCENARIO.format(fit=FIT))
        cls.args = ("report", "--store", cls.store, "--actors", "CHN,USA,JPN", "--asof", "2025-06-14",
                    "--freq", "day", "--scenario", cls.scenario)
        out = os.path.join(cls.dir, "report.html")
        t.run(*cls.args, "--out", out)
        with open(out, encoding="utf-8") as f:
            cls.html = f.read()
        cls.model = json.loads(t.run(*cls.args, "--format", "json", "--out", "-").stdout)

    def test_paths_said_once(self):
        text = visible_text(self.html)
        self.assertEqual(len(re.findall(r"\b700\b", text)), 1, re.findall(r".{0,40}\b700\b.{0,40}", text))
        self.assertIn("Simulated on 700 Monte Carlo paths", text)

    def test_no_baseline_without_levers(self):
        section = self.html[self.html.index('id="scenario"'):]
        self.assertNotIn("baseline median", section)
        self.assertEqual(section.count('<article class="card">'), 3)  # one fan per dyad
        for fan in self.model["scenario"]["fans"]:
            self.assertTrue(all(v is None for v in fan["baseline_median"]), fan["dyad"])

    def test_windows_name_their_variables(self):
        self.assertIn("<td>volatility × 1.5 for CHN_USA and USA_JPN</td>", self.html)
        self.assertIn("<td>drift +0.25 per step for CHN_JPN</td>", self.html)
        windows = self.model["scenario"]["windows"]
        self.assertEqual([w["variables"] for w in windows], [["CHN_USA", "USA_JPN"], ["CHN_JPN"]])

    def test_a_scenario_fitted_on_other_data_is_drawn_with_a_warning(self):
        # The scenario's model is a saved weekly fit; the report shows daily indices of a store.
        warnings = self.model["provenance"]["warnings"]
        self.assertTrue(any("its model has weekly periods, the report daily periods" in w for w in warnings),
                        warnings)
        self.assertTrue(any("which triad cannot trace to the report's data" in w for w in warnings), warnings)
        proc = t.run(*self.args, "--format", "json", "--out", "-")
        self.assertIn("warning: scenario", proc.stderr)

    def test_a_store_scenario_on_another_store_is_flagged(self):
        other = os.path.join(self.dir, "other.db")
        t.run("ingest", "--quiet", "--store", other, SAMPLE)
        path = os.path.join(self.dir, "store_scenario.toml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"""horizon = 5\npaths = 200\n[model]\nstore = "{other}"\nactors = ["CHN", "USA", "JPN"]
freq = "day"\nlags = 1\n[[target]]\nvariable = "CHN_USA"\nfloor = -1\n""")
        model = json.loads(t.run("report", "--store", self.store, "--freq", "day", "--no-drivers", "--scenario", path,
                                 "--format", "json", "--out", "-").stdout)
        warnings = model["provenance"]["warnings"]
        self.assertTrue(any("its model is fitted on the store " + other in w for w in warnings), warnings)
        same = json.loads(t.run("report", "--store", other, "--freq", "day", "--no-drivers", "--scenario", path,
                                "--format", "json", "--out", "-").stdout)
        self.assertFalse(any(w.startswith("scenario ") for w in same["provenance"]["warnings"]),
                         same["provenance"]["warnings"])

    def test_a_store_scenario_with_other_units_is_drawn_with_a_visible_warning(self):
        # The store model's indices are events-weighted over all channels; a report on
        # mentions-weighted indices (or one channel) shows other units: drawn, but with a warning
        # at the top of the scenario section, where the fan charts are read.
        path = os.path.join(self.dir, "units_scenario.toml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"""horizon = 5\npaths = 200\n[model]\nstore = "{self.store}"\nactors = ["CHN", "USA", "JPN"]
freq = "day"\nlags = 1\n[[target]]\nvariable = "CHN_USA"\nfloor = -1\n""")
        args = ("report", "--store", self.store, "--freq", "day", "--no-drivers", "--scenario", path)
        mentions = json.loads(t.run(*args, "--weight", "mentions", "--channel", "economic",
                                    "--format", "json", "--out", "-").stdout)
        expected = [f"scenario {path}: its model's indices are events-weighted, the report's mentions-weighted "
                    "(other units)",
                    f"scenario {path}: its model's indices use all channels, the report's only the economic "
                    "channel (another series)"]
        for w in expected:
            self.assertIn(w, mentions["scenario"]["warnings"])
            self.assertIn(w, mentions["provenance"]["warnings"])
        out = os.path.join(self.dir, "units.html")
        t.run(*args, "--weight", "mentions", "--channel", "economic", "--out", out)
        with open(out, encoding="utf-8") as f:
            html = f.read()
        section = html[html.index('id="scenario"'):]
        warning = section.index("warning: scenario " + path + ": its model&#39;s indices are events-weighted, "
                                "the report&#39;s mentions-weighted (other units)")
        self.assertLess(warning, section.index("Fan charts"))
        same = json.loads(t.run(*args, "--format", "json", "--out", "-").stdout)
        self.assertEqual(same["scenario"]["warnings"], [])

    def test_the_floor_starts_at_the_scenario_start(self):
        # The data end on 2025-06-14; the targets apply from 2025-06-20, the steps before are only
        # simulated: the floor line starts there, not at the first simulated day.
        path = os.path.join(self.dir, "start_scenario.toml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"""horizon = 5\npaths = 200\nstart = 2025-06-20\n[model]\nstore = "{self.store}"
actors = ["CHN", "USA", "JPN"]\nfreq = "day"\nlags = 1\n[[target]]\nvariable = "CHN_USA"\nfloor = -1\n""")
        model = json.loads(t.run("report", "--store", self.store, "--freq", "day", "--no-drivers", "--scenario", path,
                                 "--format", "json", "--out", "-").stdout)
        fans = {f["dyad"]: f for f in model["scenario"]["fans"]}
        self.assertEqual(fans["CHN-USA"]["dates"][0], "2025-06-15")
        self.assertEqual(fans["CHN-USA"]["floor_from"], "2025-06-20")
        for dyad, fan in fans.items():
            if dyad != "CHN-USA":
                self.assertIsNone(fan["floor_from"], dyad)  # no target, no floor

    def test_header_and_directions(self):
        self.assertIn(" · daily series", self.html)
        self.assertNotIn("dayly", self.html)
        for d in self.model["dyads"]:
            self.assertIn(d["direction"], ("improving", "deteriorating", "steady"), d["name"])


if __name__ == "__main__":
    unittest.main()
