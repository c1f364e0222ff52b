#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Small UDP services of routers and printers, written frame by frame
(pcaplib):

tacacs.pcap  TACACS and XTACACS (RFC 1492, UDP 49), the forerunners of
             TACACS+: a TACACS login with user and password and its
             response (accepted), an XTACACS login with its longer
             header, the XTACACS response (rejected, reason denied), a
             logout, and an XTACACS login cut short.
autorp.pcap  Cisco Auto-RP (UDP 496): an RP-Announce of one RP for two
             group ranges (one negative), an RP-Discovery mapping two RPs,
             and an announcement cut short.
cups.pcap    CUPS browsing (UDP 631): two printers announced (type bits,
             state, URI, location, information, make and model, quoted),
             and one announcement that ends after the URI.
bfdecho.pcap BFD echo packets (UDP 3785), which the sender alone reads:
             two of different lengths.
mndp.pcap    MikroTik Neighbor Discovery (UDP 5678): a router's
             announcement with every TLV strata knows and one it does
             not, and a datagram too short to be one (data).
dblsp.pcap   Dropbox LAN sync discovery (UDP 17500): a client's JSON
             announcement.
tzsp.pcap    TZSP (UDP 37008), a remote sensor's capture stream: an
             Ethernet frame (a DNS query) after radio tags (signal,
             rate, channel, sensor MAC, original length, a pad), an
             802.11 probe request after an FCS tag, a keepalive, and
             tags cut short.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402


def tacacs_frames():
    f = []
    u, p = b"alice", b"secret"
    login = bytes([0, 1]) + struct.pack("!H", 0x1234) + \
        bytes([len(u), len(p)]) + u + p
    f.append(pcaplib.udp_frame(True, 40049, 49, login))
    resp = bytes([0, 2]) + struct.pack("!H", 0x1234) + bytes([1, 0])
    f.append(pcaplib.udp_frame(False, 49, 40049, resp))
    xlogin = bytes([0x80, 1]) + struct.pack("!H", 0x5678) + \
        bytes([len(u), len(p), 0, 0]) + struct.pack("!I", 0) + \
        bytes([198, 18, 0, 9]) + struct.pack("!HHIH", 23, 4, 0, 0) + u + p
    f.append(pcaplib.udp_frame(True, 40050, 49, xlogin))
    xresp = bytes([0x80, 2]) + struct.pack("!H", 0x5678) + \
        bytes([0, 0, 2, 3]) + struct.pack("!I", 0x10) + \
        bytes(4) + struct.pack("!HHIH", 0, 4, 0x20, 0x30)
    f.append(pcaplib.udp_frame(False, 49, 40050, xresp))
    xlogout = bytes([0x80, 7]) + struct.pack("!H", 0x9abc) + \
        bytes([len(u), 0, 0, 4]) + struct.pack("!I", 0) + bytes(4) + \
        struct.pack("!HHIH", 0, 4, 0, 0) + u
    f.append(pcaplib.udp_frame(True, 40051, 49, xlogout))
    f.append(pcaplib.udp_frame(True, 40052, 49, xlogin[:15]))
    return f


def autorp_frames():
    f = []
    # Announce: version 1, type 1; one RP, PIMv2, two groups.
    ann = bytes([0x11, 1]) + struct.pack("!HI", 181, 0) + \
        bytes([198, 18, 0, 1, 0x02, 2]) + \
        bytes([0, 4, 239, 0, 0, 0]) + bytes([1, 8, 239, 255, 0, 0])
    f.append(pcaplib.udp_frame(True, 496, 496, ann))
    # Discovery: type 2; two RPs, one group each (PIMv1+2 and v1).
    disc = bytes([0x12, 2]) + struct.pack("!HI", 181, 0) + \
        bytes([198, 18, 0, 1, 0x03, 1, 0, 4, 224, 0, 0, 0]) + \
        bytes([198, 18, 0, 2, 0x01, 1, 0, 8, 232, 0, 0, 0])
    f.append(pcaplib.udp_frame(False, 496, 496, disc))
    f.append(pcaplib.udp_frame(True, 496, 496, ann[:13]))
    return f


