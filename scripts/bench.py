#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""make bench: strata against the peers on the benchmark capture.

Makes bench/bench-1m.pcap and bench/bench-100k.pcap with the shared
generator (../shared/tools/mkbench.py) when missing, runs strata and the
installed peers (tcpdump, tshark) several times each, all writing to
/dev/null, and prints a table of medians, ratios and peak memory (from
/usr/bin/time -v), and the scaling from 100k to 1M packets; then, as root, a live capture
on lo (snaplen 128, the summary view to a file) during a bulk TCP transfer,
and the kernel's drop count.  With --write,
the table also goes to docs/bench.md with the machine it was taken on.

usage: bench.py STRATA [--runs N] [--write]
"""
import os
import platform
import shutil
import statistics
import subprocess
import sys
import socket
import tempfile
import threading
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = os.path.join(TOP, "..", "shared", "tools", "mkbench.py")


def capture(n, name):
    d = os.path.join(TOP, "bench")
    os.makedirs(d, exist_ok=True)
    os.chmod(d, 0o755)     # strata reads as nobody when started as root
    path = os.path.join(d, name)
    if not os.path.exists(path):
        if not os.path.exists(GEN):
            sys.exit("bench: no %s to make the capture" % GEN)
        print("bench: making %s (%d packets)" % (path, n), flush=True)
        subprocess.run([sys.executable, GEN, path, str(n), "1"], check=True)
        os.chmod(path, 0o644)
    return path


def measure(cmd):
    """(seconds, peak KiB) of one run, output to /dev/null: the time from
    this clock (time -v rounds to hundredths, too coarse for 100k packets),
    the memory from /usr/bin/time -v."""
    with tempfile.NamedTemporaryFile("r") as t:
        with open(os.devnull, "w") as null:
            t0 = time.perf_counter()
            subprocess.run(["/usr/bin/time", "-v", "-o", t.name] + cmd,
                           stdout=null, stderr=subprocess.DEVNULL)
            secs = time.perf_counter() - t0
        kib = 0.0
        for line in t.read().splitlines():
            line = line.strip()
            if line.startswith("Maximum resident set size"):
                kib = float(line.split(": ", 1)[1])
    return secs, kib


def median_of(cmd, runs):
    got = [measure(cmd) for _ in range(runs)]
    return statistics.median(g[0] for g in got), max(g[1] for g in got)


def live_capture(strata):
    """strata capture beside tcpdump on a namespace's lo, default snapshot
    length, writing a file and showing the summary, during a ping flood
    of 20,000 and a bulk TCP transfer (tests/capture-side.sh): its lines
    (LOAD: tcpdump C captured D dropped; strata ...), or None."""
    if os.geteuid() != 0:
        print("bench: live capture skipped: needs root", flush=True)
        return None
    print("bench: live capture beside tcpdump", flush=True)
    r = subprocess.run(["sh", os.path.join(TOP, "tests", "capture-side.sh"),
                        strata], stdout=subprocess.PIPE, text=True)
    got = [l for l in r.stdout.splitlines() if ": tcpdump " in l]
    return got or None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    strata = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) \
        if "--runs" in sys.argv else 5
    big = capture(1000000, "bench-1m.pcap")
    small = capture(100000, "bench-100k.pcap")
    rows = []

    def row(label, cmd, n=runs):
        print("bench: %s" % label, flush=True)
        t, m = median_of(cmd, n)
        rows.append((label, t, m))
        return t

    def turns(runs_of, n=runs):
        """All of runs_of ((label, cmd) pairs), taking turns, so that a
        machine that slows down or speeds up during the bench weighs on
        each alike; their medians."""
        print("bench: %s, taking turns" % ", ".join(l for l, _ in runs_of),
              flush=True)
        got = [[] for _ in runs_of]
        for _ in range(n):
            for i, (_, cmd) in enumerate(runs_of):
                got[i].append(measure(cmd))
        meds = []
        for (label, _), g in zip(runs_of, got):
            rows.append((label, statistics.median(x[0] for x in g),
                         max(x[1] for x in g)))
            meds.append(rows[-1][1])
        return meds

    ratios = []
    one = ["env", "STRATA_THREADS=0", strata, "decode", big]
    if shutil.which("tcpdump"):
        s_sum, s_one, t, s_small = turns([
            ("strata decode (summary)", [strata, "decode", big]),
            ("strata decode (summary), one thread", one),
            ("tcpdump -nS -r", ["tcpdump", "-nS", "-r", big]),
            ("strata decode (summary), 100k", [strata, "decode", small])])
        ratios.append(("summary vs tcpdump -nS", t / s_sum, "4x"))
        ratios.append(("summary on one thread (STRATA_THREADS=0) vs "
                       "tcpdump -nS", t / s_one, "(for comparison)"))
    else:
        s_sum, s_small = turns([
            ("strata decode (summary)", [strata, "decode", big]),
            ("strata decode (summary), 100k", [strata, "decode", small])])
    s_json = row("strata decode --view json", [strata, "decode", "--view",
                                               "json", big])
    s_tree = row("strata decode --view tree", [strata, "decode", "--view",
                                               "tree", big])
    if shutil.which("tcpdump"):
        row("tcpdump -n -r, 100k", ["tcpdump", "-n", "-r", small])
    if shutil.which("tshark"):
        # One run each: tshark takes minutes and gigabytes on 1M packets.
        t = row("tshark -T ek -r", ["tshark", "-n", "-T", "ek", "-r", big], 1)
        ratios.append(("json vs tshark -T ek", t / s_json, "10x"))
        t = row("tshark -V -r", ["tshark", "-n", "-V", "-r", big], 1)
        ratios.append(("tree vs tshark -V", t / s_tree, "10x"))
    lines = ["| run | median s | peak MiB |", "|---|---:|---:|"]
    for label, t, m in rows:
        lines.append("| %s | %.2f | %.1f |" % (label, t, m / 1024))
    lines += ["", "| ratio | measured | goal |", "|---|---:|---:|"]
    for label, r, goal in ratios:
        lines.append("| %s | %.1fx faster | %s |" % (label, r, goal))
    lines.append("| scaling 100k to 1M (summary) | %.1fx the time | "
                 "at most 10x (linear) |" %
                 (s_sum / s_small))
    peak = max(m for label, t, m in rows if label.startswith("strata"))
    lines.append("| strata peak memory, any view | %.1f MiB | 16 MiB |" %
                 (peak / 1024))
    live = live_capture(strata)
    if live is not None:
        lines += ["", "| live capture on lo beside tcpdump (default snapshot "
                  "length, -w and the summary) | captured / dropped by "
                  "kernel | goal |", "|---|---:|---:|"]
        for l in live:
            load, rest = l.split(": ", 1)
            t, s_ = rest.split("; ")
            lines.append("| %s: %s | %s | 0 dropped where tcpdump drops 0 |"
                         % ({"flood": "ping -f -c 20000",
                             "bulk": "bulk TCP, 400 MiB"}.get(load, load),
                            s_, t))
    table = "\n".join(lines)
    print()
    print(table)
    if "--write" in sys.argv:
        cpu = "?"
        try:
            with open("/proc/cpuinfo") as f:
                for line in f:
                    if line.startswith("model name"):
                        cpu = line.split(":", 1)[1].strip()
                        break
        except OSError:
            pass
        with open(os.path.join(TOP, "docs", "bench.md"), "w") as f:
            f.write("# Benchmark\n\n`make bench` on the capture made by "
                    "`../shared/tools/mkbench.py bench-1m.pcap 1000000 1` "
                    "(1,000,000 Ethernet packets, 347 MB: TCP with options, "
                    "DNS, ICMP with errors, IPv6, ARP, VLAN), every program "
                    "writing to /dev/null; medians of %d runs (strata, "
                    "strata on one thread, tcpdump -nS and strata on the "
                    "100k capture taking turns; "
                    "tshark: one run), peak memory from /usr/bin/time -v.\n\n"
                    "Machine: %s, %d cores, Linux %s.\n\n"
                    "With more than one processor, `strata decode` decodes "
                    "on a second thread while the main one reads and shows, "
                    "timing that against one thread now and then and going "
                    "on the faster (README, Robustness and speed); the "
                    "one-thread row is the same command with "
                    "STRATA_THREADS=0.\n\n%s\n"
                    % (runs, cpu, os.cpu_count() or 0, platform.release(),
                       table))


if __name__ == "__main__":
    main()
