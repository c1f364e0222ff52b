#!/usr/bin/env python3
"""Differential test: strata's --view json against tshark's reading.

For every capture in the corpus folder with a NAME.tshark.tsv beside it
(tshark 4.0's fields, Wireshark names, one row per packet), runs
`strata decode --view json NAME` and compares each field of each packet.
A field that occurs several times in a packet (quoted headers, stacked
tags) is compared as the list of its values, outer first.

Every remaining difference must be listed in tests/difftest-allow.txt with
its reason; the test prints the agreement per field and fails on any other
difference.

usage: difftest.py STRATA CORPUS_DIR [-v]
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# Fields compared by another rule than equality of values.
FRAME = {"frame.number": "frame", "frame.len": "len",
         "frame.cap_len": "caplen"}


def load_allow():
    """(field, file or '*', frame or None) -> reason."""
    allow = {}
    with open(os.path.join(HERE, "difftest-allow.txt")) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 2)
            if len(parts) < 3:
                sys.exit("difftest-allow.txt: no reason in: " + line)
            field, where, reason = parts
            frame = None
            if ":" in where:
                where, fr = where.split(":", 1)
                frame = int(fr)
            allow[(field, where, frame)] = reason
    return allow


def allowed(allow, field, fname, frame):
    for key in ((field, fname, frame), (field, fname, None),
                (field, "*", None)):
        if key in allow:
            return allow[key]
    return None


def norm(field, v):
    """One value as a comparable string."""
    v = str(v).strip()
    if v == "":
        return v
    try:
        n = int(v, 16) if v.lower().startswith("0x") else int(v)
        if field == "ip.frag_offset" and TSHARK_SIDE[0]:
            n *= 8  # tshark 4.0's TSV holds 8-byte units
        return str(n)
    except ValueError:
        return v.lower()


TSHARK_SIDE = [False]


def tshark_values(field, cell):
    if cell == "":
        return []
    TSHARK_SIDE[0] = True
    out = [norm(field, x) for x in cell.split(",")]
    TSHARK_SIDE[0] = False
    return out


def strata_values(pkt, field):
    if field in FRAME:
        return [norm(field, pkt[FRAME[field]])]
    vals = []
    for ly in pkt["layers"]:
        if field not in ly["fields"]:
            continue
        v = ly["fields"][field]
        for x in (v if isinstance(v, list) else [v]):
            vals.append(norm(field, x))
    return vals


def short(text, n=120):
    return text if len(text) <= n else text[:n] + "...(%d chars)" % len(text)


def run(strata, corpus, verbose):
    allow = load_allow()
    stats = {}       # field -> [agree, differ, allowed]
    failures = []
    used = set()
    files = sorted(f[:-len(".tshark.tsv")] for f in os.listdir(corpus)
                   if f.endswith(".tshark.tsv"))
    for name in files:
        path = os.path.join(corpus, name)
        if not os.path.exists(path):
            continue
        res = subprocess.run([strata, "decode", "--view", "json", path],
                             capture_output=True, text=True)
        if res.returncode not in (0, 1) or "AddressSanitizer" in res.stderr \
                or "runtime error" in res.stderr:
            failures.append("%s: strata exited %d: %s" %
                            (name, res.returncode, res.stderr.strip()))
            continue
        pkts = {}
        for line in res.stdout.splitlines():
            p = json.loads(line)
            pkts[p["frame"]] = p
        with open(path + ".tshark.tsv") as f:
            header = f.readline().rstrip("\n").split("\t")
            for row in f:
                cells = row.rstrip("\n").split("\t")
                cells += [""] * (len(header) - len(cells))
                frame = int(cells[0])
                pkt = pkts.get(frame)
                for field, cell in zip(header, cells):
                    ts = tshark_values(field, cell)
                    if pkt is None:
                        ours = []
                    else:
                        ours = strata_values(pkt, field)
                    if not ts and not ours:
                        continue
                    st = stats.setdefault(field, [0, 0, 0])
                    if ts == ours:
                        st[0] += 1
                        continue
                    why = allowed(allow, field, name, frame)
                    if why is not None:
                        st[2] += 1
                        used.add(why)
                        continue
                    st[1] += 1
                    failures.append("%s frame %d %s: tshark %s, strata %s" %
                                    (name, frame, field,
                                     short(",".join(ts) or "(none)"),
                                     short(",".join(ours) or "(none)")))
    print("difftest: %d captures, agreement with tshark per field" %
          len(files))
    print("  %-32s %7s %7s %7s" % ("field", "agree", "differ", "allowed"))
    for field in sorted(stats):
        a, d, al = stats[field]
        print("  %-32s %7d %7d %7d" % (field, a, d, al))
    for f in failures[:60 if not verbose else None]:
        print("DIFF " + f)
    if len(failures) > 60 and not verbose:
        print("... %d more (-v shows all)" % (len(failures) - 60))
    agree = sum(s[0] for s in stats.values())
    differ = sum(s[1] for s in stats.values())
    print("difftest: %d passed, %d failed" % (agree, differ + (
        len(failures) - differ)))
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    corpus = sys.argv[2]
    if not os.path.isdir(corpus):
        print("difftest: skipped: no corpus at %s" % corpus)
        sys.exit(0)
    sys.exit(run(sys.argv[1], corpus, "-v" in sys.argv[3:]))
