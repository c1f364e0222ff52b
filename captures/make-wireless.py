#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the 802.11 captures: frames made by hand (this kernel makes no
802.11 traffic without a radio), so they are the same every time.

  wireless.pcap        LINKTYPE_IEEE802_11_RADIOTAP (127): a beacon (with
                       FCS), probe request and response, authentication,
                       association request and response, data to the DS
                       (LLC/SNAP/IPv4/UDP), QoS data from the DS, RTS, CTS,
                       ACK, block ack request and block ack, a protected
                       data frame, a deauthentication, a radiotap header
                       with three bitmaps (radiotap and vendor namespaces,
                       TSFT, MCS, VHT), a beacon whose FCS is bad, and a
                       beacon cut short by the capture
  wireless-noradio.pcap LINKTYPE_IEEE802_11 (105): a probe request and a
                       data frame with four addresses (a wireless bridge)
  wireless-ppi.pcap    LINKTYPE_PPI (192): a beacon with its FCS and an ACK,
                       each after an 802.11-common field

usage: make-wireless.py DIR
"""
import os
import struct
import sys
import zlib

AP = bytes.fromhex("020000000001")      # the access point (BSSID)
STA = bytes.fromhex("020000000002")     # a station
GW = bytes.fromhex("020000000003")      # a host beyond the AP
BC = b"\xff" * 6


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def udp_ip(src, dst, sport, dport, data):
    udp = struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data
    ph = src + dst + struct.pack("!BBH", 0, 17, len(udp))
    udp = udp[:6] + struct.pack("!H", csum(ph + udp)) + udp[8:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 1, 0x4000,
                     64, 17, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    return ip + udp


def snap(etype, payload):
    return bytes([0xAA, 0xAA, 0x03, 0, 0, 0]) + struct.pack("!H", etype) + payload


def radiotap(fcs=False, freq=2437, signal=-42):
    """flags, rate, channel, dBm antenna signal, antenna."""
    present = 0x2 | 0x4 | 0x8 | 0x20 | 0x800
    body = struct.pack("<BB", 0x10 if fcs else 0, 12)        # flags, 6 Mb/s
    body += struct.pack("<HH", freq, 0x00C0)                  # 2 GHz OFDM
    body += struct.pack("<bB", signal, 1)                     # signal, antenna
    return struct.pack("<BBHI", 0, 0, 8 + len(body), present) + body


def radiotap_ext():
    """Three bitmaps: radiotap (TSFT, flags, channel, MCS; ext, vendor
    namespace next), a vendor namespace word (ext, radiotap namespace
    next), a radiotap word (antenna signal, VHT)."""
    w0 = 0x1 | 0x2 | 0x8 | 0x80000 | 0x40000000 | 0x80000000
    w1 = 0x1 | 0x20000000 | 0x80000000
    w2 = 0x20 | 0x200000
    hdr = struct.pack("<BBHIII", 0, 0, 0, w0, w1, w2)         # 16 bytes
    d = struct.pack("<Q", 123456789)                         # TSFT at 16
    d += struct.pack("<B", 0)                                 # flags at 24
    d += b"\0"                                                # align 2
    d += struct.pack("<HH", 5180, 0x0140)                     # channel at 26
    d += struct.pack("<BBB", 0x07, 0x01, 7)                   # MCS at 30
    d += b"\0"                                                # align 2
    d += bytes([0x00, 0x13, 0x74, 1]) + struct.pack("<H", 4)  # vendor ns at 34
    d += b"\xde\xad\xbe\xef"                                  # its data
    d += struct.pack("<b", -55)                               # signal at 44
    d += b"\0"                                                # align 2
    d += struct.pack("<HBB", 0x0044, 0, 4) + bytes([0x92, 0, 0, 0]) + \
        struct.pack("<BBH", 0, 0, 0)                          # VHT at 46
    n = len(hdr) + len(d)
    return hdr[:2] + struct.pack("<H", n) + hdr[4:] + d


def hdr(fc, dur, a1, a2, a3, seq=0, a4=b""):
    return struct.pack("<HH", fc, dur) + a1 + a2 + a3 + \
        struct.pack("<H", seq << 4) + a4


def fc(ftype, sub, flags=0):
    return (sub << 4 | ftype << 2) | flags << 8


def ie(num, body):
    return bytes([num, len(body)]) + body


RSN = struct.pack("<H", 1) + bytes.fromhex("000fac04") + \
    struct.pack("<H", 1) + bytes.fromhex("000fac04") + \
    struct.pack("<H", 1) + bytes.fromhex("000fac02") + struct.pack("<H", 0)
RATES = bytes([0x82, 0x84, 0x8B, 0x96, 0x0C, 0x12, 0x18, 0x24])


def beacon_body(ssid=b"home", probe=False):
    b = struct.pack("<QHH", 5120001, 100, 0x0411)
    b += ie(0, ssid) + ie(1, RATES) + ie(3, bytes([6]))
    if not probe:
        b += ie(5, bytes([0, 1, 0, 0]))
    b += ie(7, b"DE " + bytes([1, 13, 20]))
    b += ie(48, RSN) + ie(45, struct.pack("<H", 0x186E) + bytes(24))
    b += ie(50, bytes([0x30, 0x48, 0x60, 0x6C]))
    b += ie(221, bytes.fromhex("0050f2020101000003a4000027a4000042435e0062322f00"))
    return b


def with_fcs(frame):
    return frame + struct.pack("<I", zlib.crc32(frame) & 0xFFFFFFFF)


def frames():
    ip = udp_ip(bytes([198, 18, 0, 2]), bytes([198, 18, 0, 1]), 33000, 33001,
                b"wireless")
    ip2 = udp_ip(bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2]), 33001, 33000,
                 b"reply")
    beacon = hdr(fc(0, 8), 0, BC, AP, AP, 1) + beacon_body()
    out = [
        radiotap(fcs=True) + with_fcs(beacon),
        radiotap() + hdr(fc(0, 4), 0, BC, STA, BC, 2) + ie(0, b"home") +
        ie(1, RATES),
        radiotap() + hdr(fc(0, 5), 314, STA, AP, AP, 3) +
        beacon_body(probe=True),
        radiotap() + hdr(fc(0, 11), 314, AP, STA, AP, 4) +
        struct.pack("<HHH", 0, 1, 0),
        radiotap() + hdr(fc(0, 11), 314, STA, AP, AP, 5) +
        struct.pack("<HHH", 0, 2, 0),
        radiotap() + hdr(fc(0, 0), 314, AP, STA, AP, 6) +
        struct.pack("<HH", 0x0411, 10) + ie(0, b"home") + ie(1, RATES),
        radiotap() + hdr(fc(0, 1), 314, STA, AP, AP, 7) +
        struct.pack("<HHH", 0x0411, 0, 0xC001) + ie(1, RATES),
        radiotap() + hdr(fc(2, 0, 0x01), 44, AP, STA, GW, 8) +
        snap(0x0800, ip),
        radiotap() + hdr(fc(2, 8, 0x02), 44, STA, AP, GW, 9) +
        struct.pack("<H", 0x0005) + snap(0x0800, ip2),
        radiotap() + struct.pack("<HH", fc(1, 11), 500) + AP + STA,
        radiotap() + struct.pack("<HH", fc(1, 12), 400) + STA,
        radiotap() + struct.pack("<HH", fc(1, 13), 0) + AP,
        radiotap() + struct.pack("<HH", fc(1, 8), 60) + AP + STA +
        struct.pack("<HH", 0x0004, 9 << 4),
        radiotap() + struct.pack("<HH", fc(1, 9), 0) + STA + AP +
        struct.pack("<HH", 0x0005, 9 << 4) + bytes([0xFF, 0x01]) + bytes(6),
        radiotap() + hdr(fc(2, 0, 0x41), 44, AP, STA, GW, 10) +
        bytes.fromhex("0100002000000000") + bytes(range(32)),
        radiotap() + hdr(fc(0, 12), 314, STA, AP, AP, 11) +
        struct.pack("<H", 7),
        radiotap_ext() + hdr(fc(0, 10), 0, STA, AP, AP, 12) +
        struct.pack("<H", 8),
        radiotap(fcs=True) + beacon + b"\x00\x00\x00\x00",
    ]
    cut = radiotap() + beacon
    return [(f, len(f)) for f in out] + [(cut[:60], len(cut))]


def noradio():
    ip = udp_ip(bytes([198, 18, 0, 2]), bytes([198, 18, 0, 1]), 33000, 33001,
                b"bridge")
    return [
        hdr(fc(0, 4), 0, BC, STA, BC, 20) + ie(0, b"") + ie(1, RATES),
        hdr(fc(2, 0, 0x03), 44, AP, STA, GW, 21, BC) + snap(0x0800, ip),
    ]


def ppi(fcs, frame):
    common = struct.pack("<QHHHHBBbb", 0, 1 if fcs else 0, 12, 2437, 0x00C0,
                         0, 0, -50, -90)
    fields = struct.pack("<HH", 2, len(common)) + common
    return struct.pack("<BBHI", 0, 0, 8 + len(fields), 105) + fields + frame


def ppi_frames():
    beacon = hdr(fc(0, 8), 0, BC, AP, AP, 30) + beacon_body()
    return [ppi(True, with_fcs(beacon)),
            ppi(False, struct.pack("<HH", fc(1, 13), 0) + AP)]


def write(path, linktype, pkts):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535,
                            linktype))
        for i, (data, wire) in enumerate(pkts):
            f.write(struct.pack("<IIII", 1800000000 + i, 1000 * i,
                                len(data), wire))
            f.write(data)


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "captures"
    write(os.path.join(d, "wireless.pcap"), 127, frames())
    write(os.path.join(d, "wireless-noradio.pcap"), 105,
          [(f, len(f)) for f in noradio()])
    write(os.path.join(d, "wireless-ppi.pcap"), 192,
          [(f, len(f)) for f in ppi_frames()])


main()
