#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""A capture of 802.1ah provider backbone bridging (MAC-in-MAC): a backbone
frame behind an 802.1Q tag carrying a customer's UDP datagram (I-SID 256)
and a customer's 802.1Q-tagged ARP request (I-SID 0xabcdef, priority 5, drop
eligible).  No kernel here makes them, so the frames are written by hand
with the shared helpers of pcaplib.py.

usage: make-pbb.py [DIR]   (default: the folder of this script)
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib as pl  # noqa: E402

BDA, BSA = bytes.fromhex("02000000000b"), bytes.fromhex("02000000000a")


def itag(pcp, dei, nca, isid, cdst, csrc, etype, payload):
    word = pcp << 29 | dei << 28 | nca << 27 | isid
    return struct.pack("!I", word) + cdst + csrc + struct.pack("!H", etype) \
        + payload


def backbone(bvid, tag):
    return pl.ether(BDA, BSA, 0x8100, struct.pack("!HH", bvid, 0x88e7) + tag)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    udp = pl.ipv4(pl.C, pl.S, 17, pl.udp(pl.C, pl.S, 40000, 9, b"pbb\n"))
    arp = struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1) + pl.MC + pl.C + \
        bytes(6) + pl.S
    frames = [
        backbone(100, itag(0, 0, 0, 256, pl.MS, pl.MC, 0x0800, udp)),
        backbone(100, itag(5, 1, 0, 0xabcdef, b"\xff" * 6, pl.MC, 0x8100,
                           struct.pack("!HH", 7, 0x0806) + arp)),
    ]
    pl.write(os.path.join(out, "pbb.pcap"), frames)


if __name__ == "__main__":
    main()
