#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the RDP captures (frames built here, after [MS-RDPBCGR]):

  rdp.pcap   one connection to TCP 3389: the X.224 connection request
             with a cookie and a negotiation request, the confirm that
             chooses standard RDP security, an MCS Connect-Initial whose
             T.124 user data carries a short clientCoreData ("Duca"), an
             MCS Connect-Response (BER; its T.124 user data cut to two
             bytes), erect domain, attach user
             and its confirm, channel join and its confirm, a security
             exchange PDU in a send-data request, an encrypted send-data
             indication, an encrypted fast-path input PDU (an extended
             mouse event), a fast-path output PDU (orders, pointer
             position), and the disconnect ultimatum; then a second
             connection where the server chose CredSSP and TLS follows
             (TPKT continuation, as tshark shows it).
  rdpudp.pcap  MS-RDPEUDP version 1 on UDP 3389: the SYN with a
             correlation id and SYNEX, the SYN+ACK, a datagram with an ack
             vector of one element and data carrying a TLS client hello.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Conn, udp_frame, write  # noqa: E402


def tpkt(tpdu):
    return struct.pack("!BBH", 3, 0, 4 + len(tpdu)) + tpdu


def cotp_cr(cc, udata):
    """A CR (or CC) TPDU, class 0, with user data."""
    return bytes([6 + len(udata), 0xd0 if cc else 0xe0, 0, 0,
                  0x12 if cc else 0, 0x34 if cc else 0, 0]) + udata


def dt(mcs):
    return tpkt(b"\x02\xf0\x80" + mcs)


def neg(typ, flags, val):
    return struct.pack("<BBHI", typ, flags, 8, val)


def senddata(ind, user, chan, data):
    ln = struct.pack("!B", len(data)) if len(data) < 0x80 else \
        struct.pack("!H", 0x8000 | len(data))
    return bytes([0x68 if ind else 0x64]) + struct.pack("!HH", user, chan) \
        + b"\x70" + ln + data


def frames():
    out = []
    c = Conn(49206, 3389, out)
    c.handshake()
    c.send(True, tpkt(cotp_cr(False, b"Cookie: mstshash=DOM\\user\r\n" +
                               neg(1, 0, 3))))
    c.send(False, tpkt(cotp_cr(True, neg(2, 0x1f, 0))))
    params = bytes.fromhex("301a020122020103020100020101020100020101"
                           "020300fff8020102")
    core = struct.pack("<HHIHH", 0xc001, 12, 0x00080004, 1024, 768)
    gcc = bytes.fromhex("000800100001c000") + b"Duca" + \
        bytes([len(core)]) + core
    udata = bytes.fromhex("000500147c0001") + bytes([len(gcc)]) + gcc
    body = b"\x04\x01\x01\x04\x01\x01\x01\x01\xff" + params * 3 + \
        b"\x04" + bytes([len(udata)]) + udata
    c.send(True, dt(b"\x7f\x65\x81" + bytes([len(body)]) + body))
    body = b"\x0a\x01\x00\x02\x01\x00" + params + b"\x04\x02\xab\xcd"
    c.send(False, dt(b"\x7f\x66" + bytes([len(body)]) + body))
    c.send(True, dt(b"\x04\x01\x00\x01\x00"))          # erect domain
    c.send(True, dt(b"\x28"))                          # attach user
    c.send(False, dt(b"\x2e\x00\x00\x07"))             # its confirm
    c.send(True, dt(b"\x38\x00\x07\x03\xf0"))          # channel join
    c.send(False, dt(b"\x3e\x00\x00\x07\x03\xf0\x03\xf0"))
    rnd = bytes(range(0x40, 0x48))
    c.send(True, dt(senddata(False, 7, 1003, struct.pack("<HHI", 1, 0, 8)
                             + rnd)))
    sig = bytes(range(0xa0, 0xa8))
    c.send(False, dt(senddata(True, 1, 1003, struct.pack("<HH", 0x0808,
                                                          0x0302)
                              + sig + bytes(i & 0xff for i in range(150)))))
    c.send(True, bytes([0xc4, 2 + 8 + 7]) + sig + b"\x46\x22\x3c\x97\xa4"
           b"\x96\x40")                                # fast-path input
    c.send(False, bytes([0x00, 2 + 7 + 7]) + b"\x00\x04\x00\x01\x02\x03"
           b"\x04\x08\x04\x00\x10\x00\x20\x00")       # and output
    c.send(False, dt(b"\x21\x80"))                     # ultimatum
    c2 = Conn(49207, 3389, out)
    c2.handshake()
    c2.send(True, tpkt(cotp_cr(False, b"Cookie: mstshash=x\r\n" +
                               neg(1, 0, 3))))
    c2.send(False, tpkt(cotp_cr(True, neg(3, 0, 2))))
    c2.send(True, tpkt(cotp_cr(False, neg(1, 0, 2))))
    c2.send(False, tpkt(cotp_cr(True, neg(2, 1, 2))))
    hello = b"\x16\x03\x01\x00\x2d\x01\x00\x00\x29\x03\x01" + bytes(32) + \
        b"\x00\x00\x02\x00\x2f\x01\x00"
    c2.send(True, hello)
    return out


def rdpudp_frames():
    syn = struct.pack("!IHHIHH", 0xffffffff, 64, 0x1801, 0x0b127f15, 1232,
                      1232) + bytes(range(1, 17)) + bytes(16) + \
        struct.pack("!HH", 1, 2)
    ack = struct.pack("!IHHIHH", 0x0b127f15, 64, 0x1005, 0x0f94ea0b, 1232,
                      1232) + struct.pack("!HH", 1, 2)
    hello = b"\x16\x03\x01\x00\x2d\x01\x00\x00\x29\x03\x01" + \
        bytes(32) + b"\x00\x00\x02\x00\x2f\x01\x00"
    data = struct.pack("!IHH", 0x0f94ea0b, 1024, 0x000c) + \
        b"\x00\x01\x00\x1f" + struct.pack("!II", 0x0b127f16, 0x0b127f16) \
        + hello
    return [udp_frame(True, 50000, 3389, syn.ljust(1232, b"\0")),
            udp_frame(False, 3389, 50000, ack.ljust(1232, b"\0")),
            udp_frame(True, 50000, 3389, data)]


def main():
    d = os.path.dirname(os.path.abspath(__file__))
    write(os.path.join(d, "rdp.pcap"), frames())
    write(os.path.join(d, "rdpudp.pcap"), rdpudp_frames())


if __name__ == "__main__":
    main()
