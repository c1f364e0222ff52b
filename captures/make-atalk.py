#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""AppleTalk captures, written frame by frame (pcaplib), not captured:

atalk.pcap   DDP over Ethernet: long headers after SNAP (OUI 08:00:07,
             PID 0x809b) on 802.3 frames;
             NBP lookup and reply (tuples), RTMP data (extended and
             plain tuples) and request, ATP request (ZIP GetZoneList on
             socket 6), release (user bytes), ZIP query, reply,
             GetNetInfo request and reply, AEP (data to tshark), an
             LLAP frame after EtherType 0x809b (as Wireshark reads that
             EtherType) whose DDP checksum is left 0, a length past the
             frame, a header cut by the capture
llap.pcap    LINKTYPE_LTALK (114): LLAP headers before a long DDP (NBP),
             short DDPs (an RTMP request, which tshark 4.0 calls
             malformed, and an NBP lookup), an enquiry
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

BCAST = bytes.fromhex("090007ffffff")


def ddp_cksum(b):
    """DDP's checksum (Inside AppleTalk 4-17): add each byte, rotate the
    16-bit sum left one bit; 0 becomes 0xffff."""
    s = 0
    for x in b:
        s = (s + x) & 0xFFFF
        s = ((s << 1) | (s >> 15)) & 0xFFFF
    return s or 0xFFFF


def ddp(dnet, snet, dnode, snode, dsock, ssock, typ, payload, hops=0,
        ck=True, length=None):
    body = struct.pack("!HHBBBBB", dnet, snet, dnode, snode, dsock, ssock,
                       typ) + payload
    n = 4 + len(body) if length is None else length
    c = ddp_cksum(body) if ck else 0
    return struct.pack("!HH", hops << 10 | n, c) + body


def snap(payload):
    """An 802.3 frame with LLC/SNAP, Apple's OUI and AppleTalk's PID."""
    llc = bytes([0xAA, 0xAA, 0x03, 0x08, 0x00, 0x07, 0x80, 0x9B])
    b = llc + payload
    f = BCAST + pcaplib.MC + struct.pack("!H", len(b)) + b
    return f + bytes(max(0, 60 - len(f)))


def pstr(s):
    return bytes([len(s)]) + s


def nbp_tuple(net, node, sock, enum, obj, typ, zone):
    return struct.pack("!HBBB", net, node, sock, enum) + pstr(obj) + \
        pstr(typ) + pstr(zone)


def atalk():
    fr = []
    # NBP broadcast request: one tuple, "=:AFPServer@*"
    fr.append(snap(ddp(0, 100, 0xFF, 12, 2, 253, 2, bytes([0x11, 7]) +
                       nbp_tuple(100, 12, 253, 0, b"=", b"AFPServer",
                                 b"*"))))
    # NBP reply with two tuples
    fr.append(snap(ddp(100, 200, 12, 34, 253, 2, 2, bytes([0x32, 7]) +
                       nbp_tuple(200, 34, 250, 1, b"Mac One", b"AFPServer",
                                 b"Office") +
                       nbp_tuple(200, 35, 128, 0, b"Laser", b"LaserWriter",
                                 b"Office"), hops=2)))
    # RTMP data: sender's net and node, an extended tuple (version 0x82),
    # a plain one and another extended one
    fr.append(snap(ddp(0, 100, 0xFF, 1, 1, 1, 1,
                       struct.pack("!HBB", 100, 8, 1) +
                       struct.pack("!HBHB", 100, 0x80, 105, 0x82) +
                       struct.pack("!HB", 300, 2) +
                       struct.pack("!HBHB", 400, 0x83, 410, 0x82))))
    # RTMP request
    fr.append(snap(ddp(0, 100, 0xFF, 12, 1, 253, 5, bytes([1]))))
    # ATP TReq, XO, 30 s, to socket 6: ZIP GetZoneList from index 1
    fr.append(snap(ddp(100, 100, 1, 12, 6, 253, 3,
                       bytes([0x60, 0x01]) + struct.pack("!H", 4660) +
                       bytes([8, 0]) + struct.pack("!H", 1))))
    # ATP TRel with its user bytes
    fr.append(snap(ddp(100, 100, 1, 12, 200, 201, 3,
                       bytes([0xC0, 0x00]) + struct.pack("!HI", 77,
                                                         0xDEADBEEF))))
    # ZIP query for two networks
    fr.append(snap(ddp(100, 100, 1, 12, 6, 6, 6,
                       bytes([1, 2]) + struct.pack("!HH", 100, 300))))
    # ZIP reply: two networks and their zones
    fr.append(snap(ddp(100, 100, 12, 1, 6, 6, 6,
                       bytes([2, 2]) + struct.pack("!H", 100) +
                       pstr(b"Office") + struct.pack("!H", 300) +
                       pstr(b"Lab"))))
    # ZIP GetNetInfo request and reply (default zone)
    fr.append(snap(ddp(0, 0, 0xFF, 12, 6, 6, 6,
                       bytes([5, 0]) + bytes(4) + pstr(b""))))
    fr.append(snap(ddp(0, 100, 12, 1, 6, 6, 6,
                       bytes([6, 0xA0]) + struct.pack("!HH", 100, 105) +
                       pstr(b"") + pstr(BCAST) + pstr(b"Office"))))
    # AEP echo request: data to tshark
    fr.append(snap(ddp(100, 100, 1, 12, 4, 253, 4, bytes([1]) +
                       b"ping")))
    # EtherType 0x809b: a gatewayed LocalTalk frame, LLAP header and all,
    # as Wireshark reads it; its DDP's checksum left 0
    fr.append(pcaplib.ether(BCAST, pcaplib.MC, 0x809B, bytes([0xFF, 12, 2]) +
                            ddp(0, 100, 0xFF, 12, 2, 253, 2,
                                bytes([0x21, 9]) +
                                nbp_tuple(100, 12, 253, 0, b"=", b"=",
                                          b"*"), ck=False)))
    # a length past the frame
    fr.append(snap(ddp(100, 100, 1, 12, 1, 253, 5, bytes([1]),
                       length=200)))
    # a header cut by the capture
    f = snap(ddp(100, 100, 1, 12, 2, 253, 2, bytes([0x11, 7]) +
                 nbp_tuple(100, 12, 253, 0, b"=", b"AFPServer", b"*")))
    fr.append((f[:30], len(f)))
    return fr


def llap():
    fr = []
    fr.append(bytes([0xFF, 12, 2]) +
              ddp(0, 100, 0xFF, 12, 2, 253, 2, bytes([0x11, 3]) +
                  nbp_tuple(100, 12, 253, 0, b"=", b"LaserWriter",
                            b"*")))
    # short DDP: length, sockets, type
    fr.append(bytes([0xFF, 12, 1]) + struct.pack("!HBBB", 6, 1, 253, 5) +
              bytes([1]))
    # short DDP of an NBP lookup; the RTMP request above is too short for
    # tshark 4.0, whose hidden address fields reach bytes 4 to 8
    nbp = bytes([0x21, 4]) + nbp_tuple(0, 12, 253, 0, b"=", b"AFPServer",
                                       b"*")
    fr.append(bytes([0xFF, 12, 1]) +
              struct.pack("!HBBB", 5 + len(nbp), 2, 253, 2) + nbp)
    fr.append(bytes([0x0C, 0x0C, 0x81]))
    return fr


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    pcaplib.write(os.path.join(out, "atalk.pcap"), atalk())
    pcaplib.write(os.path.join(out, "llap.pcap"), llap(), linktype=114)


if __name__ == "__main__":
    main()
