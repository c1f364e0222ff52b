#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""TCP analysis against tshark's (with tcp.analyze_sequence_numbers on):
for every frame of each capture, the marks strata's summary shows against
the tcp.analysis.* fields tshark sets, the frames they name
(tcp.analysis.rto_frame, .duplicate_ack_num, .duplicate_ack_frame), the
window in bytes (tcp.window_size, by tcp.window_size_scalefactor), and the
relative seq and ack of every frame past the first each way (tcp.seq,
tcp.ack) where the capture holds the SYNs (without them strata counts
from the first packet, as tcpdump does, and tshark from one before it),
also with a filter hiding packets (-f).

usage: tcpan-tshark.py STRATA PCAP...   (exit 1 on any difference)
"""
import re
import subprocess
import sys

FIELDS = {
    "retransmission": "retransmission",
    "fast_retransmission": "fast retransmission",
    "spurious_retransmission": "spurious retransmission",
    "out_of_order": "out-of-order",
    "duplicate_ack": "dup ack",
    "zero_window": "zero window",
    "window_full": "window full",
    "window_update": "window update",
    "keep_alive": "keep-alive",
    "lost_segment": "previous segment not captured",
    "ack_lost_segment": "ACKed unseen segment",
    "keep_alive_ack": "keep-alive ack",
    "zero_window_probe": "zero window probe",
    "zero_window_probe_ack": "zero window probe ack",
}
EXTRA = ["tcp.analysis.rto_frame", "tcp.analysis.duplicate_ack_num",
         "tcp.analysis.duplicate_ack_frame", "tcp.window_size",
         "tcp.seq", "tcp.ack", "tcp.flags.push"]


def tshark(path):
    names = ["tcp.analysis." + f for f in FIELDS] + EXTRA
    cmd = ["tshark", "-r", path, "-o", "tcp.analyze_sequence_numbers:TRUE",
           "-o", "tcp.relative_sequence_numbers:TRUE", "-T", "fields",
           "-E", "separator=|", "-e", "frame.number"]
    for n in names:
        cmd += ["-e", n]
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    frames = {}
    for line in out.splitlines():
        p = line.split("|")
        row = dict(zip(names, p[1:]))
        row["marks"] = {f for f in FIELDS if row["tcp.analysis." + f]}
        frames[int(p[0])] = row
    return frames


def marks_of(line):
    got, rto, dup = set(), "", ("", "")
    for m in re.findall(r" \[([^\]]+)\]", line):
        for f, w in sorted(FIELDS.items(), key=lambda x: -len(x[1])):
            if m == w or m.startswith(w + " "):
                got.add(f)
                if f == "retransmission" and " of " in m:
                    rto = m.split()[-1]
                if f == "duplicate_ack":
                    d = re.match(r"dup ack #(\d+) of (\d+)", m)
                    dup = (d.group(1), d.group(2))
                break
    # tshark sets retransmission too on a fast or spurious one
    if got & {"fast_retransmission", "spurious_retransmission"}:
        got.add("retransmission")
    return got, rto, dup


def check(strata, path, ts, filt=None):
    cmd = [strata, "decode", path] + (["-f", filt] if filt else [])
    out = subprocess.run(cmd, capture_output=True, text=True,
                         env={"TZ": "UTC"}).stdout
    seen, syn, bad, n = set(), set(), 0, 0
    if filt:		# which ways began with a SYN, from the whole file
        for line in subprocess.run([strata, "decode", path],
                                   capture_output=True, text=True,
                                   env={"TZ": "UTC"}).stdout.splitlines():
            m = re.match(r"\d+  \S+  .* (\S+) → (\S+) \[(\S*)\]", line)
            if m and (m.group(1), m.group(2)) not in seen:
                seen.add((m.group(1), m.group(2)))
                if "S" in m.group(3):
                    syn.add((m.group(1), m.group(2)))
    for line in out.splitlines():
        m = re.match(r"(\d+)  \S+  .* (\S+) → (\S+) \[(\S*)\]", line)
        if not m:
            continue
        num, t = int(m.group(1)), ts[int(m.group(1))]
        way = (m.group(2), m.group(3))
        errs = []
        got, rto, dup = marks_of(line)
        if filt is None and got != t["marks"]:
            errs.append("marks %s, tshark %s" % (sorted(got),
                                                 sorted(t["marks"])))
        if filt is None and "retransmission" in t["marks"] and \
                t["tcp.analysis.rto_frame"] and \
                "fast_retransmission" not in got and \
                rto != t["tcp.analysis.rto_frame"]:
            errs.append("rto frame %s, tshark %s" %
                        (rto, t["tcp.analysis.rto_frame"]))
        if filt is None and "duplicate_ack" in t["marks"] and dup != (
                t["tcp.analysis.duplicate_ack_num"],
                t["tcp.analysis.duplicate_ack_frame"]):
            errs.append("dup ack %s, tshark %s" % (dup, (
                t["tcp.analysis.duplicate_ack_num"],
                t["tcp.analysis.duplicate_ack_frame"])))
        w = re.search(r" win (\d+)(?: \(×\d+ = (\d+)\))?", line)
        if w and (w.group(2) or w.group(1)) != t["tcp.window_size"]:
            errs.append("window %s, tshark %s" %
                        (w.group(2) or w.group(1), t["tcp.window_size"]))
        # relative numbers: past the first packet each way in the file
        s = re.search(r" seq (\d+)", line)
        a = re.search(r" ack (\d+)", line)
        if not filt and way not in seen and "S" in m.group(4):
            syn.add(way)
        if (way in seen or filt) and way in syn:
            if s and s.group(1) != t["tcp.seq"]:
                errs.append("seq %s, tshark %s" % (s.group(1), t["tcp.seq"]))
            if a and a.group(1) != t["tcp.ack"] and \
                    (way[1], way[0]) in syn:
                errs.append("ack %s, tshark %s" % (a.group(1), t["tcp.ack"]))
        seen.add(way)
        n += 1
        if errs:
            bad += 1
            print("%s%s frame %d: %s" % (path, " -f '%s'" % filt if filt
                                          else "", num, "; ".join(errs)))
    return n, bad


def main():
    strata, paths = sys.argv[1], sys.argv[2:]
    failed = 0
    for path in paths:
        ts = tshark(path)
        nm = sum(len(t["marks"]) for t in ts.values())
        n, bad = check(strata, path, ts)
        nf, badf = check(strata, path, ts, "tcp[13]&8!=0")
        print("%s: %d frames, %d tshark marks: %d differ; -f: %d frames, "
              "%d differ" % (path, n, nm, bad, nf, badf))
        failed += bad + badf
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
