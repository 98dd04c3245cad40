#!/usr/bin/python3
"""Browser test of the HTML report: headless Chromium opens the sample report.

Checks, on tests/data/report/sample_report.json rendered by `triad render`:
- the file can make no network request: no <script>, <link>, <img>, <iframe>, <object>,
  <embed>; no src/srcset/action/xlink:href attribute; every href is a same-page #anchor; no
  url() or @import in CSS; "http(s)://" appears only in text, never in markup;
- Chromium (--dump-dom, console logged to stderr) reports no console message at all (the
  report has no script, so any message is an error: a bad SVG attribute, a blocked request);
- the DOM Chromium built holds the charts: 28 chart <svg> elements, hundreds of paths;
- a screenshot (1280x4000) is written to out/report.png for a person to look at;
- a hostile model (actor and file names holding <script> tags, "onload=" and an <img onerror>)
  renders to a DOM with no script element, no event-handler attribute and no image.
Chromium is required: without /usr/bin/chromium the test fails and says how to install it.
Usage: report_browser_test.py PATH/TO/triad   (env TRIAD_SOURCE_DIR: the source tree)
"""
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile

CHROMIUM = "/usr/bin/chromium"
EXPECTED_CHARTS = 28  # see report_html_test.cpp: SampleHasEveryChart
FORBIDDEN_TAGS = {"script", "link", "img", "iframe", "object", "embed", "frame", "video",
                  "audio", "source", "base", "form", "image", "use", "foreignobject"}
FETCHING_ATTRIBUTES = {"src", "srcset", "action", "formaction", "xlink:href", "poster",
                       "background", "data", "ping"}


