#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""The rtail family, written frame by frame (pcaplib):

lmp.pcap     LMP (RFC 4204, UDP 701): a Config carrying CCID, MESSAGE_ID,
             NODE_ID and CONFIG (hello intervals), a Hello, a
             BeginVerify, a LinkSummary with a TE_LINK and DATA_LINKs
             (IPv4 and unnumbered, with switching-capability and
             wavelength subobjects), a ChannelStatus, a ConfigNack with
             an ERROR_CODE, an object of a class Wireshark does not know,
             and a Config whose objects end before its length says.
mplsecho.pcap
             MPLS LSP ping (RFC 8029, UDP 3503): an echo request with a
             Target FEC Stack (LDP IPv4 prefix, RSVP IPv4 LSP), a
             Downstream Mapping and a Pad; its reply (egress, with an
             Interface and Label Stack, a vendor number and a reply TOS);
             a reply with Errored TLVs and an unknown TLV whose length
             leaves a byte over; a request whose sub-TLV is padded and
             whose last TLV runs past the message.
aodv.pcap    AODV (RFC 3561, UDP 654): a RREQ with hello-interval,
             timestamp and unknown extensions, a RREP, a RERR with two
             unreachable destinations, a RREP-ACK; the same three over
             IPv6, and the IPv6 draft's four (types 16 to 19); a RERR
             whose count runs past the message, an extension of length
             0, a message type AODV does not have.
hncp.pcap    HNCP (RFC 7788, UDP 8231, over IPv6): a network state
             announcement with its node endpoint and hash, a node state
             carrying HNCP version, external connection (delegated
             prefix with a prefix policy), assigned prefix, node address,
             DNS delegated zone, domain and node names; requests, peers,
             keep-alive, trust verdict and managed PSK; an unknown TLV; a
             TLV whose length runs past the datagram.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402


def lmp_obj(cls, ctype, body, neg=False):
    return struct.pack("!BBH", ctype | (0x80 if neg else 0), cls,
                       4 + len(body)) + body


def lmp(mtype, objs, flags=0, ck=True):
    body = b"".join(objs)
    h = struct.pack("!BBBBHH", 0x10, 0, flags, mtype, 8 + len(body), 0)
    m = h + body
    if ck:
        m = m[:6] + struct.pack("!H", pcaplib.csum(m)) + m[8:]
    return m


def ip4(s):
    return bytes(int(x) for x in s.split("."))


def lmp_frames():
    ccid = lmp_obj(1, 1, struct.pack("!I", 7))
    msgid = lmp_obj(5, 1, struct.pack("!I", 1001))
    node = lmp_obj(2, 1, ip4("192.0.2.1"))
    config = lmp_obj(6, 1, struct.pack("!HH", 150, 500), neg=True)
    hello = lmp_obj(7, 1, struct.pack("!II", 5, 4))
    bv = lmp_obj(8, 1, struct.pack("!HHIBBHfI", 0x0001, 100, 2, 5, 0,
                                   0x8000, 2.5e9 / 8, 1550))
    tel = lmp_obj(11, 1, struct.pack("!B3x", 3) + ip4("192.0.2.1") +
                  ip4("192.0.2.2"))
    isc = struct.pack("!BBBBff", 1, 12, 150, 8, 1e9 / 8, 1e10 / 8)
    wave = struct.pack("!BBHI", 2, 8, 0, 1550)
    dl4 = lmp_obj(12, 1, struct.pack("!B3x", 2) + ip4("10.0.0.1") +
                  ip4("10.0.0.2") + isc + wave)
    dlu = lmp_obj(12, 3, struct.pack("!B3xII", 1, 17, 18))
    chs = lmp_obj(13, 3, struct.pack("!IIII", 17, 0x80000001, 18, 3))
    err = lmp_obj(20, 2, struct.pack("!I", 0x05))
    unk = lmp_obj(99, 1, b"\xde\xad\xbe\xef")
    msgs = [
        lmp(1, [ccid, msgid, node, config]),
        lmp(4, [ccid, hello], flags=0x02),
        lmp(5, [ccid, msgid, bv]),
        lmp(14, [msgid, tel, dl4, dlu]),
        lmp(17, [ccid, msgid, chs]),
        lmp(3, [ccid, msgid, node, err]),
        lmp(1, [ccid, unk]),
    ]
    # the last: a Config whose length says 40 bytes, 20 sent
    msgs.append(msgs[0][:20])
    return [pcaplib.udp_frame(i % 2 == 0, 701, 701, m)
            for i, m in enumerate(msgs)]


def me_tlv(t, v, pad=True):
    return struct.pack("!HH", t, len(v)) + v + \
        bytes((-len(v)) % 4 if pad else 0)


def me_hdr(mt, rc, rsc, seq, sent, rec, flags=0):
    return struct.pack("!HHBBBBII", 1, flags, mt, 2, rc, rsc, 0x1234,
                       seq) + struct.pack("!II", *sent) + \
        struct.pack("!II", *rec)


