#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""The rtail family, written frame by frame (pcaplib):

lmp.pcap     LMP (RFC 4204, UDP 701): a Config carrying CCID, MESSAGE_ID,
             NODE_ID and CONFIG (hello intervals), a Hello, a
             BeginVerify, a LinkSummary with a TE_LINK and DATA_LINKs
             (IPv4 and unnumbered, with switching-capability and
             wavelength subobjects), a ChannelStatus, a ConfigNack with
             an ERROR_CODE, an object of a class Wireshark does not know,
             and a Config whose objects end before its length says.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402


def lmp_obj(cls, ctype, body, neg=False):
    return struct.pack("!BBH", ctype | (0x80 if neg else 0), cls,
                       4 + len(body)) + body


def lmp(mtype, objs, flags=0, ck=True):
    body = b"".join(objs)
    h = struct.pack("!BBBBHH", 0x10, 0, flags, mtype, 8 + len(body), 0)
    m = h + body
    if ck:
        m = m[:6] + struct.pack("!H", pcaplib.csum(m)) + m[8:]
    return m


def ip4(s):
    return bytes(int(x) for x in s.split("."))


def lmp_frames():
    ccid = lmp_obj(1, 1, struct.pack("!I", 7))
    msgid = lmp_obj(5, 1, struct.pack("!I", 1001))
    node = lmp_obj(2, 1, ip4("192.0.2.1"))
    config = lmp_obj(6, 1, struct.pack("!HH", 150, 500), neg=True)
    hello = lmp_obj(7, 1, struct.pack("!II", 5, 4))
    bv = lmp_obj(8, 1, struct.pack("!HHIBBHfI", 0x0001, 100, 2, 5, 0,
                                   0x8000, 2.5e9 / 8, 1550))
    tel = lmp_obj(11, 1, struct.pack("!B3x", 3) + ip4("192.0.2.1") +
                  ip4("192.0.2.2"))
    isc = struct.pack("!BBBBff", 1, 12, 150, 8, 1e9 / 8, 1e10 / 8)
    wave = struct.pack("!BBHI", 2, 8, 0, 1550)
    dl4 = lmp_obj(12, 1, struct.pack("!B3x", 2) + ip4("10.0.0.1") +
                  ip4("10.0.0.2") + isc + wave)
    dlu = lmp_obj(12, 3, struct.pack("!B3xII", 1, 17, 18))
    chs = lmp_obj(13, 3, struct.pack("!IIII", 17, 0x80000001, 18, 3))
    err = lmp_obj(20, 2, struct.pack("!I", 0x05))
    unk = lmp_obj(99, 1, b"\xde\xad\xbe\xef")
    msgs = [
        lmp(1, [ccid, msgid, node, config]),
        lmp(4, [ccid, hello], flags=0x02),
        lmp(5, [ccid, msgid, bv]),
        lmp(14, [msgid, tel, dl4, dlu]),
        lmp(17, [ccid, msgid, chs]),
        lmp(3, [ccid, msgid, node, err]),
        lmp(1, [ccid, unk]),
    ]
    # the last: a Config whose length says 40 bytes, 20 sent
    msgs.append(msgs[0][:20])
    return [pcaplib.udp_frame(i % 2 == 0, 701, 701, m)
            for i, m in enumerate(msgs)]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    pcaplib.write(os.path.join(here, "lmp.pcap"), lmp_frames())


if __name__ == "__main__":
    main()