class Markup(html.parser.HTMLParser):
    """Collects tags, attributes, text and CSS of a document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = {}
        self.attributes = []  # (tag, name, value)
        self.css = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self._in_style = tag == "style"
        for name, value in attrs:
            self.attributes.append((tag, name, value or ""))
            if name == "style":
                self.css.append(value or "")

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.css.append(data)


def parse(text):
    m = Markup()
    m.feed(text)
    m.close()
    return m


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def check_offline(text, what):
    m = parse(text)
    bad_tags = FORBIDDEN_TAGS & set(m.tags)
    if bad_tags:
        fail(f"{what}: tags that load or run something: {sorted(bad_tags)}")
    for tag, name, value in m.attributes:
        if name in FETCHING_ATTRIBUTES:
            fail(f"{what}: <{tag} {name}={value!r}> would fetch")
        # A chart's downloads are data: URLs of its CSV and SVG: inert until saved, nothing fetched.
        download = tag == "a" and value.startswith(("data:text/csv;", "data:image/svg+xml;"))
        if name == "href" and not value.startswith("#") and not download:
            fail(f"{what}: <{tag} href={value!r}> points outside the page")
        if name.startswith("on"):
            fail(f"{what}: event handler attribute <{tag} {name}=...>")
    for css in m.css:
        if re.search(r"url\s*\(|@import", css, re.I):
            fail(f"{what}: CSS that fetches: {css[:80]!r}")
    # URLs may appear in text (a source file name), never inside a tag.
    for tag_text in re.findall(r"<[^>]*>", text):
        if re.search(r"https?://", tag_text, re.I):
            fail(f"{what}: a URL inside markup: {tag_text[:120]!r}")
    return m


def chromium(args, profile):
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
               "--hide-scrollbars"] + args
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def dump_dom(path, profile):
    run = chromium(["--enable-logging=stderr", "--v=0", "--dump-dom", f"file://{path}"], profile)
    if run.returncode != 0:
        fail(f"chromium --dump-dom exited with {run.returncode}:\n{run.stderr[-2000:]}")
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    return run.stdout, console


def render(triad, model_path, out_path):
    run = subprocess.run([triad, "render", model_path, "--out", out_path, "--format", "json"],
                         capture_output=True, text=True, timeout=60)
    if run.returncode != 0:
        fail(f"triad render failed ({run.returncode}): {run.stderr}")
    return json.loads(run.stdout)


def hostile_model(sample):
    model = json.loads(json.dumps(sample))
    evil = ['<script>alert(1)</script>', '"onload="x', "<img src=x onerror=alert(2)>"]
    model["actors"][0] = evil[0]
    model["title"] = evil[2]
    model["dyads"][0]["name"] = evil[1]
    model["triangle"]["actors"][0] = evil[0]
    model["scenario"]["levers"][0]["name"] = evil[2]
    model["provenance"]["files"][0]["name"] = evil[0] + evil[1]
    model["provenance"]["warnings"].append("see https://example.com/" + evil[2])
    return model


def main():
    triad = os.path.abspath(sys.argv[1])
    source = os.environ.get("TRIAD_SOURCE_DIR", os.getcwd())
    if not os.path.exists(CHROMIUM):
        fail("headless Chromium is needed for the report's browser test: install Debian's "
             "package with `apt-get install -y chromium` (or run `make test`, which installs "
             "it through scripts/install-deps.sh with TRIAD_WITH_BROWSER=1)")
    sample_path = os.path.join(source, "tests/data/report/sample_report.json")
    # Into the build tree (beside the binary), never into out/, where `make demo` writes its report.
    out_dir = os.environ.get("TRIAD_SCREENSHOT_DIR",
                             os.path.join(os.path.dirname(triad), "..", "..", "report-browser-test"))
    out_dir = os.path.abspath(out_dir)
    os.makedirs(out_dir, exist_ok=True)
    report = os.path.join(out_dir, "report.html")
    screenshot = os.path.join(out_dir, "report.png")

    with tempfile.TemporaryDirectory() as tmp:
        summary = render(triad, sample_path, report)
        if summary["charts"] != EXPECTED_CHARTS:
            fail(f"triad render reports {summary['charts']} charts, expected {EXPECTED_CHARTS}")
        with open(report, encoding="utf-8") as f:
            text = f.read()
        check_offline(text, "sample report")

        profile = os.path.join(tmp, "profile")
        dom, console = dump_dom(report, profile)
        if console:
            fail("console messages while loading the report:\n" + "\n".join(console[:20]))
        m = parse(dom)
        charts = len(re.findall(r'<svg class="chart', dom))
        if charts != EXPECTED_CHARTS:
            fail(f"the DOM has {charts} chart <svg> elements, expected {EXPECTED_CHARTS}")
        # Each of the 28 charts draws at least one line or whisker path; bands and stacked
        # areas are polygons; the index points are 3 x 321 circles (a few off the scale).
        paths, circles = m.tags.get("path", 0), m.tags.get("circle", 0)
        polygons = m.tags.get("polygon", 0)
        if paths < EXPECTED_CHARTS or polygons < 20 or circles < 900:
            fail(f"too few drawn elements in the DOM: {paths} paths, {polygons} polygons, "
                 f"{circles} circles")
        if "<main>" not in dom or "Provenance" not in dom:
            fail("the DOM lacks the report's main content")

        if os.path.exists(screenshot):
            os.remove(screenshot)
        run = chromium([f"--screenshot={screenshot}", "--window-size=1280,4000",
                        f"file://{report}"], os.path.join(tmp, "profile2"))
        if run.returncode != 0 or not os.path.exists(screenshot):
            fail(f"no screenshot written ({run.returncode}):\n{run.stderr[-2000:]}")
        with open(screenshot, "rb") as f:
            png = f.read()
        # A blank 1280x4000 page compresses to a few KB; the charts make it hundreds of KB.
        if not png.startswith(b"\x89PNG") or len(png) < 100_000:
            fail(f"the screenshot looks empty ({len(png)} bytes)")

        with open(sample_path, encoding="utf-8") as f:
            sample = json.load(f)
        evil_path = os.path.join(tmp, "hostile.json")
        with open(evil_path, "w", encoding="utf-8") as f:
            json.dump(hostile_model(sample), f, ensure_ascii=False)
        evil_html = os.path.join(tmp, "hostile.html")
        render(triad, evil_path, evil_html)
        with open(evil_html, encoding="utf-8") as f:
            check_offline(f.read(), "hostile report")
        dom, console = dump_dom(evil_html, os.path.join(tmp, "profile3"))
        if console:
            fail("console messages while loading the hostile report:\n" + "\n".join(console))
        m = parse(dom)
        if {"script", "img"} & set(m.tags):
            fail(f"the hostile report's DOM has active elements: {sorted(m.tags)}")
        if any(name.startswith("on") for _, name, _ in m.attributes):
            fail("the hostile report's DOM has an event-handler attribute")
        if "<script>alert(1)</script>" not in html_text(dom):
            fail("the hostile actor name is not shown as text")

    print(f"ok: {EXPECTED_CHARTS} charts, {paths} paths, {polygons} polygons, {circles} "
          f"circles, no console "
          f"messages; screenshot {screenshot} ({len(png) // 1024} KB), report {report}")


def html_text(dom):
    """The document's text, with character references decoded."""
    parts = []

    class Text(html.parser.HTMLParser):
        def handle_data(self, data):
            parts.append(data)

    t = Text(convert_charrefs=True)
    t.feed(dom)
    return "".join(parts)


if __name__ == "__main__":
    main()
