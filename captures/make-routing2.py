#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the captures of the second routing family: frames built by hand
(no OSPF, BFD or BGP speaker runs here), the same every time.  Addresses
198.18.0.1 and 198.18.0.2 (IPv4), fe80::1 and fe80::2 (IPv6).

usage: make-routing2.py DIR
  ospf.pcap   OSPFv2 hello with one neighbour, database description with an
              LSA header, LS request, LS update with a router LSA (two
              links), a network LSA and an AS-external LSA, LS
              acknowledgement, a hello with cryptographic authentication and
              an LLS block, a hello with a bad checksum; OSPFv3 hello and an
              LS update with router, link and intra-area-prefix LSAs
  bfd.pcap    BFD control packets: Up with no authentication (port 3784),
              Init with a simple password, Down with a meticulous keyed
              SHA1 digest (multihop, port 4784), a message length of 10
  eigrp.pcap  EIGRP hello (parameters, software version), an update with
              two IPv4 internal routes, a goodbye (K
              values 255), a hello acknowledging, a hello with a bad
              checksum
  bgp.pcap    BGP OPEN with capabilities (multiprotocol, route refresh,
              4-octet AS, graceful restart, ADD-PATH, FQDN), a KEEPALIVE
              and an UPDATE in one segment (a withdrawn route, ORIGIN,
              AS_PATH, NEXT_HOP, MED, LOCAL_PREF, COMMUNITIES, two NLRI
              prefixes), a ROUTE-REFRESH, a NOTIFICATION with a shutdown
              communication, a segment continuing a message, an UPDATE
              whose attribute runs past the attributes
  rip.pcap    RIPv1 response with two routes, RIPv2 request for the whole
              table, RIPv2 response with a simple password, RIPv2 response
              with a keyed MD5 digest and its trailer, RIPng response with
              two routes
  ldp.pcap    LDP hello over UDP (hold time, transport address), a TCP
              segment with two PDUs (initialization with session
              parameters, keepalive), an address message and a label
              mapping (prefix FEC, generic label, hop count, path vector)
              in one PDU, a notification with a status
  rsvp.pcap   RSVP hello (hello and restart capability objects), a PATH
              with a session object and an object of an unknown class, a
              hello with a bad checksum
  isis.pcap   IS-IS over LLC: a level 1 LAN hello (area, protocols, IP
              interface address), a point-to-point hello, a level 1 LSP
              (area, protocols, hostname, TE router ID, IP address), a
              level 2 CSNP with an LSP entry, a level 1 PSNP, an LSP with
              a bad checksum
