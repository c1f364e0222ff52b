#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the app-dns capture: DNS responses built by hand between
198.18.0.1 (client) and 198.18.0.2 (server), the same every time (no
DNSSEC-signing server here), one record type family per frame.

usage: make-appdns.py DIR        writes DIR/appdns.pcap
       make-appdns.py --hex      prints each frame's hex (unit tests)
  1  SRV (owner split in service, proto, name), NAPTR, SPF
  2  RRSIG, NSEC, NSEC3
  3  HTTPS with mandatory, alpn, port, ipv4hint, ech, ipv6hint params
  4  EDNS cookie with no server cookie, padding
  5  an HTTPS record whose ALPN length runs past its param (malformed)
  6  DS, DNSKEY, TLSA, SSHFP, HINFO, RP, CAA
  7  EDNS TCP keepalive and extended error
"""
import struct
import sys

C, S = bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])
MC, MS = bytes.fromhex("020000000001"), bytes.fromhex("020000000002")


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def name(n):
    out = b""
    for lab in n.split(".") if n else []:
        out += bytes([len(lab)]) + lab.encode()
    return out + b"\0"


def cstr(s):
    return bytes([len(s)]) + s


def rr(owner, t, data, ttl=300):
    return name(owner) + struct.pack("!HHIH", t, 1, ttl, len(data)) + data


def msg(q, qt, answers, add=()):
    h = struct.pack("!HHHHHH", 0x1234, 0x8180, 1, len(answers), 0, len(add))
    return (h + name(q) + struct.pack("!HH", qt, 1) + b"".join(answers) +
            b"".join(add))


def frame(dns, ident):
    u = struct.pack("!HHHH", 53, 40000, 8 + len(dns), 0) + dns
    ph = C + S + struct.pack("!BBH", 0, 17, len(u))
    u = u[:6] + struct.pack("!H", csum(S + C + struct.pack("!BBH", 0, 17,
                                                          len(u)) + u)) + u[8:]
    del ph
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(u), ident, 0, 64, 17,
                    0, S, C)
    h = h[:10] + struct.pack("!H", csum(h)) + h[12:]
    return MC + MS + b"\x08\x00" + h + u


def frames():
    srv = rr("_sip._tcp.ex.test", 33, struct.pack("!HHH", 10, 20, 5060) +
             name("sip.ex.test"))
    naptr = rr("ex.test", 35, struct.pack("!HH", 100, 10) + cstr(b"S") +
               cstr(b"SIP+D2T") + cstr(b"") + name("_sip._tcp.ex.test"))
    spf = rr("ex.test", 99, cstr(b"v=spf1 -all"))
    rrsig = rr("ex.test", 46, struct.pack("!HBBIIIH", 1, 13, 2, 3600,
                                          1700000000, 1690000000, 4242) +
               name("ex.test") + bytes(range(16)))
    nsec = rr("a.ex.test", 47, name("b.ex.test") + bytes([0, 1, 0x40]))
    nsec3 = rr("ex.test", 50, struct.pack("!BBHB", 1, 1, 10, 4) +
               b"\xaa\xbb\xcc\xdd" + bytes([5]) + b"\x01\x02\x03\x04\x05" +
               bytes([0, 1, 0x40]))
    params = (struct.pack("!HHHH", 0, 4, 1, 3) +
              struct.pack("!HH", 1, 6) + cstr(b"h2") + cstr(b"h3") +
              struct.pack("!HHH", 3, 2, 8443) +
              struct.pack("!HH", 4, 8) + bytes([198, 18, 0, 7, 198, 18, 0, 8]) +
              struct.pack("!HH", 5, 3) + b"\xfe\x0d\x00" +
              struct.pack("!HH", 6, 16) + bytes.fromhex("20010db8" + "0" * 23 + "1"))
    https = rr("ex.test", 65, struct.pack("!H", 1) + name("") + params)
    opt = (b"\0" + struct.pack("!HHBBHH", 41, 1232, 0, 0, 0, 12 + 8) +
           struct.pack("!HH", 10, 8) + bytes(range(1, 9)) +
           struct.pack("!HH", 12, 4) + bytes(4))
    bad = rr("ex.test", 65, struct.pack("!H", 1) + name("") +
             struct.pack("!HH", 1, 3) + b"\x02h2")
    bad = bad[:-3] + b"\x08h2"
    sec = [rr("ex.test", 43, struct.pack("!HBB", 4242, 13, 2) + bytes(range(32))),
           rr("ex.test", 48, struct.pack("!HBB", 257, 3, 13) + bytes(range(64))),
           rr("_443._tcp.ex.test", 52, bytes([3, 1, 1]) + bytes(range(32))),
           rr("ex.test", 44, bytes([4, 2]) + bytes(range(32))),
           rr("ex.test", 13, cstr(b"AMD64") + cstr(b"Linux")),
           rr("ex.test", 17, name("admin.ex.test") + name("info.ex.test")),
           rr("ex.test", 257, bytes([128, 5]) + b"issue" + b"ca.test"),
           rr("ex.test", 257, bytes([0, 5]) + b"iodef" + b"mailto:a@ex.test")]
    opt2 = (b"\0" + struct.pack("!HHBBHH", 41, 1232, 0, 0, 0, 6 + 11) +
            struct.pack("!HHH", 11, 2, 600) +
            struct.pack("!HHH", 15, 7, 18) + b"stale")
    return [frame(msg("_sip._tcp.ex.test", 33, [srv, naptr, spf]), 1),
            frame(msg("ex.test", 46, [rrsig, nsec, nsec3]), 2),
            frame(msg("ex.test", 65, [https]), 3),
            frame(msg("ex.test", 1, [], [opt]), 4),
            frame(msg("ex.test", 65, [bad]), 5),
            frame(msg("ex.test", 255, sec), 6),
            frame(msg("ex.test", 1, [], [opt2]), 7)]


def main():
    if sys.argv[1:] == ["--hex"]:
        for f in frames():
            print(f.hex())
        return
    with open(sys.argv[1] + "/appdns.pcap", "wb") as o:
        o.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, f in enumerate(frames()):
            o.write(struct.pack("<IIII", 1700000000 + i, 0, len(f), len(f)))
            o.write(f)


main()
