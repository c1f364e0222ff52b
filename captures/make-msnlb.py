#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""MS NLB heartbeats (EtherType 0x886f), written frame by frame (pcaplib):

msnlb.pcap  a cluster membership heartbeat in full (host 2 of cluster
            198.18.0.10, its port rules, bucket maps and load weights),
            extended heartbeats carrying the host's name and its IPv4
            address, and a membership heartbeat cut short.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

BCAST = bytes.fromhex("ffffffffffff")
HOST = bytes.fromhex("02010a000002")
CLUSTER, DEDICATED = bytes([198, 18, 0, 10]), bytes([198, 18, 0, 11])


def header(sig):
    return (struct.pack("<III", sig, 0x0205, 0x12345678) + CLUSTER +
            DEDICATED)


def member():
    b = header(0xC0DE01BF)
    b += struct.pack("<HHHHII", 2, 1, 1, 1, 0xCAFE, 4242)
    b += struct.pack("<I", 0x00ABCD0B)      # teaming: xor, 1, M, A
    b += bytes(4)
    b += b"".join(struct.pack("<I", 0x50000 + i) for i in range(33))
    for m in range(4):
        b += b"".join(struct.pack("<Q", (m + 1) << 60 | i)
                      for i in range(33))
    b += b"".join(struct.pack("<I", 100 - i) for i in range(33))
    b += bytes(4 * 33)
    return b


def ext_name(name):
    u = name.encode("utf-16-le") + b"\0\0"
    return header(0xC0DE01C0) + bytes([1, len(u) + 14]) + bytes(6) + u + \
        bytes(6)


def ext_ip():
    return header(0xC0DE01C0) + bytes([2, 24]) + bytes(6) + \
        struct.pack("<H", 2) + DEDICATED + bytes(8)


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "msnlb.pcap")
    frames = [pcaplib.ether(BCAST, HOST, 0x886F, p)
              for p in (member(), ext_name("node-b.test"), ext_ip(),
                        member()[:60])]
    pcaplib.write(out, frames)


if __name__ == "__main__":
    main()
