#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the tail16d captures: NHRP (RFC 2332, Cisco DMVPN) over GRE
between 198.18.0.1 and 198.18.0.2, built by hand (no DMVPN router here).

usage: make-tail16d.py DIR       writes DIR/nhrp.pcap, DIR/mipv6.pcap,
                                 DIR/olsr.pcap and DIR/nflog.pcap
nhrp.pcap:
  1  resolution request: Q flag, a CIE, responder/forward/reverse record
     extensions, authentication, vendor private, an unknown type, end
  2  resolution reply: a CIE with its addresses, the NAT extension's CIE
  3  purge request (N flag), 4 registration reply with a NAT extension
  5  error indication quoting a registration request (decoded on)
  6  traffic indication carrying an IPv4/UDP packet (decoded on)
  7  a registration request with a wrong checksum
  8  a resolution request cut by the capture inside its extensions
mipv6.pcap: the Mobile IPv6 mobility header (RFC 6275) between
2001:db8::1 (mobile node) and 2001:db8::2:
  1  binding update with Pad1, PadN, alternate care-of address, nonce
     indices and authorization data options
  2  binding acknowledgement, 3 binding refresh request, 4 HoTI, 5 CoTI,
  6  HoT, 7 CoT, 8 binding error
  9  a binding update with a wrong checksum, 10 one cut by the capture,
  11 an option whose length runs past the header (malformed)
olsr.pcap: OLSR (RFC 3626) on UDP 698:
  1  HELLO (two link messages) and TC in one packet, over IPv4
  2  MID and HNA, 3 LQ-HELLO and LQ-TC, 4 HELLO over IPv6 (no HNA: tshark
     4.0 reads its addresses as 4 bytes)
  5  a message whose size runs past the packet (malformed), 6 one cut
nflog.pcap: Linux NFLOG records (LINKTYPE_NFLOG 239), TLVs little-endian:
  1  packet header, prefix, in/out interfaces, hardware address, timestamp,
     uid, gid, then an IPv4/UDP payload
  2  an IPv6 payload, 3 a TLV of length 2 (malformed), 4 one cut
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

A = [bytes([10, 255, 255, i]) for i in range(4)]


def ext(t, val=b"", c=1):
    return struct.pack("!HH", (c << 15) | t, len(val)) + val


def cie(code=0, prefix=32, mtu=1514, htime=7200, nbma=b"", prot=b""):
    return struct.pack("!BBHHHBBBB", code, prefix, 0, mtu, htime, len(nbma),
                       0, len(prot), 0) + nbma + prot


def nhrp(op, mand, exts=b"", snbma=pcaplib.C, bad=False):
    """A packet of type op: mand is its mandatory part after the source
    NBMA address's type/len (the lengths, flags... are the caller's)."""
    extoff = 20 + len(mand) if exts else 0
    size = 20 + len(mand) + len(exts)
    h = struct.pack("!HH5sBHHHBBBB", 1, 0x0800, b"\0" * 5, 255, size, 0,
                    extoff, 1, op, len(snbma), 0)
    p = h + mand + exts
    ck = pcaplib.csum(p) ^ (0x1111 if bad else 0)
    return p[:12] + struct.pack("!H", ck) + p[14:]


def mand(w6, snbma, src, dst, rest=b""):
    """The mandatory part: lengths, the 6 bytes of flags and request ID
    (or error code and offset), the addresses, then CIEs."""
    return struct.pack("!BB", len(src), len(dst)) + w6 + snbma + src + \
        dst + rest


def gre(payload):
    return struct.pack("!HH", 0, 0x2001) + payload


def frame(pkt, from_client=True):
    return pcaplib.ip_frame(from_client, 47, lambda s, d: gre(pkt))


def mh(mtype, body, bad=False, plen=None):
    """A mobility header of type mtype (body after its 6 bytes), padded
    to 8-byte units, its checksum right unless bad."""
    n = 6 + len(body)
    body += b"\0" * (-n % 8)
    hl = (6 + len(body)) // 8 - 1

    def make(src, dst):
        m = struct.pack("!BBBBH", 59, hl, mtype, 0, 0) + body
        ck = pcaplib.csum(pcaplib.pseudo(src, dst, 135, len(m)) + m)
        ck ^= 0x0101 if bad else 0
        return m[:4] + struct.pack("!H", ck) + m[6:]
    return make


