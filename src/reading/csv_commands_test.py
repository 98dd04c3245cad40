"""Every command that reads a CSV reads it the same way (reading/csv_table): quoted headers and
fields, commas and line breaks inside quotes, CRLF, a UTF-8 byte order mark; and a broken file
gets the same file:line:column message from each of them.

Usage: /usr/bin/python3 csv_commands_test.py PATH/TO/triad
"""
import json
import math
import os
import subprocess
import sys
import tempfile

TRIAD = sys.argv[1]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def triad(*args):
    return subprocess.run([TRIAD, *map(str, args)], capture_output=True, text=True)


def write(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, "w", newline="") as f:  # newline="": the text's own CRLF stay
        f.write(text)
    return path


def weekly_rows(n):
    """n Mondays from 2020-01-06 with three wiggling series (deterministic)."""
    rows = []
    for t in range(n):
        day = 6 + 7 * t
        # 2020 is a leap year: day-of-year to a date by hand, to keep the test free of imports.
        month, dom = 1, day
        for length in (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31):
            if dom <= length:
                break
            dom -= length
            month += 1
        a = 1 + 0.05 * t + math.sin(t / 3.0) + 0.3 * math.cos(t * 1.7)
        b = -0.5 + 0.4 * math.sin(t / 5.0 + 1) + 0.2 * math.sin(t * 2.3)
        c = 0.3 * a - 0.2 * b + 0.25 * math.cos(t * 0.9)
        rows.append((f"2020-{month:02d}-{dom:02d}", a, b, c))
    return rows


def main():
    with tempfile.TemporaryDirectory() as tmp:
        rows = weekly_rows(40)
        # Quoted header with a space in a name, a BOM, CRLF line ends, quoted numbers.
        text = "\ufeff\"date\",\"CHN USA\",\"CHN JPN\",\"USA JPN\"\r\n"
        text += "".join(f"{d},\"{a:.6f}\",{b:.6f},{c:.6f}\r\n" for d, a, b, c in rows)
        quoted = write(tmp, "quoted.csv", text)

        # The regression: what `var` reads, `momentum` reads too.
        out = triad("var", "--input", quoted, "--format", "json")
        check(out.returncode == 0, f"var on quoted headers: {out.returncode} {out.stderr}")
        if out.returncode == 0:
            fit = json.loads(out.stdout)["fit"]
            check(fit["names"] == ["CHN USA", "CHN JPN", "USA JPN"], f"var names {fit['names']}")
        out = triad("momentum", "--input", quoted, "--column", "CHN USA", "--format", "json")
        check(out.returncode == 0, f"momentum --column 'CHN USA': {out.returncode} {out.stderr}")
        if out.returncode == 0:
            result = json.loads(out.stdout)
            check(result["frequency"] == "week" and result["periods"] == 40
                  and result["states"][0]["y"] == round(rows[0][1], 6),
                  f"momentum read {result['frequency']} {result['periods']} "
                  f"{result['states'][0]['y']}")
        out = triad("backtest", "--input", quoted, "--until", rows[29][0], "--lags", "1",
                    "--paths", "200", "--format", "json")
        check(out.returncode == 0 and json.loads(out.stdout or "{}").get("horizon") == 10,
              f"backtest on quoted headers: {out.returncode} {out.stderr}")

        # import-series: a wide file with quoted dyad names, and a long file whose quoted
        # field holds a comma and a line break (in a column the reader must still skip past).
        wide = write(tmp, "wide.csv", "\ufeff\"date\",\"CHN_USA\"\r\n2024-01,\"1.5\"\r\n"
                                      "2024-02,2\r\n")
        store = os.path.join(tmp, "s.db")
        out = triad("import-series", wide, "--name", "w", "--store", store, "--format", "json")
        check(out.returncode == 0 and json.loads(out.stdout or "{}").get("values") == 2,
              f"import-series wide: {out.returncode} {out.stdout} {out.stderr}")
        long = write(tmp, "long.csv", "date,source,target,value,se\n"
                                      "2024-01-01,CHN,USA,0.5,\"0.1\"\n"
                                      "\"2024-01-02\",\"USA\",CHN,\"-1\",\n")
        out = triad("import-series", long, "--name", "l", "--store", store, "--format", "json")
        check(out.returncode == 0 and json.loads(out.stdout or "{}").get("values") == 2,
              f"import-series long: {out.returncode} {out.stdout} {out.stderr}")

        # frustration: actor names with commas and quotes.
        edges = write(tmp, "edges.csv", "from,to,sign\r\n"
                                        "\"Korea, Republic of\",\"Japan\",1\r\n"
                                        "Japan,\"The \"\"Other\"\" One\",-1\r\n"
                                        "\"Korea, Republic of\",\"The \"\"Other\"\" One\",-1\r\n")
        out = triad("frustration", "--edges", edges, "--format", "json")
        check(out.returncode == 0, f"frustration on quoted names: {out.stderr}")
        if out.returncode == 0:
            report = json.loads(out.stdout)
            names = sorted(report["frustration"]["groups"][0] + report["frustration"]["groups"][1])
            check(names == ["Japan", "Korea, Republic of", "The \"Other\" One"],
                  f"frustration nodes {names}")
            check(report["nodes"] == 3 and report["balanced_triangles"] == 1,
                  f"frustration {report['nodes']} nodes, {report['balanced_triangles']} balanced")

        # One broken file, one message: the quote opened on line 3, column 12 never closes.
        broken = write(tmp, "broken.csv", "date,CHN_USA,b\n2020-01-06,1,2\n2020-01-13,\"2,3\n")
        expected = f"{broken}:3:12: unterminated quote"
        for args in (["var", "--input", broken],
                     ["momentum", "--input", broken, "--column", "CHN_USA"],
                     ["backtest", "--input", broken, "--until", "2020-01-06"],
                     ["import-series", broken, "--name", "x", "--store", store]):
            out = triad(*args)
            check(out.returncode == 1 and expected in out.stderr,
                  f"{args[0]} on an unterminated quote: {out.returncode} {out.stderr}")
        broken_edges = write(tmp, "broken_edges.csv", "from,to,sign\nA,B,1\nA,C,1,1\n")
        out = triad("frustration", "--edges", broken_edges)
        check(out.returncode == 1 and f"{broken_edges}:3:7: 4 fields, the header (line 1) has 3"
              in out.stderr, f"frustration on a long row: {out.returncode} {out.stderr}")
        empty = write(tmp, "empty.csv", "")
        for args in (["var", "--input", empty],
                     ["momentum", "--input", empty, "--column", "x"],
                     ["frustration", "--edges", empty],
                     ["import-series", empty, "--name", "x", "--store", store]):
            out = triad(*args)
            check(out.returncode == 1 and f"{empty}:1:1: empty file" in out.stderr,
                  f"{args[0]} on an empty file: {out.returncode} {out.stderr}")

    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
