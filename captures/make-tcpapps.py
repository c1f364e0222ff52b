#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""The tcpapps family's captures, written frame by frame (pcaplib):

diameter.pcap  Diameter (RFC 6733) on TCP 3868: a Capabilities-Exchange
               Request (Origin-Host, Origin-Realm, Host-IP-Address, Vendor-Id,
               Product-Name, Auth-Application-Id, a Grouped
               Vendor-Specific-Application-Id, an unknown AVP and a 3GPP
               vendor AVP) and its Answer (Result-Code 2001, an IPv6
               Host-IP-Address); a Device-Watchdog Request and an Accounting
               Request (Session-Id, Event-Timestamp, User-Name) in one
               segment; bytes that start no message (tshark's
               Continuation); a Device-Watchdog Request over SCTP (payload
               protocol 46).
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

OUT = os.path.dirname(os.path.abspath(__file__))


def u32(v):
    return struct.pack("!I", v)


def avp(code, data, flags=0x40, vendor=None):
    """A Diameter AVP, padded to 4 bytes; a vendor sets V."""
    f = flags | (0x80 if vendor is not None else 0)
    hl = 12 if vendor is not None else 8
    h = u32(code) + u32(f << 24 | (hl + len(data)))
    if vendor is not None:
        h += u32(vendor)
    return h + data + b"\0" * (-len(data) % 4)


def dmsg(cmd, flags, app, hbh, e2e, avps):
    body = b"".join(avps)
    return u32(1 << 24 | (20 + len(body))) + u32(flags << 24 | cmd) + \
        struct.pack("!III", app, hbh, e2e) + body


def diameter():
    frames = []
    cer = dmsg(257, 0x80, 0, 0x11223344, 0x55667788, [
        avp(264, b"client.example.org"), avp(296, b"example.org"),
        avp(257, b"\x00\x01\xc6\x12\x00\x01"), avp(266, u32(10415)),
        avp(269, b"strata", flags=0), avp(258, u32(4294967295)),
        avp(258, u32(16777251)),
        avp(260, avp(266, u32(10415)) + avp(258, u32(16777251))),
        avp(267, u32(1), flags=0), avp(99999, b"\x01\x02\x03"),
        avp(1407, b"\x00\xf1\x10", vendor=10415, flags=0xc0)])
    cea = dmsg(257, 0x00, 0, 0x11223344, 0x55667788, [
        avp(268, u32(2001)), avp(264, b"server.example.org"),
        avp(296, b"example.org"),
        avp(257, b"\x00\x02" + pcaplib.S6), avp(266, u32(0)),
        avp(269, b"srv", flags=0)])
    dwr = dmsg(280, 0x80, 0, 1, 2, [avp(264, b"a.example.org"),
                                    avp(296, b"example.org"),
                                    avp(278, u32(7))])
    acr = dmsg(271, 0xc0, 3, 3, 4, [
        avp(263, b"a.example.org;1;2"), avp(480, u32(2)), avp(485, u32(0)),
        avp(55, u32(3900000000)), avp(1, b"alice"),
        avp(287, struct.pack("!Q", 1 << 40))])
    c = pcaplib.Conn(40000, 3868, frames)
    c.handshake()
    c.send(True, cer)
    c.send(False, cea)
    c.send(True, dwr + acr)
    c.send(True, b"not a Diameter message, the middle of one")
    frames.append(pcaplib.sctp_data_frame(True, 3868, 3868, 46, dwr))
    return frames


def main():
    pcaplib.write(os.path.join(OUT, "diameter.pcap"), diameter())


if __name__ == "__main__":
    main()
