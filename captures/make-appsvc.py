#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the network-service captures: frames built by hand, the same
every time (no DNS server with EDNS cookies, mDNS or LLMNR responder runs
here).  Addresses 127.0.0.1 and 127.0.0.2.

usage: make-appsvc.py DIR
  appsvc-dns.pcap   a DNS query with an EDNS OPT record (DO bit, extended
                    RCODE 1, a cookie and an IPv4 client subnet); a
                    response whose OPT data runs past the message
                    (malformed); an mDNS answer with the cache-flush bit;
                    an LLMNR query and its answer (C and T bits set)
  appsvc-quic.pcap  QUIC: a version 1 Initial coalesced with a Handshake
                    packet and zero padding; a 1-RTT packet; a Retry; a
                    version negotiation; a version 2 Initial on port 4433
                    (found by content); an Initial whose length runs past
                    the datagram (malformed)
  appsvc-snmp.pcap  SNMP: a v2c get-request; its get-response with a value
                    of each type (negative integer, string, OID, address,
                    counters, gauge, timeticks, noSuchObject); a v1 trap;
                    a getBulk; a v3 report with USM parameters; a response
                    whose binding runs past its list (malformed)
  appsvc-ldap.pcap  LDAP over TCP: a simple bind and its response; a
                    search with a nested filter, attributes and a paged
                    results control; two entries, a reference and the
                    final result in one segment; a SASL buffer holding an
                    integrity-only Kerberos wrap token around a search; a
                    message that goes on in a later segment; a message
                    whose operation is no APPLICATION element (malformed)
  appsvc-ntp.pcap   NTP: a v4 client request; the server's answer (a
                    reference time early in a month, an origin time in
                    the era after 2036) with a key ID and MD5 MAC; a v4
                    packet with an extension field and a SHA-1 MAC; a
                    mode 6 read-status request; a mode 7 request; an
                    extension whose length runs past the packet
                    (malformed)
  appsvc-dhcp.pcap  DHCP: a discover (client ID as a MAC, parameter list,
                    host name, requested address); an ACK through a relay
                    (routers, DNS servers, lease, server ID, a negative
                    time offset, relay agent information with circuit,
                    remote and subscriber IDs, padding after End); a BOOTP
                    reply without the cookie; an option running past the
                    packet (malformed)
  appsvc-radius.pcap  RADIUS: an Access-Request (user name, hidden
                    password, NAS address and port, a Cisco vendor-specific
                    attribute, Message-Authenticator); its Access-Accept
                    (egress VLAN, framed address); a request whose
                    attribute's length runs past the message (malformed)
  appsvc-syslog.pcap  syslog: an RFC 3164 line, an RFC 5424 line with
                    structured data, a line without a PRI
  appsvc-dhcpv6.pcap  DHCPv6 over IPv6: a Solicit (DUID-LL, option request,
                    elapsed time, IA_NA); a Reply (IA address, DUID-LLT,
                    DNS servers, search list); a Relay-forw carrying a
                    Solicit with a client FQDN, then an Interface-Id; an
                    option running past the message (malformed)
  appsvc-ssdp.pcap  SSDP: an M-SEARCH, a device's 200 OK answer, a NOTIFY
