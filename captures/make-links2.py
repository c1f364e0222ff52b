#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""The links2 captures, written frame by frame (pcaplib): one file per
Juniper link type, each frame the "MGC" pseudo-header a Juniper router
writes before what it captured, then a small IPv4/UDP datagram.

juniper-ether.pcap   LINKTYPE_JUNIPER_ETHER (178): extension TLVs (device
                     and logical interface indexes, media type,
                     encapsulation, unit, an interface name tshark leaves
                     unread), then Ethernet; a frame without extensions;
                     a frame with its L2 header stripped (the payload's
                     protocol in host order, IPv4); a frame cut short;
                     an extension 8 bytes long (no number)
juniper-ppp.pcap     LINKTYPE_JUNIPER_PPP (179): two bytes, then PPP
juniper-chdlc.pcap   LINKTYPE_JUNIPER_CHDLC (181): Cisco HDLC
juniper-frelay.pcap  LINKTYPE_JUNIPER_FRELAY (180): Frame Relay, NLPID IP
juniper-pppoe.pcap   LINKTYPE_JUNIPER_PPPOE (167): Ethernet, PPPoE session
juniper-atm1.pcap    LINKTYPE_JUNIPER_ATM1 (137): a 4-byte cookie, then
                     VC-multiplexed IPv4, LLC/SNAP IPv4, an OAM cell
juniper-atm2.pcap    LINKTYPE_JUNIPER_ATM2 (135): an 8-byte cookie, then
                     LLC/SNAP IPv4, PPP (VC-MUX)
juniper-ggsn.pcap    LINKTYPE_JUNIPER_GGSN (133): protocol and VLAN
juniper-svcs.pcap    LINKTYPE_JUNIPER_SERVICES (136): an inbound and an
                     outbound services cookie
juniper-vp.pcap      LINKTYPE_JUNIPER_VP (183): 18 bytes, then IPv4
juniper-mlppp.pcap   LINKTYPE_JUNIPER_MLPPP (130): an ML-PIC cookie, an
                     LS-PIC cookie, then PPP
juniper-mlfr.pcap    LINKTYPE_JUNIPER_MLFR (131): an ML-PIC bundle's OSI
                     frame (cookie, UI, NLPID), an AS-PIC cookie, IPv4;
                     a child link's Q.933 LMI status enquiry
q933.pcap            Frame Relay's LMI (Q.933) on DLCI 0: ANSI annex D and
                     ITU annex A status enquiries and full status answers
                     (PVC status, DLCIs of 2 and 3 octets); a call
                     reference, a non-locking shift, an element Wireshark
                     shows as data, a repeat indicator, an element cut
ipnet.pcap           LINKTYPE_IPNET (226): IPv4 inbound, IPv6 outbound
                     between zones, version 2 local, an unknown family, a
                     header cut by the capture
pktap.pcap           LINKTYPE_PKTAP (258): Ethernet, raw IP (DLT 12), a
                     header of 112 bytes before a loopback (DLT 0) packet,
                     a record of no packet, a header length below 108
