#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes captures/switching.pcap: LAN control frames built byte by byte
(CDP with its checksum, LLDP, LACP, marker, EAPOL and EAP, PTP over Ethernet
and UDP, STP config and topology change, RSTP), each checked with tshark
afterwards (`tshark -r captures/switching.pcap`).  Real STP from a Linux
bridge comes from make-switching.sh.  Addresses: 198.18.0.0/15 only.

usage: captures/make-switching.py [OUT]
"""
import struct
import sys


def cksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


MAC_A = bytes.fromhex("020000000001")
MAC_B = bytes.fromhex("020000000002")


def eth(dst, etype, payload):
    return bytes.fromhex(dst) + MAC_A + struct.pack("!H", etype) + payload


def dot3(dst, llc_payload):
    return bytes.fromhex(dst) + MAC_A + struct.pack("!H", len(llc_payload)) + llc_payload


def pad(frame):
    return frame + b"\0" * max(0, 60 - len(frame))


def tlv16(t, v):
    return struct.pack("!HH", t, len(v) + 4) + v


def cdp_odd(last):
    """An odd-length CDP packet ending in byte last, summed as Cisco does."""
    tlvs = tlv16(1, b"sw22") + tlv16(0x99, bytes([last]))
    body = bytearray(b"\x02\xb4\x00\x00" + tlvs)
    w = last if last < 0x80 else 0xff00 | (last - 1)
    s = sum(struct.unpack("!%dH" % ((len(body) - 1) // 2), bytes(body[:-1]))) + w
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    struct.pack_into("!H", body, 2, ~s & 0xffff)
    return dot3("01000ccccccc", b"\xaa\xaa\x03\x00\x00\x0c\x20\x00" + bytes(body))


def cdp():
    tlvs = (tlv16(1, b"sw1.example") +
            tlv16(2, struct.pack("!I", 1) + b"\x01\x01\xcc" + struct.pack("!H", 4) + bytes([198, 18, 0, 1])) +
            tlv16(3, b"GigabitEthernet0/1") +
            tlv16(4, struct.pack("!I", 0x28)) +
            tlv16(5, b"Cisco IOS 15.2") +
            tlv16(6, b"WS-C2960") +
            tlv16(0x0a, struct.pack("!H", 1)) +
            tlv16(0x0b, b"\x01"))
    if len(tlvs) % 2:       # an even length: no odd-byte rule to follow
        tlvs += tlv16(0x14, b"sw1")
    body = bytearray(b"\x02\xb4\x00\x00" + tlvs)
    struct.pack_into("!H", body, 2, cksum(bytes(body)))
    return dot3("01000ccccccc", b"\xaa\xaa\x03\x00\x00\x0c\x20\x00" + bytes(body))


def lldp():
    def t(ty, v):
        return struct.pack("!H", ty << 9 | len(v)) + v
    p = (t(1, b"\x04" + MAC_A) + t(2, b"\x05eth0") + t(3, struct.pack("!H", 120)) +
         t(4, b"uplink") + t(5, b"host1.example") + t(6, b"Linux host1 6.1") +
         t(7, struct.pack("!HH", 0x14, 0x10)) +
         t(8, b"\x05\x01" + bytes([198, 18, 0, 1]) + b"\x02" + struct.pack("!I", 2) + b"\x00") +
         t(127, b"\x00\x80\xc2\x01" + struct.pack("!H", 1)) +
         t(127, b"\x00\x12\x0f\x04" + struct.pack("!H", 1518)) +
         t(127, b"\x00\x12\xbb\x01\x00\x01\x02") + t(0, b""))
    return eth("0180c200000e", 0x88cc, p)


def lacp_state(v):
    return bytes([v])


def lacp():
    actor = b"\x01\x14" + struct.pack("!H", 32768) + MAC_A + struct.pack("!HHH", 13, 32768, 1) + b"\x3d" + b"\0" * 3
    partner = b"\x02\x14" + struct.pack("!H", 32768) + MAC_B + struct.pack("!HHH", 13, 32768, 2) + b"\x3f" + b"\0" * 3
    coll = b"\x03\x10" + struct.pack("!H", 5) + b"\0" * 12
    p = b"\x01\x01" + actor + partner + coll + b"\x00\x00" + b"\0" * 50
    return eth("0180c2000002", 0x8809, p)


def marker():
    p = b"\x02\x01\x01\x10" + struct.pack("!H", 1) + MAC_A + struct.pack("!IH", 7, 0) + b"\x00\x00" + b"\0" * 90
    return eth("0180c2000002", 0x8809, p)


def eapol(t, body):
    return eth("0180c2000003", 0x888e, struct.pack("!BBH", 2, t, len(body)) + body)


def eap(code, ident, typ=None, data=b""):
    body = b"" if typ is None else bytes([typ]) + data
    return struct.pack("!BBH", code, ident, 4 + len(body)) + body


def ptp_hdr(mtype, length, seq, ctrl, period, corr=0):
    return (struct.pack("!BBHBBH", mtype, 2, length, 0, 0, 0x0200 if mtype == 0 else 0) +
            struct.pack("!q", corr) + b"\0" * 4 + bytes.fromhex("020000fffe000001") +
            struct.pack("!HHBb", 1, seq, ctrl, period))


def ts(sec, ns):
    return struct.pack("!HIi", sec >> 32, sec & 0xffffffff, ns)


def ptp_eth(mtype, body, seq, ctrl, period, corr=0):
    return eth("011b19000000", 0x88f7, ptp_hdr(mtype, 34 + len(body), seq, ctrl, period, corr) + body)


def ipv4_udp(sport, dport, payload):
    udp = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    src, dst = bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])
    ph = src + dst + struct.pack("!BBH", 0, 17, len(udp))
    c = cksum(ph + udp) or 0xffff
    udp = udp[:6] + struct.pack("!H", c) + udp[8:]
    ip = bytearray(struct.pack("!BBHHHBBH", 0x45, 0, 20 + len(udp), 1, 0, 1, 17, 0) + src + dst)
    struct.pack_into("!H", ip, 10, cksum(bytes(ip)))
    return bytes.fromhex("01005e00016b") + MAC_A + b"\x08\x00" + bytes(ip) + udp


def bpdu(vers, btype, flags, extra=b""):
    b = struct.pack("!HBB", 0, vers, btype)
    if btype == 0x80:
        return b
    b += bytes([flags]) + struct.pack("!H", 0x8000) + MAC_B + struct.pack("!I", 4)
    b += struct.pack("!H", 0x8001) + MAC_A + struct.pack("!HHHHH", 0x8002, 256, 20 * 256, 2 * 256, 15 * 256)
    return b + extra


def stp(b):
    return dot3("0180c2000000", b"\x42\x42\x03" + b)


def frames():
    yield cdp()
    yield lldp()
    yield lacp()
    yield marker()
    yield eapol(1, b"")
    yield eapol(0, eap(1, 1, 1))
    yield eapol(0, eap(2, 1, 1, b"alice@example.org"))
    yield eapol(0, eap(1, 2, 4, b"\x10" + bytes(range(16))))
    yield eapol(0, eap(1, 3, 13, b"\x20"))
    yield eapol(0, eap(3, 3))
    yield ptp_eth(0, ts(0, 0), 23, 0, 0)
    yield ptp_eth(8, ts(1700000000, 123456789), 23, 2, 0, corr=1234 << 16 | 0x8000)
    yield ptp_eth(0xb, ts(0, 0) + struct.pack("!hBBBBHB", 37, 0, 128, 248, 0xfe, 0xffff, 128) +
                  bytes.fromhex("020000fffe000001") + struct.pack("!HB", 0, 0xa0), 5, 5, 1)
    yield ipv4_udp(319, 319, ptp_hdr(1, 44, 7, 1, 0x7f) + ts(0, 0))
    yield ipv4_udp(320, 320, ptp_hdr(9, 54, 7, 3, -4) + ts(1700000000, 5) +
                   bytes.fromhex("020000fffe000002") + struct.pack("!H", 1))
    yield stp(bpdu(0, 0, 0x01))
    yield stp(bpdu(0, 0x80, 0))
    yield stp(bpdu(2, 2, 0x3c, b"\x00"))
    yield cdp_odd(0x41)
    yield cdp_odd(0x9c)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "captures/switching.pcap"
    with open(out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, fr in enumerate(frames()):
            fr = pad(fr)
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(fr), len(fr)) + fr)


if __name__ == "__main__":
    main()
