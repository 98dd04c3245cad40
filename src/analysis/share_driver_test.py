"""The SECURITY driver is a share in [0, 1]: models hold it as logit(share), and scenarios report
its simulated paths as shares, so no quantile leaves [0, 1] (it went below 0 before).

Usage: /usr/bin/python3 share_driver_test.py PATH/TO/triad
"""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "pylib"))
import triadtest as t  # noqa: E402



class ShareDriver(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = t.tmpdir()
        cls.store, cls.scenario = t.sample_scenario(cls.dir)

    def test_simulated_security_stays_a_share(self):
        out = json.loads(t.run("simulate", self.scenario, "--paths", "2000", "--format", "json").stdout)
        self.assertIn("SECURITY", out["variables"])
        for system in ("scenario", "baseline"):
            for step in out[system]:
                q = step["variables"]["SECURITY"]
                self.assertGreater(q["q05"], 0, step["date"])
                self.assertLess(q["q95"], 1, step["date"])
                self.assertTrue(0 < q["mean"] < 1, step["date"])

    def test_models_hold_the_logit_and_say_so(self):
        text = t.run("explain", "--store", self.store, "--actors", "CHN,USA,JPN", "--drivers",
                     "security", "--freq", "day").stdout
        self.assertIn("SECURITY       logit of the share of the triad's events that are "
                      "security-channel conflict (0..1)", text)
        fit = os.path.join(self.dir, "fit.json")
        t.run("explain", "--store", self.store, "--actors", "CHN,USA,JPN", "--drivers", "security",
              "--freq", "day", "--save", fit)
        with open(fit, encoding="utf-8") as f:
            saved = json.load(f)
        self.assertEqual(saved["logit_shares"], ["SECURITY"])
        self.assertIn("SECURITY", saved["names"])


if __name__ == "__main__":
    unittest.main()
