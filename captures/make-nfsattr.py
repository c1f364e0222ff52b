#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the NFS version 3 captures: calls and replies built by hand
between 198.18.0.1 (client) and 198.18.0.2 (server), the same every
time; one frame a second.

usage: make-nfsattr.py DIR
  nfsattr-v3.pcap  over TCP (record marking): GETATTR, LOOKUP, ACCESS,
                   CREATE (mode and size set), WRITE, READ, SETATTR (a
                   client time, a guard), READDIRPLUS (two entries),
                   FSSTAT, FSINFO, PATHCONF, RENAME, REMOVE, COMMIT,
                   READLINK, MKDIR, LOOKUP failing; over UDP a GETATTR
                   and a reply the capture cuts inside its attributes
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Conn, udp_frame, write  # noqa: E402

NFS = 100003
T0 = 1514568131
FH_ROOT = bytes.fromhex("0100060000000000000000000000000000000001")
FH_FILE = bytes.fromhex("01000681000000000000000000000000000000010000"
                        "0000000000000002")


def u32(*v):
    return struct.pack("!%dI" % len(v), *v)


def u64(v):
    return struct.pack("!Q", v)


def opaque(b):
    return u32(len(b)) + b + b"\0" * (-len(b) % 4)


def call(xid, proc, args):
    return u32(xid, 0, 2, NFS, 3, proc, 0, 0, 0, 0) + args


def reply(xid, results):
    return u32(xid, 1, 0, 0, 0, 0) + results


def fattr(ftype, mode, size, fileid, t):
    return u32(ftype, mode, 1 if ftype == 1 else 2, 1000, 1000) + \
        u64(size) + u64(4096) + u32(0, 0) + u64(0x37292d5062ed1a4f) + \
        u64(fileid) + u32(t, 1000, t + 1, 2000, t + 2, 3000)


DIR = fattr(2, 0o40755, 4096, 128, T0)
FILE = fattr(1, 0o100644, 13, 4242, T0 + 10)


def post(a):
    return u32(1) + a if a else u32(0)


def wcc(size, t, after):
    return u32(1) + u64(size) + u32(t, 5, t, 6) + post(after)


def dirop(fh, name):
    return opaque(fh) + opaque(name)


SATTR_MODE_SIZE = u32(1, 0o644, 0, 0, 1) + u64(0) + u32(0, 0)
SATTR_TIME = u32(0, 0, 0, 0, 2, T0, 7, 1)


def exchanges():
    x = 0x100

    def ex(proc, args, results, status=0):
        nonlocal x
        x += 1
        return call(x, proc, args), reply(x, u32(status) + results)
    yield ex(1, opaque(FH_ROOT), DIR)
    yield ex(3, dirop(FH_ROOT, b"hello"), opaque(FH_FILE) + post(FILE) +
             post(DIR))
    yield ex(4, opaque(FH_FILE) + u32(0x2d), post(FILE) + u32(0x0d))
    yield ex(8, dirop(FH_ROOT, b"new") + u32(0) + SATTR_MODE_SIZE,
             u32(1) + opaque(FH_FILE) + post(FILE) + wcc(4096, T0, DIR))
    yield ex(7, opaque(FH_FILE) + u64(0) + u32(13, 2) +
             opaque(b"Hello World!\n"),
             wcc(0, T0, FILE) + u32(13, 2) + bytes(range(8)))
    yield ex(6, opaque(FH_FILE) + u64(0) + u32(4096),
             post(FILE) + u32(13, 1) + opaque(b"Hello World!\n"))
    yield ex(2, opaque(FH_FILE) + SATTR_TIME + u32(1, T0, 9),
             wcc(13, T0, FILE))
    yield ex(17, opaque(FH_ROOT) + u64(0) + u64(0) + u32(512, 4096),
             post(DIR) + u64(0) +
             u32(1) + u64(128) + opaque(b".") + u64(1) + post(DIR) +
             u32(1) + opaque(FH_ROOT) +
             u32(1) + u64(4242) + opaque(b"hello") + u64(2) + post(FILE) +
             u32(1) + opaque(FH_FILE) + u32(0, 1))
    yield ex(18, opaque(FH_ROOT), post(DIR) + u64(1 << 30) + u64(1 << 29) +
             u64(1 << 28) + u64(65536) + u64(60000) + u64(60000) + u32(0))
    yield ex(19, opaque(FH_ROOT), post(None) + u32(1048576, 1048576, 4096,
             1048576, 1048576, 4096, 4096) + u64((1 << 63) - 1) +
             u32(1, 0, 0x1b))
    yield ex(20, opaque(FH_ROOT), post(None) + u32(255, 255, 0, 1, 0, 1))
    yield ex(14, dirop(FH_ROOT, b"hello") + dirop(FH_ROOT, b"bye"),
             wcc(4096, T0, DIR) + wcc(4096, T0, DIR))
    yield ex(12, dirop(FH_ROOT, b"bye"), wcc(4096, T0, DIR))
    yield ex(21, opaque(FH_FILE) + u64(0) + u32(0),
             wcc(13, T0, FILE) + bytes(range(8)))
    yield ex(5, opaque(FH_FILE), post(FILE) + opaque(b"/tmp/target"))
    yield ex(9, dirop(FH_ROOT, b"d") + u32(1, 0o755, 0, 0, 0, 0, 0),
             u32(1) + opaque(FH_FILE) + post(DIR) + wcc(4096, T0, DIR))
    yield ex(3, dirop(FH_ROOT, b"nothere"), post(DIR), status=2)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    frames = []
    c = Conn(40200, 2049, frames).handshake()
    for q, r in exchanges():
        c.send(True, u32(0x80000000 | len(q)) + q)
        c.send(False, u32(0x80000000 | len(r)) + r)
    q = call(0x900, 1, opaque(FH_ROOT))
    r = reply(0x900, u32(0) + DIR)
    frames.append(udp_frame(True, 800, 2049, q))
    frames.append(udp_frame(False, 2049, 800, r))
    q = call(0x901, 1, opaque(FH_FILE))
    r = udp_frame(False, 2049, 800, reply(0x901, u32(0) + FILE), ident=2)
    frames.append(udp_frame(True, 800, 2049, q, ident=2))
    frames.append((r[:len(r) - 50], len(r)))
    write(os.path.join(out, "nfsattr-v3.pcap"), frames)


if __name__ == "__main__":
    main()
