#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Issue 16's tail captures, written frame by frame (pcaplib):

mptcp-v1.pcap  an MPTCP version 1 connection (RFC 8684): MP_CAPABLE's
               SYN (no key), SYN/ACK (the server's key) and ACK (both),
               DSS with 8-byte and 4-byte numbers both ways, then a second
               subflow joined by the server's token (MP_JOIN) carrying
               data: tshark's tokens, IDSNs (SHA-256 of the keys) and
               relative data ACKs and sequence numbers.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

CKEY, SKEY = 0x0123456789ABCDEF, 0xFEDCBA9876543210
# SHA-256 of SKEY: the server's token (its first 32 bits) and IDSN (its
# last 64), worked out here as the receiver of a MP_JOIN would.


def sha256_token(key):
    import hashlib
    h = hashlib.sha256(struct.pack("!Q", key)).digest()
    return struct.unpack("!I", h[:4])[0], struct.unpack("!Q", h[-8:])[0]


def dss(ack=None, dsn=None, ssn=0, length=0, ack8=False, dsn8=False):
    """A DSS option: data ACK and mapping as given (no checksum)."""
    fl = (ack is not None) | ack8 << 1 | (dsn is not None) << 2 | dsn8 << 3
    body = b""
    if ack is not None:
        body += struct.pack("!Q" if ack8 else "!I", ack)
    if dsn is not None:
        body += struct.pack("!Q" if dsn8 else "!I", dsn)
        body += struct.pack("!IH", ssn, length)
    return struct.pack("!BBBB", 30, 4 + len(body), 0x20, fl) + body


def mptcp_v1():
    frames = []
    _, cidsn = sha256_token(CKEY)
    stok, sidsn = sha256_token(SKEY)
    m = pcaplib.Conn(40000, 80, frames)
    m.seq[True] -= 1
    m.seq[False] -= 1
    m.send(True, b"", flags=0x02, opts=bytes([30, 4, 0x01, 0x01]))
    m.send(False, b"", flags=0x12, opts=bytes([30, 12, 0x01, 0x01]) +
           struct.pack("!Q", SKEY))
    m.send(True, b"", flags=0x10, opts=bytes([30, 20, 0x01, 0x01]) +
           struct.pack("!QQ", CKEY, SKEY))
    req = b"GET / HTTP/1.1\r\nHost: a\r\n\r\n"
    m.send(True, req, opts=dss(ack=sidsn + 1, dsn=cidsn + 1, ssn=1,
                                length=len(req), ack8=True, dsn8=True))
    resp = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
    m.send(False, resp, opts=dss(ack=(cidsn + 1 + len(req)) & 0xFFFFFFFF,
                                  dsn=(sidsn + 1) & 0xFFFFFFFF, ssn=1,
                                  length=len(resp)))
    # a second subflow from another client port, joined by the token
    j = pcaplib.Conn(40001, 80, frames)
    j.seq[True] -= 1
    j.seq[False] -= 1
    j.send(True, b"", flags=0x02, opts=bytes([30, 12, 0x10, 0x02]) +
           struct.pack("!II", stok, 0x11223344))
    j.send(False, b"", flags=0x12, opts=bytes([30, 16, 0x10, 0x00]) +
           struct.pack("!QI", 0x0102030405060708, 0x55667788))
    j.send(True, b"", flags=0x10, opts=bytes([30, 24, 0x10, 0x00]) +
           bytes(range(20)))
    more = b"GET /b HTTP/1.1\r\nHost: a\r\n\r\n"
    j.send(True, more, opts=dss(ack=(sidsn + 1 + len(resp)) & 0xFFFFFFFF,
                                 dsn=(cidsn + 1 + len(req)) & 0xFFFFFFFF,
                                 ssn=1, length=len(more)))
    j.send(False, b"", flags=0x10,
           opts=dss(ack=cidsn + 1 + len(req) + len(more), ack8=True))
    return frames


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    pcaplib.write(os.path.join(here, "mptcp-v1.pcap"), mptcp_v1())


if __name__ == "__main__":
    main()