bvlc.pcap            BACnet/IP's BVLC on UDP 47808: original broadcast and
                     unicast NPDUs, a forwarded one, results (success and a
                     NAK), the broadcast distribution table written, asked
                     for and read, a foreign device registered, the foreign
                     device table read, an entry deleted; NPDUs: network
                     layer messages (I-Am-Router, the routing table, a
                     vendor's, a Reject), destinations and sources of
                     several MAC lengths, an invalid one; APDUs of each
                     type (confirmed requests plain and segmented, Who-Is,
                     I-Am, the ACKs, Error, Reject, Abort); a table cut by
                     the capture
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402


def ip_v4():
    """An IPv4 UDP datagram (the discard port, a few bytes)."""
    return pcaplib.ipv4(pcaplib.C, pcaplib.S, 17,
                        pcaplib.udp(pcaplib.C, pcaplib.S, 40000, 9,
                                    b"junos"))


def eth(et=0x0800, payload=None):
    return pcaplib.ether(pcaplib.MS, pcaplib.MC, et,
                         ip_v4() if payload is None else payload)


def mgc(flags, tlvs=b""):
    """The pseudo-header: "MGC", flags, and extensions when flag 0x80."""
    h = b"MGC" + bytes([flags])
    if flags & 0x80:
        h += struct.pack("!H", len(tlvs)) + tlvs
    return h


def tlv(t, v):
    return bytes([t, len(v)]) + v


EXT = (tlv(1, struct.pack("<I", 137)) +          # device index
       tlv(2, b"ge-0/0/1") +                     # name: tshark skips it
       tlv(3, struct.pack("<H", 1)) +            # media type Ethernet
       tlv(4, struct.pack("<I", 70)) +           # logical index
       tlv(5, struct.pack("<I", 0)) +            # unit
       tlv(6, struct.pack("<H", 14)))            # encaps Ethernet


# Q.933 LMI messages from their discriminator (0x08): ANSI's (a locking
# shift to codeset 5, elements 0x01/0x03/0x07) and ITU's (0x51/0x53/0x57).
LMI_ANSI_ENQ = bytes.fromhex("0800759501010103020100")
LMI_ANSI_FULL = bytes.fromhex("08007d95010100030202010703006482"
                              "0703008482")
LMI_ITU_ENQ = bytes.fromhex("0800755101015302 0100".replace(" ", ""))
LMI_ITU_FULL = bytes.fromhex("08007d510100530202015703018182"
                             "57040102038a")
# A call reference of 2 bytes, a non-locking shift to codeset 5 and an
# element there Wireshark knows no more of (shown as data), a repeat
# indicator, an element past the end of the frame.
Q933_ODD = bytes.fromhex("0802001505" "9d" "0a03aabbcc" "d1" "5103")


def q933(out):
    """q933.pcap: Frame Relay DLCI 0, control UI, then the messages."""
    fr = b"\x00\x01\x03"
    pcaplib.write(os.path.join(out, "q933.pcap"),
                  [fr + m for m in (LMI_ANSI_ENQ, LMI_ANSI_FULL, LMI_ITU_ENQ,
                                    LMI_ITU_FULL, Q933_ODD)],
                  linktype=107)


def ipnet_pktap(out):
    """ipnet.pcap and pktap.pcap: Solaris's and Apple's headers."""
    ip = ip_v4()
    ip6 = pcaplib.ipv6(pcaplib.C6, pcaplib.S6, 17,
                       pcaplib.udp(pcaplib.C6, pcaplib.S6, 40000, 9,
                                   b"junos"))

    def ipnet(ver, fam, hook, p, ifi=2, grif=0, zsrc=0, zdst=0):
        return struct.pack("!BBHIIIII", ver, fam, hook, len(p), ifi, grif,
                           zsrc, zdst) + p
    cut = ipnet(1, 2, 0, ip)
    pcaplib.write(os.path.join(out, "ipnet.pcap"), [
        ipnet(1, 2, 0, ip), ipnet(1, 26, 1, ip6, 3, 1, 0, 5),
        ipnet(2, 2, 2, ip, 1), ipnet(1, 7, 0, b"abcd"),
        (cut[:20], len(cut)),
    ], linktype=226)

    def pktap(dlt, p, rectype=1, hdrlen=108, extra=b""):
        return struct.pack("<III24sIIIII20sIHHI20s", hdrlen, rectype, dlt,
                           b"en0", 1, 2, 14, 0, 321, b"curl", 0, 6, 0, 321,
                           b"curl") + extra + p
    eth = pcaplib.ether(pcaplib.MS, pcaplib.MC, 0x0800, ip)
    pcaplib.write(os.path.join(out, "pktap.pcap"), [
        pktap(1, eth), pktap(12, ip),
        pktap(0, struct.pack("<I", 2) + ip, hdrlen=112, extra=bytes(4)),
        pktap(1, b"", rectype=0), pktap(1, eth, hdrlen=20),
    ], linktype=258)


def bvlc(out):
    """bvlc.pcap: BACnet/IP's virtual link layer on UDP 47808, and the
    network layer (NPDU) its messages carry."""
    def msg(func, body):
        return struct.pack("!BBH", 0x81, func, 4 + len(body)) + body
    bdt = bytes.fromhex("c0a80001bac0ffffff00" "c0a80101bac0ffffffff")
    fdt = bytes.fromhex("0a000005bac0003c0023")
    npdu = bytes.fromhex("0120ffff00ff1008")        # Who-Is, global
    # NPDUs: a router's I-Am-Router-To-Network (networks 5, 7), the
    # routing table's two ports, a vendor's message (0x80, vendor 260),
    # an APDU to an Ethernet MAC on network 9 from MS/TP station 3 on
    # network 2 expecting a reply, one to a 3-byte MAC, one with a
    # destination length Wireshark calls invalid (7), a Reject
    # (reason 1, network 12)
    nets = [bytes.fromhex(h) for h in (
        "0180" "0100050007",
        "0180" "0602" "0005" "01" "00" "0007" "02" "02" "aabb",
        "0180" "80" "0104" "deadbeef",
        "012c" "0009" "06" "020000000002" "0002" "01" "03" "ff" "0005",
        "0120" "000a" "03" "010203" "07" "0c",
        "0120" "000b" "07" "40" "00",
        "0180" "03" "01" "000c",
    )]
    msgs = [
        msg(0x0b, npdu), msg(0x0a, bytes.fromhex("0100") + bytes(4)),
        msg(0x04, bytes.fromhex("c0a80001bac0") + npdu),
        msg(0x00, b"\x00\x00"), msg(0x00, b"\x00\x30"),
        msg(0x01, bdt), msg(0x02, b""), msg(0x03, bdt),
        msg(0x05, b"\x00\x3c"), msg(0x07, fdt),
        msg(0x08, bytes.fromhex("0a000005bac0")),
    ] + [msg(0x0a, n) for n in nets]
    # APDUs of each type after an NPDU expecting a reply: readProperty
    # (plain and segmented), Who-Is, I-Am, a SimpleACK, a ComplexACK,
    # Segment-ACKs (one a NAK), an Error, a Reject, an Abort
    apdus = ("0005010c0c0200000119" "4d", "0c050200040c0c02000001194d",
             "1008", "1000c4020000012204009103220104", "20010f",
             "30010c0c02000001194d3e7504004142433f", "40020304",
             "42020304", "50010c91029120", "600102", "710104")
    msgs += [msg(0x0a, bytes.fromhex("0104" + a)) for a in apdus]
    frames = [pcaplib.udp_frame(i % 2 == 0, 47808, 47808, m)
              for i, m in enumerate(msgs)]
    cut = pcaplib.udp_frame(True, 47808, 47808, msg(0x03, bdt))
    frames.append((cut[:len(cut) - 12], len(cut)))
    pcaplib.write(os.path.join(out, "bvlc.pcap"), frames)


def main(out):
    j = os.path.join
    cut = mgc(0x81, EXT) + eth()
    pcaplib.write(j(out, "juniper-ether.pcap"), [
        mgc(0x81, EXT) + eth(),
        mgc(0x00) + eth(),
        mgc(0x83, EXT) + struct.pack("<I", 2) + ip_v4(),
        (cut[:30], len(cut)),
        mgc(0x83, tlv(1, b"\x01\x00") + tlv(4, bytes(range(1, 9)))) +
        struct.pack("<I", 2) + ip_v4(),
    ], linktype=178)
    pcaplib.write(j(out, "juniper-ppp.pcap"), [
        mgc(0x01) + b"\xff\x03" + b"\x00\x21" + ip_v4(),
    ], linktype=179)
    pcaplib.write(j(out, "juniper-chdlc.pcap"), [
        mgc(0x01) + b"\x0f\x00\x08\x00" + ip_v4(),
    ], linktype=181)
    pcaplib.write(j(out, "juniper-frelay.pcap"), [
        mgc(0x00) + b"\x18\x41\x03\xcc" + ip_v4(),
    ], linktype=180)
    pppoe = struct.pack("!BBHH", 0x11, 0, 7, 2 + len(ip_v4())) + \
        b"\x00\x21" + ip_v4()
    pcaplib.write(j(out, "juniper-pppoe.pcap"), [
        mgc(0x01) + eth(0x8864, pppoe),
    ], linktype=167)
    snap = b"\xaa\xaa\x03\x00\x00\x00\x08\x00" + ip_v4()
    pcaplib.write(j(out, "juniper-atm1.pcap"), [
        mgc(0x00) + struct.pack("!I", 0x00010020) + ip_v4(),
        mgc(0x01) + struct.pack("!I", 0x00010020) + snap,
        mgc(0x01) + struct.pack("!I", 0x80010020) + bytes(48),
    ], linktype=137)
    pcaplib.write(j(out, "juniper-atm2.pcap"), [
        mgc(0x01) + struct.pack("!Q", 0x0000000100200000) + snap,
        mgc(0x01) + struct.pack("!Q", 0x0000000100200000) +
        b"\x00\x21" + ip_v4(),
    ], linktype=135)
    pcaplib.write(j(out, "juniper-ggsn.pcap"), [
        mgc(0x01) + struct.pack("<HH", 2, 100) + ip_v4(),
    ], linktype=133)
    pcaplib.write(j(out, "juniper-svcs.pcap"), [
        mgc(0x01) + bytes(16) + ip_v4(),
        mgc(0x00) + bytes(12) + ip_v4(),
    ], linktype=136)
    pcaplib.write(j(out, "juniper-vp.pcap"), [
        mgc(0x00) + bytes(18) + ip_v4(),
    ], linktype=183)
    pcaplib.write(j(out, "juniper-mlppp.pcap"), [
        mgc(0x01) + b"\x12\x34" + b"\x00\x21" + ip_v4(),
        mgc(0x01) + struct.pack("!I", 0x54000102) + b"\x00\x21" + ip_v4(),
    ], linktype=130)
    pcaplib.write(j(out, "juniper-mlfr.pcap"), [
        mgc(0x01) + b"\x12\x34\x03" + b"\x81" + bytes(12),
        mgc(0x00) + b"\x12\x34\x03" + LMI_ANSI_ENQ,
        mgc(0x01) + struct.pack("!Q", 0x4700000000000000) + ip_v4(),
    ], linktype=131)
    q933(out)
    ipnet_pktap(out)
    bvlc(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "captures")
