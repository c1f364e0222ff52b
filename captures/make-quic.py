#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the QUIC connection capture: frames built by hand, the same every
time (the payloads are stand-ins, not encrypted).  Addresses 198.18.0.1
(client) and 198.18.0.2 (server).

usage: make-quic.py DIR
  quic-conn.pcap  two connections: a client Initial (DCID 8 bytes, SCID 4);
                  the server's Initial coalesced with a Handshake (SCID 6);
                  1-RTT packets both ways, whose destination IDs only the
                  connection knows (6 and 4 bytes); a second connection
                  from another port with empty client IDs, its server's
                  1-RTT packet found by addresses; a 1-RTT packet to an ID
                  no connection chose (shown with the protected rest);
                  RFC 9001 A.3's server Initial after a client Initial
                  to 8394c8f03e515708 (its payload a stand-in): the
                  server's packet opens with the Initial keys
"""
import os
import sys

from pcaplib import udp_frame, write


def varint2(n):
    return bytes([0x40 | (n >> 8), n & 0xff])


def long_hdr(first, dcid, scid, body, token=True):
    return (bytes([first]) + (1).to_bytes(4, "big") + bytes([len(dcid)]) +
            dcid + bytes([len(scid)]) + scid + (b"\x00" if token else b"") +
            varint2(len(body)) + body)


def main(out):
    cdc = bytes.fromhex("0011223344556677")
    ccid = bytes.fromhex("c1c2c3c4")
    scid = bytes.fromhex("a1a2a3a4a5a6")
    s2 = bytes.fromhex("b1b2b3b4b5b6b7b8")
    body = bytes(range(24))
    frames = [
        udp_frame(True, 50000, 443, long_hdr(0xc0, cdc, ccid, body)),
        udp_frame(False, 443, 50000, long_hdr(0xc0, ccid, scid, body) +
                  long_hdr(0xe0, ccid, scid, body, token=False)),
        udp_frame(True, 50000, 443, bytes([0x41]) + scid + body),
        udp_frame(False, 443, 50000, bytes([0x52]) + ccid + body),
        udp_frame(True, 50001, 443, long_hdr(0xc0, cdc[::-1], b"", body)),
        udp_frame(False, 443, 50001, long_hdr(0xc0, b"", s2, body)),
        udp_frame(False, 443, 50001, bytes([0x40]) + body),
        udp_frame(True, 50001, 443, bytes([0x40]) + s2 + body),
        udp_frame(True, 50000, 443, bytes([0x40]) + bytes(8) + body),
    ]
    a3 = bytes.fromhex(
        "cf000000010008f067a5502a4262b5004075c0d95a482cd0991cd25b0aac406a"
        "5816b6394100f37a1c69797554780bb38cc5a99f5ede4cf73c3ec2493a1839b3"
        "dbcba3f6ea46c5b7684df3548e7ddeb9c3bf9c73cc3f3bded74b562bfb19fb84"
        "022f8ef4cdd93795d77d06edbb7aaf2f58891850abbdca3d20398c276456cbc4"
        "2158407dd074ee")
    frames += [
        udp_frame(True, 50002, 443, long_hdr(
            0xc0, bytes.fromhex("8394c8f03e515708"), b"", body)),
        udp_frame(False, 443, 50002, a3),
    ]
    write(os.path.join(out, "quic-conn.pcap"), frames)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(__file__))
