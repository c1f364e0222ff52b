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
             ClientHello the capture cut short.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import udp_frame, write  # noqa: E402


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
    return f


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    write(os.path.join(out, "dtls.pcap"), dtls())


if __name__ == "__main__":
    main()
