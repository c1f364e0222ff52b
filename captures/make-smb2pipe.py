#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the smb2pipe captures: DCE/RPC in SMB2 named pipes, built by
hand between 198.18.0.1 (client) and 198.18.0.2 (server, port 445); one
frame a second.

usage: make-smb2pipe.py DIR
  smb2pipe.pcap  a tree connect to \\\\srv\\IPC$ (a pipe tree), a create of
                 srvsvc, a WRITE of a DCE/RPC bind, the READ of its
                 bind_ack, an FSCTL_PIPE_TRANSCEIVE of a request and its
                 response (paired: the bind was seen), a READ response
                 whose fragment goes on in a later segment, and a WRITE
                 on a disk tree (SMB2's own bytes)
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Conn, write  # noqa: E402

SRVSVC = bytes.fromhex("c84f324b7016d30112785a47bf6ee188")
NDR = bytes.fromhex("045d888aeb1cc9119fe808002b104860")
FID = bytes.fromhex("0102030405060708090a0b0c0d0e0f10")
SESID = 0x4411


def dce(ptype, call, body, flags=3):
    """A connection-oriented PDU, little-endian, no authentication."""
    return struct.pack("<BBBB4sHHI", 5, 0, ptype, flags,
                       b"\x10\0\0\0", 16 + len(body), 0, call) + body


def bind():
    ctx = struct.pack("<HBB", 0, 1, 0) + SRVSVC + struct.pack("<HH", 3, 0) \
        + NDR + struct.pack("<I", 2)
    return dce(11, 1, struct.pack("<HHIB3s", 4280, 4280, 0, 1, b"\0\0\0")
               + ctx)


def bind_ack():
    addr = b"\\PIPE\\srvsvc\0"
    b = struct.pack("<HHIH", 4280, 4280, 0x1234, len(addr)) + addr
    b += b"\0" * (-(len(b) + 16) % 4)
    b += struct.pack("<B3sHH", 1, b"\0\0\0", 0, 0) + NDR + \
        struct.pack("<I", 2)
    return dce(12, 1, b)


def request(call, opnum, stub):
    return dce(0, call, struct.pack("<IHH", len(stub), 0, opnum) + stub)


def response(call, stub):
    return dce(2, call, struct.pack("<IHBB", len(stub), 0, 0, 0) + stub)


def smb2(cmd, mid, body, resp=False, tid=5, status=0):
    hdr = struct.pack("<4sHHIHHIIQIIQ16s", b"\xfeSMB", 64, 1, status, cmd,
                      1, 1 if resp else 0, 0, mid, 0xfeff, tid, SESID,
                      b"\0" * 16)
    return hdr + body


def nbss(msg):
    return struct.pack("!I", len(msg)) + msg


def tree(mid, path, tid, stype):
    p = path.encode("utf-16-le")
    req = smb2(3, mid, struct.pack("<HHHH", 9, 0, 0x48, len(p)) + p, tid=0)
    rsp = smb2(3, mid, struct.pack("<HBBIII", 16, stype, 0, 0, 0, 0x1f01ff),
               resp=True, tid=tid)
    return req, rsp


def create(mid, name, tid):
    n = name.encode("utf-16-le")
    req = smb2(5, mid, struct.pack("<HBBIQQIIIIIHHII", 57, 0, 0, 2, 0, 0,
                                   0x12019f, 0, 7, 1, 0, 0x78, len(n), 0,
                                   0) + n, tid=tid)
    rsp = smb2(5, mid, struct.pack("<HBBI32sQQII16sII", 89, 0, 0, 1,
                                   b"\0" * 32, 4096, 0, 0x80, 0, FID, 0,
                                   0) + b"\0", resp=True, tid=tid)
    return req, rsp


def write_req(mid, data, tid=5, fid=FID):
    return smb2(9, mid, struct.pack("<HHIQ16sIIHHI", 49, 0x70, len(data), 0,
                                    fid, 0, 0, 0, 0, 0) + data, tid=tid)


def write_rsp(mid, n, tid=5):
    return smb2(9, mid, struct.pack("<HHIIHH", 17, 0, n, 0, 0, 0),
                resp=True, tid=tid)


def read_req(mid, n):
    return smb2(8, mid, struct.pack("<HBBIQ16sIIIHHB", 49, 0x50, 0, n, 0,
                                    FID, 0, 0, 0, 0, 0, 0))


def read_rsp(mid, data, n=None):
    n = len(data) if n is None else n
    return smb2(8, mid, struct.pack("<HBBIII", 17, 0x50, 0, n, 0, 0) + data,
                resp=True)


def ioctl_req(mid, data):
    return smb2(11, mid, struct.pack("<HHI16sIIIIIIII", 57, 0, 0x0011c017,
                                     FID, 0x78, len(data), 0, 0x78, 0,
                                     4280, 1, 0) + data)


def ioctl_rsp(mid, data):
    return smb2(11, mid, struct.pack("<HHI16sIIIIII", 49, 0, 0x0011c017,
                                     FID, 0x70, 0, 0x70, len(data), 0, 0)
                + data, resp=True)


def pipes():
    fr = []
    c = Conn(40445, 445, fr)
    c.handshake()
    for req, rsp in (tree(1, "\\\\srv\\IPC$", 5, 2),
                     create(2, "srvsvc", 5)):
        c.send(True, nbss(req))
        c.send(False, nbss(rsp))
    b = bind()
    c.send(True, nbss(write_req(3, b)))
    c.send(False, nbss(write_rsp(3, len(b))))
    c.send(True, nbss(read_req(4, 1024)))
    c.send(False, nbss(read_rsp(4, bind_ack())))
    c.send(True, nbss(ioctl_req(5, request(2, 15, b"\x11" * 12))))
    c.send(False, nbss(ioctl_rsp(5, response(2, b"\x33" * 20))))
    # a READ response longer than its segment: the rest comes later
    c.send(True, nbss(read_req(6, 1024)))
    whole = nbss(read_rsp(6, response(3, b"\x44" * 300)))
    c.send(False, whole[:200])
    c.send(False, whole[200:])
    # a disk tree: a WRITE there is the file's bytes
    req, rsp = tree(7, "\\\\srv\\share", 6, 1)
    c.send(True, nbss(req))
    c.send(False, nbss(rsp))
    c.send(True, nbss(write_req(8, bind(), tid=6, fid=b"\x77" * 16)))
    return fr


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    write(os.path.join(out, "smb2pipe.pcap"), pipes())


if __name__ == "__main__":
    main()