def mopt(t, val=b""):
    return struct.pack("!BB", t, len(val)) + val


def mipv6(out):
    C6, S6 = pcaplib.C6, pcaplib.S6
    coa = bytes.fromhex("20010db8000000010000000000000099")
    opts = b"\0" + mopt(1, b"\0\0") + b"\0" * 3 + mopt(3, coa) + \
        mopt(4, struct.pack("!HH", 3, 4)) + mopt(5, bytes(range(12)))
    bu = mh(5, struct.pack("!HHH", 116, 0xc040, 1000) + opts)
    ba = mh(6, struct.pack("!BBHH", 0, 0x80, 116, 1000))
    brr = mh(0, b"\0\0")
    hoti = mh(1, b"\0\0" + bytes.fromhex("0102030405060708"))
    coti = mh(2, b"\0\0" + bytes.fromhex("1112131415161718"))
    hot = mh(3, struct.pack("!H", 5) + bytes.fromhex("0102030405060708") +
             bytes.fromhex("a1a2a3a4a5a6a7a8"))
    cot = mh(4, struct.pack("!H", 6) + bytes.fromhex("1112131415161718") +
             bytes.fromhex("b1b2b3b4b5b6b7b8"))
    be = mh(7, b"\x01\0" + C6)
    badck = mh(5, struct.pack("!HHH", 117, 0x8000, 1000), bad=True)
    lying = mh(5, struct.pack("!HHH", 118, 0x8000, 1000) + b"\x01\x30" +
               b"\0" * 4)

    def f(make, fc=True):
        return pcaplib.ip_frame(fc, 135, make, v6=True)
    cut = f(bu)
    frames = [f(bu), f(ba, False), f(brr, False), f(hoti), f(coti),
              f(hot, False), f(cot, False), f(be, False), f(badck),
              (cut[:len(cut) - 10], len(cut)), f(lying)]
    pcaplib.write(os.path.join(out, "mipv6.pcap"), frames)


def omsg(mtype, orig, seq, body, vtime=0x86):
    return struct.pack("!BBH", mtype, vtime, 8 + len(orig) + len(body)) + \
        orig + struct.pack("!BBH", 255, 0, seq) + body


def opkt(seq, msgs):
    return struct.pack("!HH", 4 + len(msgs), seq) + msgs


def olsr(out):
    a = [bytes([198, 18, 0, i]) for i in range(8)]
    b = [pcaplib.C6[:15] + bytes([i]) for i in range(8)]
    hello = omsg(1, a[1], 1, struct.pack("!HBB", 0, 0x05, 3) +
                 struct.pack("!BBH", 6, 0, 12) + a[2] + a[3] +
                 struct.pack("!BBH", 10, 0, 8) + a[4])
    tc = omsg(2, a[1], 2, struct.pack("!HH", 7, 0) + a[2] + a[4], 0x8f)
    mid = omsg(3, a[1], 3, a[5] + a[6])
    hna = omsg(4, a[1], 4, bytes([10, 0, 0, 0, 255, 0, 0, 0]) +
               bytes([192, 168, 1, 0, 255, 255, 255, 0]))
    lqh = omsg(201, a[1], 5, struct.pack("!HBB", 0, 0x05, 3) +
               struct.pack("!BBH", 6, 0, 12) + a[2] + bytes([255, 200, 0, 0]))
    lqtc = omsg(202, a[1], 6, struct.pack("!HH", 8, 0) + a[2] +
                bytes([128, 64, 0, 0]))
    hello6 = omsg(1, b[1], 7, struct.pack("!HBB", 0, 0x05, 3) +
                  struct.pack("!BBH", 6, 0, 20) + b[2])
    lying = bytearray(opkt(5, omsg(2, a[1], 9, struct.pack("!HH", 9, 0))))
    lying[6:8] = struct.pack("!H", 200)
    full = opkt(1, hello + tc)
    cut = pcaplib.udp_frame(True, 698, 698, full)
    frames = [pcaplib.udp_frame(True, 698, 698, full),
              pcaplib.udp_frame(True, 698, 698, opkt(2, mid + hna)),
              pcaplib.udp_frame(True, 698, 698, opkt(3, lqh + lqtc)),
              pcaplib.udp_frame(True, 698, 698, opkt(4, hello6),
                                v6=True),
              pcaplib.udp_frame(True, 698, 698, bytes(lying)),
              (cut[:len(cut) - 6], len(cut))]
    pcaplib.write(os.path.join(out, "olsr.pcap"), frames)