"""
import os
import struct
import sys

A1, A2 = bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])
L1 = bytes.fromhex("fe800000000000000000000000000001")
L2 = bytes.fromhex("fe800000000000000000000000000002")
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


def ck_at(b, off, pre=b""):
    """b with the 16-bit checksum at off computed over pre and all of b."""
    b = b[:off] + b"\0\0" + b[off + 2:]
    return b[:off] + struct.pack("!H", csum(pre + b)) + b[off + 2:]


def eth(payload, typ=0x0800, dst=M2, src=M1):
    return dst + src + struct.pack("!H", typ) + payload


def ipv4(src, dst, proto, payload, ttl=1, ident=1):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0xc0, 20 + len(payload), ident,
                    0, ttl, proto, 0, src, dst)
    return ck_at(h, 10) + payload


def ipv6(src, dst, nh, payload, hlim=1):
    return struct.pack("!IHBB", 0x6e000000, len(payload), nh, hlim) + \
        src + dst + payload


def pseudo6(src, dst, nh, n):
    return src + dst + struct.pack("!IxxxB", n, nh)


def tcp(sport, dport, payload, seq=1, ack=1, flags=0x18, src=A1, dst=A2):
    h = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 0x50, flags,
                    65535, 0, 0)
    ph = src + dst + struct.pack("!BBH", 0, 6, 20 + len(payload))
    return ck_at(h + payload, 16, ph)


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


def fletcher(b, off):
    """The ISO 8473 checksum of b, whose checksum field is at off."""
    b = b[:off] + b"\0\0" + b[off + 2:]
    c0 = c1 = 0
    for x in b:
        c0 = (c0 + x) % 255
        c1 = (c1 + c0) % 255
    x = ((len(b) - off - 1) * c0 - c1) % 255
    if x <= 0:
        x += 255
    y = 510 - c0 - x
    if y > 255:
        y -= 255
    return b[:off] + bytes([x, y]) + b[off + 2:]


# ---- OSPF ----------------------------------------------------------------

R1, R2 = ip4("1.1.1.1"), ip4("2.2.2.2")
AREA = ip4("0.0.0.0")


def ospf2(typ, body, auth=0, authdata=b"\0" * 8, bad=False):
    h = struct.pack("!BBH4s4sHH", 2, typ, 24 + len(body), R1, AREA, 0,
                    auth) + authdata
    p = h + body
    if auth != 2:
        c = csum(p[:16] + p[24:])
        if bad:
            c ^= 0x1111
        p = p[:12] + struct.pack("!H", c) + p[14:]
    return p


def lsa2(typ, lsid, body, age=1, opts=0x22, seq=0x80000001):
    h = struct.pack("!HBB4s4sIHH", age, opts, typ, ip4(lsid), R1, seq, 0,
                    20 + len(body))
    lsa = h + body
    return lsa[:2] + fletcher(lsa[2:], 14)


def ospf_v2_frames():
    hello = struct.pack("!4sHBBI4s4s", ip4("255.255.255.0"), 10, 0x02, 1,
                        40, A2, A1) + R2
    rtr = lsa2(1, "1.1.1.1", struct.pack("!BxH", 0x02, 2) +
               struct.pack("!4s4sBBH", ip4("198.18.0.2"), A1, 2, 0, 10) +
               struct.pack("!4s4sBBH", ip4("10.0.0.0"),
                           ip4("255.255.255.0"), 3, 0, 1))
    net = lsa2(2, "198.18.0.2", ip4("255.255.255.0") + R1 + R2)
    ext = lsa2(5, "10.1.0.0", ip4("255.255.0.0") +
               struct.pack("!I4sI", 0x80000014, ip4("0.0.0.0"), 7),
               opts=0x20)
    dbd = struct.pack("!HBBI", 1500, 0x42, 0x07, 4711) + rtr[:20]
    lsr = struct.pack("!I4s4s", 1, ip4("1.1.1.1"), R1)
    lsu = struct.pack("!I", 3) + rtr + net + ext
    ack = rtr[:20] + net[:20]
    out = [ospf2(1, hello), ospf2(2, dbd), ospf2(3, lsr), ospf2(4, lsu),
           ospf2(5, ack)]
    # Cryptographic authentication: key 1, a 16-byte digest after the
    # packet, then an LLS block with extended options (LR).
    lhello = hello[:6] + b"\x12" + hello[7:]
    p = ospf2(1, lhello, 2, struct.pack("!HBBI", 0, 1, 16, 1000))
    lls = struct.pack("!HHHHI", 0, 3, 1, 4, 1)
    out.append(p + bytes(range(16)) + lls)
    out.append(ospf2(1, hello, bad=True))
    dst = ip4("224.0.0.5")
    return [eth(ipv4(A1, dst, 89, p, ident=i + 1))
            for i, p in enumerate(out)]


def ospf3(typ, body, src=L1, dst=None):
    p = struct.pack("!BBH4s4sHBx", 3, typ, 16 + len(body), R1, ip4("0.0.0.1"),
                    0, 0) + body
    return ck_at(p, 12, pseudo6(src, dst, 89, len(p)))


def lsa3(typ, lsid, body, age=1, seq=0x80000001):
    h = struct.pack("!HH4s4sIHH", age, typ, ip4(lsid), R1, seq, 0,
                    20 + len(body))
    lsa = h + body
    return lsa[:2] + fletcher(lsa[2:], 14)


def ospf_v3_frames():
    dst = bytes.fromhex("ff020000000000000000000000000005")
    hello = struct.pack("!IB3sHH4s4s", 5, 1, b"\x00\x00\x13", 10, 40, R1,
                        R2) + R2
    rtr = lsa3(0x2001, "0.0.0.0", struct.pack("!B3s", 0x01, b"\0\0\x33") +
               struct.pack("!BxHII4s", 2, 10, 5, 6, R2))
    pfx = struct.pack("!BBH", 64, 0, 0) + bytes.fromhex("20010db800000001")
    link = lsa3(0x0008, "0.0.0.5", struct.pack("!B3s", 1, b"\0\0\x33") +
                L1 + struct.pack("!I", 1) + pfx)
    ipfx = struct.pack("!BBH", 64, 0, 10) + bytes.fromhex("20010db800000001")
    intra = lsa3(0x2009, "0.0.0.0", struct.pack("!HH4s4s", 1, 0x2001,
                                                 ip4("0.0.0.0"), R1) + ipfx)
    lsu = struct.pack("!I", 3) + rtr + link + intra
    return [eth(ipv6(L1, dst, 89, ospf3(t, b, L1, dst)), 0x86dd)
            for t, b in ((1, hello), (4, lsu))]


# ---- BFD ----------------------------------------------------------------

def bfd(sta, flags, my, your, auth=b"", mult=3, length=None, diag=0):
    n = 24 + len(auth) if length is None else length
    return struct.pack("!BBBBIIIII", 0x20 | diag, sta << 6 | flags, mult, n,
                       my, your, 100000, 100000, 0) + auth


def bfd_frames():
    pw = struct.pack("!BBB", 1, 9, 1) + b"secret"
    sha = struct.pack("!BBBxI", 5, 28, 2, 5) + bytes(range(1, 21))
    out = [(3784, bfd(3, 0x08, 0x80000001, 0x80000002)),
           (3784, bfd(2, 0x04, 1, 0, pw, diag=1)),
           (4784, bfd(1, 0x04, 1, 0, sha, mult=5)),
           (3784, bfd(3, 0, 1, 2, length=10))]
    return [eth(ipv4(A1, A2, 17, udp(49152, port, p), ttl=255, ident=i + 1))
            for i, (port, p) in enumerate(out)]


# ---- EIGRP --------------------------------------------------------------

def eigrp(op, tlvs, seq=0, ack=0, flags=0, bad=False):
    p = struct.pack("!BBHIIIHH", 2, op, 0, flags, seq, ack, 0, 100) + tlvs
    p = ck_at(p, 2)
    if bad:
        p = p[:2] + bytes([p[2] ^ 0x11]) + p[3:]
    return p


def tlv(t, v):
    return struct.pack("!HH", t, 4 + len(v)) + v


def eigrp_frames():
    par = tlv(1, struct.pack("!BBBBBBH", 1, 0, 1, 0, 0, 0, 15))
    ver = tlv(4, struct.pack("!BBBB", 12, 4, 1, 2))
    route = b""
    for plen, dst in ((24, "192.168.4.0"), (16, "10.0.0.0")):
        route += tlv(0x0102, struct.pack("!4sIIBBBBBBBBB", ip4("0.0.0.0"),
                                         2560, 256000, 0, 5, 0xdc, 1, 255, 1,
                                         0, 0, plen) +
                     ip4(dst)[:(plen + 7) // 8])
    bye = tlv(1, struct.pack("!BBBBBBH", 255, 255, 255, 255, 255, 0, 15))
    out = [(ip4("224.0.0.10"), eigrp(5, par + ver)),
           (ip4("224.0.0.10"), eigrp(1, route, seq=52, flags=8)),
           (A2, eigrp(5, b"", ack=52)),
           (ip4("224.0.0.10"), eigrp(5, bye + ver)),
           (ip4("224.0.0.10"), eigrp(5, par + ver, bad=True))]
    return [eth(ipv4(A1, dst, 88, p, ttl=2, ident=i + 1))
            for i, (dst, p) in enumerate(out)]


# ---- BGP ----------------------------------------------------------------

def bgp(typ, body):
    return b"\xff" * 16 + struct.pack("!HB", 19 + len(body), typ) + body


def bgp_prefix(bits, addr):
    return bytes([bits]) + ip4(addr)[:(bits + 7) // 8]


def bgp_attr(flags, typ, val):
    return struct.pack("!BBB", flags, typ, len(val)) + val


def bgp_frames():
    caps = [struct.pack("!BBHBB", 1, 4, 1, 0, 1), b"\x02\x00",
            struct.pack("!BBI", 65, 4, 65001), struct.pack("!BBH", 64, 2, 120),
            struct.pack("!BBHBB", 69, 4, 1, 1, 1),
            struct.pack("!BBB", 73, 8, 4) + b"edge" + b"\x02" + b"lo"]
    opt = b"".join(struct.pack("!BB", 2, len(c)) + c for c in caps)
    op = bgp(1, struct.pack("!BHH4sB", 4, 65001, 180, ip4("198.18.0.1"),
                            len(opt)) + opt)
    wd = bgp_prefix(16, "10.9.0.0")
    attrs = (bgp_attr(0x40, 1, b"\0") +
             bgp_attr(0x40, 2, struct.pack("!BBHH", 2, 2, 65001, 65002)) +
             bgp_attr(0x40, 3, ip4("198.18.0.1")) +
             bgp_attr(0x80, 4, struct.pack("!I", 50)) +
             bgp_attr(0x40, 5, struct.pack("!I", 100)) +
             bgp_attr(0xc0, 8, struct.pack("!HH", 65001, 100)))
    nlri = bgp_prefix(16, "10.1.0.0") + bgp_prefix(24, "192.168.1.0")
    up = bgp(2, struct.pack("!H", len(wd)) + wd +
             struct.pack("!H", len(attrs)) + attrs + nlri)
    rr = bgp(5, struct.pack("!HBB", 1, 0, 1))
    msg = b"maintenance"
    note = bgp(3, struct.pack("!BBB", 6, 2, len(msg)) + msg)
    badattr = bgp_attr(0x40, 1, b"\0")[:2] + b"\x09\x00"
    bad = bgp(2, struct.pack("!H", 0) + struct.pack("!H", len(badattr)) +
              badattr)
    segs = [(A1, A2, 40000, 179, 1, op), (A1, A2, 40000, 179, 1 + len(op),
                                           bgp(4, b"") + up),
            (A2, A1, 179, 40000, 1, rr), (A2, A1, 179, 40000, 1 + len(rr),
                                          note),
            (A1, A2, 40000, 179, 5000, up[30:]),
            (A1, A2, 40000, 179, 6000, bad)]
    return [eth(ipv4(s, d, 6, tcp(sp, dp, p, seq=q, src=s, dst=d), ttl=64,
                     ident=i + 1))
            for i, (s, d, sp, dp, q, p) in enumerate(segs)]


# ---- RIP ----------------------------------------------------------------

def rte(addr, metric, fam=2, tag=0, mask="0.0.0.0", nh="0.0.0.0"):
    return struct.pack("!HH4s4s4sI", fam, tag, ip4(addr), ip4(mask), ip4(nh),
                       metric)


def udp6(sport, dport, payload, src=L1, dst=L2):
    h = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0)
    c = csum(pseudo6(src, dst, 17, 8 + len(payload)) + h + payload) or 0xFFFF
    return h[:6] + struct.pack("!H", c) + payload


def rip_frames():
    rip9 = ip4("224.0.0.9")
    v1 = b"\x02\x01\0\0" + rte("10.1.0.0", 1) + rte("10.2.0.0", 3)
    req = b"\x01\x02\0\0" + rte("0.0.0.0", 16, fam=0)
    pw = struct.pack("!HH16s", 0xffff, 2, b"s3cret")
    v2 = b"\x02\x02\0\0" + pw + rte("10.1.0.0", 1, tag=7,
                                      mask="255.255.0.0", nh="198.18.0.9")
    md5 = struct.pack("!HHHBBI8x", 0xffff, 3, 44, 1, 16, 42)
    v2d = b"\x02\x02\0\0" + md5 + rte("10.3.0.0", 2, mask="255.255.0.0")
    v2d += struct.pack("!HH", 0xffff, 1) + bytes(range(16))
    out = [eth(ipv4(A1, rip9, 17, udp(520, 520, p, dst=rip9), ttl=1,
                    ident=i + 1)) for i, p in enumerate((v1, req, v2, v2d))]
    ng = b"\x02\x01\0\0" + bytes.fromhex(
        "20010db8000100000000000000000000") + struct.pack("!HBB", 0, 48, 1)
    ng += bytes.fromhex("20010db8000200000000000000000000") + \
        struct.pack("!HBB", 0x1234, 64, 2)
    dst = bytes.fromhex("ff020000000000000000000000000009")
    out.append(eth(ipv6(L1, dst, 17, udp6(521, 521, ng, dst=dst), 255),
                   0x86dd))
    return out


# ---- LDP ----------------------------------------------------------------

def ldp_tlv(t, v, uf=0):
    return struct.pack("!HH", uf << 14 | t, len(v)) + v


def ldp_msg(t, mid, tlvs):
    return struct.pack("!HHI", t, 4 + len(tlvs), mid) + tlvs


def ldp_pdu(lsr, msgs):
    return struct.pack("!HH4sH", 1, 6 + len(msgs), ip4(lsr), 0) + msgs


def ldp_frames():
    hello = ldp_pdu("198.18.0.1", ldp_msg(0x0100, 1,
                    ldp_tlv(0x0400, struct.pack("!HH", 15, 0)) +
                    ldp_tlv(0x0401, A1)))
    init = ldp_pdu("198.18.0.1", ldp_msg(0x0200, 2, ldp_tlv(
        0x0500, struct.pack("!HHBBH4sH", 1, 30, 0x40, 32, 0, A2, 0))))
    ka = ldp_pdu("198.18.0.1", ldp_msg(0x0201, 3, b""))
    addr = ldp_msg(0x0300, 4, ldp_tlv(0x0101, struct.pack("!H", 1) + A1 +
                                      ip4("10.0.0.1")))
    fec = struct.pack("!BHB", 2, 1, 24) + ip4("10.1.1.0")[:3]
    mapm = ldp_msg(0x0400, 5, ldp_tlv(0x0100, fec) +
                   ldp_tlv(0x0200, struct.pack("!I", 20065)) +
                   ldp_tlv(0x0103, b"\x02") +
                   ldp_tlv(0x0104, A1 + A2))
    note = ldp_pdu("198.18.0.2", ldp_msg(0x0001, 6, ldp_tlv(
        0x0300, struct.pack("!IIH", 0x8000000a, 0, 0))))
    all2 = ip4("224.0.0.2")
    out = [eth(ipv4(A1, all2, 17, udp(646, 646, hello, dst=all2), ttl=1))]
    segs = [(A1, A2, 40001, 646, 1, init + ka),
            (A1, A2, 40001, 646, 1 + len(init + ka),
             ldp_pdu("198.18.0.1", addr + mapm)),
            (A2, A1, 646, 40001, 1, note)]
    out += [eth(ipv4(s, d, 6, tcp(sp, dp, p, seq=q, src=s, dst=d), ttl=64,
                     ident=i + 2))
            for i, (s, d, sp, dp, q, p) in enumerate(segs)]
    return out


# ---- RSVP ---------------------------------------------------------------

def rsvp(typ, objs, bad=False):
    p = struct.pack("!BBHBxH", 0x10, typ, 0, 1, 8 + len(objs)) + objs
    p = ck_at(p, 2)
    if bad:
        p = p[:2] + bytes([p[2] ^ 0x11]) + p[3:]
    return p


def rsvp_obj(cls, ctype, body):
    return struct.pack("!HBB", 4 + len(body), cls, ctype) + body


def rsvp_frames():
    hello = rsvp_obj(22, 1, struct.pack("!II", 0x4a44672b, 0xe86eb75b)) + \
        rsvp_obj(131, 1, struct.pack("!II", 120000, 60000))
    path = rsvp_obj(1, 7, A2 + struct.pack("!HH4s", 0, 1, A1)) + \
        rsvp_obj(134, 1, b"\0\0\0\3")
    out = [rsvp(20, hello), rsvp(1, path), rsvp(20, hello, bad=True)]
    return [eth(ipv4(A1, A2, 46, p, ttl=1, ident=i + 1))
            for i, p in enumerate(out)]


# ---- IS-IS --------------------------------------------------------------

SYS1, SYS2 = bytes.fromhex("019201680001"), bytes.fromhex("019201680002")


def isis(typ, fixed, clvs):
    hl = 8 + len(fixed)
    return struct.pack("!BBBBBBBB", 0x83, hl, 1, 0, typ, 1, 0, 0) + \
        fixed + clvs


def clv(t, v):
    return struct.pack("!BB", t, len(v)) + v


def llc8023(payload):
    p = b"\xfe\xfe\x03" + payload
    return bytes.fromhex("0180c2000014") + M1 + struct.pack("!H", len(p)) + p


def isis_lsp(bad=False):
    clvs = (clv(1, b"\x03\x49\x00\x01") + clv(129, b"\xcc\x8e") +
            clv(137, b"edge-1") + clv(134, A1) + clv(132, A1))
    plen = 27 + len(clvs)
    body = struct.pack("!HH", plen, 1200) + SYS1 + b"\0\0" + \
        struct.pack("!IHB", 0x2a, 0, 0x03) + clvs
    p = isis(18, body[:19], body[19:])
    # the checksum: over the LSP ID (byte 12) to the end, at byte 24
    p = p[:12] + fletcher(p[12:], 12) if not bad else p
    if bad:
        q = p[:12] + fletcher(p[12:], 12)
        p = q[:24] + bytes([q[24] ^ 0x11]) + q[25:]
    return p


def isis_frames():
    lan = (clv(1, b"\x03\x49\x00\x01") + clv(129, b"\xcc") +
           clv(132, A1))
    hl = 27 + len(lan)
    hello = isis(15, struct.pack("!B6sHHB7s", 1, SYS1, 30, hl, 64,
                                 SYS2 + b"\x01"), lan)
    p2p = clv(129, b"\xcc")
    hello2 = isis(17, struct.pack("!B6sHHB", 2, SYS2, 30, 20 + len(p2p), 1),
                  p2p)
    entry = struct.pack("!H", 1200) + SYS1 + b"\0\0" + \
        struct.pack("!IH", 0x2a, 0x1234)
    csnp = isis(25, struct.pack("!H7s8s8s", 33 + 2 + len(entry),
                                SYS2 + b"\0", b"\0" * 8, b"\xff" * 8),
                clv(9, entry))
    psnp = isis(26, struct.pack("!H7s", 17 + 2 + len(entry), SYS2 + b"\0"),
                clv(9, entry))
    return [llc8023(p) for p in (hello, hello2, isis_lsp(), csnp, psnp,
                                 isis_lsp(bad=True))]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    pcap(os.path.join(out, "ospf.pcap"),
         ospf_v2_frames() + ospf_v3_frames())
    pcap(os.path.join(out, "bfd.pcap"), bfd_frames())
    pcap(os.path.join(out, "eigrp.pcap"), eigrp_frames())
    pcap(os.path.join(out, "bgp.pcap"), bgp_frames())
    pcap(os.path.join(out, "rip.pcap"), rip_frames())
    pcap(os.path.join(out, "ldp.pcap"), ldp_frames())
    pcap(os.path.join(out, "rsvp.pcap"), rsvp_frames())
    pcap(os.path.join(out, "isis.pcap"), isis_frames())


if __name__ == "__main__":
    main()
