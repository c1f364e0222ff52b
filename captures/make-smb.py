#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the smb capture: one SMB2 conversation over TCP 445 built by
hand between 198.18.0.1 (client) and 198.18.0.2 (server), so that what
SMB2 learns from earlier packets shows (no Samba server here):

  4/5    session setup: NTLMSSP NEGOTIATE (bare, as GSS-API allows);
         CHALLENGE, "more processing required", naming the session
  6/7    NTLMSSP AUTHENTICATE as DOM\\bob from PC; the success response
  8/9    tree connect \\\\srv\\share, its response (tree 1, disk)
  10/11  create "dir\\a.txt" in tree 1; its response (times, sizes)
  12     query info (file, network open information) on the file
  13/14  close; its response
  15/16  DCE/RPC request with an NTLMSSP trailer (privacy) on TCP 135,
         and its response

usage: make-smb.py DIR        writes DIR/smb.pcap
"""
import struct
import sys

from pcaplib import Conn, write

SES = 0x0000480094000041
FT = 133280000000000000 + 1234567      # a FILETIME in 2023


def u16(s):
    return s.encode("utf-16le")


def hdr(cmd, msgid, resp=False, tid=0, ses=SES, status=0):
    return (b"\xfeSMB" + struct.pack("<HHIHHIIQIIQ", 64, 1, status, cmd, 1,
                                     1 if resp else 0, 0, msgid, 0xfeff,
                                     tid, ses) + bytes(16))


def nbss(msg):
    return struct.pack(">I", len(msg)) + msg


def ntlm_auth():
    """AUTHENTICATE with an NTLMv2 response (its proof, then a blob
    with only the end of its attribute list)."""
    dom, user, host = u16("DOM"), u16("bob"), u16("PC")
    nt = bytes(range(16)) + bytes([1, 1, 0, 0, 0, 0, 0, 0]) + \
        struct.pack("<Q", FT) + bytes(range(8)) + bytes(4) + bytes(4)
    off = 64

    def sb(b, o):
        return struct.pack("<HHI", len(b), len(b), o)
    return (b"NTLMSSP\0" + struct.pack("<I", 3) + sb(b"", off) +
            sb(nt, off) + sb(dom, off + len(nt)) +
            sb(user, off + len(nt) + len(dom)) +
            sb(host, off + len(nt) + len(dom) + len(user)) + sb(b"", off) +
            struct.pack("<I", 0xe2888215) + nt + dom + user + host)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    frames = []
    c = Conn(40001, 445, frames).handshake()
    neg = b"NTLMSSP\0" + struct.pack("<II", 1, 0xe2088297) + bytes(16)
    c.send(True, nbss(hdr(1, 1, ses=0) +
                      struct.pack("<HBBIIHHQ", 0x19, 0, 1, 0, 0, 88,
                                  len(neg), 0) + neg))
    chal = (b"NTLMSSP\0" + struct.pack("<IHHII", 2, 0, 0, 48, 0xe2898215) +
            bytes(range(8)) + bytes(8) + struct.pack("<HHI", 0, 0, 48))
    c.send(False, nbss(hdr(1, 1, resp=True, status=0xc0000016) +
                       struct.pack("<HHHH", 9, 0, 0x48, len(chal)) + chal))
    blob = ntlm_auth()
    c.send(True, nbss(hdr(1, 2) + struct.pack("<HBBIIHHQ", 0x19, 0, 1, 0, 0,
                                              88, len(blob), 0) + blob))
    c.send(False, nbss(hdr(1, 2, resp=True) +
                       struct.pack("<HHHH", 9, 0, 0x48, 0)))
    path = u16("\\\\srv\\share")
    c.send(True, nbss(hdr(3, 3) + struct.pack("<HHHH", 9, 0, 0x48,
                                              len(path)) + path))
    c.send(False, nbss(hdr(3, 3, resp=True, tid=1) +
                       struct.pack("<HBBIII", 16, 1, 0, 0, 0, 0x1f01ff)))
    name = u16("dir\\a.txt")
    c.send(True, nbss(hdr(5, 4, tid=1) +
                      struct.pack("<HBBIQQIIIIIHHII", 57, 0, 0, 2, 0, 0,
                                  0x80, 0, 7, 1, 0, 0x78, len(name), 0, 0) +
                      name))
    fid = bytes.fromhex("0102030400000000aabbccdd00000000")
    c.send(False, nbss(hdr(5, 4, resp=True, tid=1) +
                       struct.pack("<HBBIQQQQQQII", 89, 0, 0, 1, FT, FT, FT,
                                   FT, 4096, 5, 0x20, 0) + fid +
                       struct.pack("<II", 0, 0)))
    c.send(True, nbss(hdr(16, 6, tid=1) +
                      struct.pack("<HBBIHHIII", 41, 1, 0x22, 4096, 0x68, 0,
                                  0, 0, 0) + fid))
    c.send(True, nbss(hdr(6, 5, tid=1) + struct.pack("<HHI", 24, 1, 0) +
                      fid))
    c.send(False, nbss(hdr(6, 5, resp=True, tid=1) +
                       struct.pack("<HHIQQQQQQII", 60, 1, 0, FT, FT, FT, FT,
                                   4096, 5, 0x20, 0)))
    d = Conn(40002, 135, frames)
    stub = bytes(8)
    trailer = bytes([10, 6, 0, 0]) + struct.pack("<I", 1)
    cred = bytes(16)
    body = struct.pack("<IHH", len(stub), 0, 3) + stub
    frag = 16 + len(body) + len(trailer) + len(cred)
    d.send(True, bytes([5, 0, 0, 3, 0x10, 0, 0, 0]) +
           struct.pack("<HHI", frag, len(cred), 7) + body + trailer + cred)
    body = struct.pack("<IHBB", len(stub), 0, 0, 0) + stub
    d.send(False, bytes([5, 0, 2, 3, 0x10, 0, 0, 0]) +
           struct.pack("<HHI", frag, len(cred), 7) + body + trailer + cred)
    write(sys.argv[1] + "/smb.pcap", frames)


main()