"""
import os
import struct
import sys

A1, A2 = bytes([127, 0, 0, 1]), bytes([127, 0, 0, 2])


def cksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack(">%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def udp4(sp, dp, pl):
    u = struct.pack(">HHHH", sp, dp, 8 + len(pl), 0) + pl
    ph = A1 + A2 + struct.pack(">BBH", 0, 17, len(u))
    c = cksum(ph + u) or 0xffff
    u = u[:6] + struct.pack(">H", c) + u[8:]
    h = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(u), 1, 0, 64, 17, 0,
                    A1, A2)
    h = h[:10] + struct.pack(">H", cksum(h)) + h[12:]
    return b"\x02" * 6 + b"\x04" * 6 + b"\x08\x00" + h + u


def frames():
    cookie = struct.pack(">HH", 10, 16) + bytes(range(1, 17))
    ecs = struct.pack(">HHHBB", 8, 8, 1, 24, 0) + bytes([192, 0, 2, 0])
    opt = b"\0" + struct.pack(">HHIH", 41, 1232, 0x01008000,
                              len(cookie + ecs)) + cookie + ecs
    q = struct.pack(">HHHHHH", 0xabcd, 0x0120, 1, 0, 0, 1) + \
        b"\x01a\x01b\x00" + struct.pack(">HH", 1, 1) + opt
    bad = struct.pack(">HHHHHH", 0xabcd, 0x8180, 0, 0, 0, 1) + b"\0" + \
        struct.pack(">HHIH", 41, 512, 0, 40) + b"\x00\x0a"
    mdns = struct.pack(">HHHHHH", 0, 0x8400, 0, 1, 0, 0) + \
        b"\x01x\x05local\x00" + struct.pack(">HHIH", 1, 0x8001, 120, 4) + \
        bytes([10, 0, 0, 1])
    lq = struct.pack(">HHHHHH", 0x1234, 0x0500, 1, 0, 0, 0) + \
        b"\x04host\x00" + struct.pack(">HH", 1, 1)
    lr = struct.pack(">HHHHHH", 0x1234, 0x8500, 1, 1, 0, 0) + \
        b"\x04host\x00" + struct.pack(">HH", 1, 1) + b"\xc0\x0c" + \
        struct.pack(">HHIH", 1, 1, 30, 4) + bytes([127, 0, 0, 9])
    return [udp4(40000, 53, q), udp4(53, 40000, bad), udp4(5353, 5353, mdns),
            udp4(40001, 5355, lq), udp4(5355, 40001, lr)]


def qv(v):
    """A QUIC variable-length integer, in 2 bytes when it fits 14 bits."""
    if v < 64:
        return bytes([v])
    return struct.pack(">H", 0x4000 | v)


def qlong(b0, ver, dcid, scid, rest):
    return bytes([b0]) + struct.pack(">I", ver) + bytes([len(dcid)]) + \
        dcid + bytes([len(scid)]) + scid + rest


def quic_frames():
    dc, sc = bytes(range(0xa0, 0xa8)), bytes([0x51, 0x52, 0x53, 0x54])
    init = qlong(0xc3, 1, dc, b"", qv(0) + qv(40) + bytes(range(40)))
    hs = qlong(0xe1, 1, dc, sc, qv(20) + bytes(range(100, 120)))
    one = bytes([0x41]) + sc + bytes(range(30))
    retry = qlong(0xf0, 1, b"", sc, b"tok!" * 4 + bytes(range(16)))
    vn = bytes([0x80]) + struct.pack(">I", 0) + bytes([4]) + sc + \
        bytes([8]) + dc + struct.pack(">II", 1, 0x6b3343cf)
    v2 = qlong(0xd0, 0x6b3343cf, dc, sc, qv(3) + b"abc" + qv(40) +
               bytes(40))
    bad = qlong(0xc0, 1, dc, b"", qv(0) + qv(500) + bytes(20))
    return [udp4(40002, 443, init + hs + bytes(12)),
            udp4(40002, 443, one), udp4(443, 40002, retry),
            udp4(443, 40002, vn), udp4(40003, 4433, v2),
            udp4(40002, 443, bad)]


def tcp4(sp, dp, pl, seq=1):
    t = struct.pack(">HHIIBBHHH", sp, dp, seq, 1, 0x50, 0x18, 8192, 0, 0) + pl
    ph = A1 + A2 + struct.pack(">BBH", 0, 6, len(t))
    t = t[:16] + struct.pack(">H", cksum(ph + t)) + t[18:]
    h = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(t), 1, 0, 64, 6, 0,
                    A1, A2)
    h = h[:10] + struct.pack(">H", cksum(h)) + h[12:]
    return b"\x02" * 6 + b"\x04" * 6 + b"\x08\x00" + h + t


def tlv(tag, body):
    n = len(body)
    ln = bytes([n]) if n < 128 else bytes([0x81, n]) if n < 256 else \
        bytes([0x82]) + struct.pack(">H", n)
    return bytes([tag]) + ln + body


def bint(v):
    n = 1
    while not -(1 << (8 * n - 1)) <= v < (1 << (8 * n - 1)):
        n += 1
    return tlv(2, (v & ((1 << (8 * n)) - 1)).to_bytes(n, "big"))


def buint(tag, v):
    b = v.to_bytes(max(1, (v.bit_length() + 8) // 8), "big")
    return tlv(tag, b)


def boid(s):
    a = [int(x) for x in s.split(".")]
    out = bytes([a[0] * 40 + a[1]])
    for x in a[2:]:
        c = [x & 0x7f]
        x >>= 7
        while x:
            c.insert(0, 0x80 | (x & 0x7f))
            x >>= 7
        out += bytes(c)
    return tlv(6, out)


def vbs(pairs):
    return tlv(0x30, b"".join(tlv(0x30, boid(n) + v) for n, v in pairs))


def snmp_frames():
    sysd = "1.3.6.1.2.1.1.1.0"
    get = tlv(0x30, bint(1) + tlv(4, b"public") + tlv(
        0xa0, bint(4242) + bint(0) + bint(0) + vbs([(sysd, b"\x05\x00")])))
    vals = [(sysd, tlv(4, b"Linux box")), ("1.3.6.1.2.1.2.2.1.8.1", bint(-3)),
            ("1.3.6.1.2.1.1.2.0", boid("1.3.6.1.4.1.8072.3.2.10")),
            ("1.3.6.1.2.1.4.20.1.1.10.0.0.1", tlv(0x40, bytes([10, 0, 0, 1]))),
            ("1.3.6.1.2.1.2.2.1.10.1", buint(0x41, 4000000000)),
            ("1.3.6.1.2.1.2.2.1.5.1", buint(0x42, 1000000000)),
            ("1.3.6.1.2.1.1.3.0", buint(0x43, 123456)),
            ("1.3.6.1.2.1.31.1.1.1.6.1", buint(0x46, 1 << 40)),
            ("1.3.6.1.2.1.99.0", b"\x80\x00")]
    resp = tlv(0x30, bint(1) + tlv(4, b"public") + tlv(
        0xa2, bint(4242) + bint(0) + bint(0) + vbs(vals)))
    trap = tlv(0x30, bint(0) + tlv(4, b"public") + tlv(
        0xa4, boid("1.3.6.1.4.1.8072.4") + tlv(0x40, bytes([127, 0, 0, 1])) +
        bint(3) + bint(0) + buint(0x43, 500) +
        vbs([("1.3.6.1.2.1.2.2.1.1.2", bint(2))])))
    bulk = tlv(0x30, bint(1) + tlv(4, b"private") + tlv(
        0xa5, bint(77) + bint(0) + bint(10) +
        vbs([("1.3.6.1.2.1.2", b"\x05\x00")])))
    usmp = tlv(0x30, tlv(4, bytes.fromhex("80001f8880e9bd0c1d12667a51")) +
               bint(3) + bint(400) + tlv(4, b"") + tlv(4, b"") + tlv(4, b""))
    v3 = tlv(0x30, bint(3) + tlv(0x30, bint(91) + bint(65507) +
             tlv(4, b"\x00") + bint(3)) + tlv(4, usmp) +
             tlv(0x30, tlv(4, bytes.fromhex("80001f8880e9bd0c1d12667a51")) +
                 tlv(4, b"") + tlv(0xa8, bint(91) + bint(0) + bint(0) + vbs(
                     [("1.3.6.1.6.3.15.1.1.4.0", buint(0x41, 7))]))))
    bad = bytearray(resp[:60])
    bad[1] = len(bad) - 2
    return [udp4(40004, 161, get), udp4(161, 40004, resp),
            udp4(40005, 162, trap), udp4(40006, 161, bulk),
            udp4(161, 40007, v3), udp4(161, 40004, bytes(bad))]


def ldap_frames():
    def msg(mid, op, ctl=b""):
        return tlv(0x30, bint(mid) + op + ctl)

    def res(tag, code, err=b""):
        return tlv(tag, tlv(10, bytes([code])) + tlv(4, b"") + tlv(4, err))
    bind = msg(1, tlv(0x60, bint(3) + tlv(4, b"cn=admin,dc=example,dc=com") +
                      tlv(0x80, b"secret")))
    bres = msg(1, res(0x61, 0))
    filt = tlv(0xa0, tlv(0xa3, tlv(4, b"objectClass") + tlv(4, b"user")) +
               tlv(0xa4, tlv(4, b"mail") + tlv(0x30, tlv(0x80, b"a") +
                   tlv(0x81, b"b") + tlv(0x82, b".org"))) +
               tlv(0xa2, tlv(0x87, b"x")) +
               tlv(0xa1, tlv(0xa5, tlv(4, b"n") + tlv(4, b"5")) +
                   tlv(0xa9, tlv(0x81, b"1.2.3") + tlv(0x82, b"cn") +
                       tlv(0x83, b"y") + tlv(0x84, b"\xff"))))
    paged = tlv(0x30, tlv(4, b"1.2.840.113556.1.4.319") + tlv(1, b"\xff") +
                tlv(4, tlv(0x30, bint(100) + tlv(4, b""))))
    srch = msg(2, tlv(0x63, tlv(4, b"dc=example,dc=com") + tlv(10, b"\x02") +
                      tlv(10, b"\x00") + bint(0) + bint(30) + tlv(1, b"\x00") +
                      filt + tlv(0x30, tlv(4, b"cn") + tlv(4, b"mail"))),
               tlv(0xa0, paged))
    ent = [msg(2, tlv(0x64, tlv(4, b"cn=%s,dc=example,dc=com" % n) + tlv(
        0x30, tlv(0x30, tlv(4, b"cn") + tlv(0x31, tlv(4, n))) +
        tlv(0x30, tlv(4, b"objectGUID") + tlv(0x31, tlv(4, bytes(range(16)))))
    ))) for n in (b"ann", b"bob")]
    ref = msg(2, tlv(0x73, tlv(4, b"ldap://other.example.com/dc=x")))
    done = msg(2, res(0x65, 0))
    inner = msg(4, tlv(0x63, tlv(4, b"") + tlv(10, b"\x00") + tlv(10, b"\x00") +
                       bint(0) + bint(600) + tlv(1, b"\x00") +
                       tlv(0x87, b"objectClass") + tlv(0x30, b"")))
    tok = bytes.fromhex("050404ff000c000c00000000354d1c70") + bytes(12) + inner
    sasl = struct.pack(">I", len(tok)) + tok
    longer = msg(5, res(0x65, 32, b"no such object " * 8))[:40]
    bad = tlv(0x30, bint(6) + tlv(4, b"oops"))
    c, s_ = 40010, 389
    return [tcp4(c, s_, bind), tcp4(s_, c, bres), tcp4(c, s_, srch, 100),
            tcp4(s_, c, b"".join(ent) + ref + done, 100),
            tcp4(c, s_, sasl, 300), tcp4(s_, c, longer, 500),
            tcp4(c, s_, bad, 400)]


def ntp_frames():
    def ts(sec, frac):
        return struct.pack(">II", sec, frac)
    t = 3900000000          # 2023-08-02
    cli = bytes([0x23, 0, 6, 0xe9]) + bytes(12) + bytes(24) + \
        ts(t, 0x80000000)
    srv = bytes([0x24, 2, 6, 0xe8]) + struct.pack(">II", 145, 1719) + \
        bytes([192, 0, 2, 1]) + ts(3896400000, 0x12345678) + \
        ts(100, 0x40000000) + ts(t + 1, 1) + ts(t + 1, 0xffffffff) + \
        struct.pack(">I", 1) + bytes(range(16))
    ext = bytes([0x23, 3, 6, 0xe9]) + bytes(36) + ts(t, 5) + \
        struct.pack(">HH", 0x0104, 36) + bytes(range(32)) + \
        struct.pack(">I", 7) + bytes(range(20))
    ctl = bytes([0x16, 0x01]) + struct.pack(">HHHHH", 1, 0, 0, 0, 0)
    priv = bytes([0x17, 0x00, 0x03, 0x2a]) + bytes(4)
    bad = bytes([0x23, 3, 6, 0xe9]) + bytes(36) + ts(t, 5) + \
        struct.pack(">HH", 0x0104, 200) + bytes(28)
    return [udp4(40020, 123, cli), udp4(123, 40020, srv),
            udp4(40021, 123, ext), udp4(40022, 123, ctl),
            udp4(40023, 123, priv), udp4(40024, 123, bad)]


def bootp(op, xid, mac, yi=b"\0" * 4, gi=b"\0" * 4, opts=None):
    h = struct.pack(">BBBBIHH", op, 1, 6, 1 if gi != b"\0" * 4 else 0, xid,
                    3, 0x8000) + b"\0" * 4 + yi + b"\0" * 4 + gi + mac + \
        bytes(10) + b"\0" * 64 + b"\0" * 128
    return h if opts is None else h + bytes([99, 130, 83, 99]) + opts


def dopt(code, val):
    return bytes([code, len(val)]) + val


def dhcp_frames():
    mac = bytes([0x00, 0x0b, 0x82, 0x01, 0xfc, 0x42])
    disc = bootp(1, 0x3903f326, mac, opts=dopt(53, b"\x01") +
                 dopt(61, b"\x01" + mac) + dopt(55, bytes([1, 3, 6, 15, 42])) +
                 dopt(12, b"laptop") + dopt(50, bytes([10, 0, 0, 5])) +
                 b"\xff")
    agent = dopt(1, b"eth0/1") + dopt(2, b"\x13") + dopt(6, b"sub-1")
    ack = bootp(2, 0x3903f326, mac, yi=bytes([10, 0, 0, 5]),
                gi=bytes([10, 0, 0, 254]),
                opts=dopt(53, b"\x05") + dopt(54, bytes([10, 0, 0, 1])) +
                dopt(51, struct.pack(">I", 3600)) +
                dopt(1, bytes([255, 255, 255, 0])) +
                dopt(3, bytes([10, 0, 0, 254, 10, 0, 0, 253])) +
                dopt(6, bytes([10, 0, 0, 1])) + dopt(15, b"example.org") +
                dopt(2, struct.pack(">i", -18000)) + dopt(82, agent) +
                b"\xff" + bytes(8))
    plain = bootp(2, 7, mac, yi=bytes([10, 0, 0, 9]))
    bad = bootp(1, 8, mac, opts=dopt(53, b"\x03") + bytes([12, 40]) + b"abc")
    return [udp4(68, 67, disc), udp4(67, 68, ack), udp4(67, 68, plain),
            udp4(68, 67, bad)]


def radius_frames():
    def avp(t, v):
        return bytes([t, 2 + len(v)]) + v

    def msg(code, ident, avps):
        return struct.pack(">BBH", code, ident, 20 + len(avps)) + \
            bytes(range(16)) + avps
    vsa = struct.pack(">I", 9) + avp(1, b"shell:priv-lvl=15")
    req = msg(1, 70, avp(1, b"bob") + avp(2, bytes(range(16))) +
              avp(4, bytes([127, 0, 0, 1])) + avp(5, struct.pack(">I", 1)) +
              avp(26, vsa) + avp(80, bytes(16)))
    acc = msg(2, 70, avp(56, bytes([0x31, 0, 0, 123])) +
              avp(8, bytes([10, 1, 2, 3])) + avp(18, b"Hello, bob"))
    bad = msg(1, 71, avp(1, b"eve")[:1] + bytes([40]) + b"eve")
    return [udp4(40030, 1812, req), udp4(1812, 40030, acc),
            udp4(40031, 1812, bad)]


def syslog_frames():
    bsd = b"<34>Oct  7 22:14:15 gw1 su: 'su root' failed for bob on /dev/pts/8"
    new = b"<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog" \
        b" - ID47 [exampleSDID@32473 iut=\"3\"] An application event"
    raw = b"no priority here"
    return [udp4(40040, 514, bsd), udp4(40041, 514, new),
            udp4(40042, 514, raw)]


S6 = bytes.fromhex("fe800000000000000201020304050607")
D6 = bytes.fromhex("ff020000000000000000000000010002")


def udp6(sp, dp, pl):
    u = struct.pack(">HHHH", sp, dp, 8 + len(pl), 0) + pl
    ph = S6 + D6 + struct.pack(">IxxxB", len(u), 17)
    c = cksum(ph + u) or 0xffff
    u = u[:6] + struct.pack(">H", c) + u[8:]
    h = struct.pack(">IHBB", 0x60000000, len(u), 17, 64) + S6 + D6
    return b"\x33\x33\x00\x01\x00\x02" + b"\x04" * 6 + b"\x86\xdd" + h + u


def dhcpv6_frames():
    def opt(code, val):
        return struct.pack(">HH", code, len(val)) + val
    cid = opt(1, bytes.fromhex("0003000100010203040506"[:20]))
    sid = opt(2, bytes.fromhex("000100011846488c001122334455"))
    ia = opt(3, bytes.fromhex("02030405") + struct.pack(">II", 3600, 5400))
    sol = bytes([1]) + bytes.fromhex("90b45c") + cid + \
        opt(6, struct.pack(">HH", 23, 24)) + opt(8, b"\x00\x64") + ia
    addr = opt(5, bytes.fromhex("2a000001000102000000000000000001") +
               struct.pack(">II", 4500, 7200))
    ia2 = opt(3, bytes.fromhex("02030405") +
              struct.pack(">II", 3600, 5400) + addr)
    rep = bytes([7]) + bytes.fromhex("90b45c") + ia2 + cid + sid + \
        opt(23, bytes.fromhex("2a022788fff000070000000000000003")) + \
        opt(24, b"\x03voo\x02be\x00")
    inner = bytes([1]) + bytes.fromhex("007824") + cid + \
        opt(39, b"\x01\x0braspberrypi")
    relay = bytes([12, 0]) + bytes.fromhex(
        "200108a8100600030225 84fffedb2380".replace(" ", "")) + S6 + \
        opt(9, inner) + opt(18, b"\x00\x00\x00\x08")
    bad = bytes([1]) + bytes.fromhex("000001") + struct.pack(">HH", 1, 60) + \
        bytes(10)
    return [udp6(546, 547, sol), udp6(547, 546, rep), udp6(547, 547, relay),
            udp6(546, 547, bad)]


def ssdp_frames():
    srch = b"M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n" \
        b"MAN: \"ssdp:discover\"\r\nMX: 2\r\nST: ssdp:all\r\n\r\n"
    ok = b"HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\n" \
        b"LOCATION: http://127.0.0.2:49152/desc.xml\r\nST: upnp:rootdevice" \
        b"\r\nUSN: uuid:1234::upnp:rootdevice\r\n\r\n"
    notify = b"NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n" \
        b"NT: upnp:rootdevice\r\nNTS: ssdp:alive\r\n\r\n"
    return [udp4(40050, 1900, srch), udp4(1900, 40050, ok),
            udp4(40051, 1900, notify)]


def write(path, fs):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, fr in enumerate(fs):
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(fr), len(fr)))
            f.write(fr)


if __name__ == "__main__":
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(__file__)
    write(os.path.join(d, "appsvc-dns.pcap"), frames())
    write(os.path.join(d, "appsvc-quic.pcap"), quic_frames())
    write(os.path.join(d, "appsvc-snmp.pcap"), snmp_frames())
    write(os.path.join(d, "appsvc-ldap.pcap"), ldap_frames())
    write(os.path.join(d, "appsvc-ntp.pcap"), ntp_frames())
    write(os.path.join(d, "appsvc-dhcp.pcap"), dhcp_frames())
    write(os.path.join(d, "appsvc-radius.pcap"), radius_frames())
    write(os.path.join(d, "appsvc-syslog.pcap"), syslog_frames())
    write(os.path.join(d, "appsvc-dhcpv6.pcap"), dhcpv6_frames())
    write(os.path.join(d, "appsvc-ssdp.pcap"), ssdp_frames())
