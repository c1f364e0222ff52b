#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes captures/tcp-retrans.pcap: a TCP conversation between 198.18.0.1
and 198.18.0.2 whose segments arrive out of order, are retransmitted,
overlap, and leave a gap, for the follow-stream tests.  Made by hand (no
network), so it is the same every time.

usage: make-retrans.py OUT.pcap
"""
import struct
import sys

A, B = bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])
PA, PB = 40000, 80
ISN_A, ISN_B = 1000, 5000
MSG = b"GET /layers HTTP/1.1\r\nHost: strata.test\r\nX-Pad: 0123456789\r\n\r\n"


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def packet(src, dst, sport, dport, seq, ack, flags, data=b""):
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags,
                      65535, 0, 0) + data
    ph = src + dst + struct.pack("!BBH", 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack("!H", csum(ph + tcp)) + tcp[18:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), 1, 0x4000, 64,
                     6, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    eth = b"\x02\0\0\0\0\x02\x02\0\0\0\0\x01\x08\x00"
    return eth + ip + tcp


def a2b(off, n, flags=0x18):
    return packet(A, B, PA, PB, ISN_A + 1 + off, ISN_B + 1, flags,
                  MSG[off:off + n])


def main():
    pkts = [
        packet(A, B, PA, PB, ISN_A, 0, 0x02),
        packet(B, A, PB, PA, ISN_B, ISN_A + 1, 0x12),
        packet(A, B, PA, PB, ISN_A + 1, ISN_B + 1, 0x10),
        a2b(0, 10),            # bytes 0-9
        a2b(20, 10),           # 20-29: after a gap (10-19 not yet seen)
        a2b(10, 10),           # 10-19: out of order, fills the gap
        a2b(0, 10),            # 0-9 again: a retransmission
        a2b(25, 15),           # 25-39: overlaps 25-29
        a2b(50, len(MSG) - 50),  # 50-end: 40-49 never captured
        packet(B, A, PB, PA, ISN_B + 1, ISN_A + 1 + len(MSG), 0x18,
               b"HTTP/1.1 204 No Content\r\n\r\n"),
    ]
    with open(sys.argv[1], "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        for i, p in enumerate(pkts):
            f.write(struct.pack("<IIII", 1700000000, i * 1000, len(p),
                                len(p)))
            f.write(p)


if __name__ == "__main__":
    main()
