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
mtrace.pcap  multicast traceroute in IGMP: a query for group 233.252.0.1
             from source 198.18.1.1 to receiver 198.18.0.2, and the
             response after two routers added their blocks.
inetsvc.pcap the small inetd services over UDP: echo (7) both ways,
             daytime (13) asked and answered, an empty datagram to
             chargen (19) and its line, an empty one to time (37) and
             its 32-bit answer.
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
    group, src = bytes([233, 252, 0, 1]), bytes([198, 18, 1, 1])
    blocks = b"".join(
        struct.pack("!I4s4s4sIIIBBBB", 0xE1000000 + i, bytes([198, 18, i, 254]),
                    bytes([198, 18, i + 1, 254]), bytes([198, 18, i, 253]),
                    1000 + i, 2000 + i, 3000 + i, 3, 1, 0x40 | 24, 0)
        for i in range(2))
    frames = []
    for t, blk in ((0x1F, b""), (0x1E, blocks)):
        m = struct.pack("!BBH4s4s4s4sB", t, 32, 0, group, src, pcaplib.S,
                        pcaplib.C, 64) + (12345).to_bytes(3, "big") + blk
        m = m[:2] + struct.pack("!H", pcaplib.csum(m)) + m[4:]
        frames.append(pcaplib.ether(pcaplib.MS, pcaplib.MC, 0x0800,
                                    pcaplib.ipv4(pcaplib.C, pcaplib.S, 2, m)))
    pcaplib.write(os.path.join(here, "mtrace.pcap"), frames)
    frames = []
    line = bytes(range(33, 105)) + b"\r\n"
    for sp, dp, p in ((40000, 7, b"ping\r\n"), (7, 40000, b"ping\r\n"),
                      (40001, 13, b"\r\n"),
                      (13, 40001, b"Sun Nov 29 15:00:00 2026\r\n"),
                      (40002, 19, b""), (19, 40002, line),
                      (40003, 37, b""),
                      (37, 40003, struct.pack("!I", 0xEBB7C8A0))):
        frames.append(pcaplib.udp_frame(dp in (7, 13, 19, 37), sp, dp, p))
    pcaplib.write(os.path.join(here, "inetsvc.pcap"), frames)


if __name__ == "__main__":
    main()
