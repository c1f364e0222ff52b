#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the routing-protocol captures: frames built by hand (the kernel
here runs no multicast router, OSPF or BGP speaker), the same every time.
Addresses 198.18.0.1 and 198.18.0.2, groups in 239.0.0.0/8.

usage: make-routing.py DIR
  igmp.pcap   IGMPv1 query and report; IGMPv2 general query, report and
              leave (with the router alert option); IGMPv3 group query with
              two sources; IGMPv3 report with two group records (one with
              sources and auxiliary data); a report with a bad checksum
  pim.pcap    PIMv2 hello (holdtime, LAN prune delay, DR priority,
              generation ID, address list), join/prune with one group
              joining two sources and pruning one, a register carrying an
              ICMP echo, a register-stop, an assert, a hello with a bad
              checksum
  vrrp.pcap   VRRPv2 advertisement with two addresses and a simple-text
              password; VRRPv3 over IPv4 and over IPv6; a VRRPv2
              advertisement with a bad checksum
  hsrp.pcap   HSRPv0 hello from the active router and a coup
"""
import os
import struct
import sys

A1, A2 = bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])
M1, M2 = bytes.fromhex("020000000001"), bytes.fromhex("020000000002")


def ip4(s):
    return bytes(int(x) for x in s.split("."))


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ck_at(b, off):
    """b with the 16-bit checksum at off computed over all of b."""
    b = b[:off] + b"\0\0" + b[off + 2:]
    return b[:off] + struct.pack("!H", csum(b)) + b[off + 2:]


def eth(payload, typ=0x0800, dst=M2, src=M1):
    return dst + src + struct.pack("!H", typ) + payload


def ipv4(src, dst, proto, payload, ttl=1, ra=False, ident=1):
    opt = b"\x94\x04\x00\x00" if ra else b""
    h = struct.pack("!BBHHHBBH4s4s", 0x45 + len(opt) // 4, 0xc0,
                    20 + len(opt) + len(payload), ident, 0, ttl, proto, 0,
                    src, dst) + opt
    return ck_at(h, 10) + payload


def udp(sport, dport, payload, src=A1, dst=A2):
    h = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0)
    ph = src + dst + struct.pack("!BBH", 0, 17, 8 + len(payload))
    c = csum(ph + h + payload) or 0xFFFF
    return h[:6] + struct.pack("!H", c) + payload


def pcap(path, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(fr),
                                len(fr)))
            f.write(fr)


def igmp_frames():
    g1, g2 = ip4("239.1.1.1"), ip4("239.2.2.2")
    s1, s2 = ip4("198.18.0.10"), ip4("198.18.0.11")
    allh, allr, v3r = ip4("224.0.0.1"), ip4("224.0.0.2"), ip4("224.0.0.22")

    def m(b):
        return ck_at(b, 2)

    out = []
    out.append(eth(ipv4(A1, allh, 2, m(struct.pack("!BBH4s", 0x11, 0, 0,
                                                    bytes(4))))))
    out.append(eth(ipv4(A2, g1, 2, m(struct.pack("!BBH4s", 0x12, 0, 0,
                                                  g1)))))
    out.append(eth(ipv4(A1, allh, 2, m(struct.pack("!BBH4s", 0x11, 100, 0,
                                                    bytes(4))), ra=True)))
    out.append(eth(ipv4(A2, g1, 2, m(struct.pack("!BBH4s", 0x16, 0, 0, g1)),
                        ra=True)))
    out.append(eth(ipv4(A2, allr, 2, m(struct.pack("!BBH4s", 0x17, 0, 0,
                                                    g1)), ra=True)))
    q3 = struct.pack("!BBH4sBBH4s4s", 0x11, 100, 0, g2, 0x0a, 125, 2, s1, s2)
    out.append(eth(ipv4(A1, g2, 2, m(q3), ra=True)))
    r3 = struct.pack("!BBHHH", 0x22, 0, 0, 0, 2)
    r3 += struct.pack("!BBH4s4s4s", 1, 1, 2, g2, s1, s2) + b"\xde\xad\xbe\xef"
    r3 += struct.pack("!BBH4s", 4, 0, 0, g1)
    out.append(eth(ipv4(A2, v3r, 2, m(r3), ra=True)))
    bad = m(struct.pack("!BBH4s", 0x16, 0, 0, g2))
    bad = bad[:2] + b"\x12\x34" + bad[4:]
    out.append(eth(ipv4(A2, g2, 2, bad, ra=True)))
    return out


def pim_frames():
    allp, rp = ip4("224.0.0.13"), A2
    g, s1, s2 = ip4("239.1.1.1"), ip4("198.18.0.10"), ip4("198.18.0.11")

    def m(typ, body, ckn=None):
        b = struct.pack("!BBH", 0x20 | typ, 0, 0) + body
        return ck_at(b[:ckn] if ckn else b, 2) + (b[ckn:] if ckn else b"")

    def uni(a):
        return struct.pack("!BB4s", 1, 0, a)

    def grp(a, fl=0):
        return struct.pack("!BBBB4s", 1, 0, fl, 32, a)

    def src(a, fl):
        return struct.pack("!BBBB4s", 1, 0, fl, 32, a)

    hello = struct.pack("!HHH", 1, 2, 105) + struct.pack("!HHHH", 2, 4, 1,
                                                         2500)
    hello += struct.pack("!HHI", 19, 4, 1) + struct.pack("!HHI", 20, 4,
                                                          0x1234abcd)
    hello += struct.pack("!HH", 24, 6) + uni(ip4("198.18.1.1"))
    jp = uni(A2) + struct.pack("!BBH", 0, 1, 210) + grp(g)
    jp += struct.pack("!HH", 2, 1) + src(s1, 4) + src(s2, 4) + src(ip4(
        "198.18.0.12"), 5)
    inner = ipv4(s1, g, 1, ck_at(struct.pack("!BBHHH", 8, 0, 0, 7, 1) +
                                 b"ping", 2), ttl=16)
    reg = struct.pack("!I", 0) + inner
    stop = grp(g) + uni(s1)
    asrt = grp(g) + uni(s1) + struct.pack("!II", 110, 20)
    out = [eth(ipv4(A1, allp, 103, m(0, hello))),
           eth(ipv4(A1, allp, 103, m(3, jp))),
           eth(ipv4(A1, rp, 103, m(1, reg, 8), ttl=64)),
           eth(ipv4(A2, A1, 103, m(2, stop), ttl=64)),
           eth(ipv4(A1, allp, 103, m(5, asrt)))]
    bad = m(0, hello)
    out.append(eth(ipv4(A1, allp, 103, bad[:2] + b"\x12\x34" + bad[4:])))
    return out


def ipv6(src, dst, nh, payload, hlim=255):
    return struct.pack("!IHBB16s16s", 0x60000000, len(payload), nh, hlim,
                       src, dst) + payload


def vrrp_frames():
    vr = ip4("224.0.0.18")
    v2 = struct.pack("!BBBBBBH4s4s", 0x21, 1, 100, 2, 1, 1, 0,
                     ip4("198.18.0.254"), ip4("198.18.0.253")) + b"secret\0\0"
    v2 = ck_at(v2, 6)
    body3 = struct.pack("!BBBBHH4s", 0x31, 2, 200, 1, 100, 0,
                        ip4("198.18.0.254"))
    ph = A1 + vr + struct.pack("!BBH", 0, 112, len(body3))
    v3 = body3[:6] + struct.pack("!H", csum(ph + body3)) + body3[8:]
    l6 = bytes.fromhex("fe800000000000000000000000000001")
    m6 = bytes.fromhex("ff020000000000000000000000000012")
    a6 = bytes.fromhex("20010db8000000000000000000000001")
    body6 = struct.pack("!BBBBHH", 0x31, 3, 150, 2, 100, 0) + l6 + a6
    ph6 = l6 + m6 + struct.pack("!IxxxB", len(body6), 112)
    v6 = body6[:6] + struct.pack("!H", csum(ph6 + body6)) + body6[8:]
    bad = v2[:6] + b"\x12\x34" + v2[8:]
    return [eth(ipv4(A1, vr, 112, v2, ttl=255)),
            eth(ipv4(A1, vr, 112, v3, ttl=255)),
            eth(ipv6(l6, m6, 112, v6), typ=0x86dd),
            eth(ipv4(A1, vr, 112, bad, ttl=255))]


def hsrp_frames():
    allr = ip4("224.0.0.2")

    def h(op, state, prio):
        return struct.pack("!BBBBBBBB8s4s", 0, op, state, 3, 10, prio, 1, 0,
                           b"cisco", ip4("198.18.0.254"))

    return [eth(ipv4(A1, allr, 17, udp(1985, 1985, h(0, 16, 100), A1, allr))),
            eth(ipv4(A2, allr, 17, udp(1985, 1985, h(1, 4, 200), A2, allr)))]


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    pcap(os.path.join(d, "igmp.pcap"), igmp_frames())
    pcap(os.path.join(d, "pim.pcap"), pim_frames())
    pcap(os.path.join(d, "vrrp.pcap"), vrrp_frames())
    pcap(os.path.join(d, "hsrp.pcap"), hsrp_frames())


if __name__ == "__main__":
    main()
