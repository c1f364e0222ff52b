#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""The lans captures, written frame by frame (pcaplib): link layers of
older and special LANs, one file per link type, and CARP.  Each carries an
ICMP echo request 198.18.0.1 -> 198.18.0.2 where it carries IP.

arcnet.pcap          LINKTYPE_ARCNET_BSD (7): RFC 1201 ARP request and
                     reply, RFC 1201 IP, an exception packet, RFC 1051 IP
                     and ARP, an unknown protocol ID (data), BACnet's LLC
                     (no split flag), AppleTalk's long DDP (NBP), IPX, a
                     header cut at its split flag
arcnet-linux.pcap    LINKTYPE_ARCNET_LINUX (129): the offset field, RFC
                     1201 IP and RFC 1051 IP, a header cut short
tr.pcap              LINKTYPE_IEEE802_5 (6): LLC/SNAP IPv4, source-routed
                     with three route descriptors, an all-routes broadcast
                     with a 2-byte RIF (SNAP ARP), MAC frames (active
                     monitor present with its NAUN, one with a subvector
                     of length 0), a frame of the reserved type, a RIF of
                     31 bytes (one beyond the 30 802.5 allows), one of 4
                     (no ring-bridge pair), a header cut in the source, a
                     RIF longer than the frame
fddi.pcap            LINKTYPE_FDDI (10): async LLC/SNAP IPv4 at priority 0
                     and 7, SMT info, a MAC claim token, a nonrestricted
                     token, a void frame, a header cut in the source
ipfc.pcap            LINKTYPE_IP_OVER_FC (122): LLC/SNAP IPv4, ARP, a
                     network header cut short
enc.pcap             LINKTYPE_ENC (109): IPv4 (reserved flag bits set),
                     IPv6 compressed, IPv4 authentic and confidential, an
                     unknown family (data), a header cut short
symantec.pcap        LINKTYPE_SYMANTEC_FIREWALL (99): v2 IPv4 twice, v3
                     IPv6, a v2 header cut short, one with the EtherType in
                     neither place, a record of 4 bytes
carp.pcap            CARP advertisements on IP protocol 112 (VRRP's: shown
                     as VRRP, as tshark does) and on 253, which nothing
                     binds (CARP by its content: version 2 and 1, a bad
                     checksum); not CARP: auth len 6, type 2, version 3,
                     35 bytes, and 30 of 36 bytes captured
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

C, S = pcaplib.C, pcaplib.S
SNAP_IP = bytes.fromhex("aaaa030000000800")
SNAP_ARP = bytes.fromhex("aaaa030000000806")


def icmp_echo(ident=1, seq=1, data=b"strata"):
    h = struct.pack("!BBHHH", 8, 0, 0, ident, seq) + data
    return h[:2] + struct.pack("!H", pcaplib.csum(h)) + h[4:]


IP = pcaplib.ipv4(C, S, 1, icmp_echo())
IP6 = pcaplib.ipv6(pcaplib.C6, pcaplib.S6, 59, b"")


def arp(htype, hw_s, hw_t, op=1):
    """An ARP request (or reply) of hardware type htype for S, from C."""
    h = struct.pack("!HHBBH", htype, 0x0800, len(hw_s), 4, op)
    if op == 1:
        return h + hw_s + C + hw_t + S
    return h + hw_s + S + hw_t + C


# A long DDP header to socket 2 (NBP), and an IPX header of 30 bytes.
DDP_NBP = bytes.fromhex("0011 0000 0001 0002 05 06 02 fe 02 01020304")
IPX = bytes.fromhex("ffff001e0004" "00000001000000000001" "0451"
                    "00000002000000000002" "0452")


def arcnet(out):
    a_req = arp(7, b"\x01", b"\x00")
    a_rep = arp(7, b"\x02", b"\x01", op=2)
    pcaplib.write(os.path.join(out, "arcnet.pcap"), [
        bytes([1, 2, 0xd5, 0, 0, 0]) + a_req,
        bytes([2, 1, 0xd5, 0, 0, 0]) + a_rep,
        bytes([1, 2, 0xd4, 0, 0, 1]) + IP,
        bytes([1, 2, 0xd4, 0xff, 0xff, 0xff, 0xd4, 2, 0, 3]) + IP,
        bytes([1, 2, 0xf0]) + IP,
        bytes([1, 2, 0xf1]) + a_req,
        bytes([1, 2, 0x99, 0, 0, 1]) + b"abcd",
        bytes([1, 0, 0xcd]) + bytes.fromhex("82820301"),
        bytes([1, 2, 0xdd, 0, 0, 1]) + DDP_NBP,
        bytes([1, 2, 0xfa, 0, 0, 1]) + IPX,
        bytes([1, 2, 0xd4, 0]),
    ], linktype=7)
    pcaplib.write(os.path.join(out, "arcnet-linux.pcap"), [
        bytes([1, 2, 0, 0, 0xd4, 0, 0, 1]) + IP,
        bytes([1, 2, 0x01, 0xf2, 0xf0]) + IP,
        bytes([1, 2, 0]),
    ], linktype=129)


