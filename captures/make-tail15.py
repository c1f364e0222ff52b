#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Small protocols of the long tail, written frame by frame (pcaplib):

msnlb.pcap   MS NLB heartbeats (EtherType 0x886f): a cluster membership
             heartbeat in full (host 2 of cluster 198.18.0.10, its port
             rules, bucket maps and load weights), extended heartbeats
             carrying the host's name and its IPv4 address, and a
             membership heartbeat cut short.
aarp.pcap    AppleTalk ARP (EtherType 0x80f3): a probe, a request and its
             reply, and one with a hardware size AARP does not know.
ipcomp.pcap  IPComp (IP protocol 108): DEFLATE-compressed payloads over
             IPv4 and IPv6, and an LZS one.
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


def aarp(op, sha, spa, tha, tpa, hlen=6):
    return struct.pack("!HHBBH", 1, 0x809B, hlen, 4, op) + sha + spa + \
        tha + tpa


def ipcomp(cpi, nh, data):
    import zlib
    z = zlib.compressobj(wbits=-15)
    return struct.pack("!BBH", nh, 0, cpi) + z.compress(data) + z.flush()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    frames = [pcaplib.ether(BCAST, HOST, 0x886F, p)
              for p in (member(), ext_name("node-b.test"), ext_ip(),
                        member()[:60])]
    pcaplib.write(os.path.join(here, "msnlb.pcap"), frames)
    a, b = bytes([0, 0xFF, 0x01, 0x2A]), bytes([0, 0xFF, 0x01, 0x07])
    frames = [pcaplib.ether(BCAST, pcaplib.MC, 0x80F3, p) for p in (
        aarp(3, pcaplib.MC, a, bytes(6), a),
        aarp(1, pcaplib.MC, a, bytes(6), b),
        aarp(2, pcaplib.MS, b, pcaplib.MC, a),
        aarp(1, bytes(8), a, bytes(8), b, hlen=8))]
    pcaplib.write(os.path.join(here, "aarp.pcap"), frames)
    udp = pcaplib.udp(pcaplib.C, pcaplib.S, 40000, 7, b"strata " * 20)
    frames = [
        pcaplib.ether(pcaplib.MS, pcaplib.MC, 0x0800, pcaplib.ipv4(
            pcaplib.C, pcaplib.S, 108, ipcomp(2, 17, udp))),
        pcaplib.ether(pcaplib.MS, pcaplib.MC, 0x86DD, pcaplib.ipv6(
            pcaplib.C6, pcaplib.S6, 108, ipcomp(2, 17, pcaplib.udp(
                pcaplib.C6, pcaplib.S6, 40000, 7, b"strata " * 20)))),
        pcaplib.ether(pcaplib.MS, pcaplib.MC, 0x0800, pcaplib.ipv4(
            pcaplib.C, pcaplib.S, 108, ipcomp(3, 6, udp)))]
    pcaplib.write(os.path.join(here, "ipcomp.pcap"), frames)


if __name__ == "__main__":
    main()
