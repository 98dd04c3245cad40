"""Every chart of the report offers its numbers as CSV and itself as a standalone SVG, as data:
URLs (no request); the CSV holds the report model's own numbers; the dyads' charts shade the
calendar's elections and summits of the triad's countries in the report's range."""
import base64
import csv
import io
import json
import os
import re
import sys
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

LINK = re.compile(r'<a download="([^"]+)" href="data:([^;]+);charset=utf-8;base64,([^"]*)">')
SVG_NS = "{http://www.w3.org/2000/svg}"


def downloads(html):
    return {name: (mime, base64.b64decode(body, validate=True).decode("utf-8"))
            for name, mime, body in LINK.findall(html)}


class ChartDownloads(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        d = t.tmpdir()
        cls.store, scenario = t.sample_scenario(d)
        args = ("report", "--store", cls.store, "--actors", "CHN,USA,JPN", "--asof", "2025-06-14",
                "--freq", "day", "--scenario", scenario)
        out = os.path.join(d, "r.html")
        t.run(*args, "--out", out)
        with open(out, encoding="utf-8") as f:
            cls.html = f.read()
        cls.model = json.loads(t.run(*args, "--format", "json", "--out", "-").stdout)
        cls.files = downloads(cls.html)

    def test_every_chart_has_both_downloads(self):
        names = set(self.files)
        svgs = self.html.count('<svg class="chart"')
        self.assertGreater(svgs, 10)
        for stem in ("CHN-USA_index", "CHN-JPN_momentum", "triangle_type_probabilities", "variance_shares",
                     "on_track_probabilities", "CHN-USA_fan", "irf_GLOBAL_SOUTH_to_CHN_USA"):
            self.assertIn(stem + ".csv", names)
            self.assertIn(stem + ".svg", names)
        # One pair per drawn chart (the legend swatches are not charts).
        self.assertEqual(len([n for n in names if n.endswith(".svg")]), svgs)

    def test_the_csv_holds_the_models_numbers(self):
        rows = list(csv.DictReader(io.StringIO(self.files["CHN-USA_index.csv"][1])))
        dyad = next(x for x in self.model["dyads"] if x["name"] == "CHN-USA")
        self.assertEqual([r["date"] for r in rows], dyad["dates"])
        for key, col in (("index", "index"), ("index_se", "index_se"), ("level", "level"),
                         ("level_lo", "level_lower_90"), ("level_hi", "level_upper_90")):
            got = [float(r[col]) if r[col] else None for r in rows]
            self.assertEqual(got, dyad[key], col)
        mom = list(csv.DictReader(io.StringIO(self.files["CHN-USA_momentum.csv"][1])))
        self.assertEqual([float(r["momentum_per_30_days"]) if r["momentum_per_30_days"] else None for r in mom],
                         dyad["slope"])
        probs = list(csv.DictReader(io.StringIO(self.files["triangle_type_probabilities.csv"][1])))
        tl = self.model["timeline"]
        self.assertEqual(len(probs), len(tl["dates"]))
        for r, p in zip(probs, tl["type_probability"]):
            got = [float(v) if v else None for k, v in r.items() if k != "date"]
            self.assertEqual(got, p)
        self.assertEqual(self.files["CHN-USA_index.csv"][0], "text/csv")

    def test_the_svg_is_a_standalone_file_of_the_same_chart(self):
        mime, text = self.files["CHN-USA_index.svg"]
        self.assertEqual(mime, "image/svg+xml")
        root = ET.fromstring(text.encode("utf-8"))  # well-formed XML, or this raises
        self.assertEqual(root.tag, SVG_NS + "svg")
        self.assertEqual(root.find(SVG_NS + "title").text, "CHN-USA relation index and smoothed level")
        inline = self.html[self.html.index('<title>CHN-USA relation index and smoothed level</title>'):]
        inline = inline[: inline.index("</svg>")]
        self.assertEqual(len(root.findall(".//" + SVG_NS + "circle")), inline.count("<circle"))
        for name, (mime, body) in self.files.items():
            if name.endswith(".svg"):
                ET.fromstring(body.encode("utf-8"))

    def test_calendar_windows_shaded_with_their_source(self):
        store = os.path.join(t.tmpdir(), "w.db")
        t.run("import-series", os.path.join(t.TEST_DATA, "series", "gdelt_weekly_chn_usa_jpn.csv"),
              "--name", "weekly", "--store", store)
        args = ("report", "--store", store, "--source", "weekly", "--actors", "CHN,USA,JPN", "--from", "2023-06-01",
                "--freq", "week", "--no-drivers")
        model = json.loads(t.run(*args, "--format", "json", "--out", "-").stdout)
        ids = [c["id"] for c in model["calendar"]]
        # The summits and the triad's own elections inside 2023-06-05 .. 2024-02-25, not Taiwan's.
        for expected in ("brics-2023", "g20-2023", "apec-2023"):
            self.assertIn(expected, ids)
        self.assertNotIn("tw-president-2024", ids)
        for c in model["calendar"]:
            self.assertTrue(c["end"] >= "2023-06-05" and c["start"] <= "2024-02-25", c)
            self.assertTrue(c["source"])
        html = t.run(*args, "--out", "-").stdout
        g20 = next(c for c in model["calendar"] if c["id"] == "g20-2023")
        self.assertIn("<title>%s (2023-09-09 .. 2023-09-10; source: " % g20["name"].replace("'", "&#39;"), html)
        self.assertIn("election or summit (calendar)", html)
        # The same model rendered again draws the same page (the calendar travels in the model).
        path = os.path.join(t.tmpdir(), "m.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(model, f)
        rendered = t.run("render", path, "--out", "-").stdout
        self.assertEqual(rendered.count("#E6E8EB"), html.count("#E6E8EB"))
        self.assertGreater(html.count("#E6E8EB"), 3 * len(ids))


if __name__ == "__main__":
    unittest.main(verbosity=2)