def mplsecho_frames():
    ldp = me_tlv(1, ip4("192.0.2.9") + bytes([32, 0, 0, 0]))
    rsvp = me_tlv(3, ip4("192.0.2.9") + struct.pack("!HHI", 0, 7,
                  0xC0000201) + ip4("192.0.2.1") + struct.pack("!HH", 0, 3))
    fec = me_tlv(1, ldp + rsvp)
    dsmap = me_tlv(2, struct.pack("!HBB", 1500, 1, 0x01) +
                   ip4("10.0.0.2") + ip4("10.0.0.1") + bytes(4) +
                   struct.pack("!II", 17 << 12 | 1 << 8, 18 << 12 | 0x103))
    pad = me_tlv(3, b"\x01" + b"\xaa" * 7)
    vend = me_tlv(5, struct.pack("!I", 9))
    ils = me_tlv(7, struct.pack("!B3x", 1) + ip4("10.0.0.2") +
                 ip4("10.0.0.1") + struct.pack("!I", 17 << 12 | 0x1FF))
    err = me_tlv(9, me_tlv(99, b"\x01\x02"))
    tos = me_tlv(10, b"\xb8\0\0\0")
    unk = me_tlv(200, b"\x01\x02\x03")
    sent, rec = (0xE8B1F2A0, 0x80000000), (0xE8B1F2A1, 0x40000000)
    ldp5 = struct.pack("!HH", 1, 5) + ip4("192.0.2.9") + bytes([32, 0, 0, 0])
    msgs = [
        (True, me_hdr(1, 0, 0, 1, sent, (0, 0), flags=1) + fec + dsmap + pad),
        (False, me_hdr(2, 3, 1, 1, sent, rec) + fec + dsmap + ils + vend +
         tos),
        (False, me_hdr(2, 8, 1, 2, sent, sent) + err + unk),
        (True, me_hdr(1, 0, 0, 3, sent, (0, 0)) + me_tlv(1, ldp5) +
         struct.pack("!HH", 5, 1024) + b"\0\0\0\x09"),
    ]
    return [pcaplib.udp_frame(c, 3503, 3503, m) for c, m in msgs]


def aodv_frames():
    d, o = ip4("10.0.0.9"), ip4("10.0.0.1")
    d6 = pcaplib.S6[:15] + b"\x09"
    o6 = pcaplib.C6
    rreq = struct.pack("!BHBI", 1, 0xF800, 3, 77) + d + \
        struct.pack("!I", 5) + o + struct.pack("!I", 6)
    ext = struct.pack("!BBI", 2, 4, 1000) + \
        struct.pack("!BBQ", 3, 8, 123456789) + b"\x09\x02\xab\xcd"
    rrep = struct.pack("!BHB", 2, 0xC000 | 24, 2) + d + \
        struct.pack("!I", 7) + o + struct.pack("!I", 3000)
    rerr = struct.pack("!BHB", 3, 0x8000, 2) + d + struct.pack("!I", 8) + \
        ip4("10.0.0.10") + struct.pack("!I", 9)
    v4 = [rreq + ext, rrep, rerr, b"\x04\x00",
          struct.pack("!BHB", 3, 0, 5) + d + struct.pack("!I", 8),
          rrep + b"\x01\x00", b"\x63" + bytes(5)]
    over6 = [
        struct.pack("!BHBI", 1, 0x8000, 1, 5) + d6 + struct.pack("!I", 6) +
        o6 + struct.pack("!I", 7),
        struct.pack("!BHB", 2, 64, 1) + d6 + struct.pack("!I", 8) + o6 +
        struct.pack("!I", 100),
        struct.pack("!BHB", 3, 0, 1) + d6 + struct.pack("!I", 9)]
    draft = [
        struct.pack("!BHBIII", 16, 0x8000, 1, 5, 6, 7) + d6 + o6,
        struct.pack("!BHBI", 17, 0x40 | 0x7F, 1, 8) + d6 + o6 +
        struct.pack("!I", 100),
        struct.pack("!BHBI", 18, 0, 1, 9) + d6, b"\x13\x00"]
    return [pcaplib.udp_frame(i % 2 == 0, 654, 654, m)
            for i, m in enumerate(v4 + draft)] + \
        [pcaplib.udp_frame(True, 654, 654, m, v6=True) for m in over6]


def hncp_tlv(t, v):
    return struct.pack("!HH", t, len(v)) + v + bytes((-len(v)) % 4)


def hncp_frames():
    t = hncp_tlv
    nid, ep = struct.pack("!I", 0x0A0B0C0D), struct.pack("!I", 1)
    a6 = pcaplib.C6
    dp = t(34, struct.pack("!IIB", 3600, 1800, 56) +
           bytes.fromhex("20010db8000100") + t(43, b"\x00"))
    data = (t(32, struct.pack("!HH", 0, 0x4201) + b"hnetd/1.0") +
            t(33, dp) +
            t(35, ep + bytes([0x02, 64]) + bytes.fromhex("20010db800010001")) +
            t(36, ep + a6) +
            t(39, a6 + b"\x05" + b"\x04home\x04arpa\x00") +
            t(40, b"\x04home\x04arpa\x00") +
            t(41, a6 + bytes([6]) + b"router"))
    state = t(5, nid + struct.pack("!II", 7, 1500) +
              bytes.fromhex("1122334455667788") + data)
    msgs = [
        t(3, nid + ep) + t(4, bytes.fromhex("0102030405060708")),
        t(3, nid + ep) + state,
        t(1, b"") + t(2, nid) + t(8, nid + ep + struct.pack("!I", 2)) +
        t(9, ep + struct.pack("!I", 20000)),
        t(10, bytes([3, 0, 0, 0]) + bytes(range(32)) + b"router.home") +
        t(42, bytes(range(32, 64))) + t(200, b"\x01\x02\x03"),
        t(3, nid + ep) + struct.pack("!HH", 4, 64) + bytes(8),
    ]
    return [pcaplib.udp_frame(True, 8231, 8231, m, v6=True) for m in msgs]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    pcaplib.write(os.path.join(here, "lmp.pcap"), lmp_frames())
    pcaplib.write(os.path.join(here, "mplsecho.pcap"), mplsecho_frames())
    pcaplib.write(os.path.join(here, "aodv.pcap"), aodv_frames())
    pcaplib.write(os.path.join(here, "hncp.pcap"), hncp_frames())


if __name__ == "__main__":
    main()