def tlv(t, val):
    b = struct.pack("<HH", 4 + len(val), t) + val
    return b + b"\0" * (-len(b) % 4)


def nflog(out):
    C6, S6 = pcaplib.C6, pcaplib.S6
    dgram = pcaplib.ipv4(pcaplib.C, pcaplib.S, 17,
                         pcaplib.udp(pcaplib.C, pcaplib.S, 4000, 53, b"hi"))
    d6 = pcaplib.ipv6(C6, S6, 17, pcaplib.udp(C6, S6, 4000, 53, b"hi"))
    rec = struct.pack("!BBH", 2, 0, 5) + \
        tlv(1, struct.pack("!HBx", 0x0800, 3)) + tlv(10, b"DROP\0") + \
        tlv(4, struct.pack("!I", 2)) + tlv(5, struct.pack("!I", 3)) + \
        tlv(8, struct.pack("!H", 6) + b"\0\0" + pcaplib.MC + b"\0\0") + \
        tlv(3, struct.pack("!QQ", 1700000000, 250000)) + \
        tlv(11, struct.pack("!I", 1000)) + tlv(14, struct.pack("!I", 100)) + \
        tlv(9, dgram)
    rec6 = struct.pack("!BBH", 10, 0, 5) + \
        tlv(1, struct.pack("!HBx", 0x86DD, 1)) + tlv(9, d6)
    bad = struct.pack("!BBH", 2, 0, 5) + struct.pack("<HH", 2, 1) + \
        b"\0" * 8
    frames = [rec, rec6, bad, (rec[:60], len(rec))]
    pcaplib.write(os.path.join(out, "nflog.pcap"), frames, linktype=239)


def main(out):
    C, S = pcaplib.C, pcaplib.S
    exts = ext(3) + ext(4) + ext(5) + \
        ext(7, struct.pack("!HH4s", 0, 1, b"\0\0\0\0") + b"secret") + \
        ext(8, b"\x00\x00\x0c" + b"vendor", 0) + \
        ext(0x1000, b"\x01\x02\x03", 0) + ext(0)
    req = nhrp(1, mand(struct.pack("!HI", 0x8002, 7), C, A[1], A[2],
                       cie(prefix=255, htime=600)), exts)
    rep = nhrp(2, mand(struct.pack("!HI", 0xd802, 7), S, A[2], A[1],
                       cie(nbma=S, prot=A[2])),
               ext(3, cie(nbma=S, prot=A[2])) + ext(4) + ext(5) +
               ext(9, cie(htime=0, nbma=S, prot=A[2]), 0) + ext(0), snbma=S)
    purge = nhrp(5, mand(struct.pack("!HI", 0x8000, 9), C, A[1], A[2],
                         cie(nbma=C, prot=A[1])), ext(0))
    regq = nhrp(3, mand(struct.pack("!HI", 0x8002, 3), C, A[1], A[0],
                        cie(htime=7200)), ext(3) + ext(0))
    regr = nhrp(4, mand(struct.pack("!HI", 0x8002, 3), S, A[1], A[0],
                        cie(htime=7200)),
                ext(3, cie(nbma=S, prot=A[0])) +
                ext(9, cie(htime=0, nbma=C, prot=A[1]), 0) + ext(0), snbma=S)
    err = nhrp(7, mand(struct.pack("!HHH", 0, 6, 20), S, A[0], A[1], regq),
               snbma=S)
    inner = pcaplib.ipv4(A[1], A[3], 17,
                         pcaplib.udp(A[1], A[3], 4000, 53, b"ping"))
    tind = nhrp(8, mand(b"\0" * 6, S, A[0], A[1], inner), ext(0), snbma=S)
    bad = nhrp(3, mand(struct.pack("!HI", 0x8002, 4), C, A[1], A[0],
                       cie(htime=7200)), ext(0), bad=True)
    cut = frame(req)
    frames = [frame(req), frame(rep, False), frame(purge), frame(regr, False),
              frame(err, False), frame(tind, False), frame(bad),
              (cut[:len(cut) - 20], len(cut))]
    pcaplib.write(os.path.join(out, "nhrp.pcap"), frames)
    mipv6(out)
    olsr(out)
    nflog(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "captures")
