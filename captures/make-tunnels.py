#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the tunnel captures the kernel here cannot make (no GRE, Geneve,
MPLS, IPsec or L2TP modules): frames built by hand, the same every time.
Outer addresses 198.18.0.1 and 198.18.0.2, inner 198.19.0.1 and 198.19.0.2.

usage: make-tunnels.py DIR
  gre.pcap          GRE with checksum, key and sequence number over an ICMP
                    echo; Ethernet over GRE (0x6558); a bad GRE checksum;
                    PPTP's enhanced GRE (version 1) carrying PPP; ERSPAN
                    type II and type I
  gre-nest.pcap     GRE in GRE, 40 deep: decoded to the tunnel bound, marked
  geneve.pcap       Geneve with two options over Ethernet, and over IPv4
                    directly (protocol type 0x0800)
  mpls.pcap         a two-label stack over IPv4, a label over IPv6, and a
                    pseudowire control word before an Ethernet frame (not
                    0x00000000: tshark then guesses there is none from the
                    bytes' look as MAC addresses)
  ipsec.pcap        ESP, AH over ICMP, UDP-encapsulated ESP on port 4500,
                    an IKEv2 IKE_SA_INIT on 500 and on 4500 after the
                    non-ESP marker, and a NAT keepalive
  l2tp.pcap         an L2TPv2 control message (SCCRQ) and a data message
                    carrying PPP
  lisp.pcap         a LISP data header with an instance ID over IPv4
"""
import os
import struct
import sys

O1, O2 = bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])
I1, I2 = bytes([198, 19, 0, 1]), bytes([198, 19, 0, 2])
M1, M2 = bytes.fromhex("020000000001"), bytes.fromhex("020000000002")
M3, M4 = bytes.fromhex("020000000003"), bytes.fromhex("020000000004")


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def eth(dst, src, typ, payload):
    return dst + src + struct.pack("!H", typ) + payload


def ipv4(src, dst, proto, payload, ident=1, ttl=64):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0,
                    ttl, proto, 0, src, dst)
    h = h[:10] + struct.pack("!H", csum(h)) + h[12:]
    return h + payload


def ipv6(src, dst, nh, payload, hlim=64):
    return struct.pack("!IHBB16s16s", 0x60000000, len(payload), nh, hlim,
                       src, dst) + payload


def udp(sport, dport, payload, src=O1, dst=O2):
    u = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    ph = src + dst + struct.pack("!BBH", 0, 17, len(u))
    c = csum(ph + u) or 0xFFFF
    return u[:6] + struct.pack("!H", c) + u[8:]


def icmp_echo(seq, typ=8):
    data = bytes(range(16))
    h = struct.pack("!BBHHH", typ, 0, 0, 0x1234, seq) + data
    return h[:2] + struct.pack("!H", csum(h)) + h[4:]


def inner(seq=1):
    return ipv4(I1, I2, 1, icmp_echo(seq), ident=0x100 + seq)


def gre(proto, payload, ck=False, key=None, seq=None, badck=False):
    fl = (0x8000 if ck else 0) | (0x2000 if key is not None else 0) | \
        (0x1000 if seq is not None else 0)
    opt = b""
    if ck:
        opt += b"\0\0\0\0"
    if key is not None:
        opt += struct.pack("!I", key)
    if seq is not None:
        opt += struct.pack("!I", seq)
    g = struct.pack("!HH", fl, proto) + opt + payload
    if ck:
        c = csum(g) ^ (0x1111 if badck else 0)
        g = g[:4] + struct.pack("!H", c) + g[6:]
    return g


def pptp(payload, call, seq, ack=None):
    fl = 0x2000 | 0x1000 | (0x80 if ack is not None else 0) | 1
    g = struct.pack("!HHHHI", fl, 0x880b, len(payload), call, seq)
    if ack is not None:
        g += struct.pack("!I", ack)
    return g + payload


def out(frames):
    return frames


def gre_frames():
    f = []
    f.append(eth(M2, M1, 0x0800, ipv4(O1, O2, 47, gre(0x0800, inner(1),
             ck=True, key=5, seq=1))))
    f.append(eth(M2, M1, 0x0800, ipv4(O1, O2, 47, gre(0x6558,
             eth(M4, M3, 0x0800, inner(2)), key=42))))
    f.append(eth(M2, M1, 0x0800, ipv4(O1, O2, 47, gre(0x0800, inner(3),
             ck=True, badck=True))))
    ppp = b"\xff\x03\x00\x21" + inner(4)
    f.append(eth(M2, M1, 0x0800, ipv4(O1, O2, 47, pptp(ppp, 6016, 7, 3))))
    # ERSPAN type II: version 1, VLAN 10, COS 0, session 100, index 0.
    er2 = struct.pack("!HHI", 0x1000 | 10, 100, 0)
    f.append(eth(M2, M1, 0x0800, ipv4(O1, O2, 47, gre(0x88be, er2 +
             eth(M4, M3, 0x0800, inner(5)), seq=9))))
    f.append(eth(M2, M1, 0x0800, ipv4(O1, O2, 47, gre(0x88be,
             eth(M4, M3, 0x0800, inner(6))))))
    return f


def gre_nest():
    p = inner(1)
    for _ in range(40):
        p = ipv4(O1, O2, 47, gre(0x0800, p))
    return [eth(M2, M1, 0x0800, p)]


def geneve_frames():
    opts = struct.pack("!HBB", 0x0102, 0x80, 1) + b"\xde\xad\xbe\xef"
    opts += struct.pack("!HBB", 0xffff, 0x05, 2) + bytes(range(8))
    gh = struct.pack("!BBH", len(opts) // 4, 0x40, 0x6558) + \
        struct.pack("!I", 42 << 8) + opts
    g2 = struct.pack("!BBH", 0, 0, 0x0800) + struct.pack("!I", 7 << 8)
    return [
        eth(M2, M1, 0x0800, ipv4(O1, O2, 17, udp(40000, 6081, gh +
            eth(M4, M3, 0x0800, inner(1))))),
        eth(M2, M1, 0x0800, ipv4(O1, O2, 17, udp(40001, 6081, g2 +
            inner(2)))),
    ]


def label(lbl, tc, s, ttl):
    return struct.pack("!I", lbl << 12 | tc << 9 | s << 8 | ttl)


def mpls_frames():
    v6a = bytes.fromhex("20010db8000000000000000000000001")
    v6b = bytes.fromhex("20010db8000000000000000000000002")
    ping6 = struct.pack("!BBHHH", 128, 0, 0, 1, 1)
    ph = v6a + v6b + struct.pack("!IxxxB", len(ping6), 58)
    ping6 = ping6[:2] + struct.pack("!H", csum(ph + ping6)) + ping6[4:]
    return [
        eth(M2, M1, 0x8847, label(16, 0, 0, 64) + label(17, 5, 1, 63) +
            inner(1)),
        eth(M2, M1, 0x8847, label(18, 0, 1, 64) + ipv6(v6a, v6b, 58, ping6)),
        eth(M2, M1, 0x8847, label(19, 0, 0, 64) + label(20, 0, 1, 64) +
            struct.pack("!I", 0x02000001) + eth(M4, M3, 0x0800, inner(3))),
    ]


def ike(exch, flags, payloads, msgid=0):
    body = b""
    for i, (t, data) in enumerate(payloads):
        nxt = payloads[i + 1][0] if i + 1 < len(payloads) else 0
        body += struct.pack("!BBH", nxt, 0, 4 + len(data)) + data
    first = payloads[0][0] if payloads else 0
    return bytes(range(1, 9)) + bytes(8) + struct.pack("!BBBBII", first,
        0x20, exch, flags, msgid, 28 + len(body)) + body


def ipsec_frames():
    esp = struct.pack("!II", 0x0000c0de, 1) + bytes(range(48))
    ah = struct.pack("!BBHII", 1, 4, 0, 0x0000beef, 2) + bytes(12)
    # One proposal (IKE, 1 transform: ENCR AES-CBC) in the SA payload.
    tf = struct.pack("!BBHBBH", 0, 0, 8, 1, 0, 12)
    prop = struct.pack("!BBHBBBB", 0, 0, 8 + len(tf), 1, 1, 0, 1) + tf
    sa = ike(34, 0x08, [(33, prop), (34, struct.pack("!HH", 19, 0) +
             bytes(32)), (40, bytes(range(16)))])
    return [
        eth(M2, M1, 0x0800, ipv4(O1, O2, 50, esp)),
        eth(M2, M1, 0x0800, ipv4(O1, O2, 51, ah + icmp_echo(2))),
        eth(M2, M1, 0x0800, ipv4(O1, O2, 17, udp(4500, 4500, esp))),
        eth(M2, M1, 0x0800, ipv4(O1, O2, 17, udp(500, 500, sa))),
        eth(M2, M1, 0x0800, ipv4(O1, O2, 17, udp(4500, 4500, bytes(4) +
            sa))),
        eth(M2, M1, 0x0800, ipv4(O1, O2, 17, udp(4500, 4500, b"\xff"))),
    ]


def avp(typ, val, m=1):
    return struct.pack("!HHH", (m << 15) | (6 + len(val)), 0, typ) + val


def l2tp_frames():
    avps = avp(0, struct.pack("!H", 1)) + avp(2, struct.pack("!H", 0x100))
    avps += avp(7, b"lac.strata.test") + avp(9, struct.pack("!H", 3))
    ctl = struct.pack("!HHHHHH", 0xc802, 12 + len(avps), 0, 0, 0, 0) + avps
    ppp = b"\xff\x03\x00\x21" + inner(2)
    data = struct.pack("!HHH", 0x4002, 6 + len(ppp), 3) + \
        struct.pack("!H", 7)
    data = struct.pack("!HHHH", 0x4002, 8 + len(ppp), 3, 7) + ppp
    return [
        eth(M2, M1, 0x0800, ipv4(O1, O2, 17, udp(1701, 1701, ctl))),
        eth(M2, M1, 0x0800, ipv4(O1, O2, 17, udp(1701, 1701, data))),
    ]


def lisp_frames():
    hdr = struct.pack("!I", 0x88000000 | 0x123456) + struct.pack("!I",
                                                                 7 << 8 | 1)
    return [eth(M2, M1, 0x0800, ipv4(O1, O2, 17, udp(40002, 4341, hdr +
                inner(1))))]


def write(path, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(fr),
                                len(fr)))
            f.write(fr)


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(__file__)
    write(os.path.join(d, "gre.pcap"), gre_frames())
    write(os.path.join(d, "gre-nest.pcap"), gre_nest())
    write(os.path.join(d, "geneve.pcap"), geneve_frames())
    write(os.path.join(d, "mpls.pcap"), mpls_frames())
    write(os.path.join(d, "ipsec.pcap"), ipsec_frames())
    write(os.path.join(d, "l2tp.pcap"), l2tp_frames())
    write(os.path.join(d, "lisp.pcap"), lisp_frames())


main()
