#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the captures of the IPv6 layer's long tail (issue 16): frames
built by hand, the same every time.  Addresses 2001:db8::1 and ::2.

usage: make-ipv6x.py DIR
  ipv6x-ext.pcap  hop-by-hop options (router alert, empty PadN) and
                  destination options (home address, PadN) before a type 0
                  routing header of two addresses (none left; no echo after
                  it, as tshark would sum its checksum from the home
                  address); a type 2 routing header (Mobile IPv6) and an
                  ICMPv6 echo; segment routing of
                  two segments; an RPL source route of two compressed
                  addresses; a minimum path MTU hop-by-hop option; a
                  6to4 source of an EUI-64 interface ID to a Teredo
                  destination; a link-local EUI-64 source to one whose
                  interface ID is not made of a MAC
  ipv6x-nd.pcap   ICMPv6: an MLD query; an MLDv2 report of two records
                  (one with two sources and a word of auxiliary data); a
                  router advertisement (M, O, high preference) with a
                  source link-layer address, a prefix (L, A, R), route
                  information of 8 and 16 prefix bytes, RDNSS and a DNS
                  search list of two names; a neighbour solicitation and
                  a neighbour advertisement (R, S, O) with its target's
                  link-layer address; an MLDv2 report announcing three
                  records and holding one
  ipv6x-icmp.pcap ICMP: a time exceeded quoting a UDP packet, its quote
                  padded to 128 bytes, with an RFC 4884 extension holding
                  an MPLS label stack (RFC 4950); an echo request whose
                  data starts with a timeval of its frame's second (as
                  ping writes it)
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib as P  # noqa: E402

A = bytes.fromhex("20010db800000000000000000000000a")
B = bytes.fromhex("20010db800000000000000000000000b")
HOA = bytes.fromhex("20010db8000000000000000000000099")


def echo6(src, dst):
    """An ICMPv6 echo request, id 7 seq 1, its checksum right."""
    m = struct.pack("!BBHHH", 128, 0, 0, 7, 1) + b"ipv6x!"
    ck = P.csum(P.pseudo(src, dst, 58, len(m)) + m)
    return m[:2] + struct.pack("!H", ck) + m[4:]


def frame(nh, ext, final=None, upper=None):
    """Client to server: extension headers ext, then upper(src, dst) (an
    echo checksummed to final, the routing header's last address)."""
    pay = ext + (upper(P.C6, final or P.S6) if upper else b"")
    return P.ether(P.MS, P.MC, 0x86DD, P.ipv6(P.C6, P.S6, nh, pay))


def frames():
    hbh = bytes.fromhex("3c00" "05020000" "0100")
    dst = bytes.fromhex("2b02c910") + HOA + bytes.fromhex("01020000")
    rt0 = bytes.fromhex("3b040000" "00000000") + A + B
    rt2 = bytes.fromhex("3a020201" "00000000") + HOA
    srh = bytes.fromhex("3b040401" "01000007") + A + B
    rpl = bytes.fromhex("3b010301" "ee400000" "000a000b" "00000000")
    pmtu = bytes.fromhex("3b00" "3004" "05dc" "0000")
    return [
        frame(0, hbh + dst + rt0),
        frame(43, rt2, HOA, echo6),
        frame(43, srh),
        frame(43, rpl),
        frame(0, pmtu),
        P.ether(P.MS, P.MC, 0x86DD, P.ipv6(
            bytes.fromhex("20020c0402010007021122fffe334455"),
            bytes.fromhex("20010000c0a800017777eefff3fdfefe"), 59, b"")),
        P.ether(P.MS, P.MC, 0x86DD, P.ipv6(
            bytes.fromhex("fe800000000000000211 22fffe334455".replace(
                " ", "")),
            bytes.fromhex("fd52429ec03c8235883cd6fffee14dc4"), 59, b"")),
    ]


def icmp6(body):
    """A maker of an ICMPv6 message (type, code, then body), checksummed."""
    def make(src, dst):
        m = body[:2] + b"\0\0" + body[2:]
        ck = P.csum(P.pseudo(src, dst, 58, len(m)) + m)
        return m[:2] + struct.pack("!H", ck) + m[4:]
    return make


def nd_frames():
    lla = bytes.fromhex("020000000001")
    mq = bytes.fromhex("8200" "2710" "0000") + bytes(16)
    rec1 = bytes.fromhex("02" "01" "0002") + bytes.fromhex(
        "ff050000000000000000000000000002") + A + B + b"auxd"
    rec2 = bytes.fromhex("04000000" "ff0200000000000000000000000000fb")
    mr = bytes.fromhex("8f00" "0000" "0002") + rec1 + rec2
    ra = (bytes.fromhex("8600" "40c8" "0708" "00000000" "00000000")
          + bytes.fromhex("0101") + lla
          + bytes.fromhex("0304" "40e0" "00278d00" "00093a80" "00000000")
          + bytes.fromhex("20010db8000100000000000000000000")
          + bytes.fromhex("1802" "3008" "00001c20" "fd8d4fb35b2e0000")
          + bytes.fromhex("1803" "4018" "00000e10") + A
          + bytes.fromhex("1903" "0000" "00000708") + A
          + bytes.fromhex("1f04" "0000" "00000708")
          + b"\x03lan\x00\x07example\x03com\x00" + bytes(6))
    ns = bytes.fromhex("8700" "00000000") + B + bytes.fromhex("0101") + lla
    na = bytes.fromhex("8800" "e0000000") + B + bytes.fromhex("0201") + lla
    short = bytes.fromhex("8f00" "0000" "0003") + rec2
    return [P.ip_frame(True, 58, icmp6(m), v6=True)
            for m in (mq, mr, ra, ns, na, short)]


def icmp4(body):
    """A maker of an ICMP message (type, code, then body), checksummed."""
    def make(src, dst):
        m = body[:2] + b"\0\0" + body[2:]
        return m[:2] + struct.pack("!H", P.csum(m)) + m[4:]
    return make


def icmp_frames():
    udp = P.ipv4(P.C, bytes([12, 4, 4, 4]), 17,
                 P.udp(P.C, bytes([12, 4, 4, 4]), 42315, 33435, b""))
    ext = bytes.fromhex("00080101" "18960101")
    ext = struct.pack("!HH", 0x2000, P.csum(b"\x20\0\0\0" + ext)) + ext
    timex = bytes.fromhex("0b00" "00000000") + udp.ljust(128, b"\0") + ext
    # write() stamps frame i at 1700000000 + i: frame 2 at ...001.
    echo = (bytes.fromhex("0800" "00070001") +
            struct.pack("!II", 1700000001, 0) + bytes(range(16, 40)))
    return [P.ip_frame(False, 1, icmp4(timex)),
            P.ip_frame(True, 1, icmp4(echo))]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    P.write(os.path.join(out, "ipv6x-ext.pcap"), frames())
    P.write(os.path.join(out, "ipv6x-nd.pcap"), nd_frames())
    P.write(os.path.join(out, "ipv6x-icmp.pcap"), icmp_frames())


if __name__ == "__main__":
    main()