def token_ring(out):
    d, s = bytes.fromhex("400000000002"), bytes.fromhex("400000000001")
    s_sr = bytes([s[0] | 0x80]) + s[1:]
    pcaplib.write(os.path.join(out, "tr.pcap"), [
        b"\x10\x40" + d + s + SNAP_IP + IP,
        b"\x10\x40" + d + s_sr + bytes.fromhex("0830 0011 0022 0030") +
        SNAP_IP + IP,
        b"\x10\x40" + b"\xff" * 6 + s_sr + bytes.fromhex("82b0") +
        SNAP_ARP + arp(6, s, bytes(6)),
        b"\x10\x05" + bytes.fromhex("c00000000001") + s +
        bytes.fromhex("0012 4005 0802 400000000003 0606 00000001 0000"),
        b"\x10\x05" + bytes.fromhex("c00000000001") + s +
        bytes.fromhex("0010 0006 0802 400000000003 00"),
        b"\x10\x80" + d + s + b"abc",
        b"\x10\x40" + d + s_sr + bytes.fromhex("1f30") +
        bytes(range(0x10, 0x2d)) + SNAP_IP + IP,
        b"\x10\x40" + d + s_sr + bytes.fromhex("0430 0011") + SNAP_ARP +
        arp(6, s, bytes(6)),
        b"\x10\x40" + d + s[:2],
        b"\x10\x40" + d + s_sr + bytes.fromhex("1f30 0011"),
    ], linktype=6)


def fddi(out):
    d, s = bytes.fromhex("020000000002"), bytes.fromhex("020000000001")
    pcaplib.write(os.path.join(out, "fddi.pcap"), [
        b"\x50" + d + s + SNAP_IP + IP,
        b"\x57" + d + s + SNAP_IP + IP,
        b"\x41" + d + s + b"\x01\x02",
        b"\xc3" + d + s + b"abc",
        b"\x80" + d + s,
        b"\x00" + d + s,
        b"\x50" + d + s[:3],
    ], linktype=10)


def ipfc(out):
    da = bytes.fromhex("1000000000000002")
    sa = bytes.fromhex("2000001b32000001")
    fc_arp = struct.pack("!HHBBH", 18, 0x0800, 8, 4, 1) + sa + C + da + S
    pcaplib.write(os.path.join(out, "ipfc.pcap"), [
        da + sa + SNAP_IP + IP,
        bytes.fromhex("ffffffffffffffff") + sa + SNAP_ARP + fc_arp,
        da + sa[:4],
    ], linktype=122)


def enc(out):
    def hdr(af, spi, flags):
        return struct.pack("<I", af) + struct.pack("!I", spi) + \
            struct.pack("<I", flags)
    pcaplib.write(os.path.join(out, "enc.pcap"), [
        hdr(2, 0x1234, 0x3) + IP,
        hdr(24, 0xabcdef01, 0x1004) + IP6,
        hdr(2, 0x1235, 0x0c00) + IP,
        hdr(99, 1, 0) + b"xx",
        struct.pack("<I", 2) + b"\x00\x00",
    ], linktype=109)


def symantec(out):
    v2 = bytes([10, 0, 0, 1]) + bytes(2) + b"\x08\x00" + bytes(36)
    v3 = bytes([10, 0, 0, 3]) + bytes(6) + b"\x86\xdd" + bytes(44)
    pcaplib.write(os.path.join(out, "symantec.pcap"), [
        v2 + IP,
        bytes([10, 0, 0, 2]) + v2[4:] + IP,
        v3 + IP6,
        v2[:16],
        bytes([10, 0, 0, 3]) + bytes(52) + IP6,
        bytes([10, 0, 0, 3]),
    ], linktype=99)


def carp(out):
    def adv(ver=2, typ=1, vhid=1, skew=0, authlen=7, demote=0, advbase=1,
            good=True):
        b = struct.pack("!BBBBBBH", ver << 4 | typ, vhid, skew, authlen,
                        demote, advbase, 0) + \
            struct.pack("!Q", 0x0102030405060708) + bytes(range(20))
        ck = pcaplib.csum(b) if good else 0xdead
        return b[:6] + struct.pack("!H", ck) + b[8:]

    def frame(payload, proto):
        return pcaplib.ether(bytes.fromhex("01005e000012"),
                             bytes.fromhex("00005e000101"), 0x0800,
                             pcaplib.ipv4(C, bytes([224, 0, 0, 18]), proto,
                                          payload))
    cut = frame(adv(), 253)
    pcaplib.write(os.path.join(out, "carp.pcap"), [
        frame(adv(), 112),
        frame(adv(vhid=7, skew=100, demote=3, advbase=5), 112),
        frame(adv(vhid=7, skew=100, demote=3, advbase=5), 253),
        frame(adv(ver=1), 253),
        frame(adv(good=False), 253),
        frame(adv(authlen=6), 253),
        frame(adv(typ=2), 253),
        frame(adv(ver=3), 253),
        frame(adv()[:35], 253),
        (cut[:14 + 20 + 30], len(cut)),
    ])


def main(out):
    arcnet(out)
    token_ring(out)
    fddi(out)
    ipfc(out)
    enc(out)
    symantec(out)
    carp(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "captures")
