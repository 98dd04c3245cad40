#!/usr/bin/python3
"""`triad render`: writes the report, prints what it wrote, and names the field of a bad model.

Usage: report_render_cli_test.py PATH/TO/triad   (env TRIAD_SOURCE_DIR: the source tree)
"""
import json
import os
import subprocess
import sys
import tempfile

triad = sys.argv[1]
source = os.environ.get("TRIAD_SOURCE_DIR", os.getcwd())
sample = os.path.join(source, "tests/data/report/sample_report.json")
failures = []


def run(*args, stdin=None):
    return subprocess.run([triad, *args], capture_output=True, text=True, input=stdin,
                          timeout=60)


def check(condition, message):
    if not condition:
        failures.append(message)


with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "report.html")
    r = run("render", sample, "--out", out, "--format", "json")
    check(r.returncode == 0, f"render failed: {r.stderr}")
    info = json.loads(r.stdout)
    check(info["charts"] == 28 and info["dyads"] == 3, f"unexpected summary {info}")
    check(info["bytes"] == os.path.getsize(out), "bytes printed differ from the file's size")
    check(not os.path.exists(out + ".tmp"), "the temporary file was left behind")

    r = run("render", sample, "--out", os.path.join(tmp, "r2.html"))
    check(r.returncode == 0 and r.stdout.startswith("wrote ") and "28 charts" in r.stdout,
          f"table output: {r.stdout!r}")

    # Standard input and output; same bytes as the file.
    with open(sample, encoding="utf-8") as f:
        text = f.read()
    r = run("render", "-", "--out", "-", stdin=text)
    with open(out, encoding="utf-8") as f:
        check(r.returncode == 0 and r.stdout == f.read(), "stdin/stdout render differs")

    model = json.loads(text)
    model["dyads"][0]["level"] = model["dyads"][0]["level"][:-1]
    bad = os.path.join(tmp, "bad.json")
    with open(bad, "w", encoding="utf-8") as f:
        json.dump(model, f)
    r = run("render", bad, "--out", os.path.join(tmp, "bad.html"))
    check(r.returncode == 1, f"bad model exit code {r.returncode}")
    check("bad.json" in r.stderr and "dyads[0].level" in r.stderr
          and "320 values but there are 321 dates" in r.stderr, f"bad model message: {r.stderr}")
    check(not os.path.exists(os.path.join(tmp, "bad.html")), "a report was written for a bad model")

    with open(bad, "w", encoding="utf-8") as f:
        f.write('{"dyads": [')
    r = run("render", bad)
    check(r.returncode == 1 and "not valid JSON" in r.stderr, f"broken JSON: {r.stderr}")

    r = run("render", os.path.join(tmp, "missing.json"))
    check(r.returncode == 1 and "cannot open" in r.stderr, f"missing file: {r.stderr}")

    r = run("render", sample, "--out", os.path.join(tmp, "no-such-dir", "r.html"))
    check(r.returncode == 1 and "cannot write" in r.stderr, f"unwritable: {r.stderr}")

    r = run("render", "--help")
    check(r.returncode == 0 and "Example:" in r.stdout, "render --help lacks an example")

if failures:
    print("\n".join("FAIL: " + f for f in failures), file=sys.stderr)
    sys.exit(1)
print("ok")
