"""`--lang` on status and report: the bundled sample's triangle in the field's own terms in
simplified and traditional Chinese and Japanese, the same numbers as in English, English output
unchanged without the option, JSON with English keys, and a report page that declares its
language and a CJK font stack."""
import json
import os
import re
import sys
import unicodedata
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

STATUS = ["status", "--actors", "CHN,USA,JPN", "--asof", "2025-06-14"]


def columns(text):
    """Terminal columns of text: East Asian wide and fullwidth characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def numbers(text):
    return re.findall(r"[-+]?\d+(?:[.,]\d+)*", text)


class Languages(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = t.tmpdir()
        cls.store = os.path.join(cls.dir, "sample.db")
        t.run("ingest", "--quiet", "--store", cls.store, t.SAMPLE_ZIP)

    def status(self, *extra):
        return t.run(*STATUS, "--store", self.store, *extra).stdout

    def test_english_is_unchanged_by_the_option(self):
        self.assertEqual(self.status("--lang", "en"), self.status())

    def test_simplified_chinese_names_the_samples_triangle_in_the_fields_terms(self):
        zh = self.status("--lang", "zh-Hans")
        # The sample's triangle (as in the README): romantic triangle, pivot USA, wings CHN and
        # JPN, P = 0.60, persistent since 2025-06-06.
        self.assertIn("\n战略三角  浪漫三角，枢纽 USA，侧翼 CHN 与 JPN (P = 0.60)\n", zh)
        self.assertIn("持续结构：自 2025-06-06 起为浪漫三角，枢纽 USA，侧翼 CHN 与 JPN", zh)
        self.assertRegex(zh, r"P\(三边家族\) 0\.\d\d P\(浪漫三角\) 0\.61 P\(稳定婚姻\) 0\.36 "
                             r"P\(单位否决\) 0\.\d\d；P\(平衡\) 0\.36")
        self.assertIn("CHN-USA-JPN 截至 2025-06-14（每日关系指数", zh)
        self.assertIn("7 天变化", zh)
        self.assertIn("→ 平稳", zh)
        # The analysis layer's notes and warnings of the sample, with their numbers.
        self.assertIn("单位：Goldstein 均值减去全球均值（Goldstein 分）", zh)
        self.assertIn("注：按日分期：数据跨 31 天（4 周）", zh)
        self.assertIn("警告：CHN-USA：斜率方差估计为零：斜率在全部 30 个观测期中为同一常数", zh)
        self.assertIn("警告：USA-JPN：水平方差估计为零", zh)
        self.assertIn("警告：新闻覆盖：1 期覆盖不足（低于其新闻时段的 10%：2025-05-15）", zh)
        self.assertIn("警告：驱动因素：ECON_CHN_USA 未纳入 VAR：29 期数据", zh)
        for english in ("romantic triangle", "pivot", "level now", "momentum", "triangle  ",
                        "own momentum", "Granger", "as of", "interval", "s.e.", "warning",
                        "note:", " the "):
            self.assertNotIn(english, zh)
        # The same numbers in the same order as in English, in every line of the table and the
        # triangle (the notes and warnings from the analysis stay English for now).
        en = self.status()
        table = lambda text: [l for l in text.splitlines() if l.startswith(("CHN-", "USA-"))]
        self.assertEqual([numbers(l) for l in table(zh)], [numbers(l) for l in table(en)])

    def test_traditional_chinese_and_japanese(self):
        hant = self.status("--lang", "zh-Hant")
        self.assertIn("\n戰略三角  浪漫三角，樞紐 USA，側翼 CHN 與 JPN (P = 0.60)\n", hant)
        self.assertIn("P(三邊家族)", hant)
        self.assertIn("P(穩定婚姻) 0.36", hant)
        ja = self.status("--lang", "ja")
        self.assertIn("ロマンティック・トライアングル、ピボット USA、ウィング CHN と JPN (P = 0.60)", ja)
        self.assertIn("P(安定的結婚) 0.36", ja)

    def test_cjk_table_columns_line_up_on_a_terminal(self):
        zh = self.status("--lang", "zh-Hans").splitlines()
        header = next(i for i, l in enumerate(zh) if l.startswith("双边"))
        rows = zh[header:header + 4]
        # Each row's second cell starts at the same terminal column as the header's.
        starts = []
        for line in rows:
            m = re.match(r"(\S+\s+)", line)
            starts.append(columns(m.group(1)))
        self.assertEqual(len(set(starts)), 1, rows)
        # and the last column (events, right-aligned) ends at one column in every row.
        self.assertEqual(len({columns(l) for l in rows[1:]}), 1, rows)

    def test_json_keeps_english_keys_and_says_the_language(self):
        en = json.loads(self.status("--format", "json"))
        zh = json.loads(self.status("--format", "json", "--lang", "zh-Hans"))
        self.assertNotIn("lang", en)
        self.assertEqual(zh.pop("lang"), "zh-Hans")
        self.assertEqual(zh, en)

    def test_unknown_language_is_a_usage_error(self):
        run = t.run(*STATUS, "--store", self.store, "--lang", "fr", check=False)
        self.assertEqual(run.returncode, 2)
        self.assertIn("--lang", run.stderr)

    def test_report_in_chinese(self):
        out = os.path.join(self.dir, "zh.html")
        t.run("report", "--store", self.store, "--actors", "CHN,USA,JPN", "--asof", "2025-06-14",
              "--lang", "zh-Hans", "--out", out)
        with open(out, encoding="utf-8") as f:
            page = f.read()
        self.assertIn('<html lang="zh-Hans">', page)
        self.assertRegex(page, r'--cjk-font:"Noto Sans CJK SC",')
        self.assertIn("body, svg text { font-family:var(--cjk-font); }", page)
        self.assertIn("<h2>战略三角</h2>", page)
        self.assertIn("<h3>2025-06-14：浪漫三角</h3>", page)
        self.assertIn("枢纽 USA，侧翼 CHN 与 JPN", page)
        for heading in ("双边关系", "驱动因素", "数据来源", "摘要"):
            self.assertIn(f"<h2>{heading}</h2>", page)
        for english in (">Relations<", ">The triangle<", ">Summary<", ">Provenance<",
                        "romantic triangle", "smoothed level", "relations, triangle and momentum",
                        ">data (CSV)<", ">chart (SVG)<"):
            self.assertNotIn(english, page)
        # The default title with the actors' codes, and every chart's download links.
        self.assertIn("<title>CHN–USA–JPN：关系、三角与动量</title>", page)
        self.assertGreaterEqual(page.count(">数据（CSV）</a>"), 6)
        self.assertEqual(page.count(">数据（CSV）</a>"), page.count(">图表（SVG）</a>"))

    def test_report_warnings_in_chinese(self):
        # Without --asof the sample's store is stale: the warning is said in the page's language.
        out = os.path.join(self.dir, "zh_stale.html")
        t.run("report", "--store", self.store, "--actors", "CHN,USA,JPN", "--lang", "zh-Hant", "--out", out)
        with open(out, encoding="utf-8") as f:
            page = f.read()
        self.assertRegex(page, r"資料已過時：最新事件在 2025-06-14（\d+ 天前）；請匯入較新的檔案或使用 --asof")
        self.assertNotIn("stale store", page)

    def test_report_model_carries_the_language_to_render(self):
        model = os.path.join(self.dir, "ja.json")
        t.run("report", "--store", self.store, "--actors", "CHN,USA,JPN", "--asof", "2025-06-14",
              "--lang", "ja", "--format", "json", "--out", model)
        with open(model, encoding="utf-8") as f:
            self.assertEqual(json.load(f)["lang"], "ja")
        page = t.run("render", model, "--out", "-").stdout
        self.assertIn('<html lang="ja">', page)
        self.assertIn('"Noto Sans CJK JP"', page)
        self.assertIn("<h2>戦略的三角形</h2>", page)
        en_model = os.path.join(self.dir, "en.json")
        t.run("report", "--store", self.store, "--actors", "CHN,USA,JPN", "--asof", "2025-06-14",
              "--format", "json", "--out", en_model)
        with open(en_model, encoding="utf-8") as f:
            self.assertNotIn("lang", json.load(f))


if __name__ == "__main__":
    unittest.main()
