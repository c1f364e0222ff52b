#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the GSS-API/SPNEGO/NTLMSSP capture: frames built by hand, the
same every time (no Windows server runs here).  Addresses 127.0.0.1 and
127.0.0.2, TCP 445.

usage: make-gssapi.py DIR
  gssapi-ntlm.pcap  an SMB2 session setup authenticated by NTLMSSP inside
                    SPNEGO: the request's GSS-API token (SPNEGO
                    negTokenInit offering NTLMSSP, a NEGOTIATE with a
                    version); the answer accept-incomplete with a CHALLENGE
                    (target name, AV pairs: names, timestamp); the
                    AUTHENTICATE (LMv2 and NTLMv2 responses with AV pairs,
                    domain, user, host, session key, MIC) and a mechListMIC;
                    the answer accept-completed with an NTLMSSP verifier;
                    then a session setup whose NTLMSSP signature is broken
                    (malformed) and one whose SPNEGO answer is cut short by
                    the capture (truncated)
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

SPNEGO = bytes.fromhex("2b0601050502")
NTLM = bytes.fromhex("2b0601040182370202" "0a")
FLAGS = 0xe2888215
VERSION = bytes([10, 0]) + struct.pack("<H", 19041) + b"\0\0\0\x0f"
TIME = struct.pack("<Q", 132496758393548428)   # Nov 12, 2020


def tlv(tag, body):
    n = len(body)
    if n < 0x80:
        ln = bytes([n])
    elif n < 0x100:
        ln = bytes([0x81, n])
    else:
        ln = bytes([0x82]) + struct.pack("!H", n)
    return bytes([tag]) + ln + body


def u16(s):
    return s.encode("utf-16-le")


def av(pairs):
    out = b""
    for t, v in pairs:
        out += struct.pack("<HH", t, len(v)) + v
    return out + b"\0\0\0\0"


def triples(head_len, parts):
    """(triples, payload) for the parts, laid out after head_len bytes."""
    tr, pay, off = b"", b"", head_len
    for p in parts:
        tr += struct.pack("<HHI", len(p), len(p), off if p else 0)
        pay += p
        off += len(p)
    return tr, pay


def negotiate():
    return b"NTLMSSP\0" + struct.pack("<II", 1, 0xe2088297) + \
        struct.pack("<HHIHHI", 0, 0, 0, 0, 0, 0) + VERSION


def challenge():
    name = u16("SRV")
    info = av([(2, u16("DOM")), (1, u16("SRV")), (4, u16("dom.test")),
               (3, u16("srv.dom.test")), (7, TIME)])
    head = 56
    return b"NTLMSSP\0" + struct.pack("<I", 2) + \
        struct.pack("<HHI", len(name), len(name), head) + \
        struct.pack("<I", FLAGS | 0x00800000) + bytes(range(1, 9)) + \
        bytes(8) + struct.pack("<HHI", len(info), len(info),
                               head + len(name)) + VERSION + name + info


def authenticate():
    info = av([(2, u16("DOM")), (1, u16("SRV")), (7, TIME),
               (6, struct.pack("<I", 2)), (9, u16("cifs/127.0.0.2"))])
    ntv2 = bytes(range(16)) + b"\x01\x01" + bytes(6) + TIME + \
        bytes(range(8, 16)) + bytes(4) + info + bytes(4)
    lm = bytes(16) + bytes(range(8, 16))
    tr, pay = triples(88, [lm, ntv2, u16("DOM"), u16("alice"),
                           u16("PC1"), bytes(range(32, 48))])
    return b"NTLMSSP\0" + struct.pack("<I", 3) + tr + \
        struct.pack("<I", FLAGS) + VERSION + bytes(range(48, 64)) + pay


def smb2(resp, status, msgid, body, blob):
    hdr = b"\xfeSMB" + struct.pack("<HHIHHIIQIIQ", 64, 1, status, 1, 1,
                                   1 if resp else 0, 0, msgid, 0, 0,
                                   0 if msgid < 2 else 0x11) + bytes(16)
    if resp:
        b = struct.pack("<HHHH", 9, 0, 64 + 8, len(blob))
    else:
        b = struct.pack("<HBBIIHHQ", 25, 0, 1, 1, 0, 64 + 24, len(blob),
                        0)
    m = hdr + b + blob
    return struct.pack("!I", len(m)) + m


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    frames = []
    c = pcaplib.Conn(40001, 445, frames)
    init = tlv(0x60, tlv(0x06, SPNEGO) + tlv(0xa0, tlv(0x30,
               tlv(0xa0, tlv(0x30, tlv(0x06, NTLM))) +
               tlv(0xa2, tlv(0x04, negotiate())))))
    c.send(True, smb2(False, 0, 1, None, init))
    resp = tlv(0xa1, tlv(0x30, tlv(0xa0, tlv(0x0a, b"\x01")) +
               tlv(0xa1, tlv(0x06, NTLM)) +
               tlv(0xa2, tlv(0x04, challenge()))))
    c.send(False, smb2(True, 0xc0000016, 1, None, resp))
    verf = struct.pack("<I", 1) + bytes(range(100, 112))
    auth = tlv(0xa1, tlv(0x30, tlv(0xa2, tlv(0x04, authenticate())) +
               tlv(0xa3, tlv(0x04, verf))))
    c.send(True, smb2(False, 0, 2, None, auth))
    done = tlv(0xa1, tlv(0x30, tlv(0xa0, tlv(0x0a, b"\x00")) +
               tlv(0xa3, tlv(0x04, verf))))
    c.send(False, smb2(True, 0, 2, None, done))
    bad = bytearray(negotiate())
    bad[1] = ord("X")
    init2 = tlv(0x60, tlv(0x06, SPNEGO) + tlv(0xa0, tlv(0x30,
                tlv(0xa0, tlv(0x30, tlv(0x06, NTLM))) +
                tlv(0xa2, tlv(0x04, bytes(bad))))))
    c.send(True, smb2(False, 0, 3, None, init2))
    c.send(False, smb2(True, 0xc0000016, 3, None, resp))
    cut = frames.pop()
    frames.append((cut[:len(cut) - 40], len(cut)))
    pcaplib.write(os.path.join(out, "gssapi-ntlm.pcap"), frames)


if __name__ == "__main__":
    main()
