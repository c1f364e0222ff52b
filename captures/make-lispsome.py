#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""The lispsome family's captures, written frame by frame (pcaplib):

lisp-control.pcap  LISP control messages on UDP 4342 (RFC 9301): a
                   Map-Request in an Encapsulated Control Message, one
                   with an IPv6 source EID, two ITR-RLOCs and a Map-Reply
                   record (M bit), a Map-Reply of two records (IPv4 and
                   IPv6 locators; a negative one), a Map-Register with an
                   xTR-ID over IPv6 (as tcpdump's lisp_ipv6), a Map-Notify
                   with xTR-ID and MS-RTR authentication (as lisp_eid_notify),
                   a Map-Referral, a Map-Register whose EID is an
                   instance-ID LCAF, a DDT-originated ECM over IPv6, a
                   Map-Request cut by the capture, a Map-Reply with an
                   EID AFI no one knows, an Info-Request and an Info-Reply
                   with its NAT traversal LCAF.
vxlan-gpe.pcap     VXLAN-GPE on UDP 4790 (draft-ietf-nvo3-vxlan-gpe): an
                   IPv4 ICMP echo, an IPv6 one, an Ethernet frame, NSH (MD
                   type 1, four context headers) before an Ethernet frame
                   (as tcpdump's nsh-over-vxlan-gpe), an MPLS label before
                   IPv4, an OAM packet naming next protocol 9 (data), every
                   flag set, and one cut inside its header.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

V4 = lambda s: bytes(int(x) for x in s.split("."))  # noqa: E731
V6 = lambda s: __import__("ipaddress").IPv6Address(s).packed  # noqa: E731
NONCE = 0x1122334455667788


def addr(a):
    """AFI and address: 1 for 4 bytes, 2 for 16, 6 for a 6-byte MAC."""
    return struct.pack("!H", {4: 1, 16: 2, 6: 6}[len(a)]) + a


def loc(a, prio=1, weight=100, flags=0x0005):
    return struct.pack("!BBBBH", prio, weight, 255, 0, flags) + addr(a)


def mapping(eid, mask, locs=(), ttl=1440, act=0, auth=1, ver=0, flags2=0,
            eid_raw=None):
    """A mapping record; eid_raw gives the AFI and address bytes as is."""
    w = act << 13 | auth << 12 | flags2
    body = struct.pack("!IBBHH", ttl, len(locs), mask, w, ver)
    return body + (eid_raw if eid_raw is not None else addr(eid)) + \
        b"".join(locs)


def map_request(src_eid, rlocs, recs, flags=0, reply=b""):
    """flags: A M P S p s as the six bits after the type."""
    h = struct.pack("!BBBB", 0x10 | flags >> 2, (flags & 3) << 6,
                    len(rlocs) - 1, len(recs))
    m = h + struct.pack("!Q", NONCE) + (addr(src_eid) if src_eid else
                                         b"\0\0")
    m += b"".join(addr(r) for r in rlocs)
    m += b"".join(struct.pack("!BB", 0, ml) + addr(p) for p, ml in recs)
    return m + reply


def authed(tf, flags16, recs, keyid=1, authlen=20, tail=b""):
    """A Map-Register (tf 0x3) or Map-Notify (0x4) header: type and four
    flag bits, the next 16 bits, the records, what follows them."""
    h = struct.pack("!BHB", tf, flags16, len(recs)) + \
        struct.pack("!QHH", NONCE, keyid, authlen) + \
        bytes(range(0xa0, 0xa0 + authlen))
    return h + b"".join(recs) + tail


def ecm(inner, flags=0, v6=False):
    """An Encapsulated Control Message before an IP/UDP 4342 packet."""
    if v6:
        src, dst = pcaplib.C6, V6("2001:db8:99::1")
        ip = pcaplib.ipv6(src, dst, 17, pcaplib.udp(src, dst, 4342, 4342,
                                                     inner))
    else:
        src, dst = V4("10.1.1.1"), V4("10.9.9.9")
        ip = pcaplib.ipv4(src, dst, 17, pcaplib.udp(src, dst, 4342, 4342,
                                                     inner), 7)
    return struct.pack("!I", 0x80000000 | flags << 26) + ip


def lisp_frames():
    f = []
    u = lambda p, cl=True, v6=False: pcaplib.udp_frame(  # noqa: E731
        cl, 4342, 4342, p, v6=v6)
    req = map_request(V4("10.1.1.1"), [V4("198.18.0.1")],
                      [(V4("10.9.9.0"), 24)])
    f.append(u(ecm(req)))
    rep_rec = mapping(V6("2001:db8:5::"), 48,
                      [loc(V4("198.18.0.2"))], ttl=60)
    f.append(u(map_request(V6("2001:db8:1::1"),
                           [V4("198.18.0.1"), V6("2001:db8::1")],
                           [(V6("2001:db8:5::"), 48)], flags=0b011000,
                           reply=rep_rec)))
    rep = struct.pack("!BBBB", 0x28, 0, 0, 2) + struct.pack("!Q", NONCE)
    rep += mapping(V4("10.9.9.0"), 24,
                   [loc(V4("198.18.0.2"), flags=0x0007),
                    loc(V6("2001:db8::2"), prio=2, weight=50, flags=0)],
                   ttl=0xFFFFFFFF, ver=5)
    rep += mapping(V6("2001:db8:6::"), 48, [], ttl=15, act=2, auth=0)
    f.append(u(rep, cl=False))
    xtr = bytes(range(0x10, 0x20)) + struct.pack("!Q", 42)
    reg = authed(0x32, 0x0001, [mapping(V6("2001:db8:1::"), 48,
                                        [loc(V6("2001:db8::1"))])],
                 tail=xtr)
    f.append(u(reg, v6=True))
    msrtr = struct.pack("!HH", 2, 8) + bytes(range(8))
    f.append(u(authed(0x4C, 0x0000, [mapping(V4("10.30.1.100"), 32,
                                             [loc(V4("20.20.8.253"))])],
                      tail=xtr + msrtr), cl=False))
    ref = struct.pack("!BBBB", 0x60, 0, 0, 1) + struct.pack("!Q", NONCE)
    ref += mapping(V4("10.0.0.0"), 8, [loc(V4("198.18.0.9"), flags=1)],
                   act=1, flags2=0x0800, ver=0x2003)
    f.append(u(ref, cl=False))
    lcaf = struct.pack("!HBBBBH", 16387, 0, 0, 2, 24, 10) + \
        struct.pack("!I", 7) + addr(V4("10.7.0.0"))
    f.append(u(authed(0x30, 0x0000, [mapping(None, 16, [loc(
        V4("198.18.0.1"))], eid_raw=lcaf)])))
    req6 = map_request(V6("2001:db8:1::1"), [V6("2001:db8::1")],
                       [(V6("2001:db8:7::"), 64)], flags=0b100000)
    f.append(u(ecm(req6, flags=1, v6=True), v6=True))
    cut = u(map_request(V4("10.1.1.1"), [V4("198.18.0.1")],
                        [(V4("10.9.9.0"), 24), (V4("10.9.8.0"), 24)]))
    f.append((cut[:len(cut) - 5], len(cut)))
    bad = struct.pack("!BBBB", 0x20, 0, 0, 1) + struct.pack("!Q", NONCE)
    bad += mapping(None, 24, [], eid_raw=struct.pack("!H", 99) + b"\1\2")
    f.append(u(bad, cl=False))
    info = lambda r, tail: struct.pack("!I", 0x70000000 | r << 27) + \
        struct.pack("!QHH", NONCE, 1, 20) + bytes(range(0xa0, 0xb4)) + \
        struct.pack("!IBB", 1440, 0, 24) + addr(V4("10.9.9.0")) + tail  # noqa
    f.append(u(info(0, b"\0\0")))
    natt = struct.pack("!HH", 4342, 60000) + addr(V4("203.0.113.5")) + \
        addr(V4("198.18.0.2")) + addr(V4("192.168.1.10"))
    f.append(u(info(1, struct.pack("!HBBBBH", 16387, 0, 0, 7, 0,
                                    len(natt)) + natt), cl=False))
    return f


def gpe(np_, inner, flags=0x0C, vni=42):
    return pcaplib.udp_frame(True, 40000, 4790, struct.pack(
        "!BHBI", flags, 0, np_, vni << 8) + inner)


def gpe_frames():
    icmp = bytes([8, 0, 0xF7, 0xFE, 0, 1, 0, 0])
    ip4 = pcaplib.ipv4(V4("10.0.0.1"), V4("10.0.0.2"), 1, icmp)
    echo6 = bytes([128, 0, 0, 0, 0, 1, 0, 1])
    a6, b6 = V6("2001:db8:a::1"), V6("2001:db8:a::2")
    ck = pcaplib.csum(pcaplib.pseudo(a6, b6, 58, len(echo6)) + echo6)
    ip6 = pcaplib.ipv6(a6, b6, 58, echo6[:2] + struct.pack("!H", ck) +
                       echo6[4:])
    eth = pcaplib.ether(bytes.fromhex("020000000b02"),
                        bytes.fromhex("020000000b01"), 0x0800, ip4)
    # NSH: version 0, TTL 63, 6 words, MD type 1, next protocol 3
    # (Ethernet); service path 7, index 255; four context headers.
    nsh = struct.pack("!HBB", 63 << 6 | 6, 1, 3) + \
        struct.pack("!I", 7 << 8 | 255) + bytes(range(16))
    mpls = struct.pack("!I", 100 << 12 | 1 << 8 | 64) + ip4
    f = [gpe(1, ip4), gpe(2, ip6, vni=7), gpe(3, eth), gpe(4, nsh + eth),
         gpe(5, mpls), gpe(9, b"\x01\x02\x03\x04", flags=0x0D),
         gpe(1, ip4, flags=0xFF)]
    cut = gpe(1, ip4)
    f.append((cut[:14 + 20 + 8 + 5], len(cut)))
    return f


def gnaddr(mid, st=5, cc=0x123, manual=0):
    """A GN address: manual flag, station type, country code, MID."""
    return struct.pack("!H", manual << 15 | st << 10 | cc) + mid


def lpv(mid=bytes.fromhex("020000000a01"), tst=1000, lat=487654321,
        lon=-23456789, pai=1, speed=-150, hdg=900):
    """A long position vector (speed in 15 bits, two's complement)."""
    return gnaddr(mid) + struct.pack("!Iii", tst, lat, lon) + \
        struct.pack("!HH", pai << 15 | (speed & 0x7FFF), hdg)


def spv(mid=bytes.fromhex("020000000a02"), tst=2000, lat=-100, lon=200):
    return gnaddr(mid) + struct.pack("!Iii", tst, lat, lon)


def gn(ht, hst, ext, nh=2, payload=b"", bnh=1, rhl=5, mhl=10):
    """Basic header (version 1, lifetime 20 x 1 s), common header, the
    extended header and payload."""
    bh = struct.pack("!BBBB", 1 << 4 | bnh, 0, 20 << 2 | 1, rhl)
    ch = struct.pack("!BBBBHBB", nh << 4, ht << 4 | hst, 0x82, 0x80,
                     len(payload), mhl, 0)
    return pcaplib.ether(b"\xff" * 6, bytes.fromhex("020000000a01"),
                         0x8947, bh + ch + ext + payload)


def gnw_frames():
    btpb = struct.pack("!HH", 3000, 0x0102) + b"\x01\x02\x03"
    btpa = struct.pack("!HH", 3001, 40000) + b"\x04\x05"
    sn = lambda n: struct.pack("!HH", n, 0)  # noqa: E731
    circle = struct.pack("!iiHHHH", 487000000, 23000000, 500, 0, 0, 0)
    ellipse = struct.pack("!iiHHHH", -337000000, 1510000000, 1000, 500,
                          45, 0)
    a6, b6 = V6("2001:db8:c::1"), V6("ff02::1")
    echo6 = struct.pack("!BBHHH", 128, 0, 0, 1, 1)
    ck = pcaplib.csum(pcaplib.pseudo(a6, b6, 58, len(echo6)) + echo6)
    ip6 = pcaplib.ipv6(a6, b6, 58, echo6[:2] + struct.pack("!H", ck) +
                       echo6[4:])
    guc = gn(2, 0, sn(7) + lpv() + spv(), nh=1, payload=btpa)
    return [gn(1, 0, lpv(), nh=0),
            gn(5, 0, lpv() + struct.pack("!BBBB", 0x80, 0x40, 0xA3, 5),
               payload=btpb, rhl=1, mhl=1),
            guc,
            gn(4, 0, sn(8) + lpv() + circle, payload=btpb),
            gn(3, 2, sn(9) + lpv(speed=3000) + ellipse, payload=btpb),
            gn(5, 1, sn(10) + lpv(), payload=btpb),
            gn(6, 0, sn(11) + lpv() + gnaddr(bytes.fromhex("020000000a09"),
                                             manual=1, st=15), nh=0),
            gn(6, 1, sn(12) + lpv() + spv(), nh=0),
            gn(4, 1, sn(13) + lpv() + circle, nh=3, payload=ip6),
            gn(1, 0, bytes(range(24)), bnh=2),
            gn(7, 0, sn(14) + lpv(), nh=0),
            (guc[:14 + 12 + 4 + 24 + 10], len(guc))]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else here
    pcaplib.write(os.path.join(out, "lisp-control.pcap"), lisp_frames())
    pcaplib.write(os.path.join(out, "vxlan-gpe.pcap"), gpe_frames())
    pcaplib.write(os.path.join(out, "gnw.pcap"), gnw_frames())


if __name__ == "__main__":
    main()
