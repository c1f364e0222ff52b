#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Many connections at once: writes a capture of N (200,000) TCP
connections interleaved (every SYN, then every SYN-ACK, then a data
segment each way on each), runs `strata decode` on it and checks that
every data segment shows exact relative numbers (seq 1:11 ack 1 one way,
seq 1:21 ack 11 the other) and that no line says the connection table was
full.  The capture (60 MB) is written to a temporary file and removed.

usage: tcpan-many.py STRATA [N]
"""
import os
import random
import re
import struct
import subprocess
import sys
import tempfile


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def frame(src, dst, sport, dport, seq, ack, flags, data=b""):
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags,
                      512, 0, 0) + data
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), 0, 0x4000, 64,
                     6, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    return b"\2\0\0\0\0\2\2\0\0\0\0\1\x08\x00" + ip + tcp


def main():
    strata = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200000
    rnd = random.Random(7)
    conns = []
    for i in range(n):
        a = bytes([198, 18, (i >> 8) & 0xFF, 1 + i % 250])
        b = bytes([198, 19, 0, 1 + (i >> 16)])
        conns.append((a, b, 1024 + i % 60000, 80, rnd.getrandbits(32),
                      rnd.getrandbits(32)))
    fd, path = tempfile.mkstemp(suffix=".pcap")
    t = 0
    with os.fdopen(fd, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))

        def put(fr):
            nonlocal t
            t += 1
            f.write(struct.pack("<IIII", 1700000000 + t // 1000000,
                                t % 1000000, len(fr), len(fr)) + fr)
        for a, b, pa, pb, ia, ib in conns:
            put(frame(a, b, pa, pb, ia, 0, 0x02))
        for a, b, pa, pb, ia, ib in conns:
            put(frame(b, a, pb, pa, ib, ia + 1, 0x12))
        for a, b, pa, pb, ia, ib in conns:
            put(frame(a, b, pa, pb, ia + 1, ib + 1, 0x18, b"x" * 10))
        for a, b, pa, pb, ia, ib in conns:
            put(frame(b, a, pb, pa, ib + 1, ia + 11, 0x18, b"y" * 20))
    try:
        out = subprocess.run([strata, "decode", "-q", path],
                             capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    bad = 0
    want = {2: "seq 1:11 ack 1 ", 3: "seq 1:21 ack 11 "}
    for line in out.splitlines():
        m = re.match(r"(\d+)  ", line)
        if not m:
            continue
        phase = (int(m.group(1)) - 1) // n
        if "connection table" in line or \
                (phase in want and want[phase] not in line):
            bad += 1
            if bad <= 5:
                print("wrong: " + line)
    print("%d connections interleaved, %d packets: %d lines wrong" %
          (n, 4 * n, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
