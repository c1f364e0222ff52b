#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the point-to-point and carrier link captures: frames built by
hand (no PPP peer, HDLC or Frame Relay line here), the same every time.
Addresses 198.18.0.1 and 198.18.0.2.

usage: make-links.py DIR
  links-ppp.pcap     DLT_PPP: LCP Configure-Request (MRU, ACCM, PAP, magic
                     number, PFC, ACFC) and Ack, Echo-Request, PAP, CHAP
                     challenge, IPCP (address, DNS), IPV6CP (interface
                     identifier), IPv4 with and without the HDLC address
                     and control, IPv6 with a compressed protocol field,
                     Terminate-Request
  links-pppserial.pcap  DLT_PPP_SERIAL: IPv4 after ff 03
  links-pppoe.pcap   Ethernet: PADI, PADO, PADR, PADS, a session carrying
                     LCP and one carrying IPv4, PADT
  links-chdlc.pcap   DLT_C_HDLC: IPv4, SLARP request and keepalive
  links-fr.pcap      DLT_FRELAY: DLCI 100 NLPID IPv4, FECN/BECN/DE set,
                     SNAP IPv4, NLPID IPv6
"""
import os
import struct
import sys

A1, A2 = bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])
M1, M2 = bytes.fromhex("020000000001"), bytes.fromhex("020000000002")
V6A = bytes.fromhex("20010db8000000000000000000000001")
V6B = bytes.fromhex("20010db8000000000000000000000002")


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ipv4(proto, payload, ident=1):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0,
                    64, proto, 0, A1, A2)
    return h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload


def icmp_echo(seq):
    h = struct.pack("!BBHHH", 8, 0, 0, 0x1234, seq) + bytes(range(8))
    return h[:2] + struct.pack("!H", csum(h)) + h[4:]


def ping(seq):
    return ipv4(1, icmp_echo(seq), ident=seq)


def udp6(payload):
    u = struct.pack("!HHHH", 5000, 9, 8 + len(payload), 0) + payload
    ph = V6A + V6B + struct.pack("!IxxxB", len(u), 17)
    u = u[:6] + struct.pack("!H", csum(ph + u)) + u[8:]
    return struct.pack("!IHBB16s16s", 0x60000000, len(u), 17, 64, V6A,
                       V6B) + u


def opt(t, v):
    return struct.pack("!BB", t, 2 + len(v)) + v


def cp(code, ident, body):
    return struct.pack("!BBH", code, ident, 4 + len(body)) + body


LCP_OPTS = (opt(1, struct.pack("!H", 1492)) + opt(2, b"\0\0\0\0") +
            opt(3, struct.pack("!H", 0xc023)) +
            opt(5, struct.pack("!I", 0x12345678)) + opt(7, b"") +
            opt(8, b""))


def hdlc(proto, body):
    return b"\xff\x03" + struct.pack("!H", proto) + body


def ppp_frames():
    f = []
    f.append(hdlc(0xc021, cp(1, 1, LCP_OPTS)))
    f.append(hdlc(0xc021, cp(2, 1, LCP_OPTS)))
    f.append(hdlc(0xc021, cp(9, 2, struct.pack("!I", 0x12345678))))
    pap = b"\x04user\x06secret"
    f.append(hdlc(0xc023, cp(1, 1, pap)))
    chal = b"\x10" + bytes(range(16)) + b"server"
    f.append(hdlc(0xc223, cp(1, 1, chal)))
    ipcp = opt(3, A1) + opt(129, b"\0\0\0\0")
    f.append(hdlc(0x8021, cp(1, 1, ipcp)))
    f.append(hdlc(0x8057, cp(1, 1, opt(1, bytes.fromhex(
        "0011223344556677")))))
    f.append(hdlc(0x0021, ping(1)))
    f.append(struct.pack("!H", 0x0021) + ping(2))
    f.append(b"\x57" + udp6(b"hello"))
    f.append(hdlc(0xc021, cp(5, 3, b"bye")))
    return f


def pppoe(code, sid, payload):
    return struct.pack("!BBHH", 0x11, code, sid, len(payload)) + payload


def tag(t, v):
    return struct.pack("!HH", t, len(v)) + v


def eth(dst, src, typ, payload):
    return dst + src + struct.pack("!H", typ) + payload


BCAST = b"\xff" * 6


def pppoe_frames():
    f = []
    uniq = tag(0x0103, bytes.fromhex("deadbeef"))
    f.append(eth(BCAST, M1, 0x8863, pppoe(0x09, 0, tag(0x0101, b"") +
                                           uniq)))
    f.append(eth(M1, M2, 0x8863, pppoe(0x07, 0, tag(0x0101, b"") +
             tag(0x0102, b"strata-ac") + tag(0x0104, b"cookie") + uniq)))
    f.append(eth(M2, M1, 0x8863, pppoe(0x19, 0, tag(0x0101, b"") +
             tag(0x0104, b"cookie") + uniq)))
    f.append(eth(M1, M2, 0x8863, pppoe(0x65, 0x1234, tag(0x0101, b"") +
                                           uniq)))
    f.append(eth(M2, M1, 0x8864, pppoe(0, 0x1234, struct.pack("!H", 0xc021) +
             cp(1, 1, opt(1, struct.pack("!H", 1492))))))
    f.append(eth(M2, M1, 0x8864, pppoe(0, 0x1234, struct.pack("!H", 0x0021) +
             ping(3))))
    f.append(eth(M1, M2, 0x8863, pppoe(0xa7, 0x1234, b"")))
    return f


def chdlc_frames():
    f = []
    f.append(struct.pack("!BBH", 0x0f, 0, 0x0800) + ping(4))
    f.append(struct.pack("!BBHI4s4s", 0x8f, 0, 0x8035, 0, A1,
                         bytes([255, 255, 255, 252])) + b"\xff\xff")
    f.append(struct.pack("!BBHIIIH", 0x8f, 0, 0x8035, 2, 7, 6, 0xffff))
    return f


def q922(dlci, fecn=0, becn=0, de=0, cr=0):
    b0 = (dlci >> 4) << 2 | cr << 1
    b1 = (dlci & 15) << 4 | fecn << 3 | becn << 2 | de << 1 | 1
    return bytes([b0, b1])


def fr_frames():
    f = []
    f.append(q922(100) + b"\x03\xcc" + ping(5))
    f.append(q922(200, 1, 1, 1) + b"\x03\xcc" + ping(6))
    f.append(q922(100) + b"\x03\x00\x80\x00\x00\x00\x08\x00" + ping(7))
    f.append(q922(100) + b"\x03\x8e" + udp6(b"hi"))
    return f


def write(path, link, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, link))
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(fr),
                                len(fr)))
            f.write(fr)


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "."
    write(os.path.join(d, "links-ppp.pcap"), 9, ppp_frames())
    write(os.path.join(d, "links-pppserial.pcap"), 50,
          [hdlc(0x0021, ping(8))])
    write(os.path.join(d, "links-pppoe.pcap"), 1, pppoe_frames())
    write(os.path.join(d, "links-chdlc.pcap"), 104, chdlc_frames())
    write(os.path.join(d, "links-fr.pcap"), 107, fr_frames())


if __name__ == "__main__":
    main()
