#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the appcov captures: application requests and the responses
Wireshark pairs with them (strata/match.h), built by hand between
198.18.0.1 (client) and 198.18.0.2 (server); one frame a second.

usage: make-appcov.py DIR
  appcov-pairs.pcap  SNMP get-next and its response, a response with no
                     request; LDAP bind and search over TCP, the bind's
                     response with two search entries in one segment and
                     the search's done in a later one; RADIUS Access-Request, its Accept, the
                     request again and the Accept again (duplicates)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Conn, udp_frame, write  # noqa: E402


def tlv(t, b):
    return bytes([t, len(b)]) + b


def snmp(pdu, reqid, val):
    vb = tlv(0x30, tlv(0x30, tlv(6, bytes.fromhex("2b06010201010100"))
                       + val))
    p = tlv(pdu, tlv(2, reqid) + tlv(2, b"\0") + tlv(2, b"\0") + vb)
    return tlv(0x30, tlv(2, b"\1") + tlv(4, b"public") + p)


def ldap(i, op):
    return tlv(0x30, tlv(2, bytes([i])) + op)


def pairs():
    fr = []
    fr.append(udp_frame(True, 40161, 161, snmp(0xa1, b"\x2b\x13",
                                               b"\x05\x00")))
    fr.append(udp_frame(False, 161, 40161, snmp(0xa2, b"\x2b\x13",
                                                tlv(4, b"abc"))))
    fr.append(udp_frame(False, 161, 40161, snmp(0xa2, b"\x2b\x14",
                                                tlv(2, b"\x07"))))
    res = tlv(0x0a, b"\0") + tlv(4, b"") + tlv(4, b"")
    c = Conn(40389, 389, fr)
    c.handshake()
    srch = tlv(0x63, tlv(4, b"") + tlv(0x0a, b"\2") + tlv(0x0a, b"\0")
               + tlv(2, b"\0") + tlv(2, b"\0") + tlv(1, b"\0")
               + tlv(0x87, b"objectClass") + tlv(0x30, b""))
    c.send(True, ldap(1, tlv(0x60, tlv(2, b"\3") + tlv(4, b"cn=a")
                             + tlv(0x80, b"pw"))) + ldap(2, srch))
    ent = ldap(2, tlv(0x64, tlv(4, b"c=x") + tlv(0x30, b"")))
    c.send(False, ldap(1, tlv(0x61, res)) + ent + ent)
    c.send(False, ldap(2, tlv(0x65, res)))
    auth = bytes(range(16))
    req = b"\x01\x05\x00\x1f" + auth + b"\x01\x05bob" + b"\x05\x06\0\0\0\1"
    acc = b"\x02\x05\x00\x14" + auth[::-1]
    for m, cl in ((req, True), (acc, False), (req, True), (acc, False)):
        fr.append(udp_frame(cl, 41812 if cl else 1812,
                            1812 if cl else 41812, m))
    return fr


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    write(os.path.join(out, "appcov-pairs.pcap"), pairs())


if __name__ == "__main__":
    main()
