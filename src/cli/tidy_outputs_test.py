"""Tidy tabular outputs: every command's `--format csv` on the bundled sample store has unique
snake_case column names without symbols, one row per observation, every row as long as the header,
numbers as plain numbers (shares in [0, 1], never "45%"; unknown as empty), and the JSON's names:
each CSV column is a key of the JSON rows of the same command, with the same values. JSON nests
what CSV spreads; flattened, a nested object's keys take its name as prefix (filtered.level ->
filtered_level) and a list of per-dyad objects takes the dyad (dyads[] of CHN-USA, index ->
chn_usa_index). The README's "Output columns" lists the columns; this test keeps them honest."""
import csv
import json
import math
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "pylib"))
import triadtest as tt  # noqa: E402

SAMPLE = os.path.join(tt.SOURCE_DIR, "data", "sample")
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
SCENARIO = """horizon = 4
paths = 300
seed = 5
triangle = ["CHN_USA", "CHN_JPN", "USA_JPN"]
[model]
store = "{store}"
actors = ["CHN", "USA", "JPN"]
freq = "day"
lags = 1
[[lever]]
name = "dialogue"
variable = "CHN_JPN"
from = 2025-06-15
size = 0.5
[[target]]
variable = "CHN_USA"
floor = -1
"""


def flatten(obj, prefix=""):
    """A JSON row as flat columns: nested objects prefix their keys with their name, lists of
    per-dyad objects with the dyad ("CHN-USA" -> "chn_usa_"); other lists are left out."""
    out = {}
    for key, value in obj.items():
        if isinstance(value, dict):
            out.update(flatten(value, prefix + key + "_"))
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict) and "dyad" in item:
                    dyad = item["dyad"].lower().replace("-", "_")
                    out.update(flatten({k: v for k, v in item.items() if k != "dyad"}, prefix + dyad + "_"))
        else:
            out[prefix + key] = value
    return out


def simulate_rows(j):
    rows = []
    for system in ("scenario", "baseline"):
        for step in j.get(system, []):
            at = {"system": system, "step": step["step"], "date": step["date"]}
            for name in j["variables"]:
                rows.append({**at, "variable": name, **step["variables"][name]})
            # a triangle type's share of paths is the mean of its indicator; no sd or quantiles
            for key, share in step.get("triangle", {}).items():
                rows.append({**at, "variable": "triangle_" + key, "mean": share, "sd": None,
                             **{q: None for q in ("q05", "q25", "q50", "q75", "q95")}})
    return rows


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


