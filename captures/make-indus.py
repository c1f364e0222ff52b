#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Industrial control protocols, written frame by frame (pcaplib):

s7comm.pcap  S7comm in COTP data over TPKT (TCP 102): setup communication
             and its ack-data, read var of two S7ANY items (a data block
             and the flags) and the ack-data with one item's data and one
             item's error, write var and its ack-data, PLC stop, an
             ack-data refusing with an error class and code, a userdata
             request (CPU functions, read SZL), a read's answer with an
             odd length (a fill byte) and an invalid address, an ack
             with an error, a job of a function shown as bytes, and a
             job cut short by the capture.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def s7(rosctr, ref, param, data=b"", err=None):
    """An S7comm PDU: header (with error class and code in an ack or
    ack-data), parameter and data."""
    h = struct.pack("!BBHHHH", 0x32, rosctr, 0, ref, len(param), len(data))
    if rosctr in (2, 3):
        h += bytes(err or (0, 0))
    return h + param + data


def tpkt_dt(pdu):
    """TPKT and a COTP DT (class 0, last unit) around pdu."""
    cotp = b"\x02\xf0\x80" + pdu
    return struct.pack("!BBH", 3, 0, 4 + len(cotp)) + cotp


def item(tsize, count, db, area, byte, bit=0):
    """An S7ANY address item."""
    return struct.pack("!BBBBHHB", 0x12, 0x0a, 0x10, tsize, count, db,
                       area) + ((byte << 3 | bit).to_bytes(3, "big"))


def s7comm(out):
    frames = []
    c = pcaplib.Conn(49152, 102, frames)
    c.handshake()
    setup = b"\xf0\x00" + struct.pack("!HHH", 1, 1, 480)
    c.send(True, tpkt_dt(s7(1, 0x0100, setup)))
    c.send(False, tpkt_dt(s7(3, 0x0100, b"\xf0\x00" +
                             struct.pack("!HHH", 1, 1, 240))))
    c.send(True, tpkt_dt(s7(1, 0x0200, b"\x04\x02" +
                            item(0x02, 4, 1, 0x84, 0) +
                            item(0x01, 1, 0, 0x83, 10, 3))))
    c.send(False, tpkt_dt(s7(3, 0x0200, b"\x04\x02",
                             b"\xff\x04\x00\x20\x01\x02\x03\x04"
                             b"\x0a\x00\x00\x00")))
    c.send(True, tpkt_dt(s7(1, 0x0300, b"\x05\x01" +
                            item(0x04, 1, 2, 0x84, 16),
                            b"\x00\x04\x00\x10\xab\xcd")))
    c.send(False, tpkt_dt(s7(3, 0x0300, b"\x05\x01", b"\xff")))
    c.send(True, tpkt_dt(s7(1, 0x0400, b"\x29\x00\x00\x00\x00\x00\x09" +
                            b"P_PROGRAM")))
    c.send(False, tpkt_dt(s7(3, 0x0400, b"\x29", err=(0x81, 0x04))))
    c.send(True, tpkt_dt(s7(7, 0x0500, b"\x00\x01\x12\x04\x11\x44\x01"
                            b"\x00", b"\xff\x09\x00\x04\x00\x11\x00\x00")))
    c.send(False, tpkt_dt(s7(3, 0x0200, b"\x04\x02",
                             b"\xff\x04\x00\x18\x01\x02\x03\x00"
                             b"\x05\x00\x00\x00")))
    c.send(False, tpkt_dt(s7(2, 0x0700, b"", err=(0x85, 0x00))))
    c.send(True, tpkt_dt(s7(1, 0x0800, b"\x00\x01\x02\x03", b"\xaa")))
    c.send(True, tpkt_dt(s7(1, 0x0600, b"\x04\x01" +
                            item(0x02, 4, 1, 0x84, 0))))
    frames[-1] = (frames[-1][:-6], len(frames[-1]))
    pcaplib.write(os.path.join(out, "s7comm.pcap"), frames)


def main(out):
    s7comm(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
