#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""LWRES captures, written frame by frame (pcaplib), not captured:

lwres.pcap   BIND 9's lightweight resolver on UDP 921: getaddrbyname
             request and response (real name, an alias, two addresses),
             getnamebyaddr request and response (an alias),
             getrdatabyname request and response (two A records), a
             no-op, a response with result "not found" (no body), a
             request whose name length runs past the datagram; the
             messages with addresses end with six bytes of slack (see
             SLACK)
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

ADDRS, NAME, RDATA = 0x00010001, 0x00010002, 0x00010003
# tshark 4.0 takes an address field as long as its dotted text (10 bytes
# for 192.0.2.10), past the end of a datagram whose address is last: six
# bytes of slack after the last address let it read that address too
SLACK = bytes(6)


def hdr(op, serial, body, resp=False, result=0):
    return struct.pack("!IHHIIIIHH", 28 + len(body), 0, 1 if resp else 0,
                       serial, op, result, 4096, 0, 0) + body


def name(s):
    return struct.pack("!H", len(s)) + s + b"\0"


def frames():
    fr = []

    def send(client, payload):
        sp, dp = (40000, 921) if client else (921, 40000)
        fr.append(pcaplib.udp_frame(client, sp, dp, payload))

    send(True, hdr(ADDRS, 1, struct.pack("!II", 0, 3) +
                   name(b"www.example.com")))
    send(False, hdr(ADDRS, 1, struct.pack("!IHH", 0, 1, 2) +
                    name(b"web.example.com") + name(b"www.example.com") +
                    struct.pack("!IH", 1, 4) + bytes([192, 0, 2, 10]) +
                    struct.pack("!IH", 1, 4) + bytes([192, 0, 2, 11]) +
                    SLACK, resp=True))
    send(True, hdr(NAME, 2, struct.pack("!IIH", 0, 1, 4) +
                   bytes([192, 0, 2, 10]) + SLACK))
    # the real name has no NUL after it: Wireshark reads none
    send(False, hdr(NAME, 2, struct.pack("!IHH", 0, 1, 15) +
                    b"web.example.com" + name(b"www.example.com"),
                    resp=True))
    send(True, hdr(RDATA, 3, struct.pack("!IHH", 0, 1, 1) +
                   name(b"example.com")))
    send(False, hdr(RDATA, 3, struct.pack("!IHHIHH", 0, 1, 1, 3600, 2, 0) +
                    name(b"example.com") +
                    struct.pack("!H", 4) + bytes([192, 0, 2, 1]) +
                    struct.pack("!H", 4) + bytes([192, 0, 2, 2]),
                    resp=True))
    send(True, hdr(0, 4, struct.pack("!H", 0)))
    send(False, hdr(ADDRS, 5, b"", resp=True, result=3))
    send(True, hdr(ADDRS, 6, struct.pack("!IIH", 0, 3, 200) + b"www"))
    return fr


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    pcaplib.write(os.path.join(out, "lwres.pcap"), frames())


if __name__ == "__main__":
    main()
