#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""DTLS, STUN and Teredo captures, written frame by frame (pcaplib):

dtls.pcap    a DTLS 1.2 handshake on UDP 4433 (no port of its own: found
             by content, as tshark's heuristic does): ClientHello without
             a cookie, HelloVerifyRequest, the ClientHello again with the
             cookie and its extensions (use_srtp among them), ServerHello
             and ServerHelloDone as two records of one datagram,
             ChangeCipherSpec with the encrypted Finished (epoch 1),
             application data, a plain and an encrypted alert, the first
             fragment of a Certificate; then on CoAP's DTLS port 5684 a
             ClientHello the capture cut short; a heartbeat request and
             an encrypted heartbeat.
stun.pcap    STUN (RFC 8489) on UDP 50000, found by content: an ICE
             Binding Request (USERNAME, PRIORITY, ICE-CONTROLLING,
             USE-CANDIDATE, MESSAGE-INTEGRITY, FINGERPRINT), its Success
             Response (XOR-MAPPED-ADDRESS, MAPPED-ADDRESS, SOFTWARE, an
             attribute Wireshark does not know, FINGERPRINT), an Error
             Response (ERROR-CODE 401, ICE-CONTROLLED), an IPv6
             XOR-MAPPED-ADDRESS, a request whose FINGERPRINT is wrong;
             then the request again over TCP 3478 after a handshake.
teredo.pcap  Teredo on UDP 3544: a client's router solicitation behind
             an authentication header, the server's answer with the
             authentication and origin indication headers (the origin
             198.51.100.9:40000, inverted on the wire), a bubble with an
             origin indication, an ICMPv6 echo request with no header, a
             bubble behind an authentication header with a client
             identifier and value, and a solicitation cut inside its
             authentication header.
"""
import hashlib
import hmac
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Conn, csum, ipv6, pseudo, udp_frame, write  # noqa: E402


def rec(ct, epoch, seq, body, ver=0xFEFD):
    """A DTLS record: type, version, epoch, 48-bit sequence, length."""
    return struct.pack("!BHH", ct, ver, epoch) + seq.to_bytes(6, "big") + \
        struct.pack("!H", len(body)) + body


def hs(t, seq, body, off=0, total=None):
    """A handshake message (or its fragment at off of total bytes)."""
    total = len(body) if total is None else total
    return bytes([t]) + total.to_bytes(3, "big") + struct.pack("!H", seq) + \
        off.to_bytes(3, "big") + len(body).to_bytes(3, "big") + body


def ext(t, b):
    return struct.pack("!HH", t, len(b)) + b


def exts(*e):
    b = b"".join(e)
    return struct.pack("!H", len(b)) + b


RANDOM = bytes(range(32))
COOKIE = bytes.fromhex("a1a2a3a4a5a6a7a8a9aaabacadaeafb0")


def client_hello(cookie):
    return struct.pack("!H", 0xFEFD) + RANDOM + b"\x00" + \
        bytes([len(cookie)]) + cookie + bytes.fromhex("0004c02bc02f") + \
        b"\x01\x00" + exts(ext(10, bytes.fromhex("0004001d0017")),
                           ext(11, bytes.fromhex("0100")),
                           ext(13, bytes.fromhex("000404030401")),
                           ext(23, b""),
                           ext(14, bytes.fromhex("0002000100")))


def dtls():
    hvr = struct.pack("!H", 0xFEFF) + bytes([len(COOKIE)]) + COOKIE
    sh = struct.pack("!H", 0xFEFD) + RANDOM[::-1] + b"\x04\x01\x02\x03\x04" + \
        bytes.fromhex("c02b00") + exts(ext(65281, b"\x00"), ext(23, b""),
                                       ext(14, bytes.fromhex("0002000100")))
    c, s = 40000, 4433
    f = [
        udp_frame(True, c, s, rec(22, 0, 0, hs(1, 0, client_hello(b"")))),
        udp_frame(False, s, c, rec(22, 0, 0, hs(3, 0, hvr), ver=0xFEFF)),
        udp_frame(True, c, s, rec(22, 0, 1, hs(1, 1, client_hello(COOKIE)))),
        udp_frame(False, s, c, rec(22, 0, 1, hs(2, 1, sh)) +
                  rec(22, 0, 2, hs(14, 2, b""))),
        udp_frame(True, c, s, rec(20, 0, 2, b"\x01") +
                  rec(22, 1, 0, bytes(range(0x40, 0x70)))),
        udp_frame(False, s, c, rec(23, 1, 1, bytes(range(0x80, 0xA0)))),
        udp_frame(True, c, s, rec(21, 0, 3, b"\x02\x28")),
        udp_frame(True, c, s, rec(21, 1, 5, bytes(range(0x10, 0x2A)))),
        udp_frame(False, s, c, rec(22, 0, 3, hs(11, 3, bytes(range(48)),
                                                 total=0x100))),
    ]
    cut = udp_frame(True, 40001, 5684, rec(22, 0, 0,
                                           hs(1, 0, client_hello(b""))))
    f.append((cut[:14 + 20 + 8 + 13 + 12 + 40], len(cut)))
    hb = b"\x01" + struct.pack("!H", 4) + b"ping" + bytes(16)
    f.append(udp_frame(True, c, s, rec(24, 1, 9, hb)))
    f.append(udp_frame(True, c, s, rec(24, 1, 10, bytes(range(40)))))
    return f


MAGIC = 0x2112A442
TID = bytes.fromhex("b7e7a701bc34d686fa87dfae")


def attr(t, v):
    """A STUN attribute, its value padded to 4 bytes."""
    return struct.pack("!HH", t, len(v)) + v + b"\0" * (-len(v) % 4)


def stun_msg(mtype, attrs, integrity=False, fingerprint=False):
    """A STUN message; MESSAGE-INTEGRITY (key "key") and FINGERPRINT
    worked out over what precedes them, the length counting them."""
    body = b"".join(attrs)
    if integrity:
        h = struct.pack("!HHI", mtype, len(body) + 24, MAGIC) + TID + body
        body += attr(0x0008, hmac.new(b"key", h, hashlib.sha1).digest())
    if fingerprint:
        h = struct.pack("!HHI", mtype, len(body) + 8, MAGIC) + TID + body
        body += attr(0x8028, struct.pack("!I", zlib.crc32(h) ^ 0x5354554E))
    return struct.pack("!HHI", mtype, len(body), MAGIC) + TID + body


def xor_addr(ip, port):
    """An XOR-MAPPED-ADDRESS value (IPv4 or IPv6)."""
    key = struct.pack("!I", MAGIC) + TID
    return struct.pack("!BBH", 0, 1 if len(ip) == 4 else 2,
                       port ^ (MAGIC >> 16)) + \
        bytes(a ^ b for a, b in zip(ip, key))


def stun():
    req = stun_msg(0x0001, [attr(0x0006, b"alice:bob"),
                            attr(0x0024, struct.pack("!I", 0x6E7F00FF)),
                            attr(0x802A, bytes(range(8))), attr(0x0025, b"")],
                   integrity=True, fingerprint=True)
    ip = bytes([198, 51, 100, 7])
    resp = stun_msg(0x0101, [attr(0x0020, xor_addr(ip, 40001)),
                             attr(0x0001, struct.pack("!BBH", 0, 1, 40001) +
                                  ip),
                             attr(0x8022, b"strata test 1.0"),
                             attr(0xC0FF, b"\x01\x02\x03")], fingerprint=True)
    err = stun_msg(0x0111, [attr(0x0009, struct.pack("!HBB", 0, 4, 1) +
                                 b"Unauthorized"),
                            attr(0x8029, bytes(range(8, 16)))])
    v6 = stun_msg(0x0101, [attr(0x0020, xor_addr(
        bytes.fromhex("20010db8000000000000000000000042"), 5000))])
    bad = stun_msg(0x0001, [attr(0x0006, b"x")], fingerprint=True)
    bad = bad[:-1] + bytes([bad[-1] ^ 1])
    c, s = 40000, 50000
    f = [udp_frame(True, c, s, req), udp_frame(False, s, c, resp),
         udp_frame(False, s, c, err), udp_frame(False, s, c, v6),
         udp_frame(True, c, s, bad)]
    Conn(40010, 3478, f).handshake().send(True, req)
    return f


CLIENT6 = bytes.fromhex("fe800000000000008000f227ce7dff53")
ROUTERS6 = bytes.fromhex("ff020000000000000000000000000002")
TEREDO6 = bytes.fromhex("200100004136e378800063bf3ffffdd2")
PEER6 = bytes.fromhex("20010db8000000000000000000000002")


def icmp6(src, dst, t, body):
    """An ICMPv6 message, its checksum right."""
    m = bytes([t, 0, 0, 0]) + body
    ck = csum(pseudo(src, dst, 58, len(m)) + m)
    return m[:2] + struct.pack("!H", ck) + m[4:]


def teredo():
    rs = ipv6(CLIENT6, ROUTERS6, 58, icmp6(CLIENT6, ROUTERS6, 133, bytes(4)))
    bubble = ipv6(PEER6, TEREDO6, 59, b"")
    echo = ipv6(PEER6, TEREDO6, 58, icmp6(PEER6, TEREDO6, 128,
                                          struct.pack("!HH", 7, 1) + b"hello"))
    auth = struct.pack("!HBB", 1, 0, 0) + bytes(range(8)) + b"\x00"
    auth2 = struct.pack("!HBB", 1, 4, 2) + b"abcd" + b"\x01\x02" + \
        bytes(8) + b"\x00"
    orig = struct.pack("!HH", 0, 40000 ^ 0xFFFF) + \
        bytes(b ^ 0xFF for b in (198, 51, 100, 9))
    c, s = 40000, 3544
    cut = udp_frame(True, c, s, auth2 + rs)
    return [udp_frame(True, c, s, auth + rs),
            udp_frame(False, s, c, auth + orig + rs),
            udp_frame(False, s, c, orig + bubble),
            udp_frame(True, c, s, echo),
            udp_frame(True, c, s, auth2 + bubble),
            (cut[:14 + 20 + 8 + 10], len(cut))]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    write(os.path.join(out, "dtls.pcap"), dtls())
    write(os.path.join(out, "stun.pcap"), stun())
    write(os.path.join(out, "teredo.pcap"), teredo())


if __name__ == "__main__":
    main()