def cups_frames():
    f = []
    f.append(pcaplib.udp_frame(
        True, 631, 631,
        b'900c 3 ipp://198.18.0.1:631/printers/lab "Room 101" '
        b'"Colour laser" "ACME LaserJet 9000"\n'))
    f.append(pcaplib.udp_frame(
        True, 631, 631,
        b'4 5 ipp://198.18.0.1:631/classes/all "" "All printers" '
        b'"Local Printer Class"\n'))
    f.append(pcaplib.udp_frame(
        False, 631, 631, b'9006 3 ipp://198.18.0.2:631/printers/x'))
    return f


def bfdecho_frames():
    return [pcaplib.udp_frame(True, 49152, 3785,
                              bytes.fromhex("0102030405060708")),
            pcaplib.udp_frame(True, 49152, 3785, b"strata echo 2")]


def mndp_frames():
    def tlv(t, v):
        return struct.pack("!HH", t, len(v)) + v
    m = b"\x00\x00\x00\x05" + tlv(1, bytes.fromhex("020000000009")) + \
        tlv(5, b"MikroTik") + tlv(7, b"6.48.6 (stable)") + \
        tlv(8, b"MikroTik") + tlv(10, struct.pack("<I", 3600)) + \
        tlv(11, b"ABCD-1234") + tlv(12, b"RB951Ui-2HnD") + \
        tlv(14, b"\x01") + tlv(16, b"ether1") + \
        tlv(17, bytes([198, 18, 0, 9])) + tlv(15, bytes(16)) + \
        tlv(99, b"zz")
    return [pcaplib.udp_frame(True, 5678, 5678, m),
            pcaplib.udp_frame(True, 5678, 5678, b"\x00\x00\x00\x00")]


def dblsp_frames():
    j = (b'{"host_int": 123456789, "version": [2, 0], "displayname": "", '
         b'"port": 17500, "namespaces": [1, 2, 3]}')
    return [pcaplib.udp_frame(True, 17500, 17500, j)]


def tzsp_frames():
    inner = pcaplib.udp_frame(True, 40000, 53, bytes.fromhex(
        "12340100000100000000000000000100" "01"))
    tags = bytes([10, 1, 0xd8, 12, 1, 22, 18, 1, 6, 60, 6]) + \
        bytes.fromhex("02000000000a") + bytes([41, 2]) + \
        struct.pack("!H", len(inner)) + bytes([0, 1])
    eth = bytes([1, 0]) + struct.pack("!H", 1) + tags + inner
    probe = bytes.fromhex("40000000ffffffffffff020000000001ffffffffffff"
                          "10000000" "01040204 0b16".replace(" ", ""))
    wlan = bytes([1, 0]) + struct.pack("!H", 18) + bytes([17, 1, 0, 1]) + \
        probe
    keep = bytes([1, 4]) + struct.pack("!H", 0)
    cut = bytes([1, 0]) + struct.pack("!H", 1) + bytes([10, 1])
    return [pcaplib.udp_frame(True, 37008, 37008, x)
            for x in (eth, wlan, keep, cut)]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    pcaplib.write(os.path.join(here, "tacacs.pcap"), tacacs_frames())
    pcaplib.write(os.path.join(here, "autorp.pcap"), autorp_frames())
    pcaplib.write(os.path.join(here, "cups.pcap"), cups_frames())
    pcaplib.write(os.path.join(here, "bfdecho.pcap"), bfdecho_frames())
    pcaplib.write(os.path.join(here, "mndp.pcap"), mndp_frames())
    pcaplib.write(os.path.join(here, "dblsp.pcap"), dblsp_frames())
    pcaplib.write(os.path.join(here, "tzsp.pcap"), tzsp_frames())


if __name__ == "__main__":
    main()
