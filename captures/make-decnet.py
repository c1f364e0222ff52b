#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""DECnet Phase IV captures, written frame by frame (pcaplib), not captured:

decnet.pcap  EtherType 0x6003: the routing layer's little-endian length,
             padding, then routing control messages (an Ethernet router
             hello with its list of routers, an endnode hello with test
             data, an initialization, a hello and test, a level 1 routing
             message with its checksum, one with a wrong checksum: these
             two and the hello and test long enough for no Ethernet
             padding, which tshark reads as theirs) and
             data packets (long header: NSP connect initiate with its
             session connect data, data acknowledgement, disconnect
             initiate, link service, interrupt; short header: NSP data
             segment), an NSP NOP, a long and a short header cut by the
             capture
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

ALLROUTERS = bytes.fromhex("ab0000030000")
ALLENDS = bytes.fromhex("ab0000040000")


def dnaddr(area, node):
    """The Ethernet address of DECnet node area.node: AA-00-04-00 and the
    16-bit address, low byte first."""
    return bytes.fromhex("aa000400") + struct.pack("<H", area << 10 | node)


A, B = dnaddr(1, 4), dnaddr(1, 8)


def frame(dst, src, body, pad=0):
    """An Ethernet II frame of type 0x6003: the length (little-endian),
    pad bytes (the first 0x80 | their count), the routing message."""
    p = bytes([0x80 | pad]) + bytes(pad - 1) if pad else b""
    b = struct.pack("<H", len(p) + len(body)) + p + body
    f = pcaplib.ether(dst, src, 0x6003, b)
    return f + bytes(max(0, 60 - len(f)))


def long_hdr(dst, src, visits=0, flags=0x26):
    return bytes([flags, 0, 0]) + dst + bytes(2) + src + \
        bytes([0, visits, 0, 0])


def short_hdr(dst, src, visits=0):
    return struct.pack("<BHHB", 0x02, dst, src, visits)


def rtg_checksum(segs):
    s = 1
    for v in segs:
        s += v
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return s


def decnet():
    fr = []
    # Ethernet router hello: version 2.0.0, level 1 router, priority 64,
    # hello timer 15, one router in its list (known two-way, prio 64)
    elist = bytes(7) + bytes([7]) + B + bytes([0x80 | 64])
    fr.append(frame(ALLENDS, A, bytes([0x0B, 2, 0, 0]) + A +
                    bytes([0x02]) + struct.pack("<HBBH", 1498, 64, 0, 15) +
                    bytes([0, len(elist)]) + elist, pad=1))
    # Ethernet endnode hello: seed, neighbor, test data
    fr.append(frame(ALLROUTERS, B, bytes([0x0D, 2, 0, 0]) + B +
                    bytes([0x03]) + struct.pack("<HB", 1498, 0) +
                    bytes(range(1, 9)) + A + struct.pack("<HB", 15, 0) +
                    bytes([0xAA] * 8), pad=1))
    # initialization message (point to point)
    fr.append(frame(ALLROUTERS, A, bytes([0x01]) +
                    struct.pack("<HHH", 1 << 10 | 4, 0x0002, 576) +
                    bytes([2, 0, 0]) + struct.pack("<H", 15) + bytes([0])))
    # hello and test message, long enough to need no Ethernet padding
    # (tshark takes all the frame's bytes as test data)
    fr.append(frame(ALLROUTERS, A, bytes([0x05]) +
                    struct.pack("<H", 1 << 10 | 4) + bytes([0xAA] * 44)))
    # level 1 routing message: seven segments of one entry each, so that
    # the frame needs no padding (tshark finds the checksum from the
    # frame's end)
    segs = []
    for n in range(7):
        segs += [1, 4 + n, (n + 1) << 10 | (3 * n + 2)]
    body = bytes([0x07]) + struct.pack("<HB", 1 << 10 | 4, 0) + \
        struct.pack("<%dH" % len(segs), *segs)
    fr.append(frame(ALLROUTERS, A, body +
                    struct.pack("<H", rtg_checksum(segs))))
    fr.append(frame(ALLROUTERS, A, body +
                    struct.pack("<H", rtg_checksum(segs) ^ 0x100)))
    # long data header, NSP connect initiate: object 17 (FAL), from a
    # named user, with access control (menu version 1)
    ci = bytes([0x18]) + struct.pack("<HHBBH", 0, 0x2001, 0x05, 0x02,
                                      1459)
    ci += bytes([1, 0, 3]) + b"FAL" + bytes([1, 0, 4]) + b"USER"
    ci += bytes([1, 3]) + b"BOB" + bytes([4]) + b"PASS" + bytes([0])
    fr.append(frame(A, B, long_hdr(A, B) + ci, pad=1))
    # data acknowledgement
    fr.append(frame(B, A, long_hdr(B, A, visits=1) + bytes([0x04]) +
                    struct.pack("<HHH", 0x2001, 0x1003, 0x8001)))
    # short data header, NSP data segment (BOM and EOM), delayed ACK
    fr.append(frame(A, B, short_hdr(1 << 10 | 4, 1 << 10 | 8) +
                    bytes([0x60]) + struct.pack("<HHH", 0x1003, 0x2001,
                                                0x1002) + b"hello"))
    # link service: go, ask for 2 more data messages
    fr.append(frame(A, B, long_hdr(A, B) + bytes([0x10]) +
                    struct.pack("<HHH", 0x1003, 0x2001, 0x0003) +
                    bytes([0x02, 2])))
    # interrupt message
    fr.append(frame(A, B, long_hdr(A, B) + bytes([0x30]) +
                    struct.pack("<HHH", 0x1003, 0x2001, 0x0001) + b"!"))
    # disconnect initiate, reason 38
    fr.append(frame(B, A, long_hdr(B, A) + bytes([0x38]) +
                    struct.pack("<HHH", 0x2001, 0x1003, 38) + bytes([0])))
    # NOP
    fr.append(frame(B, A, long_hdr(B, A) + bytes([0x08]) + b"test"))
    # a long header cut by the capture
    f = frame(A, B, long_hdr(A, B) + bytes([0x04]) +
              struct.pack("<HHH", 0x2001, 0x1003, 0x8001))
    fr.append((f[:24], len(f)))
    # a short header cut by the capture (tcpdump's decnet-shorthdr-oobr)
    f = frame(A, B, short_hdr(1 << 10 | 4, 1 << 10 | 8) + bytes([0x04]) +
              struct.pack("<HHH", 0x1003, 0x2001, 0x8002))
    fr.append((f[:19], len(f)))
    return fr


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    pcaplib.write(os.path.join(out, "decnet.pcap"), decnet())


if __name__ == "__main__":
    main()
