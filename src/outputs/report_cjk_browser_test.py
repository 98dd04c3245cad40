#!/usr/bin/python3
"""Browser test of the report in Chinese and Japanese: every CJK character is drawn with a glyph
of the CJK face the page names first, never from a stray fallback font, never as a box.

For each of zh-Hans, zh-Hant and ja, tests/data/report/sample_report.json is rendered with that
language (`triad render`, the model's "lang"), opened in headless Chromium, and for every element
whose own text holds CJK characters (HTML and SVG chart text alike) Chromium is asked, over the
DevTools protocol (CSS.getPlatformFontsForNode), which installed fonts it drew that text with.
Each such element must be drawn entirely in the first family of the page's CJK font stack
("Noto Sans CJK SC", "... TC", "... JP": Debian's fonts-noto-cjk). Chromium draws a character
in a face only when the face has its glyph, so this also shows no glyph is missing.

The check must be able to fail: a copy of the Chinese page whose stack names a family that is not
installed (as happens on a machine without fonts-noto-cjk: the named face is absent and the
text falls to whatever fontconfig finds, or to boxes) must be reported. Without fonts-noto-cjk
the test fails and says how to install it; a screenshot of the Chinese page is written beside
the binary's build tree for a person to look at.
Usage: report_cjk_browser_test.py PATH/TO/triad   (env TRIAD_SOURCE_DIR: the source tree)
"""
import fcntl
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

CHROMIUM = "/usr/bin/chromium"
CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
FIRST_FACE = {"zh-Hans": "Noto Sans CJK SC", "zh-Hant": "Noto Sans CJK TC",
              "ja": "Noto Sans CJK JP"}
INSTALL = ("install Debian's fonts-noto-cjk (`apt-get install -y fonts-noto-cjk`, or "
           "`TRIAD_WITH_BROWSER=1 scripts/install-deps.sh`)")


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