class TidyOutputs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tt.tmpdir()
        cls.store = os.path.join(cls.dir, "sample.db")
        tt.run("ingest", "--quiet", "--store", cls.store, SAMPLE)
        cls.scenario = os.path.join(cls.dir, "scenario.toml")
        with open(cls.scenario, "w", encoding="utf-8") as f:
            f.write(SCENARIO.format(store=cls.store))
        s = cls.store
        # command -> (arguments, the JSON's rows in flat form, the columns that identify a row)
        cls.commands = {
            "index": (["index", "--store", s, "--dyads", "CHN-USA,CHN-JPN,USA-JPN", "--freq", "week"],
                      lambda j: [{"dyad": d["dyad"], **flatten(p)} for d in j["dyads"] for p in d["periods"]],
                      ("period", "dyad")),
            "series": (["series", "--store", s, "--dyad", "CHN-USA", "--freq", "week"],
                       lambda j: [flatten(p) for p in j["periods"]], ("period",)),
            "balance": (["balance", "--store", s, "--actors", "CHN,USA,JPN", "--freq", "day"],
                        lambda j: [flatten(p) for p in j["periods"]], ("period",)),
            "momentum": (["momentum", "--store", s, "--dyad", "CHN-USA", "--freq", "day"],
                         lambda j: [flatten(p) for p in j["states"]], ("date",)),
            "simulate": (["simulate", cls.scenario], simulate_rows, ("system", "step", "variable")),
            "calendar": (["calendar", "--from", "2024-01-01", "--to", "2025-12-31"],
                         lambda j: [flatten(w) for w in j], ("id",)),
            "export": (["export", "cells", "--store", s, "--from", "2025-06-01", "--to", "2025-06-02"],
                       lambda j: [flatten(c) for c in j], ("date", "source", "target", "source_sector", "target_sector", "channel",
                                                          "quad_class")),
        }
        cls.csv, cls.json = {}, {}
        for name, (args, rows, _) in cls.commands.items():
            cls.csv[name] = list(csv.reader(tt.run(*args, "--format", "csv").stdout.splitlines()))
            cls.json[name] = rows(json.loads(tt.run(*args, "--format", "json").stdout))

    def test_headers_are_unique_snake_case(self):
        for name, table in self.csv.items():
            with self.subTest(command=name):
                header = table[0]
                self.assertEqual(len(header), len(set(header)), header)
                for column in header:
                    self.assertRegex(column, NAME)

    def test_every_row_has_as_many_fields_as_the_header(self):
        for name, table in self.csv.items():
            with self.subTest(command=name):
                self.assertGreater(len(table), 1, "no data rows")
                for i, row in enumerate(table[1:], 2):
                    self.assertEqual(len(row), len(table[0]), f"line {i}: {row}")

    def test_one_row_per_observation(self):
        for name, table in self.csv.items():
            with self.subTest(command=name):
                key = [table[0].index(k) for k in self.commands[name][2]]
                keys = [tuple(row[k] for k in key) for row in table[1:]]
                self.assertEqual(len(keys), len(set(keys)), "a key repeats")

    def test_csv_columns_are_keys_of_the_json_rows_with_the_same_values(self):
        for name, table in self.csv.items():
            with self.subTest(command=name):
                header, rows = table[0], table[1:]
                json_rows = self.json[name]
                self.assertEqual(len(rows), len(json_rows))
                for column in header:
                    self.assertTrue(all(column in r for r in json_rows), f"'{column}' is not a JSON key")
                key = self.commands[name][2]
                by_key = {tuple(str(r[k]) for k in key): r for r in json_rows}
                numeric = {c for c in header if any(is_number(r[c]) for r in json_rows)}
                for row in rows:
                    record = dict(zip(header, row))
                    expected = by_key[tuple(record[k] for k in key)]
                    for column, text in record.items():
                        value = expected[column]
                        where = f"{column} of {[record[k] for k in key]}: '{text}' against {value!r}"
                        self.assertNotIn("%", text, where)
                        if column in numeric:
                            # a plain number, or empty where the JSON has null
                            if value is None:
                                self.assertEqual(text, "", where)
                            else:
                                self.assertTrue(math.isclose(float(text), value, rel_tol=1e-6, abs_tol=1e-6),
                                                where)
                        elif isinstance(value, bool):
                            self.assertEqual(text, "true" if value else "false", where)
                        elif value is None:
                            self.assertEqual(text, "", where)
                        else:
                            self.assertEqual(text, str(value), where)

    def test_balance_shares_are_shares(self):
        header, rows = self.csv["balance"][0], self.csv["balance"][1:]
        shares = [c for c in header if c.startswith(("type_probability_", "p_")) or c.endswith("_p_positive")
                  or c == "most_likely_probability"]
        self.assertGreaterEqual(len(shares), 9, shares)
        known = 0
        for row in rows:
            record = dict(zip(header, row))
            for c in shares:
                if record[c]:
                    known += 1
                    self.assertTrue(0 <= float(record[c]) <= 1, (c, record[c]))
            types = [float(record[c]) for c in header if c.startswith("type_probability_") and record[c]]
            if len(types) == 4:
                self.assertAlmostEqual(sum(types) + float(record["p_indeterminate"] or 0), 1.0, places=5)
        self.assertGreater(known, 100)


if __name__ == "__main__":
    unittest.main()
