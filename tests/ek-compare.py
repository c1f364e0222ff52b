#!/usr/bin/env python3
"""Compares strata's --view ek with tshark -T ek for one capture: the
same number of documents, each after its action line, the same
timestamps, and the same value under every key both write, except the
keys listed here with why they differ.

usage: ek-compare.py STRATA.ek TSHARK.ek"""
import json
import re
import sys

# Keys whose values differ on purpose.
DIFFER = {
    "frame_frame_protocols": "strata names its own chain (no ethertype)",
    "tcp_tcp_flags": "strata shows the 12 bits as 0x012, tshark 0x0012",
    "tcp_tcp_flags_res": "a 3-bit number in strata, a boolean in tshark",
    "icmpv6_icmpv6_echo_identifier": "decimal in strata, hex in tshark",
    "ipv6_ipv6_flow": "tshark pads the 20 bits to six digits",
    "ipv6_ipv6_tclass": "tshark shows the 32-bit word's mask",
    "icmp_icmp_unused": "a 32-bit number in strata, four bytes in tshark",
}
STATUS = re.compile(r"_checksum_status$")  # strata's names, tshark's numbers


def docs(path):
    lines = open(path).read().splitlines()
    out = []
    for i, line in enumerate(lines):
        d = json.loads(line)
        if i % 2 == 0:
            assert "index" in d, "%s:%d: no action line" % (path, i + 1)
        else:
            out.append(d)
    return out


def main():
    s, t = docs(sys.argv[1]), docs(sys.argv[2])
    if len(s) != len(t):
        print("  %d documents against tshark's %d" % (len(s), len(t)))
        return 1
    agree, bad = 0, []
    for a, b in zip(s, t):
        if a["timestamp"] != b["timestamp"]:
            bad.append(("timestamp", a["timestamp"], b["timestamp"]))
        for lk, lv in a["layers"].items():
            tl = b["layers"].get(lk)
            if not isinstance(lv, dict) or not isinstance(tl, dict):
                continue
            for k, v in lv.items():
                if k not in tl or isinstance(v, list) or k in DIFFER or \
                        STATUS.search(k):
                    continue
                if tl[k] == v or str(tl[k]) == str(v):
                    agree += 1
                else:
                    bad.append((k, v, tl[k]))
    for k, v, w in bad[:10]:
        print("  %s: strata %r, tshark %r" % (k, v, w))
    return 1 if bad or agree == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
