"""triad follow --once, stepped day by day through a local GDELT server, raises the same alerts
as an offline replay of the same data through `triad status` with follow's documented rules;
kill -9 at random moments and restarts lose and double nothing.

Data: the bundled sample's rows (real GDELT 2.0 exports, 2025-05-15 .. 06-14), regrouped by their
DATEADDED into four files a day named like GDELT's 15-minute files (the rows of 00:00-05:45 in
YYYYMMDD054500.export.CSV.zip, and so on to YYYYMMDD234500), served with a generated
masterfilelist.txt and lastupdate.txt."""
import collections
import json
import os
import random
import signal
import subprocess
import sys
import time
import unittest
import zipfile

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402
from gdelt_server import GdeltServer  # noqa: E402

GROUP_ENDS = ("054500", "114500", "174500", "234500")


def build_server_root(root):
    """Writes the regrouped sample into root/gdeltv2; returns {day: [file names in slot order]}."""
    groups = collections.defaultdict(list)
    for line in t.sample_lines():
        added = line.rstrip("\n").split("\t")[59]
        groups[added[:8] + GROUP_ENDS[int(added[8:10]) // 6]].append(line)
    os.makedirs(os.path.join(root, "gdeltv2"))
    days = collections.defaultdict(list)
    for stamp in sorted(groups):
        name = stamp + ".export.CSV.zip"
        with zipfile.ZipFile(os.path.join(root, "gdeltv2", name), "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(name[:-4], "".join(groups[stamp]))
        days[stamp[:8]].append(name)
    return dict(days)


def replay_alerts(states):
    """Follow's rules (analysis/triad_alerts.hpp) applied to status JSON, evaluation by
    evaluation: [(id, kind, dyad, period)]."""
    memory = None
    alerts = []
    for s in states:
        first = memory is None
        if first:
            memory = {"structure": None, "signs": {}}
        period = s["asof"]
        actors = "-".join(s["actors"])
        structure = s["triangle"]["persistent_structure"] if s["triangle"] else None
        if not first and structure is not None and structure != memory["structure"]:
            alerts.append(("structure/%s/triangle/%s" % (actors, period), "structure", None, period))
        if structure is not None:
            memory["structure"] = structure
        for d in s["dyads"]:
            m = d["momentum_per_30_days"]
            if m and m["direction"] != "steady":
                if not first and memory["signs"].get(d["dyad"]) != m["direction"]:
                    alerts.append(("momentum/%s/%s/%s" % (actors, d["dyad"], period), "momentum", d["dyad"], period))
                memory["signs"][d["dyad"]] = m["direction"]
            f = d["forecast_90"]
            if not first and f and f["outside"]:
                alerts.append(("forecast/%s/%s/%s" % (actors, d["dyad"], period), "forecast", d["dyad"], period))
    return alerts


class Follow(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = t.tmpdir()
        cls.root = os.path.join(cls.dir, "served")
        cls.days = build_server_root(cls.root)
        cls.day_list = sorted(cls.days)
        cls.server = GdeltServer(cls.root)
        cls.stepped = cls.run_stepped()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    @classmethod
    def follow_args(cls, store, mirror, alerts):
        return ["follow", "--once", "--freq", "day", "--store", store, "--base-url", cls.server.url,
                "--mirror", mirror, "--alerts", alerts, "--since", "2025-05-15", "--retry-wait", "0.1"]

    @classmethod
    def run_stepped(cls):
        """follow --once after each day's files appear on the server; returns (store, alerts)."""
        store = os.path.join(cls.dir, "follow.db")
        alerts = os.path.join(cls.dir, "alerts.jsonl")
        hook = os.path.join(cls.dir, "hook output.jsonl")
        for day in cls.day_list:
            cls.server.until = int(day + "235959")
            t.run(*cls.follow_args(store, os.path.join(cls.dir, "mirror"), alerts), "--quiet",
                  "--alert-command", "cat >> '%s'" % hook)
        with open(alerts) as f:
            lines = [json.loads(x) for x in f]
        with open(hook) as f:
            hooked = [json.loads(x) for x in f]
        return store, lines, hooked

    def test_stepped_follow_raises_the_replays_alerts(self):
        store, alerts, hooked = self.stepped
        replay_store = os.path.join(t.tmpdir(), "replay.db")
        states = []
        for day in self.day_list:
            t.run("ingest", "--quiet", "--store", replay_store,
                  *[os.path.join(self.root, "gdeltv2", n) for n in self.days[day]])
            iso = "%s-%s-%s" % (day[:4], day[4:6], day[6:])
            proc = t.run("status", "--store", replay_store, "--freq", "day", "--no-drivers", "--asof", iso,
                         "--format", "json", check=False)
            if proc.returncode == 0:
                states.append(json.loads(proc.stdout))
        self.assertGreater(len(states), 20)
        expected = replay_alerts(states)
        got = [(a["id"], a["kind"], a["dyad"], a["period"]) for a in alerts]
        self.assertEqual(got, expected)
        self.assertGreater(len(got), 0)  # the sample's month moves: some alert must come
        # The hook got every alert on its standard input, the same lines.
        self.assertEqual(hooked, alerts)
        # Every alert carries its evidence.
        for a in alerts:
            if a["kind"] == "forecast":
                ev = a["evidence"]
                self.assertTrue(ev["value"] < ev["lower_90"] or ev["value"] > ev["upper_90"])
            if a["kind"] == "momentum":
                ev = a["evidence"]
                self.assertTrue(ev["lower_90"] > 0 or ev["upper_90"] < 0)
        # The follow store equals a clean ingest of all the files.
        self.assertEqual(t.exported_cells(store), t.exported_cells(replay_store))

    def test_nothing_new_is_a_no_op(self):
        store, alerts, _ = self.stepped
        before = t.exported_cells(store)
        proc = t.run(*self.follow_args(store, os.path.join(self.dir, "mirror"),
                                       os.path.join(self.dir, "alerts.jsonl")))
        self.assertEqual(proc.stdout, "")
        self.assertEqual(t.exported_cells(store), before)

    def test_a_manual_ingest_at_the_same_time_is_safe(self):
        d = t.tmpdir()
        store = os.path.join(d, "c.db")
        self.server.until = None
        follow = subprocess.Popen([t.TRIAD, *self.follow_args(store, os.path.join(d, "m"), os.path.join(d, "c.jsonl")),
                                   "--quiet"], stderr=subprocess.PIPE, text=True)
        names = [n for day in self.day_list[::2] for n in self.days[day]]
        ingest = t.run("ingest", "--quiet", "--store", store, *[os.path.join(self.root, "gdeltv2", n) for n in names])
        _, err = follow.communicate(timeout=300)
        self.assertEqual(follow.returncode, 0, err)
        self.assertEqual(ingest.returncode, 0)
        self.assertEqual(t.exported_cells(store), t.exported_cells(self.stepped[0]))

    def test_follow_goes_on_from_a_fetched_store(self):
        d = t.tmpdir()
        store, mirror = os.path.join(d, "f.db"), os.path.join(d, "m")
        self.server.until = int(self.day_list[9] + "235959")
        t.run("fetch", "--quiet", "--from", "2025-05-15", "--to", "2025-06-30", "--base-url", self.server.url,
              "--mirror", mirror, "--ingest", store)
        self.server.until = None
        proc = t.run("follow", "--once", "--freq", "day", "--store", store, "--base-url", self.server.url,
                     "--mirror", mirror, "--alerts", os.path.join(d, "a.jsonl"))
        # It went on after the newest slot fetch stored: every later file, nothing twice.
        later = sum(len(self.days[day]) for day in self.day_list[10:])
        self.assertIn("follow: %d new files" % later, proc.stderr)
        self.assertEqual(t.exported_cells(store), t.exported_cells(self.stepped[0]))

    def test_an_alert_command_that_fails_or_reads_nothing_does_not_stop_follow(self):
        d = t.tmpdir()
        store, alerts = os.path.join(d, "h.db"), os.path.join(d, "h.jsonl")
        self.server.until = None
        proc = t.run(*self.follow_args(store, os.path.join(d, "m"), alerts), "--alert-command", "exit 7")
        with open(alerts) as f:
            self.assertEqual([json.loads(x)["id"] for x in f], [a["id"] for a in self.stepped[1]])
        self.assertIn("--alert-command exited with 7 for alert", proc.stderr)
        self.assertEqual(t.exported_cells(store), t.exported_cells(self.stepped[0]))

    def test_kill_9_and_restart_lose_and_double_nothing(self):
        d = t.tmpdir()
        store, alerts, mirror = (os.path.join(d, "k.db"), os.path.join(d, "k.jsonl"), os.path.join(d, "m"))
        rng = random.Random(7)
        args = [t.TRIAD, *self.follow_args(store, mirror, alerts), "--quiet"]
        self.server.until = None
        kills = 0
        for _ in range(40):
            p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                p.wait(timeout=rng.uniform(0.2, 1.5))
                if p.returncode == 0:
                    break
            except subprocess.TimeoutExpired:
                p.send_signal(signal.SIGKILL)
                p.wait()
                kills += 1
        self.assertGreater(kills, 0)
        t.run(*args[1:])  # finishes whatever is left
        stepped_store, stepped_alerts, _ = self.stepped
        self.assertEqual(t.exported_cells(store), t.exported_cells(stepped_store))
        with open(alerts) as f:
            got = [json.loads(x)["id"] for x in f]
        # Delivered at least once: each alert of the stepped run, in order, possibly repeated
        # after a kill between delivery and its record.
        deduped = list(dict.fromkeys(got))
        # One catch-up evaluates each completed day as the stepped run did.
        self.assertEqual(deduped, [a["id"] for a in stepped_alerts])


if __name__ == "__main__":
    unittest.main(verbosity=2)