class DevTools:
    """Chromium's DevTools protocol over --remote-debugging-pipe: JSON messages separated by NUL,
    commands written to the browser's fd 3, answers and events read from its fd 4."""

    def __init__(self, profile):
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # Out of the way of 3 and 4 before the child moves them there.
        high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 100)
        high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 100)

        def into_place():
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", f"--user-data-dir={profile}", "--remote-debugging-pipe",
             "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=into_place,
            close_fds=False, start_new_session=True)
        for fd in (to_browser_r, from_browser_w, high_r, high_w):
            os.close(fd)
        self._buffer = b""
        self._next = 0
        self.session = None

    def close(self):
        # The browser and its helper processes (its own session): none may outlive the test or
        # keep writing into the profile directory while it is removed.
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)

    def _read(self, deadline):
        while b"\0" not in self._buffer:
            if time.time() > deadline:
                fail("Chromium did not answer over the DevTools pipe within 60 s")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                fail("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=True):
        self._next += 1
        command = {"id": self._next, "method": method, "params": params or {}}
        if session and self.session:
            command["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(command).encode() + b"\0")
        deadline = time.time() + 60
        while True:
            message = self._read(deadline)
            if message.get("id") == self._next:
                if "error" in message:
                    fail(f"DevTools {method}: {message['error']}")
                return message["result"]

    def wait_for(self, event):
        deadline = time.time() + 60
        while True:
            if self._read(deadline).get("method") == event:
                return


def fonts_of_cjk_text(path, profile):
    """[(element, its CJK text, {font family: glyphs})] for every element with CJK text of its
    own, as Chromium drew the page at `path`."""
    tools = DevTools(profile)
    try:
        target = tools.call("Target.createTarget", {"url": "about:blank"}, session=False)
        tools.session = tools.call("Target.attachToTarget",
                                   {"targetId": target["targetId"], "flatten": True},
                                   session=False)["sessionId"]
        tools.call("Page.enable")
        tools.call("Page.navigate", {"url": f"file://{path}"})
        tools.wait_for("Page.loadEventFired")
        tools.call("DOM.enable")
        tools.call("CSS.enable")
        root = tools.call("DOM.getDocument", {"depth": -1})["root"]
        found = []

        def walk(node):
            own = "".join(c.get("nodeValue", "") for c in node.get("children", [])
                          if c.get("nodeType") == 3)
            # Tooltips (<title>) and the style sheet are not drawn on the page.
            if node.get("nodeType") == 1 and CJK.search(own) and node["nodeName"].lower() not in (
                    "title", "style"):
                fonts = tools.call("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})
                found.append((node["nodeName"].lower(), own.strip(),
                              {f["familyName"]: f["glyphCount"] for f in fonts["fonts"]}))
            for child in node.get("children", []):
                walk(child)

        walk(root)
        return found
    finally:
        tools.close()


def first_face(page):
    m = re.search(r'--cjk-font:"([^"]+)"', page)
    return m.group(1) if m else None


def problems(path, profile):
    """(What is wrong with the CJK text of the page at `path`, as lines (empty: nothing), the
    number of elements with CJK text)."""
    with open(path, encoding="utf-8") as f:
        face = first_face(f.read())
    if face is None:
        return ["the page names no CJK font stack (--cjk-font)"], 0
    nodes = fonts_of_cjk_text(path, profile)
    if len(nodes) < 50:
        return [f"only {len(nodes)} elements with CJK text: the page is not in a CJK language"], 0
    out = []
    svg_text = sum(1 for tag, _, _ in nodes if tag in ("text", "title"))
    if svg_text == 0:
        out.append("no SVG chart text holds CJK characters")
    for tag, text, fonts in nodes:
        # No font at all: not drawn (the folded part of a <details> element).
        if fonts and set(fonts) != {face}:
            out.append(f"<{tag}> {text[:40]!r} drawn with {fonts}, not only {face!r}")
    return out, len(nodes)


def main():
    triad = os.path.abspath(sys.argv[1])
    source = os.environ.get("TRIAD_SOURCE_DIR", os.getcwd())
    if not os.path.exists(CHROMIUM):
        fail("headless Chromium is needed: `apt-get install -y chromium` (or "
             "`TRIAD_WITH_BROWSER=1 scripts/install-deps.sh`)")
    families = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    missing = [f for f in FIRST_FACE.values() if f not in families]
    if missing:
        fail(f"the fonts {missing} are not installed: {INSTALL}")
    with open(os.path.join(source, "tests/data/report/sample_report.json"),
              encoding="utf-8") as f:
        sample = json.load(f)
    out_dir = os.path.abspath(os.environ.get(
        "TRIAD_SCREENSHOT_DIR",
        os.path.join(os.path.dirname(triad), "..", "..", "report-browser-test")))
    os.makedirs(out_dir, exist_ok=True)

    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        checked = {}
        for lang, face in FIRST_FACE.items():
            model = os.path.join(tmp, f"{lang}.json")
            with open(model, "w", encoding="utf-8") as f:
                json.dump(dict(sample, lang=lang), f, ensure_ascii=False)
            page = os.path.join(out_dir, f"report-{lang}.html")
            run = subprocess.run([triad, "render", model, "--out", page], capture_output=True,
                                 text=True, timeout=60)
            if run.returncode != 0:
                fail(f"triad render ({lang}) failed: {run.stderr}")
            with open(page, encoding="utf-8") as f:
                html = f.read()
            if f'<html lang="{lang}">' not in html or first_face(html) != face:
                fail(f"the {lang} page does not declare lang={lang} with {face!r} first")
            found, checked[lang] = problems(page, os.path.join(tmp, f"profile-{lang}"))
            if found:
                fail(f"{lang}: CJK text not drawn in {face} ({len(found)} elements; "
                     f"{INSTALL}):\n" + "\n".join(found[:15]))

        # The negative control: the same Chinese page with its first face not installed.
        with open(os.path.join(out_dir, "report-zh-Hans.html"), encoding="utf-8") as f:
            html = f.read()
        broken = os.path.join(tmp, "no-such-face.html")
        with open(broken, "w", encoding="utf-8") as f:
            f.write(html.replace('--cjk-font:"Noto Sans CJK SC"', '--cjk-font:"No Such CJK Face"'))
        found, _ = problems(broken, os.path.join(tmp, "profile-broken"))
        if not found:
            fail("the check passed a page whose CJK face is not installed: it cannot fail")

        screenshot = os.path.join(out_dir, "report-zh-Hans.png")
        if os.path.exists(screenshot):
            os.remove(screenshot)
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        f"--user-data-dir={os.path.join(tmp, 'profile-shot')}",
                        "--hide-scrollbars", f"--screenshot={screenshot}",
                        "--window-size=1280,2200",
                        f"file://{os.path.join(out_dir, 'report-zh-Hans.html')}"],
                       capture_output=True, timeout=120)
        if not os.path.exists(screenshot):
            fail("no screenshot of the Chinese report was written")

    print("ok: CJK text drawn in its own face: " +
          ", ".join(f"{lang} {n} elements ({FIRST_FACE[lang]})" for lang, n in checked.items()) +
          f"; a page naming an absent face is caught ({len(found)} elements flagged); "
          f"screenshot {screenshot}")


if __name__ == "__main__":
    main()
