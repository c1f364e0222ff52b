#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the captures of the w2misc family: frames built by hand (no
OpenFlow switch or controller runs here), the same every time.  Switch
198.18.0.1 port 40000, controller 198.18.0.2 port 6653 (1.3) or 6633
(1.0).

usage: make-w2misc.py DIR [--hex]
  openflow.pcap  OpenFlow 1.3: HELLO with a version bitmap element, ECHO
                 REQUEST with data, FEATURES_REPLY, PACKET_IN with an OXM
                 match carrying an Ethernet/IPv4/UDP frame, PACKET_OUT with
                 an output action and a frame, FLOW_MOD with a match, a
                 MULTIPART_REQUEST and a BARRIER_REQUEST in one segment,
                 an ERROR quoting the request it refuses, a segment
                 continuing a message, a HELLO whose length runs past the
                 segment; OpenFlow 1.0 HELLO and FEATURES_REPLY on 6633;
                 malformed: a hello element of 2 bytes, a match longer
                 than its message, a message length of 4
  fr.pcap        Frame Relay (link type 107): IS-IS LSP after a 4-octet
                 address and NLPID 0x83, ICMP echo over IPv4 after a
                 3-octet address (Cisco encapsulation), a 4-octet address
                 with DL-CORE control, LAPF on DLCI 0
--hex prints each frame as hex instead (for tests/unit/test_w2misc.c).
"""
import struct
import sys

A1, A2 = bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])
M1, M2 = bytes.fromhex("020000000001"), bytes.fromhex("020000000002")


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ck_at(b, off, pre=b""):
    b = b[:off] + b"\0\0" + b[off + 2:]
    return b[:off] + struct.pack("!H", csum(pre + b)) + b[off + 2:]


def eth(payload, typ=0x0800, dst=M2, src=M1):
    return dst + src + struct.pack("!H", typ) + payload


def ipv4(src, dst, proto, payload, ttl=64, ident=1):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident,
                    0, ttl, proto, 0, src, dst)
    return ck_at(h, 10) + payload


def tcp(sport, dport, payload, seq=1, ack=1, flags=0x18, src=A1, dst=A2):
    h = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 0x50, flags,
                    65535, 0, 0)
    ph = src + dst + struct.pack("!BBH", 0, 6, 20 + len(payload))
    return ck_at(h + payload, 16, ph)


def udp(sport, dport, payload, src, dst):
    h = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0)
    ph = src + dst + struct.pack("!BBH", 0, 17, 8 + len(payload))
    c = csum(ph + h + payload) or 0xFFFF
    return h[:6] + struct.pack("!H", c) + payload


def pcap(path, frames, link=1):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535,
                            link))
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(fr),
                                len(fr)))
            f.write(fr)


# ---- OpenFlow ------------------------------------------------------------

def of(ver, typ, xid, body, length=None):
    n = 8 + len(body) if length is None else length
    return struct.pack("!BBHI", ver, typ, n, xid) + body


def oxm(field, val):
    return struct.pack("!HBB", 0x8000, field << 1, len(val)) + val


def match(oxms):
    m = struct.pack("!HH", 1, 4 + len(oxms)) + oxms
    return m + b"\0" * (-len(m) % 8)


def inner():
    """The frame a switch hands up: IPv4/UDP 10.0.0.1:5000 -> 10.0.0.2:5001."""
    s, d = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
    return eth(ipv4(s, d, 17, udp(5000, 5001, b"hello", s, d)),
               dst=bytes.fromhex("0200000000bb"),
               src=bytes.fromhex("0200000000aa"))


def of_frames():
    nxt = {}

    def seg(p, sp=40000, dp=6653, s=A1, d=A2):
        """A segment in sequence after the last one of its direction."""
        seq = nxt.get((sp, dp), 1)
        nxt[(sp, dp)] = seq + len(p)
        return eth(ipv4(s, d, 6, tcp(sp, dp, p, seq=seq,
                                     ack=nxt.get((dp, sp), 1), src=s,
                                     dst=d)))
    hello = of(4, 0, 1, struct.pack("!HHI", 1, 8, 0x10))
    echo = of(4, 2, 2, bytes(range(13)))
    feat = of(4, 6, 3, struct.pack("!QIBBHII", 0x26a2b46fd9ba, 256, 64, 0,
                                   0, 0x4f, 0))
    fr = inner()
    pin = of(4, 10, 0, struct.pack("!IHBBQ", 0xffffffff, len(fr), 0, 0,
                                   0xffffffffffffffff) +
             match(oxm(0, struct.pack("!I", 1))) + b"\0\0" + fr)
    act = struct.pack("!HHIH6x", 0, 16, 0xfffffffb, 0xffff)
    pout = of(4, 13, 4, struct.pack("!IIH6x", 0xffffffff, 1, len(act)) +
              act + fr)
    fmod = of(4, 14, 5, struct.pack("!QQBBHHHIIIH2x", 0x1e240, 0, 0, 0,
                                    60, 0, 100, 0xffffffff, 0xffffffff,
                                    0xffffffff, 1) +
              match(oxm(5, b"\x08\x00") + oxm(12, bytes([10, 0, 0, 2]))))
    mp = of(4, 18, 6, struct.pack("!HH4x", 0, 0)) + of(4, 20, 7, b"")
    err = of(4, 1, 5, struct.pack("!HH", 5, 6) + fmod[:24])
    cont = bytes(range(40))          # the middle of a message
    long_hello = of(4, 0, 8, b"", length=64)
    of10_hello = of(1, 0, 9, b"")
    of10_feat = of(1, 6, 10, struct.pack("!QIB3xII", 0x000100255cab0c07,
                                         544, 11, 0x87, 0xfff))
    bad_elem = of(4, 0, 11, struct.pack("!HHI", 1, 2, 0x10))
    bad_match = of(4, 10, 12, struct.pack("!IHBBQ", 0xffffffff, 0, 0, 0, 0)
                   + struct.pack("!HH", 1, 200) + b"\0" * 4)
    short_len = of(4, 2, 13, b"", length=4)
    back = lambda p: seg(p, 6653, 40000, A2, A1)
    return [seg(hello), back(echo), seg(feat), seg(pin), back(pout),
            back(fmod), back(mp), seg(err), seg(cont), seg(long_hello),
            seg(of10_hello, dp=6633), seg(of10_feat, dp=6633),
            seg(bad_elem, sp=40001), seg(bad_match, sp=40002),
            seg(short_len, sp=40003)]


# ---- Frame Relay ---------------------------------------------------------

ISIS_LSP = bytes.fromhex(
    "831b010012010000003904b001920168000100000000002a0d4b03010403490001"
    "8102cc8e8906656467652d318604c61200018404c6120001")


def fr_frames():
    icmp = ck_at(struct.pack("!BBHHH", 8, 0, 0, 7, 1) + b"abcd", 2)
    ip = ipv4(A1, A2, 1, icmp)
    return [bytes.fromhex("04200611") + b"\x03" + ISIS_LSP,
            bytes.fromhex("042015") + b"\x08\x00" + ip,
            bytes.fromhex("1c000c07") + b"\x03\xcc" + ip,
            bytes.fromhex("0001e822") + b"\0" * 8]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    frames = of_frames()
    if "--hex" in sys.argv:
        for f in frames + fr_frames():
            print(f.hex())
        return
    pcap(sys.argv[1] + "/openflow.pcap", frames)
    pcap(sys.argv[1] + "/fr.pcap", fr_frames(), 107)


if __name__ == "__main__":
    main()
