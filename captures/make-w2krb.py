#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the Kerberos 5 capture: frames built by hand, the same every
time (no KDC runs here).  Addresses 127.0.0.1 and 127.0.0.2.

usage: make-w2krb.py DIR
  w2krb-kerberos.pcap  over UDP 88: an AS-REQ (PAC request, KDC options,
                    cname, realm, sname, till, rtime, nonce, two etypes, an
                    address); a KRB-ERROR asking for pre-authentication
                    (ctime, stime, e-text, e-data); a TGS-REQ whose padata
                    is an AP-REQ (ticket and authenticator); over TCP 88
                    with a record mark: an AS-REP (ETYPE-INFO2, crealm,
                    cname, ticket, enc-part); then a message whose ticket
                    is no [APPLICATION 1] (malformed); an AP-REP whose
                    enc-part is no SEQUENCE (malformed); a TCP segment in
                    the middle of the AS-REP (not Kerberos)
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


def ip4(proto, body):
    h = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(body), 1, 0, 64,
                    proto, 0, A1, A2)
    h = h[:10] + struct.pack(">H", cksum(h)) + h[12:]
    return b"\x02" * 6 + b"\x04" * 6 + b"\x08\x00" + h + body


def udp4(sp, dp, pl):
    u = struct.pack(">HHHH", sp, dp, 8 + len(pl), 0) + pl
    ph = A1 + A2 + struct.pack(">BBH", 0, 17, len(u))
    c = cksum(ph + u) or 0xffff
    return ip4(17, u[:6] + struct.pack(">H", c) + u[8:])


def tcp4(sp, dp, pl, seq=1):
    t = struct.pack(">HHIIBBHHH", sp, dp, seq, 1, 0x50, 0x18, 8192, 0, 0) + pl
    ph = A1 + A2 + struct.pack(">BBH", 0, 6, len(t))
    return ip4(6, t[:16] + struct.pack(">H", cksum(ph + t)) + t[18:])


def tlv(tag, body):
    n = len(body)
    ln = bytes([n]) if n < 128 else bytes([0x81, n]) if n < 256 else \
        bytes([0x82, n >> 8, n & 0xff])
    return bytes([tag]) + ln + body


def seq(*e):
    return tlv(0x30, b"".join(e))


def ctx(n, body):
    return tlv(0xa0 + n, body)


def app(n, body):
    return tlv(0x60 + n, body)


def integer(v):
    b = v.to_bytes(max(1, (v.bit_length() + 8) // 8), "big", signed=True)
    return tlv(0x02, b)


def gstr(s):
    return tlv(0x1b, s.encode())


def gtime(s):
    return tlv(0x18, s.encode())


def octets(b):
    return tlv(0x04, b)


def bits(v):
    return tlv(0x03, b"\0" + struct.pack(">I", v))


def princ(t, *names):
    return seq(ctx(0, integer(t)), ctx(1, seq(*[gstr(n) for n in names])))


def encdata(et, kvno, cipher):
    e = [ctx(0, integer(et))]
    if kvno is not None:
        e.append(ctx(1, integer(kvno)))
    return seq(*e, ctx(2, octets(cipher)))


def ticket(realm, sname):
    return app(1, seq(ctx(0, integer(5)), ctx(1, gstr(realm)),
                      ctx(2, princ(2, *sname)),
                      ctx(3, encdata(18, 2, bytes(range(40))))))


def padata(t, v):
    return seq(ctx(1, integer(t)), ctx(2, octets(v)))


R = "EXAMPLE.COM"


def as_req():
    body = seq(ctx(0, bits(0x50800010)), ctx(1, princ(1, "alice")),
               ctx(2, gstr(R)), ctx(3, princ(2, "krbtgt", R)),
               ctx(5, gtime("20370913024805Z")),
               ctx(6, gtime("20250301080910Z")),
               ctx(7, integer(0x8badf00d)),
               ctx(8, seq(integer(18), integer(17))),
               ctx(9, seq(seq(ctx(0, integer(2)),
                              ctx(1, octets(bytes([192, 0, 2, 7])))))))
    pac = seq(ctx(0, tlv(0x01, b"\xff")))
    return app(10, seq(ctx(1, integer(5)), ctx(2, integer(10)),
                       ctx(3, seq(padata(128, pac))), ctx(4, body)))


def krb_error():
    return app(30, seq(ctx(0, integer(5)), ctx(1, integer(30)),
                       ctx(2, gtime("20250301080910Z")),
                       ctx(3, integer(1234)),
                       ctx(4, gtime("20250301080911Z")),
                       ctx(5, integer(665563)), ctx(6, integer(25)),
                       ctx(9, gstr(R)), ctx(10, princ(2, "krbtgt", R)),
                       ctx(11, gstr("NEEDED_PREAUTH")),
                       ctx(12, octets(seq(padata(2, b""))))))


def tgs_req():
    apreq = app(14, seq(ctx(0, integer(5)), ctx(1, integer(14)),
                        ctx(2, bits(0x20000000)),
                        ctx(3, ticket(R, ["krbtgt", R])),
                        ctx(4, encdata(18, None, bytes(range(24))))))
    body = seq(ctx(0, bits(0x40810010)), ctx(2, gstr(R)),
               ctx(3, princ(2, "host", "srv.example.com")),
               ctx(5, gtime("20250302080910Z")), ctx(7, integer(42)),
               ctx(8, seq(integer(18))))
    return app(12, seq(ctx(1, integer(5)), ctx(2, integer(12)),
                       ctx(3, seq(padata(1, apreq))), ctx(4, body)))


def as_rep():
    info2 = seq(seq(ctx(0, integer(18)), ctx(1, gstr(R + "alice"))))
    return app(11, seq(ctx(0, integer(5)), ctx(1, integer(11)),
                       ctx(2, seq(padata(19, info2))), ctx(3, gstr(R)),
                       ctx(4, princ(1, "alice")),
                       ctx(5, ticket(R, ["krbtgt", R])),
                       ctx(6, encdata(18, 3, bytes(range(32))))))


def rm(m):
    return struct.pack(">I", len(m)) + m


def frames():
    bad = app(15, seq(ctx(0, integer(5)), ctx(1, integer(15)),
                      ctx(2, tlv(0x02, b"\x05"))))
    badtkt = app(14, seq(ctx(0, integer(5)), ctx(1, integer(14)),
                         ctx(3, seq(integer(1)))))
    return [udp4(40000, 88, as_req()), udp4(88, 40000, krb_error()),
            udp4(40001, 88, tgs_req()), tcp4(88, 40002, rm(as_rep())),
            tcp4(40003, 88, rm(badtkt)), udp4(40004, 88, bad),
            tcp4(88, 40005, rm(as_rep())[150:], seq=151)]


def write(path, fs):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, fr in enumerate(fs):
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(fr), len(fr)))
            f.write(fr)


if __name__ == "__main__":
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(__file__)
    write(os.path.join(d, "w2krb-kerberos.pcap"), frames())
