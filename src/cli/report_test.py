"""triad report from the store: every data string that reaches the report is escaped. A file whose
name is an HTML tag, holding events whose actor names hold a script tag, gives an inert report;
and the report model has the numbers of status for the same store."""
import json
import os
import re
import shutil
import sys
import unittest
from html.parser import HTMLParser

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)<"


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.names, self.attributes = set(), set()

    def handle_starttag(self, tag, attrs):
        self.names.add(tag)
        self.attributes.update(name for name, _ in attrs)


class Report(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = t.tmpdir()
        cls.store = os.path.join(cls.dir, "s.db")
        hostile_file = os.path.join(cls.dir, HOSTILE + ".tsv")
        with open(hostile_file, "w", encoding="utf-8") as out:
            for line in t.triangle_lines():
                fields = line.rstrip("\n").split("\t")
                fields[6] = "<script>alert(3)</script>"  # Actor1Name
                out.write("\t".join(fields) + "\n")
        t.run("ingest", "--quiet", "--store", cls.store, hostile_file)

    def test_report_is_inert(self):
        out = os.path.join(self.dir, "report.html")
        t.run("report", "--store", self.store, "--asof", "2025-06-14", "--out", out)
        with open(out, encoding="utf-8") as f:
            html = f.read()
        self.assertIn("&lt;img src=x onerror=alert(1)&gt;", html)  # the file name, escaped
        self.assertNotIn("<img", html)
        self.assertIsNone(re.search(r"<script", html, re.I))
        tags = TagCollector()
        tags.feed(html)
        self.assertNotIn("script", tags.names)
        self.assertNotIn("img", tags.names)
        self.assertEqual([a for a in tags.attributes if a.startswith("on")], [])
        # Web addresses appear only as links the reader may follow (the articles behind the largest
        # moves), never as something the page loads.
        for m in re.finditer(r"https?://", html.replace("http://www.w3.org/2000/svg", "")):
            start = m.start()
            stripped = html.replace("http://www.w3.org/2000/svg", "")
            self.assertTrue(stripped[max(0, start - 9):start] == '<a href="', stripped[max(0, start - 40):start + 40])
        self.assertIn('rel="noreferrer noopener"', html)

    def test_report_model_agrees_with_status(self):
        model = json.loads(t.run("report", "--store", self.store, "--asof", "2025-06-14", "--format", "json",
                                 "--out", "-").stdout)
        status = json.loads(t.run("status", "--store", self.store, "--asof", "2025-06-14", "--format",
                                  "json").stdout)
        self.assertEqual([d["name"] for d in model["dyads"]], [d["dyad"] for d in status["dyads"]])
        for m, s in zip(model["dyads"], status["dyads"]):
            self.assertAlmostEqual(m["momentum"]["value"], s["momentum_per_30_days"]["estimate"], places=9)
        probs = model["triangle"]["type_probability"]
        self.assertAlmostEqual(sum(probs), 1.0, places=9)
        self.assertEqual(model["provenance"]["files"][0]["name"], HOSTILE + ".tsv")


if __name__ == "__main__":
    unittest.main(verbosity=2)
