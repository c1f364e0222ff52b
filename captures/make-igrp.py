#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""IGRP captures, written frame by frame (pcaplib), not captured:

igrp.pcap    IP protocol 9 from 198.18.0.1: an update (version 1, opcode
             1) with two interior, one system and one exterior route, its
             checksum right; a request; an update with a wrong checksum;
             one whose counts name more routes than it holds (tcpdump's
             igrp-oobr); one cut by the capture inside its header
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402


def entry(net3, delay, bw, mtu, rel, load, hops):
    return net3 + struct.pack("!I", delay)[1:] + struct.pack("!I", bw)[1:] \
        + struct.pack("!HBBB", mtu, rel, load, hops)


def igrp(opcode, asn, routes, counts, bad=False):
    h = struct.pack("!BBHHHHH", 0x10 | opcode, 3, asn, *counts, 0)
    b = h + b"".join(routes)
    ck = pcaplib.csum(b) ^ (0x0101 if bad else 0)
    return b[:10] + struct.pack("!H", ck) + b[12:]


def frames():
    routes = [entry(bytes([18, 1, 0]), 2000, 1, 1500, 255, 1, 0),
              entry(bytes([18, 2, 0]), 2100, 10, 1500, 255, 1, 1),
              entry(bytes([10, 0, 0]), 3000, 100, 1500, 250, 3, 2),
              entry(bytes([172, 16, 0]), 0xFFFFFF, 100, 1500, 255, 1, 1)]
    fr = []
    up = igrp(1, 100, routes, (2, 1, 1))
    fr.append(pcaplib.ip_frame(True, 9, lambda s, d: up))
    fr.append(pcaplib.ip_frame(True, 9, lambda s, d: igrp(2, 100, [],
                                                           (0, 0, 0))))
    fr.append(pcaplib.ip_frame(True, 9, lambda s, d: igrp(1, 100, routes,
                                                           (2, 1, 1),
                                                           bad=True)))
    fr.append(pcaplib.ip_frame(True, 9, lambda s, d: igrp(1, 100,
                                                           routes[:1],
                                                           (5, 0, 0))))
    f = pcaplib.ip_frame(True, 9, lambda s, d: up)
    fr.append((f[:14 + 20 + 7], len(f)))
    return fr


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    pcaplib.write(os.path.join(out, "igrp.pcap"), frames())


if __name__ == "__main__":
    main()
